using System.Diagnostics;
using System.Globalization;
using Screening.Watchlists;

namespace Screening.Benchmarks.Modes;

/// <summary>
/// <c>--rescreen</c>: delta re-screening of a stored book. The book is the <c>--batch</c> input (N rows, generated
/// when missing); the old list is the full OFAC SDN list, the new one a copy with <c>--changed</c> random entries
/// renamed (fixed seed). Measures <see cref="Rescreener.Rescreen"/> in process (CSV read included) beside the same
/// restriction through the indexed path (every row prepared against the whole list: the path before the delta
/// source, whose matches must be the same) and a full batch of the same book, and splits the cost: reading the CSV
/// alone, normalizing alone, and the indexed path restricted to no entry at all (reading, normalizing and looking up
/// every row, nothing scored). With the CLI built, also times <c>screening rescreen</c> end to end on the two
/// versions exported as JSON.
/// </summary>
internal static class RescreenMode
{
    private const int Seed = 20_261_203;

    public static int Run(int count, int changed, string? cliPath, bool inProcessOnly, string? note, string command)
    {
        var loadAtStart = Report.LoadAverage();
        var book = Path.Combine(Path.GetTempPath(), $"screening-batch-{count}.csv");
        if (!File.Exists(book))
        {
            var (derived, _) = BatchMode.WriteInput(book, count);
            Console.WriteLine($"Wrote the book: {count:N0} rows to {book} ({derived:N0} SDN-derived)");
        }
        var old = SdnData.List;
        var next = Changed(old, changed);
        Console.WriteLine($"Old: {old.Id} {old.Entries.Count:N0} entries; new: {changed} entries renamed (seed {Seed})");

        var sw = Stopwatch.StartNew();
        var rescreener = Rescreener.CreateAsync(old, next).GetAwaiter().GetResult();
        var create = sw.Elapsed;
        var d = rescreener.Delta;
        Console.WriteLine($"Delta and build: {create.TotalSeconds:F2} s; {d.Added.Count} added, {d.Changed.Count} changed, {d.Removed.Count} removed");
        var screener = rescreener.Screener;

        // Warm-up on a small prefix, so the first measure does not pay for JIT.
        rescreener.Rescreen(Read(book).Take(20_000)).Count();

        var read = Measure("CSV read only", () => Read(book).LongCount());
        var normalize = Measure("Read and normalize every name (NameReadings.Read, all cores, a phrase memo per worker as in a batch)", () => Normalize(book));
        var nothing = Measure("Indexed path restricted to no entry (read, normalize, look up against the whole list; nothing scored)",
            () => screener.ScreenRestricted(Read(book), s => new bool[s.Engine.Index.Entries.Length], 0, default, deltaSource: false).LongCount(r => r.IsHit));
        long rowsHit = 0, matches = 0;
        var found = new List<(string?, string, double)>();
        var delta = Measure("**Rescreen (`Rescreener.Rescreen`: pre-filter, then candidates from the added and changed entries' names)**", () =>
        {
            foreach (var r in rescreener.Rescreen(Read(book)))
            {
                if (r.Matches.Count > 0) rowsHit++;
                matches += r.Matches.Count;
                foreach (var m in r.Matches) found.Add((r.Result.RequestId, m.Match.EntryId, m.Match.Score));
            }
            return rowsHit;
        });
        // The path before the delta source: the same restriction, each row prepared against the whole list.
        var changedEntries = d.Changes.Where(c => c.New is not null).Select(c => c.New!).ToHashSet<WatchlistEntry>(ReferenceEqualityComparer.Instance);
        var indexedFound = new List<(string?, string, double)>();
        var indexed = Measure("Rescreen through the indexed path (same restriction, no delta source)", () =>
        {
            long hit = 0;
            foreach (var r in screener.ScreenRestricted(Read(book), s => Mask(s, changedEntries), 0, default, deltaSource: false))
            {
                var onDelta = r.Matches.Where(m => changedEntries.Contains(m.Entry)).ToList();
                if (onDelta.Count > 0) hit++;
                foreach (var m in onDelta) indexedFound.Add((r.RequestId, m.EntryId, m.Score));
            }
            return hit;
        });
        var same = found.SequenceEqual(indexedFound);
        Console.WriteLine(same ? "The delta source and the indexed path report the same matches."
            : $"DIFFERENT: the delta source reports {found.Count} matches, the indexed path {indexedFound.Count}.");
        var full = Measure("Full batch of the same book (ScreenMany, every entry)", () => screener.ScreenMany(Read(book)).LongCount(r => r.IsHit));

        var rows = new List<string[]>
        {
            Row(read, count),
            Row(normalize, count),
            Row(nothing, count),
            Row(delta, count),
            Row(indexed, count),
            Row(full, count),
        };
        var report = new Report("Delta re-screening (OFAC SDN, a 1M-row book)", command, note, loadAtStart)
            .Line($"- Book: {count:N0} rows ({book}: the `--batch` input, 10% SDN-derived variants, 90% invented unlisted names, 30% with a country hint)")
            .Line($"- Old list: OFAC SDN, {old.Entries.Count:N0} entries; new list: a copy with {changed} random entries renamed (primary name + \" HOLDING\"; seed {Seed})")
            .Line($"- Delta: {d.Added.Count} added, {d.Changed.Count} changed, {d.Removed.Count} removed, {d.Unchanged:N0} unchanged; `Rescreener.CreateAsync` (delta + index build of the new version) {create.TotalSeconds:F2} s")
            .Line($"- Rows reported: {rowsHit:N0} hit a changed entry ({matches:N0} matches); the indexed path reports "
                + (same ? "the same matches (row, entry, score)" : $"**different matches** ({indexedFound.Count:N0})"))
            .Line($"- Cores: {Environment.ProcessorCount}; in process, CSV streamed through `CsvReader` (the read is part of every measure)")
            .Line()
            .Table(["Measure", "Wall", "Rows/s", "CPU (user + system)", "CPU per row"], rows);

        if (!inProcessOnly && BatchMode.FindCli(cliPath) is { } cli)
        {
            var dir = Path.Combine(Path.GetTempPath(), "screening-rescreen-bench");
            Directory.CreateDirectory(dir);
            var oldJson = Path.Combine(dir, "old.json");
            var newJson = Path.Combine(dir, "new.json");
            var output = Path.Combine(dir, "rescreen.jsonl");
            using (var s = File.Create(oldJson)) JsonWatchlistWriter.Write(s, old);
            using (var s = File.Create(newJson)) JsonWatchlistWriter.Write(s, next);
            var args = $"\"{cli}\" rescreen \"{book}\" --old \"json:{oldJson}\" --new \"json:{newJson}\" --output \"{output}\"";
            Console.WriteLine($"Running: dotnet {args}");
            var (elapsed, peak, exit, stderr, cpu) = BatchMode.RunProcess("dotnet", args);
            if (exit != 0)
            {
                Console.Error.WriteLine($"The CLI exited with code {exit}:\n{stderr}");
                return 1;
            }
            var lines = BatchMode.CountLines(output);
            Console.WriteLine($"CLI: {elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU, {lines:N0} rows written; {stderr.Trim()}");
            report.Line("End to end, `screening rescreen` (a separate process: start, load both versions from JSON, delta, build, read the book, screen, write):")
                .Line()
                .Table(["Measure", "Value"],
                [
                    ["Wall time", $"{elapsed.TotalSeconds:F1} s ({count / elapsed.TotalSeconds:N0} rows/s)"],
                    ["CPU time (user + system, all threads)", $"{cpu.TotalSeconds:F1} s"],
                    ["Peak working set", Report.Mb(peak) + " MB"],
                    ["Rows written", $"{lines:N0}"],
                    ["Summary line", stderr.Trim()],
                ]);
        }
        Console.WriteLine($"\nWrote {report.Save("rescreen.md")}");
        return same ? 0 : 1;
    }

    // The normalization a screen starts with, alone: chunks of rows on all cores, one context per worker.
    private static long Normalize(string book)
    {
        long tokens = 0;
        // Contexts outlive a chunk, as a batch's do, so the phrase memo warms up once.
        var pool = new System.Collections.Concurrent.ConcurrentBag<Screening.Normalization.NormalizerContext>();
        foreach (var chunk in Read(book).Chunk(2048))
        {
            Parallel.ForEach(chunk, () => pool.TryTake(out var c) ? c : new Screening.Normalization.NormalizerContext(200_000), (r, _, ctx) =>
            {
                if (!string.IsNullOrWhiteSpace(r.Name)) Interlocked.Add(ref tokens, Screening.Normalization.NameReadings.Read(r.Name, ctx)[0].Name.Tokens.Length);
                return ctx;
            }, pool.Add);
        }
        return tokens;
    }

    private sealed record Measured(string Name, TimeSpan Wall, TimeSpan Cpu, long Result);

    private static Measured Measure(string name, Func<long> run)
    {
        var self = Process.GetCurrentProcess();
        GC.Collect();
        self.Refresh();
        var cpu = self.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = run();
        var wall = sw.Elapsed;
        self.Refresh();
        var m = new Measured(name, wall, self.TotalProcessorTime - cpu, result);
        Console.WriteLine($"{name.Replace("**", "", StringComparison.Ordinal)}: {wall.TotalSeconds:F2} s wall, {m.Cpu.TotalSeconds:F2} s CPU ({result:N0})");
        return m;
    }

    private static string[] Row(Measured m, int count) =>
    [
        m.Name,
        $"{m.Wall.TotalSeconds:F2} s",
        (count / m.Wall.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture),
        $"{m.Cpu.TotalSeconds:F2} s",
        $"{m.Cpu.TotalMilliseconds * 1000 / count:F2} µs",
    ];

    private static bool[] Mask(Snapshot snapshot, HashSet<WatchlistEntry> entries)
    {
        var index = snapshot.Engine.Index;
        var mask = new bool[index.Entries.Length];
        for (var e = 0; e < mask.Length; e++) mask[e] = entries.Contains(index.Entries[e].Entry);
        return mask;
    }

    // The book as requests: id, name, country, as the CLI reads it.
    private static IEnumerable<ScreeningRequest> Read(string path)
    {
        using var csv = CsvReader.Open(path);
        if (!csv.TryReadRecord(out _)) yield break;
        while (csv.TryReadRecord(out var f))
            yield return new ScreeningRequest(f[1], f[0], f.Count > 2 && f[2].Length > 0 ? f[2] : null);
    }

    /// <summary>A copy of <paramref name="list"/> with <paramref name="count"/> random entries renamed; the others are the same objects.</summary>
    internal static Watchlist Changed(Watchlist list, int count)
    {
        var random = new Random(Seed);
        var entries = list.Entries.ToList();
        var picked = new HashSet<int>();
        while (picked.Count < Math.Min(count, entries.Count)) picked.Add(random.Next(entries.Count));
        foreach (var i in picked)
        {
            var e = entries[i];
            entries[i] = new WatchlistEntry
            {
                Id = e.Id, Type = e.Type, Countries = e.Countries, Identifiers = e.Identifiers, Programs = e.Programs, Addresses = e.Addresses,
                Remarks = e.Remarks, SourceReference = e.SourceReference, Tags = e.Tags, Sources = e.Sources, Links = e.Links,
                Names = [e.Names[0] with { Value = e.Names[0].Value + " HOLDING" }, .. e.Names.Skip(1)],
            };
        }
        return new Watchlist(list.Id, list.DisplayName, new WatchlistVersion(list.Version.Label + "+" + count + "-renamed"), entries);
    }
}
