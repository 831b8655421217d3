using System.Globalization;
using System.Text;
using Screening.Matching.Index;
using Screening.Matching.Query;
using Screening.Matching.Scoring;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Matching.Explain;

/// <summary>
/// Renders a match for the audit: the token alignment and the adjustments the scoring rules returned, as data and as
/// one line of text. Holds no rules: it asks the scorer for the alignment and <see cref="HintRules"/> for the
/// adjustments. Built only for the matches returned, never for every candidate.
/// </summary>
internal sealed class Explainer(MatchIndex index, NameScorer scorer)
{
    /// <summary>The match of prepared name <paramref name="nameIndex"/> at final score <paramref name="score"/>.</summary>
    public ScreeningMatch Explain(PreparedQuery q, int nameIndex, double score, in MatchRequest request, MatchContext ctx)
    {
        var prepared = index.Names[nameIndex];
        var (list, entry) = index.Entries[prepared.Entry];
        var name = entry.Names[prepared.NameIndex];
        var listTokens = index.Normalized[prepared.Normalized].Tokens;

        var pairs = new List<Pair>();
        var raw = scorer.Score(q, prepared.Tokens, listTokens, ctx, pairs);
        var adjustments = new List<Adjustment>();
        var evidence = request.Identifiers?.EvidenceFor(entry) ?? [];
        var shared = name.Strength == NameStrength.Weak && index.SharesLegalForm(prepared.Entry, q.Keys, q.Classes, q.TokenCount);
        HintRules.Apply(raw, entry, name.Strength, request, HintRules.QueryNamesOrganization(q.Name), evidence, adjustments, shared);
        var alignment = Align(q, prepared.Tokens, listTokens, pairs);

        var sb = new StringBuilder();
        if (q.FieldReading is { } field) sb.Append(CultureInfo.InvariantCulture, $"Query read as \"{field.Text}\" ({Describe(field.Kind)}). ");
        if (q.ReadingNote is { } note) sb.Append(CultureInfo.InvariantCulture, $"Query read with {note} (x{q.ReadingFactor:0.00}). ");
        sb.Append(CultureInfo.InvariantCulture, $"Matched {Describe(name.Strength)} \"{name.Value}\"");
        if (index.ReadingTexts[prepared.Normalized] is { } listedReading) sb.Append(CultureInfo.InvariantCulture, $" (as \"{listedReading}\")");
        sb.Append(CultureInfo.InvariantCulture, $" of {list.Id} entry {entry.Id}");
        if (name.Strength != NameStrength.Primary) sb.Append(CultureInfo.InvariantCulture, $" (primary name \"{entry.PrimaryName}\")");
        sb.Append(". ");
        if (q.TokenCount == 0 && request.Identifiers?.FromName is { } id)
            sb.Append(CultureInfo.InvariantCulture, $"The name is an identifier ({id.Check.Value}), matched on the identifier, not as a name");
        else if (q.TokenCount == 0) sb.Append("No name was screened, only identifiers");
        for (var i = 0; i < alignment.Count && q.TokenCount > 0; i++)
        {
            if (i > 0) sb.Append("; ");
            sb.Append(Render(alignment[i]));
        }
        sb.Append(CultureInfo.InvariantCulture, $". Name score {raw:0.000}");
        foreach (var a in adjustments) sb.Append(Render(a, entry));
        sb.Append(CultureInfo.InvariantCulture, $"; score {score:0.000} >= threshold {request.Threshold:0.00}.");

        return new ScreeningMatch
        {
            ListId = list.Id,
            EntryId = entry.Id,
            PrimaryName = entry.PrimaryName,
            MatchedName = name.Value,
            MatchedNameStrength = name.Strength,
            Score = Math.Round(score, 4),
            Explanation = sb.ToString(),
            Alignment = q.TokenCount == 0 ? [] : alignment,
            Entry = entry,
            IdentifierEvidence = evidence,
            NormalizedQueryText = q.Name.ToString(),
            NormalizedMatchedText = JoinTexts(listTokens),
        };
    }

    // Pairs in query order, then query tokens left over, then listed tokens left over.
    private List<TokenAlignment> Align(PreparedQuery q, int[] tokens, NameToken[] listTokens, List<Pair> pairs)
    {
        var queryTokens = q.Name.Tokens;
        pairs.Sort((a, b) => a.Q.CompareTo(b.Q));
        var alignment = new List<TokenAlignment>();
        ulong qUsed = 0, lUsed = 0;
        foreach (var p in pairs)
        {
            qUsed |= NameScorer.Mask(p.Q, p.QLen);
            lUsed |= NameScorer.Mask(p.L, p.LLen);
            var qt = Join(queryTokens, p.Q, p.QLen);
            var lt = Join(listTokens, p.L, p.LLen);
            alignment.Add(new TokenAlignment(qt, lt, Kind(queryTokens, listTokens, p), Math.Round(p.Similarity, 3), p.Distance, Math.Round(p.Weight, 2)));
        }
        for (var i = 0; i < q.TokenCount; i++)
        {
            if ((qUsed & (1UL << i)) != 0) continue;
            var weight = q.Classes[i] == TokenClass.LegalForm ? 0 : q.TokenWeights[i];
            alignment.Add(new TokenAlignment(queryTokens[i].Original, null, TokenMatchKind.QueryOnly, 0, 0, Math.Round(weight, 2)));
        }
        for (var k = 0; k < tokens.Length && k < listTokens.Length; k++)
        {
            if ((lUsed & (1UL << k)) != 0) continue;
            var v = tokens[k];
            var weight = index.Vocab.Classes[v] == TokenClass.LegalForm ? 0 : index.Vocab.Weights[v];
            alignment.Add(new TokenAlignment(null, listTokens[k].Original, TokenMatchKind.ListOnly, 0, 0, Math.Round(weight, 2)));
        }
        return alignment;
    }

    private static string Render(TokenAlignment a) => a.Kind switch
    {
        TokenMatchKind.QueryOnly => $"'{a.QueryToken}' not in the listed name",
        TokenMatchKind.ListOnly => $"listed '{a.ListToken}' missing from the query",
        TokenMatchKind.Fuzzy => $"'{a.QueryToken}' ~ '{a.ListToken}' (fuzzy, {a.Distance} edit{(a.Distance == 1 ? "" : "s")})",
        TokenMatchKind.Exact => $"'{a.QueryToken}' = '{a.ListToken}'",
        TokenMatchKind.Transliteration => $"'{a.QueryToken}' = '{a.ListToken}' (transliteration)",
        TokenMatchKind.Abbreviation => $"'{a.QueryToken}' = '{a.ListToken}' (same term: abbreviation, translation or spelling)",
        TokenMatchKind.LegalForm => $"'{a.QueryToken}' = '{a.ListToken}' (legal form)",
        TokenMatchKind.SplitJoin => $"'{a.QueryToken}' = '{a.ListToken}' (split/joined words)",
        TokenMatchKind.PartialPhrase => $"'{a.QueryToken}' ~ '{a.ListToken}' (part of the phrase)",
        _ => a.Kind.ToString(),
    };

    private static string Render(Adjustment a, WatchlistEntry entry) => a.Kind switch
    {
        AdjustmentKind.WeakAlias => string.Create(CultureInfo.InvariantCulture, $", x{a.Factor:0.00} for a weak alias"),
        AdjustmentKind.WeakAliasWithLegalForm => string.Create(CultureInfo.InvariantCulture, $", x{a.Factor:0.00} for a weak alias met with a legal form the entry has"),
        AdjustmentKind.CountryNotApplicable => ", country hint not applicable (entry has no country)",
        AdjustmentKind.CountryMatches => string.Create(CultureInfo.InvariantCulture, $", +{a.Delta} country hint {a.Hint} matches"),
        AdjustmentKind.CountryDiffers => string.Create(CultureInfo.InvariantCulture,
            $", -{-a.Delta} country hint {a.Hint} not among {string.Join('/', entry.Countries)} (hints adjust, never exclude)"),
        AdjustmentKind.TypeMatches => string.Create(CultureInfo.InvariantCulture, $", +{a.Delta} type hint matches"),
        AdjustmentKind.TypeDiffers => string.Create(CultureInfo.InvariantCulture,
            $", -{-a.Delta} type hint {a.Hint} differs from {entry.Type} (hints adjust, never exclude)"),
        AdjustmentKind.InferredTypeDiffers => string.Create(CultureInfo.InvariantCulture,
            $", -{-a.Delta} the query's legal form names an organization, the entry is a {entry.Type.ToString().ToLowerInvariant()} (adjusts, never excludes)"),
        AdjustmentKind.IdentifierFloor => string.Create(CultureInfo.InvariantCulture, $", {a.Evidence}: near-certain evidence, score at least {a.Hint}"),
        AdjustmentKind.IdentifierBonus => string.Create(CultureInfo.InvariantCulture, $", +{a.Delta:0.00} {a.Evidence}"),
        AdjustmentKind.IdentifierDiffers => string.Create(CultureInfo.InvariantCulture, $", x{a.Factor:0.00} {a.Evidence}"),
        AdjustmentKind.IdentifierInvalid => string.Create(CultureInfo.InvariantCulture, $", {a.Evidence}"),
        _ => string.Create(CultureInfo.InvariantCulture, $", {a.Kind} {a.Delta:+0.00;-0.00}"),
    };

    private static string JoinTexts(NameToken[] tokens)
    {
        var parts = new string[tokens.Length];
        for (var i = 0; i < parts.Length; i++) parts[i] = tokens[i].Text;
        return string.Join(' ', parts);
    }

    private static string Describe(ReadingKind k) => k switch
    {
        ReadingKind.Parenthesis => "one of the names it holds, in or around parentheses",
        ReadingKind.Separator => "one of the names it holds, separated by a slash, semicolon or comma",
        ReadingKind.Marker => "one of the names it holds, before or after formerly, a.k.a. or the like",
        ReadingKind.Restated => "one of the names it holds, restated after a second legal form",
        ReadingKind.Quoted => "the name in quotes",
        _ => "the whole name",
    };

    private static string Describe(NameStrength s) => s switch
    {
        NameStrength.Primary => "primary name",
        NameStrength.Strong => "alias",
        NameStrength.Weak => "weak alias",
        NameStrength.Former => "former name",
        _ => "name",
    };

    private static string Join(NameToken[] tokens, int start, int length)
    {
        if (start >= tokens.Length) return "";
        if (length == 1 || start + 1 >= tokens.Length) return tokens[start].Original;
        return tokens[start].Original + " " + tokens[start + 1].Original;
    }

    // How a pair met, for the reader: from the tokens' texts, keys and origins (no rule decides anything here).
    private static TokenMatchKind Kind(NameToken[] query, NameToken[] list, Pair p)
    {
        if (p.Partial) return TokenMatchKind.PartialPhrase;
        if (p.Abbreviation) return TokenMatchKind.Abbreviation;
        if (p.QLen == 2 || p.LLen == 2) return TokenMatchKind.SplitJoin;
        if (p.Q >= query.Length || p.L >= list.Length) return TokenMatchKind.Exact;
        var a = query[p.Q];
        var b = list[p.L];
        if (a.Class == TokenClass.LegalForm) return a.Text == b.Text ? TokenMatchKind.Exact : TokenMatchKind.LegalForm;
        if (p.Distance > 0 || a.Key != b.Key) return TokenMatchKind.Fuzzy;
        if (a.Text == b.Text) return TokenMatchKind.Exact;
        if (a.Origin == KeyOrigin.Term || b.Origin == KeyOrigin.Term) return TokenMatchKind.Abbreviation;
        return TokenMatchKind.Transliteration;
    }
}
