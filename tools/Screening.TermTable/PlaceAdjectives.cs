using System.Text;

namespace Screening.TermTable;

/// <summary>
/// Place adjectives meet their places (KAZANSKIY, КАЗАНСКИЙ = KAZAN). The places are the one-word city and region names
/// of the listed entries' addresses in the former Soviet states, plus the rules' <c>place</c> lines for irregular ones
/// (MOSKVA: MOSKOVSKIY; NIZHNY NOVGOROD: NIZHEGORODSKIY). The rule: the adjective is a stem plus -SKIY, -SKAYA, -SKOE,
/// -SKOYE, -SKOGO, -SKOY, -SKIE or -SKA (Cyrillic -СКИЙ, -СКАЯ, -СКОЕ... transliterate to these; -SKII, -SKI, -SKY
/// share -SKIY's romanization key), the stem being the place (KAZAN), the place less a final vowel (TULA: TULSKIY), or
/// less a final -SK (TOMSK: TOMSKIY), with and without a leading Y before E (YEKATERINBURG, EKATERINBURG). A derived
/// place is kept only where one of its adjective forms is a word of a listed name, and not where the place's name is
/// more often a word of listed people's names than of organizations' (VLADIMIR, ZHUKOV: a given name or a surname).
/// </summary>
internal static class PlaceAdjectives
{
    private static readonly string[] Endings = ["SKIY", "SKAYA", "SKOE", "SKOYE", "SKOGO", "SKOY", "SKIE", "SKA"];

    public static List<(string Canonical, List<Variant> Variants)> Derive(TermRules rules, ListedNames listed,
        Dictionary<string, List<Variant>> terms, HashSet<string> reserved, StringBuilder report)
    {
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        foreach (var v in terms.Values.SelectMany(x => x)) taken.Add(v.Fold);
        var result = new List<(string, List<Variant>)>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules.Places)
        {
            var variants = Forms(rule.Names, rule.Stems, "place-rule", taken);
            foreach (var n in rule.Names) named.Add(Variants.Fold(n));
            if (terms.TryGetValue(rule.Canonical, out var existing))
            {
                existing.AddRange(variants.Where(v => existing.All(e => e.Fold != v.Fold)));
                continue;
            }
            result.Add((rule.Canonical, variants));
        }
        foreach (var place in listed.Places)
        {
            var fold = Variants.Fold(place);
            if (named.Contains(fold)) continue;
            if (taken.Contains(fold))
            {
                report.Append("place\t").Append(place).Append("\tskipped: already a term or legal form\n");
                continue;
            }
            if (listed.WordUse.TryGetValue(fold, out var use) && use.People > use.Organizations)
            {
                report.Append("place\t").Append(place).Append("\tskipped: more often in listed people's names than in organizations\n");
                continue;
            }
            var forms = Forms([place], Stems(place), "place", taken);
            if (!forms.Skip(1).Any(f => listed.WordKeys.Contains(f.Keys[0]))) continue;
            named.Add(fold);
            result.Add((place, forms));
        }
        return result;
    }

    private static List<string> Stems(string place)
    {
        var stems = new List<string> { place };
        if (place.Length >= NormalizationLimits.MinPlaceLength && "AEIOUY".Contains(place[^1], StringComparison.Ordinal)) stems.Add(place[..^1]);
        if (place.EndsWith("SK", StringComparison.Ordinal) && place.Length >= 5) stems.Add(place[..^2]);
        foreach (var s in stems.ToArray())
            if (s.StartsWith("YE", StringComparison.Ordinal)) stems.Add(s[1..]);
        return stems;
    }

    // The place's names, then each stem with each ending, one variant each; forms another term has are left out.
    private static List<Variant> Forms(List<string> names, List<string> stems, string source, HashSet<string> taken)
    {
        var forms = new List<Variant>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in names)
        {
            var v = Variant.Of(n, source, source == "place-rule");
            if (seen.Add(v.Fold)) forms.Add(v);
        }
        foreach (var stem in stems)
            foreach (var ending in Endings)
            {
                // A multi-word stem (SANKT PETERBURG) takes the ending on its last word.
                var v = Variant.Of(stem + ending, source, source == "place-rule");
                if (!taken.Contains(v.Fold) && seen.Add(v.Fold)) forms.Add(v);
            }
        return forms;
    }
}
