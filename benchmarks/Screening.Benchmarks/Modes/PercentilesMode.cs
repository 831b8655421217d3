using System.Diagnostics;
using System.Globalization;
using Screening.Benchmarks.Generation;
using Screening.Normalization;

namespace Screening.Benchmarks.Modes;

/// <summary>
/// <c>--percentiles</c>: the latency distribution, which BenchmarkDotNet's per-invocation means hide. Warms up, then
/// times every query of a large mix (all categories, interleaved) once with a Stopwatch on one thread, and prints
/// p50/p90/p99/p99.9/max per category and overall. Then re-times the slowest queries (to tell a slow query from an
/// unlucky time slice) and a set of probe queries made of the commonest list words.
/// </summary>
internal static class PercentilesMode
{
    // Names built from the commonest words, legal forms only (or misspelt, so they read as words), single letters,
    // very long names: where an inverted index can degrade.
    private static readonly string[] Probes =
    [
        "INTERNATIONAL TRADING COMPANY LIMITED",
        "GLOBAL TRADING LLC",
        "GENERAL TRADING LLC FZE",
        "TECHNOLOGY GROUP",
        "ELECTRONICS TECHNOLOGY CO., LTD.",
        "INDUSTRIAL TRADING AND INVESTMENT COMPANY",
        "NATIONAL BANK OF INTERNATIONAL TRADE AND INDUSTRY",
        "JOINT STOCK COMPANY TRADE HOUSE",
        "LIMITED LIABILITY COMPANY",
        "BANK",
        "COMPANY",
        "SHIPPING",
        "AL",
        "MOHAMMAD ALI",
        "ALI HASSAN MOHAMMED AHMED ABDULLAH",
        "ООО ТЕХНОЛОГИИ",
        "A B C D E F G H",
        "1 2 3 4 5 6",
        "DE TECHNOLOGIE LIMIETD",
        "GLOBAL TRDING LIMTED",
        "INTERNATINAL TRADING COMPNY",
        string.Join(' ', Enumerable.Repeat("INTERNATIONAL TRADING GROUP SHIPPING INVESTMENT", 12)),
        string.Join(' ', Enumerable.Repeat("MOHAMMAD ALI HASSAN AHMED", 20)),
    ];

    public static int Run(int queryCount, int repeat, string? note, string command)
    {
        var loadAtStart = Report.LoadAverage();
        Console.WriteLine($"Loading {BenchSettings.SdnFolder} ...");
        var list = SdnData.List;
        var screener = SdnData.BuildScreener(list);
        var mix = new QueryMix(list);
        var categories = QueryMix.Categories;
        var perCategory = (queryCount + categories.Count - 1) / categories.Count;
        var queries = new List<(QueryCategory Category, string Name)>(perCategory * categories.Count);
        foreach (var c in categories)
            foreach (var q in mix.Build(c, perCategory)) queries.Add((c, q));
        // Interleave categories so a noisy second hurts all of them alike.
        var order = queries.ToArray();
        new Random(QueryMix.DefaultSeed).Shuffle(order);
        Console.WriteLine($"{screener.Engine.NameCount:N0} names; {order.Length:N0} queries ({perCategory:N0} per category). {mix.Describe()}.");

        // Warm-up: two untimed passes so tiered JIT and PGO have settled.
        var warm = Stopwatch.StartNew();
        for (var pass = 0; pass < 2; pass++)
            foreach (var (_, q) in order) screener.Screen(q);
        Console.WriteLine($"Warm-up: {warm.Elapsed.TotalSeconds:F1} s");
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var micros = new double[order.Length];
        var hits = new bool[order.Length];
        var tickUs = 1_000_000.0 / Stopwatch.Frequency;
        var gen0 = GC.CollectionCount(0);
        // With --repeat, whole passes are repeated and each query keeps its fastest time: that filters preemption
        // while every timing still follows other queries, as in real traffic (timing one query back to back would
        // measure it with the caches already warm from itself).
        Array.Fill(micros, double.MaxValue);
        for (var pass = 0; pass < repeat; pass++)
        {
            for (var i = 0; i < order.Length; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                var r = screener.Screen(order[i].Name);
                micros[i] = Math.Min(micros[i], (Stopwatch.GetTimestamp() - t0) * tickUs);
                hits[i] = r.IsHit;
            }
        }
        var gcs = GC.CollectionCount(0) - gen0;

        var rows = new List<string[]>();
        foreach (var c in categories)
        {
            var idx = Enumerable.Range(0, order.Length).Where(i => order[i].Category == c).ToArray();
            rows.Add(Row(c.ToString(), idx.Select(i => micros[i]).ToArray(), idx.Count(i => hits[i])));
        }
        rows.Add(Row("**All**", micros, hits.Count(h => h)));
        string[] header = ["Category", "Queries", "Hit rate", "Mean µs", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "Max µs"];
        PrintTable(header, rows);

        // The slowest single timings, re-timed: median of 11 runs tells a slow query from a preempted one.
        var slowest = Enumerable.Range(0, order.Length).OrderByDescending(i => micros[i]).Take(15).ToArray();
        var slowRows = slowest.Select(i =>
        {
            var (c, q) = order[i];
            return new[] { Shorten(q), c.ToString(), Report.Us(micros[i]), Report.Us(MedianTime(screener, q, 11)), Candidates(screener, q) };
        }).ToList();
        string[] slowHeader = ["Query", "Category", "Timed µs", "Re-timed median µs", "Candidates"];
        Console.WriteLine("\nSlowest timed queries:");
        PrintTable(slowHeader, slowRows);

        var probeRows = Probes.Select(q =>
        {
            var r = screener.Screen(q);
            return new[] { Shorten(q), Report.Us(MedianTime(screener, q, 21)), Candidates(screener, q), r.Matches.Count.ToString(CultureInfo.InvariantCulture) };
        }).ToList();
        string[] probeHeader = ["Probe query", "Median µs (21 runs)", "Candidates", "Matches"];
        Console.WriteLine("\nProbe queries (common words, legal forms only, long names):");
        PrintTable(probeHeader, probeRows);

        // Invented names that matched: not a latency matter, but worth a look (false positives or real collisions).
        var unlistedHits = Enumerable.Range(0, order.Length)
            .Where(i => order[i].Category == QueryCategory.Unlisted && hits[i])
            .Select(i => screener.Screen(order[i].Name))
            .DistinctBy(r => r.Query)
            .Take(25)
            .Select(r => new[] { r.Query, r.Matches[0].MatchedName, r.Matches[0].Score.ToString("F3", CultureInfo.InvariantCulture), r.Matches[0].EntryId })
            .ToList();
        string[] unlistedHeader = ["Invented name", "Matched list name", "Score", "Entry"];
        if (unlistedHits.Count > 0)
        {
            Console.WriteLine("\nInvented (unlisted) names that matched:");
            PrintTable(unlistedHeader, unlistedHits);
        }

        var report = new Report("Single-query latency percentiles (OFAC SDN)", command, note, loadAtStart)
            .Line($"- List: {screener.Engine.NameCount:N0} names of {screener.Engine.EntryCount:N0} entries, {screener.Engine.VocabularySize:N0} distinct tokens; threshold {screener.Threshold:0.00}")
            .Line($"- Queries: {order.Length:N0} ({perCategory:N0} per category, seed {QueryMix.DefaultSeed}, interleaved); two untimed warm-up passes; {(repeat == 1 ? "each query timed once" : $"{repeat} timed passes, each query's fastest kept (filters preemption on a busy machine)")} with `Stopwatch` on one thread; {gcs} gen-0 GCs during the timed pass{(repeat == 1 ? "" : "es")}")
            .Line($"- Pools: {mix.Describe()}")
            .Line()
            .Table(header, rows)
            .Line("## Slowest timed queries, re-timed")
            .Line()
            .Line("Re-timed: the median of 11 back-to-back runs (caches warm from the query itself, so somewhat optimistic). A re-timed median far below the timed value means the timing was an interruption, not a slow query.")
            .Line()
            .Table(slowHeader, slowRows)
            .Line("## Probe queries")
            .Line()
            .Line("Queries made of the commonest list words, legal forms alone or misspelt, single letters or very long names; median of 21 back-to-back runs (warm caches). Candidates: names the index hands to scoring.")
            .Line()
            .Table(probeHeader, probeRows)
            .Line("## Invented names that matched")
            .Line()
            .Line("The Unlisted category's names are invented from common English business words; a match is a false positive or a genuine collision with a listed name (first 25 distinct).")
            .Line()
            .Table(unlistedHeader, unlistedHits);
        Console.WriteLine($"\nWrote {report.Save("latency-percentiles.md")}");
        return 0;
    }

    private static string[] Row(string name, double[] values, int hitCount)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return
        [
            name, Report.N(sorted.Length), (hitCount / (double)sorted.Length).ToString("P0", CultureInfo.InvariantCulture), Report.Us(sorted.Average()),
            Report.Us(Percentile(sorted, 0.50)), Report.Us(Percentile(sorted, 0.90)), Report.Us(Percentile(sorted, 0.99)),
            Report.Us(Percentile(sorted, 0.999)), Report.Us(sorted[^1]),
        ];
    }

    // Nearest-rank percentile of sorted values.
    internal static double Percentile(double[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double MedianTime(Screener screener, string query, int runs)
    {
        var t = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            screener.Screen(query);
            t[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }
        Array.Sort(t);
        return t[runs / 2];
    }

    private static string Candidates(Screener screener, string query) =>
        Report.N(screener.Engine.CandidateCount(NameNormalizer.Normalize(query), screener.Threshold));

    private static string Shorten(string q) => q.Length <= 70 ? q : q[..67] + "...";

    internal static void PrintTable(string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        Console.WriteLine(string.Join("  ", header.Select((h, i) => i == 0 ? h.PadRight(widths[i]) : h.PadLeft(widths[i]))));
        foreach (var r in rows)
            Console.WriteLine(string.Join("  ", r.Select((v, i) => i == 0 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))));
    }
}
