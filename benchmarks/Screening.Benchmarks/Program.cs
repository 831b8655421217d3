using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Screening.Benchmarks;
using Screening.Benchmarks.Modes;

// Usage (from the repository root):
//   dotnet run -c Release --project benchmarks/Screening.Benchmarks -- [--data PATH] [BenchmarkDotNet args]
//   ... -- --percentiles [--queries N] [--repeat R]   latency distribution -> benchmarks/results/latency-percentiles.md
//                                         (R > 1 times R passes, keeping each query's fastest: for a noisy machine)
//   ... -- --memory                       retained memory, load/build time -> benchmarks/results/memory.md
//   ... -- --batch [--count N] [--cli PATH] [--in-process]   end-to-end batch -> benchmarks/results/batch.md
//   ... -- --show-queries [--count N]     prints N generated queries per category (default 10)
//   ... -- --adversarial [--count N] [--repeat R]   hostile names, build cost, cancellation -> benchmarks/results/adversarial.md
//   ... -- --rescreen [--count N] [--changed K] [--cli PATH] [--in-process]   delta re-screening of an N-row book (default
//                                         1M, the --batch input) against K renamed SDN entries (default 50) -> benchmarks/results/rescreen.md
// --sizes 10000,50000 overrides the Scaling benchmark's list sizes (default 10k, 50k, 200k, 1M).
// --note TEXT puts a line at the top of a written report (e.g. "Preliminary: machine was loaded").

var rest = new List<string>();
string? mode = null, note = null, cli = null;
int queries = 20_000, repeat = 1;
int? count = null;
var changed = 50;
var inProcess = false;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--data": BenchSettings.DataPath = Value(args, ref i); break;
            case "--percentiles" or "--memory" or "--batch" or "--show-queries" or "--adversarial" or "--rescreen": mode = args[i]; break;
            case "--changed": changed = Positive(Value(args, ref i), "--changed"); break;
            case "--queries": queries = Positive(Value(args, ref i), "--queries"); break;
            case "--count": count = Positive(Value(args, ref i), "--count"); break;
            case "--cli": cli = Value(args, ref i); break;
            case "--in-process": inProcess = true; break;
            case "--note": note = Value(args, ref i); break;
            case "--repeat": repeat = Positive(Value(args, ref i), "--repeat"); break;
            case "--sizes":
                BenchSettings.ScalingSizes = Value(args, ref i).Split(',').Select(v => Positive(v.Trim(), "--sizes")).ToArray();
                break;
            default: rest.Add(args[i]); break;
        }
    }
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
// The child processes BenchmarkDotNet starts inherit the environment: make the (absolute) data path explicit there.
BenchSettings.DataPath = BenchSettings.DataPath;

// The command as a reader would retype it; the note is printed on its own.
var shown = args.Where((a, i) => a != "--note" && (i == 0 || args[i - 1] != "--note"));
var command = "dotnet run -c Release --project benchmarks/Screening.Benchmarks -- " + string.Join(' ', shown.Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Contains('*', StringComparison.Ordinal) ? $"'{a}'" : a));
if (mode is not null && rest.Count > 0)
{
    Console.Error.WriteLine($"{mode} takes no BenchmarkDotNet arguments, got: {string.Join(' ', rest)}");
    return 2;
}
return mode switch
{
    "--percentiles" => PercentilesMode.Run(queries, repeat, note, command),
    "--memory" => MemoryMode.Run(note, command),
    "--batch" => BatchMode.Run(count ?? 1_000_000, cli, inProcess, note, command),
    "--show-queries" => ShowQueries(count ?? 10),
    "--adversarial" => AdversarialMode.Run(count ?? 200, repeat == 1 ? 3 : repeat, note, command),
    "--rescreen" => RescreenMode.Run(count ?? 1_000_000, changed, cli, inProcess, note, command),
    _ => Switch(rest.ToArray(), note, command),
};

static int Switch(string[] bdnArgs, string? note, string command)
{
    var loadAtStart = Report.LoadAverage();
    BenchSettings.CommandLineJob = bdnArgs.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
    // A generous build timeout: the generated project rebuilds the library, slow on a busy machine.
    var config = ManualConfig.Create(DefaultConfig.Instance)
        .WithBuildTimeout(TimeSpan.FromMinutes(15))
        .WithArtifactsPath(Path.Combine(BenchSettings.RepositoryRoot, "benchmarks", "BenchmarkDotNet.Artifacts"));
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchSettings).Assembly).Run(bdnArgs, config).ToArray();
    // Keep each class's summary with the other reports, unless a --job replaced the class's own job (a quick check).
    foreach (var summary in summaries)
    {
        if (summary.BenchmarksCases.Length == 0) continue;
        var type = summary.BenchmarksCases[0].Descriptor.Type;
        var github = Path.Combine(summary.ResultsDirectoryPath, type.FullName + "-report-github.md");
        if (!File.Exists(github)) continue;
        if (BenchSettings.CommandLineJob)
        {
            Console.WriteLine($"// {type.Name}: a --job was given, so the summary is not copied to {BenchSettings.ResultsFolder}");
            continue;
        }
        var report = new Report($"{type.Name} (BenchmarkDotNet, OFAC SDN)", command, note, loadAtStart)
            .Line()
            .Line(File.ReadAllText(github).Trim());
        // The global setups print what they built ("// Scaling: 1,000,000 names ..., candidates per query ..."): keep it.
        var setupLines = File.Exists(summary.LogFilePath)
            ? File.ReadLines(summary.LogFilePath).Where(l => l.StartsWith($"// {type.Name}: ", StringComparison.Ordinal)).Distinct().ToList()
            : [];
        if (setupLines.Count > 0)
        {
            report.Line().Line("Global setup output (one line per benchmark process):").Line().Line("```");
            foreach (var l in setupLines) report.Line(l);
            report.Line("```");
        }
        var path = report.Save(type.Name + ".md");
        Console.WriteLine($"// Wrote {path}");
    }
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

static int ShowQueries(int perCategory)
{
    var mix = new Screening.Benchmarks.Generation.QueryMix(SdnData.List);
    Console.WriteLine(mix.Describe());
    foreach (var (category, names) in mix.BuildAll(perCategory))
    {
        Console.WriteLine($"\n{category}:");
        foreach (var n in names) Console.WriteLine("  " + n);
    }
    return 0;
}

static string Value(string[] args, ref int i)
{
    if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value");
    return args[++i];
}

static int Positive(string text, string option) =>
    int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{option} must be a positive integer, was '{text}'");
