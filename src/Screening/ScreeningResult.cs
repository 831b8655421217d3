using Screening.AllowLists;
using Screening.Identifiers;
using Screening.Watchlists;

namespace Screening;

/// <summary>How a query token met a list token.</summary>
public enum TokenMatchKind
{
    /// <summary>Same text after case, diacritic and punctuation folding.</summary>
    Exact,
    /// <summary>Same after folding competing romanizations or transliterating a script (Cyrillic, Greek, Han).</summary>
    Transliteration,
    /// <summary>
    /// The same term of the term table written two ways: an abbreviation and its long form (TECH and TECHNOLOGY, NII and
    /// the institute's full name), a translation (ZAVOD and PLANT) or a misspelling of the term (ELECTROMECHANCAL).
    /// </summary>
    Abbreviation,
    /// <summary>Both are legal forms of the same class (OOO and LLC).</summary>
    LegalForm,
    /// <summary>Within a small edit distance.</summary>
    Fuzzy,
    /// <summary>Words split on one side and joined on the other (ALMAZ ANTEY and ALMAZANTEY).</summary>
    SplitJoin,
    /// <summary>A query token with no counterpart in the list name.</summary>
    QueryOnly,
    /// <summary>A list-name token with no counterpart in the query.</summary>
    ListOnly,
    /// <summary>
    /// Some words of a phrase on one side (CENTRAL INSTITUTE) against the whole phrase on the other (CENTRAL RESEARCH
    /// INSTITUTE): partial credit, in proportion to the weight of the words found.
    /// </summary>
    PartialPhrase,
}

/// <summary>One step of the alignment between the query and the matched name.</summary>
/// <param name="QueryToken">The query token(s) as written, or <see langword="null"/> for a list-only token.</param>
/// <param name="ListToken">The list token(s) as written, or <see langword="null"/> for a query-only token.</param>
/// <param name="Kind">How they matched.</param>
/// <param name="Similarity">0 to 1: how alike the two are.</param>
/// <param name="Distance">The edit distance for <see cref="TokenMatchKind.Fuzzy"/>, otherwise 0.</param>
/// <param name="Weight">How much this token counts, from its rarity across the loaded lists.</param>
public sealed record TokenAlignment(string? QueryToken, string? ListToken, TokenMatchKind Kind, double Similarity, int Distance, double Weight);

/// <summary>One potential match.</summary>
public sealed class ScreeningMatch
{
    /// <summary>The id of the list the entry is on.</summary>
    public required string ListId { get; init; }

    /// <summary>The entry's id in its source.</summary>
    public required string EntryId { get; init; }

    /// <summary>The entry's primary name.</summary>
    public required string PrimaryName { get; init; }

    /// <summary>The name or alias that matched, as the list writes it.</summary>
    public required string MatchedName { get; init; }

    /// <summary>Whether the matched name is the primary name, a strong or weak alias, or a former name.</summary>
    public required NameStrength MatchedNameStrength { get; init; }

    /// <summary>The score, from 0 to 1. An exact name or alias scores 1.</summary>
    public required double Score { get; init; }

    /// <summary>A human-readable explanation of why this matched.</summary>
    public required string Explanation { get; init; }

    /// <summary>The token alignment behind the score.</summary>
    public required IReadOnlyList<TokenAlignment> Alignment { get; init; }

    /// <summary>The matched entry, with its identifiers, programs, tags and sources.</summary>
    public required WatchlistEntry Entry { get; init; }

    /// <summary>
    /// What the request's identifiers say about this entry: a match (near-certain for a scheme that names one legal
    /// person), a mismatch, or an identifier invalid on either side (reported, never compared). Empty when the request
    /// carried no identifiers, or the entry has none to compare.
    /// </summary>
    public IReadOnlyList<IdentifierEvidence> IdentifierEvidence { get; init; } = [];

    internal string NormalizedQueryText { get; init; } = "";
    internal string NormalizedMatchedText { get; init; } = "";
    private int _tokenSetRatio = -1;

    /// <summary>
    /// A familiar second opinion for reviewers: the token-set ratio (0 to 100, as FuzzySharp and fuzzywuzzy compute it)
    /// between the normalized query and the normalized matched name (ASCII, after transliteration). Not part of the score. Computed on first read, so screens that never read it
    /// do not pay for it.
    /// </summary>
    public int TokenSetRatio
    {
        get
        {
            if (_tokenSetRatio < 0)
                _tokenSetRatio = Matching.Explain.SecondOpinion.TokenSetRatio(NormalizedQueryText, NormalizedMatchedText);
            return _tokenSetRatio;
        }
    }
}

/// <summary>A loaded list as a result records it.</summary>
/// <param name="Id">The list id.</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="Version">The version.</param>
/// <param name="EntryCount">The number of entries.</param>
public sealed record WatchlistInfo(string Id, string DisplayName, WatchlistVersion Version, int EntryCount)
{
    /// <summary>Primary rows (records) the load read: <see cref="EntryCount"/> loaded plus <see cref="RowsRejected"/>.</summary>
    public long RowsRead { get; init; }

    /// <summary>Primary rows the load rejected (see <see cref="Watchlist.Report"/> for each one's file, row and reason).</summary>
    public long RowsRejected { get; init; }

    /// <summary>Optional source files that were absent (e.g. OFAC's <c>alt.csv</c>), so their data is not loaded. Empty when none.</summary>
    public IReadOnlyList<string> MissingFiles { get; init; } = [];

    /// <summary>Source files that look cut short (e.g. an OFAC file without its end-of-file byte). Empty when none.</summary>
    public IReadOnlyList<string> TruncatedFiles { get; init; } = [];
}

/// <summary>An identifier a screen carried, and how it was read.</summary>
/// <param name="Given">As given.</param>
/// <param name="Check">Its scheme, normalized value and validity.</param>
public sealed record ScreenedIdentifier(ScreeningIdentifier Given, IdentifierCheck Check);

/// <summary>The self-describing result of one screen, for the audit trail.</summary>
public sealed class ScreeningResult
{
    /// <summary>The name as given.</summary>
    public required string Query { get; init; }

    /// <summary>The caller's id of the request (batch screens), if any.</summary>
    public string? RequestId { get; init; }

    /// <summary>Why the name could not be screened (batch screens only; single screens throw instead).</summary>
    public string? Error { get; init; }

    /// <summary>The name after normalization, as tokens joined by spaces.</summary>
    public required string NormalizedQuery { get; init; }

    /// <summary>
    /// Whether the name was longer than the screener reads (96 words, or 48 after legal forms and phrases are merged):
    /// only its beginning was screened, which <see cref="NormalizedQuery"/> shows. Bounds the work one input can cost.
    /// </summary>
    public bool Truncated { get; init; }

    /// <summary>The threshold applied.</summary>
    public required double Threshold { get; init; }

    /// <summary>The matches at or above the threshold, best first.</summary>
    public required IReadOnlyList<ScreeningMatch> Matches { get; init; }

    /// <summary>The lists screened, with their versions.</summary>
    public required IReadOnlyList<WatchlistInfo> Lists { get; init; }

    /// <summary>When the screen ran, from the configured <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset ScreenedAt { get; init; }

    /// <summary>The country hint given, if any.</summary>
    public string? CountryHint { get; init; }

    /// <summary>The entity-type hint given, if any.</summary>
    public EntityType? EntityTypeHint { get; init; }

    /// <summary>The screener's filter in force (<see cref="ScreeningOptions.Filter"/>), if any.</summary>
    public ScreeningFilter? ScreenerFilter { get; init; }

    /// <summary>The request's filter in force (<see cref="ScreeningRequest.Filter"/>), if any; both apply.</summary>
    public ScreeningFilter? RequestFilter { get; init; }

    /// <summary>The identifiers screened (the request's, and one typed as the name), each as classified and validated.</summary>
    public IReadOnlyList<ScreenedIdentifier> Identifiers { get; init; } = [];

    /// <summary>The key the allow-list was looked up under, when one is configured.</summary>
    public string? CustomerKey { get; init; }

    /// <summary>
    /// Every reviewed decision of the allow-list that applied: <see cref="AllowOutcome.Suppressed"/> ones are not in
    /// <see cref="Matches"/>; a decision whose entry changed or that expired is listed and its match alerts again.
    /// </summary>
    public IReadOnlyList<AllowListHit> AllowListHits { get; init; } = [];

    /// <summary>The matches the allow-list suppressed, with the decisions that did.</summary>
    public IEnumerable<AllowListHit> Suppressed => AllowListHits.Where(h => h.Outcome == AllowOutcome.Suppressed);

    /// <summary>Whether any match was found.</summary>
    public bool IsHit => Matches.Count > 0;
}
