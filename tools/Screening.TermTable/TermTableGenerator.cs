using System.Text;
using Screening.Normalization;

namespace Screening.TermTable;

/// <summary>The generated table, a report of what was kept and dropped and why, and a one-line summary.</summary>
internal sealed record GenerationResult(string Table, string Report, string Summary);

/// <summary>
/// Builds the term table: the hand-kept terms of the rules, rigour's variants of the symbols the rules name (filtered),
/// and place adjectives derived from the listed names' addresses; then drops every rigour or derived variant that would
/// make the names of two different listed entries equal. Deterministic: the same inputs give the same bytes.
/// </summary>
internal static class TermTableGenerator
{
    public static async Task<GenerationResult> GenerateAsync(string rigourFolder, string dataFolder, string rulesPath)
    {
        var rules = TermRules.Read(rulesPath);
        var rigour = RigourTables.Read(rigourFolder);
        var listed = await ListedNames.LoadAsync(dataFolder);
        var report = new StringBuilder();
        var reserved = ReservedFolds();
        var terms = new Dictionary<string, List<Variant>>(StringComparer.Ordinal);
        foreach (var canonical in rules.Order) terms[canonical] = [];
        foreach (var canonical in rules.Order)
            terms[canonical] = Candidates(canonical, rules, rigour, listed, reserved, report);
        ResolveConflicts(terms, report);
        var places = PlaceAdjectives.Derive(rules, listed, terms, reserved, report);
        foreach (var (canonical, variants) in places) terms[canonical] = variants;
        var merged = MergeCheck.DropMerging(terms, listed, report);
        var table = Write(terms, places.Select(p => p.Canonical).ToHashSet(StringComparer.Ordinal));
        var variantCount = terms.Values.Sum(v => v.Count);
        var summary = $"{terms.Count} terms ({places.Count} places), {variantCount} variants " +
                      $"({terms.Values.Sum(v => v.Count(x => x.Hand))} hand, {terms.Values.Sum(v => v.Count(x => x.Source.Contains('/', StringComparison.Ordinal)))} from rigour, " +
                      $"{terms.Values.Sum(v => v.Count(x => x.Source == "place"))} place forms); {merged} dropped for merging listed entries";
        report.Insert(0, "# " + summary + "\n");
        return new GenerationResult(table, report.ToString(), summary);
    }

    // The folds of the legal forms, function words and legal-form parts of phrases.txt: the hand table has them.
    private static HashSet<string> ReservedFolds()
    {
        using var stream = typeof(NameNormalizer).Assembly.GetManifestResourceStream("Screening.Normalization.phrases.txt")
            ?? throw new InvalidDataException("Screening.Normalization.phrases.txt is not embedded in Screening.dll");
        using var reader = new StreamReader(stream);
        var folds = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var cols = line.Split('\t');
            if (cols.Length != 3 || cols[0] is not ("legal" or "stop" or "part")) continue;
            foreach (var v in cols[2].Split('|')) folds.Add(Variants.Fold(v.Trim()));
        }
        folds.Remove("");
        return folds;
    }

    private static List<Variant> Candidates(string canonical, TermRules rules, Dictionary<string, List<string>> rigour,
        ListedNames listed, HashSet<string> reserved, StringBuilder report)
    {
        var all = rules.Added[canonical].Select(v => Variant.Of(v, "hand", true)).ToList();
        foreach (var (c, lists) in rules.Symbols)
        {
            if (c != canonical) continue;
            foreach (var list in lists)
            {
                if (!rigour.TryGetValue(list, out var values)) throw new InvalidDataException($"rigour has no list {list} (named for {canonical})");
                all.AddRange(values.Select(v => Variant.Of(v, list, false)));
            }
        }
        // The one-word variants that pass the script and length filters: a compound is one of them and another word.
        var oneWord = all.Where(v => v.Keys.Length == 1 && (v.Hand || (Variants.Script(v.Written) ?? Variants.Length(v) ?? Variants.Han(v)) is null))
            .Select(v => v.Fold).ToHashSet(StringComparer.Ordinal);
        var kept = new List<Variant>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in all)
        {
            var why = v.Hand ? null : Why(v, all, oneWord, rules, listed, reserved);
            if (why is null)
            {
                // A Cyrillic adjective folds like its romanization given before it (MOTOROSTROITELNYY, МОТОРОСТРОИТЕЛЬНЫЙ):
                // kept once, but declined all the same (its other cases fold apart: МОТОРОСТРОИТЕЛЬНОЕ).
                if (seen.Add(v.Fold)) kept.Add(v);
                foreach (var d in Variants.Declensions(v))
                    if (seen.Add(d.Fold)) kept.Add(d);
            }
            else report.Append("drop\t").Append(canonical).Append('\t').Append(v.Written).Append('\t').Append(v.Source).Append('\t').Append(why).Append('\n');
        }
        return kept;
    }

    private static string? Why(Variant v, List<Variant> all, HashSet<string> oneWord, TermRules rules, ListedNames listed, HashSet<string> reserved)
    {
        if (rules.Dropped.Contains(v.Fold)) return "reviewed (drop line in the rules)";
        if (reserved.Contains(v.Fold)) return "a legal form or function word of phrases.txt";
        if (rules.Kept.Contains(v.Fold)) return null;
        return Variants.Script(v.Written) ?? Variants.Length(v) ?? Variants.Han(v) ?? Variants.LatinWithoutCyrillic(v, all) ?? Variants.Compound(v, oneWord)
               ?? Variants.Misspelling(v, all, listed.WordKeys);
    }

    // A variant under two terms is ambiguous: the term that has it by hand keeps it; otherwise neither does.
    private static void ResolveConflicts(Dictionary<string, List<Variant>> terms, StringBuilder report)
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (canonical, variants) in terms)
            foreach (var v in variants)
            {
                if (!owners.TryGetValue(v.Fold, out var o)) owners[v.Fold] = o = [];
                o.Add(canonical);
            }
        foreach (var (fold, canonicals) in owners)
        {
            if (canonicals.Count < 2) continue;
            var byHand = canonicals.Where(c => terms[c].Any(v => v.Fold == fold && v.Hand)).ToList();
            foreach (var c in canonicals)
            {
                if (byHand.Contains(c)) continue;
                var v = terms[c].First(x => x.Fold == fold);
                terms[c].Remove(v);
                report.Append("drop\t").Append(c).Append('\t').Append(v.Written).Append('\t').Append(v.Source)
                      .Append("\tambiguous: also a variant of ").Append(string.Join(", ", canonicals.Where(x => x != c))).Append('\n');
            }
        }
    }

    private static string Write(Dictionary<string, List<Variant>> terms, HashSet<string> places)
    {
        var sb = new StringBuilder();
        sb.Append("""
            # GENERATED by tools/Screening.TermTable: do not edit. Edit tools/Screening.TermTable/terms.rules.txt and run
            #   dotnet run --project tools/Screening.TermTable -c Release -- --rigour ../shared/reference/rigour --data ../shared/data
            # Translations, abbreviations and place adjectives of ordinary words in company names, one term a line:
            #   term <TAB> CANONICAL <TAB> variant | variant | ...   (a place and its adjectives: place <TAB> ...)
            # Partly derived from rigour's symbols.yml (MIT, OpenSanctions Datenbanken GmbH; see THIRD-PARTY-NOTICES.md).

            """).Replace("\r", "");
        foreach (var (canonical, variants) in terms)
        {
            if (variants.Count == 0) continue;
            sb.Append(places.Contains(canonical) ? "place\t" : "term\t").Append(canonical).Append('\t').AppendJoin(" | ", variants.Select(v => v.Written)).Append('\n');
        }
        return sb.ToString();
    }
}
