using System.Diagnostics;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Benchmarks.Modes;

/// <summary>
/// <c>--memory</c>: the managed memory a built screener retains (GC.GetTotalMemory(true) before and after, with the
/// library's static tables warmed first so they are not counted), plus cold and warm load and build times.
/// </summary>
internal static class MemoryMode
{
    public static int Run(string? note, string command)
    {
        var loadAtStart = Report.LoadAverage();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        // Static tables (phrase table, country names) are loaded on first use and shared by every screener.
        NameNormalizer.Normalize("Warm-up Trading LLC");
        Screening.Watchlists.CountryCodes.TryGetCode("China", out _);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var self = Process.GetCurrentProcess();
        var sw = Stopwatch.StartNew();
        var cpu = self.TotalProcessorTime;
        var list = SdnData.LoadFresh();
        var coldLoad = sw.Elapsed;
        var coldLoadCpu = Cpu(self, ref cpu);
        var afterList = GC.GetTotalMemory(forceFullCollection: true);

        sw.Restart();
        var screener = SdnData.BuildScreener(list);
        var coldBuild = sw.Elapsed;
        var coldBuildCpu = Cpu(self, ref cpu);
        var afterBuild = GC.GetTotalMemory(forceFullCollection: true);
        screener.Screen("IZHEVSK ELECTROMECHANICAL PLANT KUPOL");
        var afterScreen = GC.GetTotalMemory(forceFullCollection: true);
        var engine = screener.Engine;
        Console.WriteLine($"{engine.NameCount:N0} names, {engine.EntryCount:N0} entries, vocabulary {engine.VocabularySize:N0}, deletion index {engine.DeletionIndexSize:N0}");

        // Warm timings: same process, JIT done; the retained screener above stays alive meanwhile.
        var warmLoads = new List<double>();
        var warmBuilds = new List<double>();
        var warmLoadCpu = new List<double>();
        var warmBuildCpu = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            sw.Restart();
            cpu = self.TotalProcessorTime;
            var l = SdnData.LoadFresh();
            warmLoads.Add(sw.Elapsed.TotalMilliseconds);
            warmLoadCpu.Add(Cpu(self, ref cpu).TotalMilliseconds);
            sw.Restart();
            GC.KeepAlive(SdnData.BuildScreener(l));
            warmBuilds.Add(sw.Elapsed.TotalMilliseconds);
            warmBuildCpu.Add(Cpu(self, ref cpu).TotalMilliseconds);
        }
        warmLoads.Sort();
        warmBuilds.Sort();
        warmLoadCpu.Sort();
        warmBuildCpu.Sort();
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
            new[] { "Cold load (first in process, includes JIT): wall / CPU", $"{coldLoad.TotalMilliseconds:F0} ms / {coldLoadCpu.TotalMilliseconds:F0} ms" },
            new[] { "Cold build (first in process, includes JIT): wall / CPU", $"{coldBuild.TotalMilliseconds:F0} ms / {coldBuildCpu.TotalMilliseconds:F0} ms" },
            new[] { "**Cold load + build: wall**", $"**{(coldLoad + coldBuild).TotalMilliseconds:F0} ms**" },
            new[] { "Warm load, median of 5: wall / CPU", $"{warmLoads[2]:F0} ms / {warmLoadCpu[2]:F0} ms" },
            new[] { "Warm build, median of 5: wall / CPU", $"{warmBuilds[2]:F0} ms / {warmBuildCpu[2]:F0} ms" },
            new[] { "**Warm load + build (medians): wall**", $"**{warmLoads[2] + warmBuilds[2]:F0} ms**" },
            new[] { "Peak working set of this process (includes the 5 warm rebuilds)", Report.Mb(peak) + " MB" },
        };
        PercentilesMode.PrintTable(header, rows);

        var report = new Report("Load, build and retained memory (OFAC SDN)", command, note, loadAtStart)
            .Line($"- List: {list.Entries.Count:N0} entries from {BenchSettings.SdnFolder}; {engine.NameCount:N0} names, vocabulary {engine.VocabularySize:N0} tokens, deletion index {engine.DeletionIndexSize:N0} keys")
            .Line("- Retained memory: `GC.GetTotalMemory(forceFullCollection: true)` after minus before, with the library's static tables warmed before the first reading.")
            .Line($"- CPU is the process's user + system time over the step, all threads ({Environment.ProcessorCount} cores; the build normalizes names in parallel): on a busy machine wall time grows, CPU time much less.")
            .Line()
            .Table(header, rows);
        Console.WriteLine($"\nWrote {report.Save("memory.md")}");
        return 0;
    }

    // CPU time of the whole process since the last call (all threads: the build is parallel, GC and JIT count too).
    private static TimeSpan Cpu(Process self, ref TimeSpan last)
    {
        self.Refresh();
        var now = self.TotalProcessorTime;
        var spent = now - last;
        last = now;
        return spent;
    }
}
