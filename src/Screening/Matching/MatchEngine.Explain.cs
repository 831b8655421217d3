using System.Globalization;
using System.Text;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Matching;

internal sealed partial class MatchEngine
{
    // Explanations are built only for the matches returned, never for every candidate.
    private ScreeningMatch Explain(PreparedQuery q, int entryIndex, int nameIndex, double score, MatchRequest request, Scratch scratch)
    {
        var prepared = _names[nameIndex];
        var (list, entry) = _entries[entryIndex];
        var name = entry.Names[prepared.NameIndex];
        var listTokens = _normalized[prepared.Normalized].Tokens;
        var queryTokens = q.Name.Tokens;

        var pairs = new List<Pair>();
        var raw = ScoreName(q, prepared.Tokens, listTokens, scratch, pairs);
        pairs.Sort((a, b) => a.Q.CompareTo(b.Q));

        var alignment = new List<TokenAlignment>();
        ulong qUsed = 0, lUsed = 0;
        foreach (var p in pairs)
        {
            qUsed |= Mask(p.Q, p.QLen);
            lUsed |= Mask(p.L, p.LLen);
            var qt = Join(queryTokens, p.Q, p.QLen, original: true);
            var lt = Join(listTokens, p.L, p.LLen, original: true);
            var kind = Kind(queryTokens, listTokens, p);
            alignment.Add(new TokenAlignment(qt, lt, kind, Math.Round(p.Similarity, 3), p.Distance, Math.Round(p.Weight, 2)));
        }
        for (var i = 0; i < q.TokenCount; i++)
        {
            if ((qUsed & (1UL << i)) != 0) continue;
            alignment.Add(new TokenAlignment(queryTokens[i].Original, null, TokenMatchKind.QueryOnly, 0, 0, Math.Round(q.Classes[i] == TokenClass.LegalForm ? 0 : q.TokenWeights[i], 2)));
        }
        for (var k = 0; k < prepared.Tokens.Length && k < listTokens.Length; k++)
        {
            if ((lUsed & (1UL << k)) != 0) continue;
            var v = prepared.Tokens[k];
            alignment.Add(new TokenAlignment(null, listTokens[k].Original, TokenMatchKind.ListOnly, 0, 0, Math.Round(_vocab.Classes[v] == TokenClass.LegalForm ? 0 : _vocab.Weights[v], 2)));
        }

        var sb = new StringBuilder();
        if (q.ReadingNote is { } note) sb.Append(CultureInfo.InvariantCulture, $"Query read with {note} (words run together, x{q.ReadingFactor:0.00}). ");
        sb.Append(CultureInfo.InvariantCulture, $"Matched {Describe(name.Strength)} \"{name.Value}\" of {list.Id} entry {entry.Id}");
        if (name.Strength != NameStrength.Primary) sb.Append(CultureInfo.InvariantCulture, $" (primary name \"{entry.PrimaryName}\")");
        sb.Append(". ");
        var first = true;
        foreach (var a in alignment)
        {
            if (!first) sb.Append("; ");
            first = false;
            sb.Append(a.Kind switch
            {
                TokenMatchKind.QueryOnly => $"'{a.QueryToken}' not in the listed name",
                TokenMatchKind.ListOnly => $"listed '{a.ListToken}' missing from the query",
                TokenMatchKind.Fuzzy => $"'{a.QueryToken}' ~ '{a.ListToken}' (fuzzy, {a.Distance} edit{(a.Distance == 1 ? "" : "s")})",
                TokenMatchKind.Exact => $"'{a.QueryToken}' = '{a.ListToken}'",
                TokenMatchKind.Transliteration => $"'{a.QueryToken}' = '{a.ListToken}' (transliteration)",
                TokenMatchKind.Abbreviation => $"'{a.QueryToken}' = '{a.ListToken}' (abbreviation)",
                TokenMatchKind.LegalForm => $"'{a.QueryToken}' = '{a.ListToken}' (legal form)",
                TokenMatchKind.SplitJoin => $"'{a.QueryToken}' = '{a.ListToken}' (split/joined words)",
                TokenMatchKind.PartialPhrase => $"'{a.QueryToken}' ~ '{a.ListToken}' (part of the phrase)",
                _ => a.Kind.ToString(),
            });
        }
        sb.Append(CultureInfo.InvariantCulture, $". Name score {raw:0.000}");
        if (name.Strength == NameStrength.Weak) sb.Append(CultureInfo.InvariantCulture, $", x{Weights.WeakAliasFactor:0.00} for a weak alias");
        if (request.Country is { } country)
        {
            if (entry.Countries.Count == 0) sb.Append(", country hint not applicable (entry has no country)");
            else
            {
                var found = false;
                foreach (var c in entry.Countries) found |= string.Equals(c, country, StringComparison.OrdinalIgnoreCase);
                sb.Append(found ? $", +{Weights.CountryBonus} country hint {country} matches" : $", -{Weights.CountryPenalty} country hint {country} not among {string.Join('/', entry.Countries)} (hints adjust, never exclude)");
            }
        }
        if (request.Type is { } type && type != EntityType.Unknown && entry.Type != EntityType.Unknown)
            sb.Append(entry.Type == type ? $", +{Weights.TypeBonus} type hint matches" : $", -{Weights.TypePenalty} type hint {type} differs from {entry.Type} (hints adjust, never exclude)");
        else if (request.Type is null && entry.Type is EntityType.Person or EntityType.Vessel or EntityType.Aircraft && QueryFacts.NamesOrganization(q.Name))
            sb.Append(CultureInfo.InvariantCulture, $", -{Weights.InferredTypePenalty} the query's legal form names an organization, the entry is a {entry.Type.ToString().ToLowerInvariant()} (adjusts, never excludes)");
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
            Alignment = alignment,
            Entry = entry,
            NormalizedQueryText = q.Name.ToString(),
            NormalizedMatchedText = JoinTexts(listTokens),
        };
    }

    private static string JoinTexts(NameToken[] tokens)
    {
        var parts = new string[tokens.Length];
        for (var i = 0; i < parts.Length; i++) parts[i] = tokens[i].Text;
        return string.Join(' ', parts);
    }

    private static string Describe(NameStrength s) => s switch
    {
        NameStrength.Primary => "primary name",
        NameStrength.Strong => "alias",
        NameStrength.Weak => "weak alias",
        NameStrength.Former => "former name",
        _ => "name",
    };

    private static string Join(NameToken[] tokens, int start, int length, bool original)
    {
        if (start >= tokens.Length) return "";
        if (length == 1 || start + 1 >= tokens.Length) return original ? tokens[start].Original : tokens[start].Text;
        return (original ? tokens[start].Original : tokens[start].Text) + " " + (original ? tokens[start + 1].Original : tokens[start + 1].Text);
    }

    private static TokenMatchKind Kind(NameToken[] query, NameToken[] list, Pair p)
    {
        if (p.Partial) return TokenMatchKind.PartialPhrase;
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
