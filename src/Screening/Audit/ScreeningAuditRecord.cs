using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Screening.Watchlists;
using Screening.AllowLists;
using Screening.Identifiers;

namespace Screening.Audit;

/// <summary>
/// One screen as an auditor needs it, as one JSON document: the input and its normalized form, the filters, the
/// options (with a fingerprint), the library version, the lists screened (version and SHA-256), every match with its
/// explanation and the entry's content hash, the allow-list decisions applied, the time and the request id. Enums are
/// written as strings. Write it with <see cref="ToJson"/> (or any <see cref="IScreeningAuditSink"/>) and read it back
/// with <see cref="FromJson"/>.
/// </summary>
public sealed class ScreeningAuditRecord
{
    /// <summary>The format tag: <c>screening-audit/1</c>.</summary>
    public const string FormatTag = "screening-audit/1";

    /// <summary>The document's format, <see cref="FormatTag"/>.</summary>
    public string Format { get; init; } = FormatTag;

    /// <summary>This record's own id: a time-ordered GUID (version 7), 32 hex digits.</summary>
    public required string RecordId { get; init; }

    /// <summary>The caller's id of the request, if any.</summary>
    public string? RequestId { get; init; }

    /// <summary>When the screen ran (the screener's clock).</summary>
    public required DateTimeOffset ScreenedAt { get; init; }

    /// <summary>What was screened.</summary>
    public required AuditInput Input { get; init; }

    /// <summary>The name after normalization.</summary>
    public required string NormalizedQuery { get; init; }

    /// <summary>
    /// The filters in force, by criterion and whose they are: <c>screener.lists</c>, <c>request.countries</c>... Empty
    /// when no filter narrowed the lists.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The library and options that produced the verdict.</summary>
    public required AuditEngine Engine { get; init; }

    /// <summary>The lists screened, with their versions (label, publication date, SHA-256 of the source) and entry counts.</summary>
    public required IReadOnlyList<WatchlistInfo> Lists { get; init; }

    /// <summary>Every match at or above the threshold, best first, including suppressed ones (see <see cref="Suppressions"/>).</summary>
    public required IReadOnlyList<AuditMatch> Matches { get; init; }

    /// <summary>The allow-list decisions found for the matches: applied (suppressed) or no longer applying, and why.</summary>
    public IReadOnlyList<AuditSuppression> Suppressions { get; init; } = [];

    /// <summary>Whether any match still alerts after the allow-list.</summary>
    public required bool Hit { get; init; }

    /// <summary>Why the name could not be screened, for a batch row that failed.</summary>
    public string? Error { get; init; }

    /// <summary>The record as one line of JSON (camelCase names, enums as strings), from a source-generated serializer.</summary>
    public string ToJson() => _json ?? JsonSerializer.Serialize(this, AuditJsonContext.Relaxed.ScreeningAuditRecord);

    // The line, written once ahead of the sink (a batch serializes on its workers, then writes in input order).
    private string? _json;

    internal void PrepareJson() => _json ??= JsonSerializer.Serialize(this, AuditJsonContext.Relaxed.ScreeningAuditRecord);

    /// <summary>Reads a record written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a record.</exception>
    public static ScreeningAuditRecord FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, AuditJsonContext.Relaxed.ScreeningAuditRecord) ?? throw new JsonException("the JSON is null, not an audit record");
    }

    /// <summary>The audit record of one result of <paramref name="screener"/>.</summary>
    /// <param name="screener">The screener that produced the result (for its options).</param>
    /// <param name="result">The result: it carries its filters, identifiers, customer key and allow-list decisions.</param>
    public static ScreeningAuditRecord Create(Screener screener, ScreeningResult result)
    {
        ArgumentNullException.ThrowIfNull(screener);
        return Create(result, screener.Options);
    }

    /// <summary>The mapping from a result (the screener calls it with its own options).</summary>
    internal static ScreeningAuditRecord Create(ScreeningResult result, ScreeningOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        // The matches that alert, and those the allow-list suppressed: the auditor sees both.
        var all = new List<ScreeningMatch>(result.Matches);
        foreach (var h in result.AllowListHits)
            if (h.Outcome == AllowOutcome.Suppressed) all.Add(h.Match);
        all.Sort((a, b) => b.Score.CompareTo(a.Score));
        var matches = new AuditMatch[all.Count];
        for (var i = 0; i < matches.Length; i++) matches[i] = AuditMatch.From(all[i]);
        var suppressions = new List<AuditSuppression>(result.AllowListHits.Count);
        foreach (var h in result.AllowListHits)
            suppressions.Add(new AuditSuppression { ListId = h.Match.ListId, EntryId = h.Match.EntryId, Outcome = h.Outcome, Decision = h.Decision });
        return new ScreeningAuditRecord
        {
            RecordId = Guid.CreateVersion7(result.ScreenedAt).ToString("N"),
            RequestId = result.RequestId,
            ScreenedAt = result.ScreenedAt,
            Input = new AuditInput
            {
                Name = result.Query,
                CountryHint = result.CountryHint,
                EntityTypeHint = result.EntityTypeHint,
                CustomerKey = result.CustomerKey,
                Identifiers = [.. result.Identifiers.Select(i => i.Given)],
                IdentifierChecks = [.. result.Identifiers.Select(i => i.Check)],
            },
            NormalizedQuery = result.NormalizedQuery,
            Filters = FiltersOf(result),
            Engine = AuditEngine.For(options, result.Threshold),
            Lists = result.Lists,
            Matches = matches,
            Suppressions = suppressions,
            Hit = result.IsHit,
            Error = result.Error,
        };
    }

    // By criterion, prefixed with whose filter it is: screener.lists, request.countries...
    private static Dictionary<string, IReadOnlyList<string>> FiltersOf(ScreeningResult result)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        void Add(string owner, ScreeningFilter? f)
        {
            if (f is null) return;
            if (f.Lists is { } lists) filters[owner + ".lists"] = lists;
            if (f.EntityTypes is { } types) filters[owner + ".entityTypes"] = [.. types.Select(t => t.ToString())];
            if (f.Countries is { } countries) filters[owner + ".countries"] = countries;
            if (f.Programs is { } programs) filters[owner + ".programs"] = programs;
            if (f.Tags is { } tags) filters[owner + ".tags"] = tags;
        }
        Add("screener", result.ScreenerFilter);
        Add("request", result.RequestFilter);
        return filters;
    }
}

/// <summary>What was screened.</summary>
public sealed class AuditInput
{
    /// <summary>The name as given.</summary>
    public required string Name { get; init; }

    /// <summary>The country hint, if any.</summary>
    public string? CountryHint { get; init; }

    /// <summary>The entity-type hint, if any.</summary>
    public EntityType? EntityTypeHint { get; init; }

    /// <summary>The customer key the allow-list was applied under, if any.</summary>
    public string? CustomerKey { get; init; }

    /// <summary>The identifiers screened: the request's, and one typed as the name.</summary>
    public IReadOnlyList<ScreeningIdentifier> Identifiers { get; init; } = [];

    /// <summary>
    /// How each of <see cref="Identifiers"/> was read, in the same order: scheme, normalized value and status (an
    /// invalid one, with its problem, was never compared).
    /// </summary>
    public IReadOnlyList<IdentifierCheck> IdentifierChecks { get; init; } = [];
}

/// <summary>The library and the options behind a verdict.</summary>
public sealed class AuditEngine
{
    /// <summary>The library's informational version, with the commit it was built from (e.g. <c>0.1.0+9139db0...</c>).</summary>
    public required string LibraryVersion { get; init; }

    /// <summary>
    /// The matcher's version. Today the library version: the scoring rules ship with the library. A separate stamp
    /// belongs to the scoring model once it carries one.
    /// </summary>
    public required string MatcherVersion { get; init; }

    /// <summary>The threshold applied.</summary>
    public required double Threshold { get; init; }

    /// <summary>The options that shape results, as <c>name=value</c> pairs in a fixed order.</summary>
    public required IReadOnlyList<string> Options { get; init; }

    /// <summary>The first 16 hex digits of the SHA-256 of <see cref="Options"/> joined by <c>;</c>: equal fingerprints, equal options.</summary>
    public required string OptionsFingerprint { get; init; }

    internal static string Version { get; } =
        typeof(ScreeningAuditRecord).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ScreeningAuditRecord).Assembly.GetName().Version?.ToString() ?? "unknown";

    internal static AuditEngine For(ScreeningOptions o, double threshold)
    {
        var inv = CultureInfo.InvariantCulture;
        string[] options =
        [
            "threshold=" + threshold.ToString("R", inv),
            "maxMatches=" + o.MaxMatches.ToString(inv),
            "maxNameLength=" + o.MaxNameLength.ToString(inv),
            "useBuiltInWatchlist=" + (o.UseBuiltInWatchlist ? "true" : "false"),
            "alwaysIncludeBuiltInWatchlist=" + (o.AlwaysIncludeBuiltInWatchlist ? "true" : "false"),
            // A predicate cannot be printed; the built-in list's entry count in Lists shows its effect.
            "builtInWatchlistFilter=" + (o.BuiltInWatchlistFilter is null ? "none" : "custom"),
            "filter=" + (o.Filter?.ToString() ?? "none"),
            "allowListDecisions=" + (o.AllowList?.Count ?? 0).ToString(inv),
        ];
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(';', options))))[..16];
        return new AuditEngine { LibraryVersion = Version, MatcherVersion = Version, Threshold = threshold, Options = options, OptionsFingerprint = hash };
    }
}

/// <summary>One match, as the reviewer saw it.</summary>
public sealed class AuditMatch
{
    /// <summary>The list id.</summary>
    public required string ListId { get; init; }

    /// <summary>The entry id.</summary>
    public required string EntryId { get; init; }

    /// <summary>The entry's primary name.</summary>
    public required string PrimaryName { get; init; }

    /// <summary>The name or alias that matched.</summary>
    public required string MatchedName { get; init; }

    /// <summary>The strength of the matched name.</summary>
    public required NameStrength MatchedNameStrength { get; init; }

    /// <summary>The score.</summary>
    public required double Score { get; init; }

    /// <summary>The explanation.</summary>
    public required string Explanation { get; init; }

    /// <summary>The <see cref="Watchlists.EntryContentHash"/> of the entry as screened: what an allow-list decision would record.</summary>
    public required string EntryContentHash { get; init; }

    /// <summary>The token alignment behind the score.</summary>
    public IReadOnlyList<TokenAlignment> Alignment { get; init; } = [];

    /// <summary>Identifier evidence about the entry (empty when the screen carried no identifiers).</summary>
    public IReadOnlyList<IdentifierEvidence> Identifiers { get; init; } = [];

    internal static AuditMatch From(ScreeningMatch m) => new()
    {
        ListId = m.ListId,
        EntryId = m.EntryId,
        PrimaryName = m.PrimaryName,
        MatchedName = m.MatchedName,
        MatchedNameStrength = m.MatchedNameStrength,
        Score = m.Score,
        Explanation = m.Explanation,
        EntryContentHash = Watchlists.EntryContentHash.Compute(m.Entry),
        Alignment = m.Alignment,
        Identifiers = m.IdentifierEvidence,
    };
}

/// <summary>An allow-list decision found for a match.</summary>
public sealed class AuditSuppression
{
    /// <summary>The list id of the match.</summary>
    public required string ListId { get; init; }

    /// <summary>The entry id of the match.</summary>
    public required string EntryId { get; init; }

    /// <summary>Suppressed, or why the decision no longer applies.</summary>
    public required AllowOutcome Outcome { get; init; }

    /// <summary>The decision: who, when, why, the content hash reviewed (compare with the match's) and the expiry.</summary>
    public required AllowDecision Decision { get; init; }
}
