namespace Screening.Benchmarks;

// Settings shared by Program and the benchmark classes. BenchmarkDotNet runs each benchmark in a child process that
// inherits the environment, so the settings travel as environment variables rather than statics.
internal static class BenchSettings
{
    public const string DataVariable = "SCREENING_BENCH_DATA";
    public const string DefaultDataPath = "../shared/data";

    /// <summary>The data folder (holding <c>ofac_sdn/</c>), absolute.</summary>
    public static string DataPath
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(DataVariable);
            return Path.GetFullPath(string.IsNullOrWhiteSpace(value) ? DefaultDataPath : value);
        }
        set => Environment.SetEnvironmentVariable(DataVariable, Path.GetFullPath(value));
    }

    public const string CommandLineJobVariable = "SCREENING_BENCH_CLI_JOB";

    /// <summary>Whether the command line names a job (--job, -j), which then replaces each class's own job.</summary>
    public static bool CommandLineJob
    {
        get => Environment.GetEnvironmentVariable(CommandLineJobVariable) == "1";
        set => Environment.SetEnvironmentVariable(CommandLineJobVariable, value ? "1" : null);
    }

    public const string ScalingSizesVariable = "SCREENING_BENCH_SIZES";

    /// <summary>The list sizes of the Scaling benchmark (comma-separated in the variable); 10k, 50k, 200k, 1M by default.</summary>
    public static int[] ScalingSizes
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(ScalingSizesVariable);
            if (string.IsNullOrWhiteSpace(value)) return [10_000, 50_000, 200_000, 1_000_000];
            return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => int.Parse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
        set => Environment.SetEnvironmentVariable(ScalingSizesVariable, string.Join(',', value));
    }

    public static string SdnFolder => Path.Combine(DataPath, "ofac_sdn");

    // The repository root (the folder with Screening.sln) above the current directory or the binaries, for results/.
    public static string RepositoryRoot
    {
        get
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                    if (File.Exists(Path.Combine(dir.FullName, "Screening.sln"))) return dir.FullName;
            }
            return Directory.GetCurrentDirectory();
        }
    }

    /// <summary>
    /// Screens the queries for a while before measuring, so tiered JIT and PGO reach optimized code first. A short
    /// job's few warm-up invocations are not enough on a busy machine, where the background tier-up compiles late.
    /// </summary>
    public static void WarmUp(Screener screener, IEnumerable<string[]> querySets, TimeSpan duration)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var sets = querySets.ToArray();
        while (sw.Elapsed < duration)
            foreach (var set in sets)
                foreach (var q in set) screener.Screen(q);
        Thread.Sleep(250); // let the last background compilations land
    }

    public static string ResultsFolder => Path.Combine(RepositoryRoot, "benchmarks", "results");
}
