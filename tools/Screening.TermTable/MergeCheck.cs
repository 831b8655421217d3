using System.Text;

namespace Screening.TermTable;

/// <summary>
/// A variant must never make two different listed entries' names equal (two firms of one list whose names differ only
/// by PLANT and WORKS are two firms). Every organization name of the SDN list and of the CSL (less its SDN rows) is read
/// through the table (longest variant first, order ignored, as the matcher reads it); where two names of different
/// entries of one list become equal and were not, the variants that tell them apart are dropped, unless written by hand
/// (then the merge is reported for review). Repeated until no droppable variant merges anything.
/// </summary>
internal static class MergeCheck
{
    public static int DropMerging(Dictionary<string, List<Variant>> terms, ListedNames listed, StringBuilder report)
    {
        var dropped = 0;
        var reportedHand = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var culprits = FindMerges(terms, listed, report, reportedHand);
            if (culprits.Count == 0) return dropped;
            foreach (var (canonical, variants) in terms)
                dropped += variants.RemoveAll(v => !v.Hand && culprits.Contains(v));
        }
    }

    private static HashSet<Variant> FindMerges(Dictionary<string, List<Variant>> terms, ListedNames listed, StringBuilder report, HashSet<string> reportedHand)
    {
        var byFirst = new Dictionary<string, List<(Variant V, string Canonical)>>(StringComparer.Ordinal);
        foreach (var (canonical, variants) in terms)
            foreach (var v in variants)
            {
                if (!byFirst.TryGetValue(v.Keys[0], out var l)) byFirst[v.Keys[0]] = l = [];
                l.Add((v, canonical));
            }
        var groups = new Dictionary<string, List<(ListedName Name, string Old, List<Variant> Used)>>(StringComparer.Ordinal);
        foreach (var name in listed.Names)
        {
            var (keys, used) = Rewrite(name.Keys, byFirst);
            if (used.Count == 0) continue;
            var key = name.List + "\u0001" + string.Join(' ', keys.Order(StringComparer.Ordinal));
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = [];
            g.Add((name, string.Join(' ', name.Keys.Order(StringComparer.Ordinal)), used));
        }
        var culprits = new HashSet<Variant>();
        foreach (var g in groups.Values)
        {
            if (g.Select(x => x.Name.Entry).Distinct().Count() < 2) continue;
            for (var i = 0; i < g.Count; i++)
                for (var j = i + 1; j < g.Count; j++)
                {
                    if (g[i].Name.Entry == g[j].Name.Entry || g[i].Old == g[j].Old) continue;
                    var diff = g[i].Used.Except(g[j].Used).Concat(g[j].Used.Except(g[i].Used)).ToList();
                    culprits.UnionWith(diff.Where(v => !v.Hand));
                    var line = $"merge\t{g[i].Name.List} {g[i].Name.Entry} '{g[i].Old}' = {g[j].Name.Entry} '{g[j].Old}'\tby {string.Join(", ", diff.Select(v => v.Written + (v.Hand ? " (hand, kept)" : "")))}\n";
                    if (diff.All(v => v.Hand) ? reportedHand.Add(line) : true) report.Append(line);
                }
        }
        return culprits;
    }

    private static (List<string> Keys, List<Variant> Used) Rewrite(string[] keys, Dictionary<string, List<(Variant V, string Canonical)>> byFirst)
    {
        var output = new List<string>(keys.Length);
        var used = new List<Variant>();
        for (var i = 0; i < keys.Length;)
        {
            (Variant V, string Canonical)? best = null;
            if (byFirst.TryGetValue(keys[i], out var candidates))
                foreach (var c in candidates)
                    if (c.V.Keys.Length <= keys.Length - i && (best is null || c.V.Keys.Length > best.Value.V.Keys.Length) &&
                        c.V.Keys.AsSpan().SequenceEqual(keys.AsSpan(i, c.V.Keys.Length)))
                        best = c;
            if (best is null) { output.Add(keys[i]); i++; continue; }
            output.Add("\u00A7" + best.Value.Canonical);
            used.Add(best.Value.V);
            i += best.Value.V.Keys.Length;
        }
        return (output, used);
    }
}
