using System.Runtime.CompilerServices;
using Screening.Normalization;

namespace Screening.Matching.Scoring;

/// <summary>
/// Every weight and rule of the score, in one place. The name scorer, the pruning bounds, the candidate source and the
/// explanation read these; none keeps a constant of its own. Each value says what chose it: "evaluation" is the
/// quality evaluation (<c>benchmarks/Screening.Evaluation</c>, full OFAC SDN list, seed 20260901).
/// </summary>
/// <remarks>
/// The score of one listed name: tokens are aligned one to one (greedy by gain, exact pairs first), and
/// <c>score = matched / (weight of the pairs + UnmatchedQuery x query tokens left + UnmatchedList x list tokens left)</c>,
/// times the reading factor, capped at 1; then hint adjustments (<see cref="Adjustment"/>) and a clamp to [0, 1].
/// </remarks>
internal static class ScoringModel
{
    // ---- Token weights ------------------------------------------------------------------------------------------

    /// <summary>A legal form (LLC, OOO, JSC) met by the same class on the other side: a weak signal, never content.</summary>
    public const float LegalFormWeight = 0.5f;

    /// <summary>A function word (AND, OF): nearly weightless.</summary>
    public const float StopWordWeight = 0.2f;

    /// <summary>The lightest an ordinary word weighs, however common.</summary>
    public const float WeightFloor = 0.3f;

    /// <summary>Rarity is squared: rare words dominate common ones more than plain IDF (evaluation: tried 1, 1.5 and 2).</summary>
    public const double IdfExponent = 2;

    /// <summary>Rarity weight of a word on <paramref name="df"/> of <paramref name="entries"/> entries.</summary>
    public static float IdfWeight(int df, int entries) =>
        Math.Max(WeightFloor, (float)Math.Pow(Math.Log((entries + 1.0) / Math.Max(1, df)), IdfExponent));

    /// <summary>
    /// Generic business words (GROUP, TRADING, LOGISTICS) weigh at most what a word on 1% of the entries weighs, and at
    /// most a quarter of a unique word (small lists have no 1% words). Evaders add them; they carry little identity.
    /// </summary>
    public static float GenericCap(int entries) =>
        Math.Min(IdfWeight(Math.Max(1, entries / 100), entries), 0.25f * IdfWeight(1, entries));

    /// <summary>Initials and two- or three-letter words collide by chance: they weigh less than their rarity says.</summary>
    public static float ShortWordFactor(int textLength) => textLength <= 2 ? 0.4f : textLength == 3 ? 0.7f : 1f;

    /// <summary>The weight of a listed key, from its class, whether it is generic, and its rarity.</summary>
    public static float KeyWeight(TokenClass cls, bool generic, int df, int entries, int longestText, float genericCap) => cls switch
    {
        TokenClass.LegalForm => LegalFormWeight,
        TokenClass.Stop => StopWordWeight,
        _ when generic => Math.Min(genericCap, IdfWeight(df, entries)),
        _ => IdfWeight(df, entries) * ShortWordFactor(longestText),
    };

    /// <summary>What a key weighs towards the bound when met (legal forms are counted apart, for the query).</summary>
    public static float MetWeight(TokenClass cls, float weight) => cls != TokenClass.LegalForm ? weight : 0f;

    // ---- Tokens left unmatched ----------------------------------------------------------------------------------

    /// <summary>
    /// How much an unmatched query token costs, relative to its weight: extra words cost less than a mismatch.
    /// Evaluation (query/list): 0.6/0.4 gave 0.9% false alerts, 0.8/0.5 0.6% for 0.4 points of recall.
    /// Added generic words (X HOLDING, X SERVICE) cost the same: a cheaper rate for them (0.65, 0.4) won 2-3 points on
    /// the held-out token-added queries but raised false alerts on real unlisted names from 192 to 216 and 311.
    /// </summary>
    public const float UnmatchedQuery = 0.8f;

    /// <summary>How much an unmatched listed token costs, relative to its weight (see <see cref="UnmatchedQuery"/>).</summary>
    public const float UnmatchedList = 0.5f;

    /// <summary>
    /// The cost of a query token left unmatched. A legal form missing on either side costs nothing: lists and customer
    /// books drop, add and swap legal forms freely (LLC for OOO, CO LTD dropped), so only a shared one counts, as a boost.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float UnmatchedQueryCost(TokenClass cls, float weight) => cls == TokenClass.LegalForm ? 0f : UnmatchedQuery * weight;

    /// <summary>The cost of a listed token left unmatched (legal forms: nothing, see <see cref="UnmatchedQueryCost"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float UnmatchedListCost(TokenClass cls, float weight) => cls == TokenClass.LegalForm ? 0f : UnmatchedList * weight;

    // ---- Misspellings -------------------------------------------------------------------------------------------

    /// <summary>No fuzzy matching of words shorter than this (typed letters).</summary>
    public const int MinFuzzyLength = 4;

    /// <summary>From this many typed letters, two edits are allowed.</summary>
    public const int TwoEditLength = 9;

    /// <summary>
    /// Words longer than this match exactly only: no real listed name has one (the longest SDN word has 35 letters), and
    /// the deletion index of a long word grows with the square of its length (one 3,000-letter word took 37 s to index).
    /// </summary>
    public const int MaxFuzzyLength = 64;

    /// <summary>Keys this short are acronyms or short names, where the key's folds (C/K, Q/K, W/V, Y/I) mostly pair different words.</summary>
    public const int ShortKeyLength = 4;

    /// <summary>From this many typed letters, a typo may also be measured on the keys (romanization can make one typed edit two).</summary>
    public const int KeyFuzzyMinLength = 9;

    /// <summary>Edits allowed in a word of this many letters: none below four, one up to eight, two from nine.</summary>
    public static int MaxDistance(int length) => length < MinFuzzyLength || length > MaxFuzzyLength ? 0 : length < TwoEditLength ? 1 : 2;

    /// <summary>Edits allowed between two words: by the typed length, and never more than their keys can bear.</summary>
    public static int AllowedEdits(int textLength, int keyLength) => Math.Min(MaxDistance(textLength), MaxDistance(keyLength + 1));

    /// <summary>
    /// Edits allowed between two words, each indexed to its own depth (deletions): the longer word's tolerance, as far as
    /// the deletion index can reach it (a shorter word needs length-difference fewer deletions). Two typos in a nine-letter
    /// word that leave eight letters are still two edits of a nine-letter word. No fuzzy matching below four letters.
    /// </summary>
    public static int PairBudget(int minTextLength, int lengthA, int depthA, int lengthB, int depthB)
    {
        if (minTextLength < MinFuzzyLength) return 0;
        return lengthA <= lengthB ? Math.Min(depthB, depthA + (lengthB - lengthA)) : Math.Min(depthA, depthB + (lengthA - lengthB));
    }

    /// <summary>Each edit costs this share of the longer word.</summary>
    public const float EditCost = 0.9f;

    /// <summary>
    /// An edit at the first letter costs this much more: typists rarely miss it, and BOLO/POLO, WING/KING are different
    /// names. At 0.05 a first-letter edit of a six-letter name alone scored exactly the default threshold (KERING/BERING,
    /// GATECH/VATECH); 0.06 puts it just below, as a five-letter one is: quick evaluation false alerts 192 -> 188/38,032,
    /// held-out dev and cross-list recall unchanged.
    /// </summary>
    public const float FirstLetterEditCost = 0.06f;

    /// <summary>Words this short collide most (TESCO/TEACO, LINDE/LINDA)...</summary>
    public const int ShortWordLength = 5;

    /// <summary>...so an edit there costs this much more: a one-edit variant of a five-letter name alone scores 0.79 (evaluation).</summary>
    public const float ShortWordEditCost = 0.03f;

    /// <summary>The similarity of two words <paramref name="distance"/> edits apart.</summary>
    public static float FuzzySimilarity(int distance, int lengthA, int lengthB, bool firstLetterDiffers)
    {
        var longer = Math.Max(lengthA, lengthB);
        return 1f - EditCost * distance / longer - (firstLetterDiffers ? FirstLetterEditCost : 0f) - (longer <= ShortWordLength ? ShortWordEditCost : 0f);
    }

    // ---- Abbreviations of ordinary words -----------------------------------------------------------------------

    /// <summary>
    /// A query word that abbreviates an ordinary listed word (DSGN for DESIGN, RESCH for RESEARCH, HOLD for
    /// HOLDING, INSTIT for INSTITUTE: its letters in order, the first one first, cut after a consonant) meets it at
    /// this similarity. Such a pair is never a name's content: an abbreviated descriptor weighs what the descriptor weighs,
    /// instead of counting as an unknown distinctive word, but a match still needs a distinctive word of its own.
    /// </summary>
    public const float AbbreviationSimilarity = 0.9f;

    /// <summary>Abbreviations have this many letters at least...</summary>
    public const int AbbreviationMinLength = 3;

    /// <summary>...and at most this many...</summary>
    public const int AbbreviationMaxLength = 8;

    /// <summary>...and are this many letters shorter than the word, at least.</summary>
    public const int AbbreviationMinShortening = 2;

    /// <summary>
    /// An ordinary word: one the lists use in this many entries or more (a name's distinctive word is rarer). At 10,
    /// NAVIGATION, COMPONENTS, EXPERIMENTAL were too rare to be typed short (NAV, COMPS., EXPTL): held-out dev
    /// abbreviations 95.7 -> 97.3% at 5, false alerts unchanged; at 3, 97.0% and one more false alert.
    /// </summary>
    public const int AbbreviationMinDocumentFrequency = 5;

    /// <summary>
    /// Abbreviations this short are the word's first letters (SCI, RES, ENG, INS) or its first letter and two consonants (TRD, PLT, AVN):
    /// a three-letter shortening with a vowel of its own is usually a word (MAN is not MACHINE), and one ending in S an
    /// acronym (TCS is not TECHNOLOGIES, LBS not LABS, ADS not ADMINISTRATION). Quick evaluation: false alerts 184 -> 179
    /// of 38,032, recall unchanged.
    /// </summary>
    public const int ShortAbbreviationLength = 3;

    private static bool ShortAbbreviationShape(ReadOnlySpan<char> a, ReadOnlySpan<char> word) =>
        word.StartsWith(a, StringComparison.Ordinal) || (a[^1] != 'S' && Text.Abbreviations.Consonants(a[1..]));

    /// <summary>Whether <paramref name="a"/> abbreviates <paramref name="word"/> within the limits above (<see cref="Text.Abbreviations"/>).</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> a, ReadOnlySpan<char> word) =>
        a.Length >= AbbreviationMinLength && a.Length <= AbbreviationMaxLength && word.Length >= a.Length + AbbreviationMinShortening
        && Text.Abbreviations.Abbreviates(a, word) && (a.Length > ShortAbbreviationLength || ShortAbbreviationShape(a, word));

    // ---- Words split, joined and phrases broken up ------------------------------------------------------------

    /// <summary>Two words on one side met by one on the other (ALMAZ ANTEY / ALMAZANTEY), and a split reading's factor.</summary>
    public const float SplitJoinSimilarity = 0.98f;

    /// <summary>
    /// A query read under another romanization of Russian (German, French, GOST: OBSCHTSCHESTWO as OBSHCHESTVO) keeps
    /// this share of its score: the reading is tried only where it turns unknown words into listed ones.
    /// </summary>
    public const float RespelledReadingFactor = 0.98f;

    /// <summary>
    /// A romanization scheme is tried only where it turns at least one in this many of the unknown words it could
    /// respell into known ones (so a long garbled query is not read twice because one word respells by chance).
    /// </summary>
    public const int RespellingEvidenceShare = 3;

    /// <summary>
    /// A query read without the country it names at its end or start (ALROSA RUSSIA as ALROSA, matching only entries
    /// tied to that country, see <c>PlaceReadings</c>) keeps this share of its score: a name as listed still ranks first.
    /// </summary>
    public const float PlaceReadingFactor = 0.97f;

    /// <summary>
    /// A scheme is tried only where it turns an unknown word of this many letters into a known one: shorter words
    /// turned into other short words by chance (LZ as LTS, FAJI as FAYI, CHIBA as SHIBA: false alerts on real names).
    /// </summary>
    public const int RespellingEvidenceMinLength = 6;

    /// <summary>Once a scheme holds, unknown words of this many letters are read under it (SAWOD as ZAVOD, WTB as VTB).</summary>
    public const int RespellingMinLength = 3;

    /// <summary>A phrase met by some of its words (CENTRAL INSTITUTE for CENTRAL RESEARCH INSTITUTE) at best, in proportion to their weight.</summary>
    public const float PartialPhraseSimilarity = 0.9f;

    /// <summary>Words are cut into two listed words from this length (typed letters)...</summary>
    public const int SplitMinLength = 4;

    /// <summary>...up to this length.</summary>
    public const int SplitMaxLength = 60;

    /// <summary>The shortest half of a word cut in the index's split points (FindSplits).</summary>
    public const int SplitMinHalf = 2;

    /// <summary>A split reading (the query re-read with a word cut in two) needs a word of this length...</summary>
    public const int ReadingMinLength = 6;

    /// <summary>...cut into halves of at least this length...</summary>
    public const int ReadingMinHalf = 3;

    /// <summary>...or a legal form of at least this length glued to a word (AOABR: AO ABR; OOONORD: OOO NORD)...</summary>
    public const int GluedLegalFormMinLength = 2;

    /// <summary>...or two legal-form words of at least this length each (STOCKCOMPANY, LIABILITYCOMPANY).</summary>
    public const int GluedLegalWordsMinLength = 4;

    // The legal forms found glued to a name in real data entry: before it (OOONORD, AOABR, LLCNEWTON), after it
    // (BINALTD, ZVEZDALIMITED). Short forms that end ordinary words elsewhere (AS, AB, OY, SA, UP, CORP) are left out.
    // Compared on romanization keys, so that OBSCHESTVO and OBSHESTVO count as OBSHCHESTVO.
    private static readonly HashSet<string> GluedLegalPrefixes = Keys(["OOO", "OAO", "ZAO", "PAO", "AO", "JSC", "CJSC", "OJSC", "PJSC",
        "LLC", "LTD", "TOV", "FGUP", "COMPANY", "OBSHCHESTVO", "OBSCHESTVO", "OBSHESTVO"]);
    private static readonly HashSet<string> GluedLegalSuffixes = Keys(["LTD", "LLC", "LIMITED", "COMPANY", "JSC", "OOO"]);

    /// <summary>Whether a legal form written as <paramref name="text"/> is found glued before a name.</summary>
    public static bool IsGluedLegalPrefix(ReadOnlySpan<char> text) => Contains(GluedLegalPrefixes, text);

    /// <summary>Whether a legal form written as <paramref name="text"/> is found glued after a name.</summary>
    public static bool IsGluedLegalSuffix(ReadOnlySpan<char> text) => Contains(GluedLegalSuffixes, text);

    private static HashSet<string> Keys(string[] texts)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in texts) keys.Add(Romanization.Key(t));
        return keys;
    }

    private static bool Contains(HashSet<string> keys, ReadOnlySpan<char> text)
    {
        Span<char> key = stackalloc char[text.Length * 2];
        return keys.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key[..Romanization.KeyInto(text, key)]);
    }

    // ---- Names and hints ----------------------------------------------------------------------------------------

    /// <summary>
    /// OFAC: weak AKAs are broad and generally not expected to be screened. A weak alias alone stays just below the
    /// default threshold (0.78 verbatim): reported at a lower threshold, never an alert of its own at the default.
    /// Measured and not kept: 0.85 (an exact weak alias alerts) took the cross-list dev set from 83.4/82.1% to
    /// 85.4/85.4% (Latin/native; the EU names firms by acronyms OFAC lists as weak: MZKT, SVR, CST) and false alerts
    /// from 188 to 210 of 38,032 (over the 0.5% limit).
    /// </summary>
    public const double WeakAliasFactor = 0.78;

    /// <summary>
    /// A weak alias met with a legal form of a class the entry has too (JSC MMZ for MMZ of MARIYSKIY MACHINE-BUILDING
    /// PLANT OPEN JOINT STOCK COMPANY; ООО «ЦСТ» for CST of A LEVEL AEROSYSTEMS CST LLC): a firm of the entry's kind named
    /// by the acronym OFAC lists as weak, as the EU names these firms. An exact one alerts (0.85). Quick evaluation:
    /// cross-list dev Latin 87.1 -> 88.6%, native 83.3 -> 85.7%, false alerts unchanged (179 of 38,032); an exact weak
    /// alias alone still does not alert (BID, PPL, NEC, SISCO: the false alerts of 0.85 for every weak alias).
    /// </summary>
    public const double WeakAliasWithLegalFormFactor = 0.85;

    /// <summary>A country hint among the entry's countries.</summary>
    public const double CountryBonus = 0.03;

    /// <summary>A country hint not among the entry's countries (hints adjust, never exclude).</summary>
    public const double CountryPenalty = 0.03;

    /// <summary>An entity-type hint equal to the entry's type.</summary>
    public const double TypeBonus = 0.02;

    /// <summary>An entity-type hint different from the entry's type.</summary>
    public const double TypePenalty = 0.05;

    /// <summary>No type hint, the query's legal form names an organization, the entry is a person, vessel or aircraft.</summary>
    public const double InferredTypePenalty = 0.15;

    /// <summary>The most the hints can add: names whose name score is below threshold minus this never match.</summary>
    public const double MaxBonus = CountryBonus + TypeBonus;

    // ---- Identifiers --------------------------------------------------------------------------------------------
    // An identifier the request and the entry share is evidence of its own, beside the name. Entries an identifier
    // brings are scored whatever their name score (never pruned); a mismatch only lowers scores, so the bounds hold.

    /// <summary>
    /// An exact, valid match on a scheme that names one legal person (INN, OGRN, OGRNIP, USCC, LEI, IMO, VKN, BIC) is
    /// near-certain: the score is at least this, whatever the name says (a renamed firm, or no name at all).
    /// </summary>
    public const double IdentifierMatchFloor = 0.95;

    /// <summary>A match on a format-only registry number (Hong Kong CR, UAE trade licence) with a name that agrees this far...</summary>
    public const double RegistryMatchNameAgreement = 0.6;

    /// <summary>...lifts the score to at least this; with a name that agrees less, it adds <see cref="WeakIdentifierMatchBonus"/>.</summary>
    public const double RegistryMatchFloor = 0.93;

    /// <summary>A match on an identifier of no known scheme (six characters or more), or a registry number with a differing name.</summary>
    public const double WeakIdentifierMatchBonus = 0.10;

    /// <summary>The shortest identifier of no known scheme that counts as evidence.</summary>
    public const int MinOtherIdentifierLength = 6;

    /// <summary>A KPP (a Russian tax office code, shared by many firms) in common: a little evidence.</summary>
    public const double KppMatchBonus = 0.03;

    /// <summary>
    /// Identifiers of the same single-entity scheme that disagree (both valid, none in common): the name score is
    /// multiplied by this. An exact name still alerts at the default threshold (0.85 &gt;= 0.80); a fuzzy one drops.
    /// </summary>
    public const double IdentifierMismatchFactor = 0.85;

    // ---- Limits -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Deletion variants one listed name may add to the index, keys and spellings together. Its words take their typo
    /// tolerance in order while the budget lasts; the rest match exactly (on both paths). The longest real names want
    /// at most 1,716 (OFAC SDN and the CSL: none is over budget); a hostile name of sixteen 60-letter words would want
    /// 60,000, and take seconds to index.
    /// </summary>
    public const int MaxDeletionVariantsPerName = 3072;

    /// <summary>An upper bound on the deletion variants of a word of <paramref name="length"/> letters indexed to <paramref name="depth"/>.</summary>
    public static int VariantCount(int length, int depth) => depth <= 0 ? 1 : depth == 1 ? 1 + length : 1 + length + length * (length - 1) / 2;

    /// <summary>
    /// Tokens of a name that take part in matching (the alignment's masks hold 64). The longest listed names have 25
    /// words (OFAC SDN, CSL); a query's words after the 48th are not matched and the result says it was truncated. At 64,
    /// a 1,000-character query of misspelt listed words took 2.3 ms (adversarial benchmark; target 2 ms).
    /// </summary>
    public const int MaxTokens = 48;
}
