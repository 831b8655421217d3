using System.Diagnostics;
using Screening.Normalization;

namespace Screening.Benchmarks.Modes;

/// <summary>
/// <c>--memory</c>: the managed memory a built screener retains (GC.GetTotalMemory(true) before and after, with the
/// library's static tables warmed first so they are not counted), plus cold and warm load and build times.
/// </summary>
internal static class MemoryMode
{
    public static int Run(string? note, string command)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        // Static tables (phrase table, country names) are loaded on first use and shared by every screener.
        NameNormalizer.Normalize("Warm-up Trading LLC");
        Screening.Watchlists.CountryCodes.TryGetCode("China", out _);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var sw = Stopwatch.StartNew();
        var list = SdnData.LoadFresh();
        var coldLoad = sw.Elapsed;
        var afterList = GC.GetTotalMemory(forceFullCollection: true);

        sw.Restart();
        var screener = SdnData.BuildScreener(list);
        var coldBuild = sw.Elapsed;
        var afterBuild = GC.GetTotalMemory(forceFullCollection: true);
        screener.Screen("IZHEVSK ELECTROMECHANICAL PLANT KUPOL");
        var afterScreen = GC.GetTotalMemory(forceFullCollection: true);
        var engine = screener.Engine;
        Console.WriteLine($"{engine.NameCount:N0} names, {engine.EntryCount:N0} entries, vocabulary {engine.VocabularySize:N0}, deletion index {engine.DeletionIndexSize:N0}");

        // Warm timings: same process, JIT done; the retained screener above stays alive meanwhile.
        var warmLoads = new List<double>();
        var warmBuilds = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            sw.Restart();
            var l = SdnData.LoadFresh();
            warmLoads.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            GC.KeepAlive(SdnData.BuildScreener(l));
            warmBuilds.Add(sw.Elapsed.TotalMilliseconds);
        }
        warmLoads.Sort();
        warmBuilds.Sort();
        var peak = Report.PeakWorkingSet(Process.GetCurrentProcess());
        GC.KeepAlive(screener);
        GC.KeepAlive(list);

        string[] header = ["Measure", "Value"];
        var rows = new List<string[]>
        {
            new[] { "Library static tables (phrase table, country names)", Report.Mb(before - baseline) + " MB" },
            new[] { "Loaded list alone (entries, names, addresses, remarks)", Report.Mb(afterList - before) + " MB" },
            new[] { "Index on top of the list (normalized names, vocabulary, postings, deletion index)", Report.Mb(afterBuild - afterList) + " MB" },
            new[] { "**Built screener, retained (list + index)**", "**" + Report.Mb(afterBuild - before) + " MB**" },
            new[] { "... after the first screen (per-thread scratch)", Report.Mb(afterScreen - before) + " MB" },
            new[] { "Cold load (first in process, includes JIT)", $"{coldLoad.TotalMilliseconds:F0} ms" },
            new[] { "Cold build (first in process, includes JIT)", $"{coldBuild.TotalMilliseconds:F0} ms" },
            new[] { "**Cold load + build**", $"**{(coldLoad + coldBuild).TotalMilliseconds:F0} ms**" },
            new[] { "Warm load, median of 5", $"{warmLoads[2]:F0} ms" },
            new[] { "Warm build, median of 5", $"{warmBuilds[2]:F0} ms" },
            new[] { "Warm load + build (medians)", $"{warmLoads[2] + warmBuilds[2]:F0} ms" },
            new[] { "Peak working set of this process (includes the 5 warm rebuilds)", Report.Mb(peak) + " MB" },
        };
        PercentilesMode.PrintTable(header, rows);

        var report = new Report("Load, build and retained memory (OFAC SDN)", command, note)
            .Line($"- List: {list.Entries.Count:N0} entries from {BenchSettings.SdnFolder}; {engine.NameCount:N0} names, vocabulary {engine.VocabularySize:N0} tokens, deletion index {engine.DeletionIndexSize:N0} keys")
            .Line("- Retained memory: `GC.GetTotalMemory(forceFullCollection: true)` after minus before, with the library's static tables warmed before the first reading.")
            .Line()
            .Table(header, rows);
        Console.WriteLine($"\nWrote {report.Save("memory.md")}");
        return 0;
    }
}
