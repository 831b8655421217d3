using System.Globalization;

namespace Screening.Evaluation;

/// <summary>Command-line options.</summary>
internal sealed class Options
{
    public const int DefaultSeed = 20260901;

    public string Data { get; private set; } = "../shared/data";
    public string Out { get; private set; } = "benchmarks/results/quality.md";
    public string? MissesOut { get; private set; }
    public string? FalseAlertsOut { get; private set; }
    public int Seed { get; private set; } = DefaultSeed;
    public int BaselineSample { get; private set; } = 60;
    public int NegativeBaselineSample { get; private set; } = 200;
    public double? Threshold { get; private set; }
    public int PerCategory { get; private set; } = 300;
    public int NearMisses { get; private set; } = 500;
    public int AgreementSample { get; private set; } = 1000;
    public int LatencySample { get; private set; } = 4000;
    public int MissesListed { get; private set; } = 200;
    public int PrintSamples { get; private set; }
    public List<string> Explain { get; } = [];
    public bool Quick { get; private set; }
    public bool OutGiven { get; private set; }
    public string? Crosslist { get; private set; }
    public string? CrosslistMissesOut { get; private set; }
    public string? TestMissesOut { get; private set; }
    public int HeldOutPerHalf { get; private set; } = 300;
    public int HeldOutAgreementSample { get; private set; } = 400;
    public string? Note { get; private set; }

    /// <summary>The cross-list file: --crosslist, else the dev set in the data folder.</summary>
    public string CrosslistPath => Crosslist ?? Path.Combine(Data, "eval_crosslist_dev", "crosslist_dev.csv");

    /// <summary>The folder for local-only outputs (cross-list misses with EU text, quick-mode reports): under the system temp folder.</summary>
    public static string LocalFolder => Path.Combine(Path.GetTempPath(), "screening-evaluation");

    public string CrosslistMissesPath => CrosslistMissesOut ?? Path.Combine(LocalFolder, "crosslist-misses.md");

    /// <summary>The report file: --out, else quality.md in full mode or quick.md in the local folder in quick mode.</summary>
    public string OutPath => OutGiven || !Quick ? Out : Path.Combine(LocalFolder, "quick.md");

    public string MissesPath => MissesOut ?? Path.Combine(Path.GetDirectoryName(OutPath) ?? ".", Quick && !OutGiven ? "quick-misses.md" : "quality-misses.md");

    public const string Usage = """
        Screening.Evaluation: matching-quality evaluation on the real OFAC SDN list.

          --data PATH               data folder with ofac_sdn/ and negatives/ (default ../shared/data)
          --out PATH                report file (default benchmarks/results/quality.md)
          --misses-out PATH         misses file (default quality-misses.md beside --out)
          --false-alerts-out PATH   write each negative that alerts, with its top match and explanation (local analysis
                                    only: it holds negatives' names, which must never be committed)
          --seed N                  seed of every random choice (default 20260901)
          --threshold T             operating threshold of the headline table (default ScreeningOptions.DefaultThreshold)
          --per-category N          queries per category at most (default 300)
          --near-misses N           near-miss queries (default 500)
          --baseline-sample N       queries per category for the FuzzySharp baseline (default 60)
          --negative-baseline-sample N  negatives for the FuzzySharp baseline (default 200)
          --agreement-sample N      queries for fast-vs-exhaustive agreement (default 1000)
          --latency-sample N        queries in the single-thread latency loop (default 4000)
          --misses N                misses listed in the misses file (default 200)
          --print-samples N         print N generated queries per category and exit
          --explain NAME            screen NAME against the list (floor 0.3, fast and exhaustive paths), print the
                                    top matches with their explanations and exit; repeatable

        Held-out and real-world categories (issue #13):
          --quick                   tuning loop: only the held-out categories, the cross-list set, the negatives'
                                    false-alert rate and the near-misses (no FuzzySharp scan, no latency); writes
                                    quick.md and quick-misses.md (held-out dev misses) under the temp folder unless
                                    --out / --misses-out say otherwise; never touches benchmarks/results
          --crosslist PATH          the cross-list file (default DATA/eval_crosslist_dev/crosslist_dev.csv; skipped
                                    with a note when absent)
          --crosslist-misses-out PATH  the cross-list misses WITH query text and explanations (CC BY-NC: local only;
                                    default $TMPDIR/screening-evaluation/crosslist-misses.md; refused inside the repository)
          --heldout-per-half N      held-out queries per category and half (default 300)
          --heldout-agreement-sample N  held-out and cross-list queries for fast-vs-exhaustive agreement (default 400)
          --test-misses-out PATH    write the held-out TEST half's misses (off by default: the test half is never looked
                                    at while tuning; refused inside the repository)
          --note TEXT               a highlighted line at the top of the report
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            string Next()
            {
                if (i + 1 >= args.Length) throw new ArgumentException($"{a} needs a value");
                return args[++i];
            }
            int NextInt()
            {
                var v = Next();
                return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
                    ? n : throw new ArgumentException($"{a}: '{v}' is not a non-negative integer");
            }
            switch (a)
            {
                case "--data": o.Data = Next(); break;
                case "--out": o.Out = Next(); o.OutGiven = true; break;
                case "--quick": o.Quick = true; break;
                case "--crosslist": o.Crosslist = Next(); break;
                case "--crosslist-misses-out": o.CrosslistMissesOut = LocalOnly(a, Next()); break;
                case "--test-misses-out": o.TestMissesOut = LocalOnly(a, Next()); break;
                case "--heldout-per-half": o.HeldOutPerHalf = NextInt(); break;
                case "--heldout-agreement-sample": o.HeldOutAgreementSample = NextInt(); break;
                case "--note": o.Note = Next(); break;
                case "--misses-out": o.MissesOut = Next(); break;
                case "--false-alerts-out": o.FalseAlertsOut = Next(); break;
                case "--seed": o.Seed = NextInt(); break;
                case "--baseline-sample": o.BaselineSample = NextInt(); break;
                case "--negative-baseline-sample": o.NegativeBaselineSample = NextInt(); break;
                case "--per-category": o.PerCategory = NextInt(); break;
                case "--near-misses": o.NearMisses = NextInt(); break;
                case "--agreement-sample": o.AgreementSample = NextInt(); break;
                case "--latency-sample": o.LatencySample = NextInt(); break;
                case "--misses": o.MissesListed = NextInt(); break;
                case "--print-samples": o.PrintSamples = NextInt(); break;
                case "--explain": o.Explain.Add(Next()); break;
                case "--threshold":
                    var t = Next();
                    o.Threshold = double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 && d <= 1
                        ? d : throw new ArgumentException($"--threshold: '{t}' is not a number in (0, 1]");
                    break;
                case "-h" or "--help": throw new HelpRequestedException();
                default: throw new ArgumentException($"unknown option '{a}'");
            }
        }
        return o;
    }

    /// <summary>
    /// A path for text that must never be committed (EU names, test-half misses): refused when it lies inside a
    /// repository work tree (a folder above it holds Screening.sln or .git).
    /// </summary>
    public static string LocalOnly(string option, string path)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "."); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Screening.sln")) || Path.Exists(Path.Combine(dir.FullName, ".git")))
                throw new ArgumentException($"{option}: '{path}' is inside the repository at {dir.FullName}; this output must stay local (use a path outside it, e.g. under {Path.GetTempPath()})");
        }
        return path;
    }

    /// <summary>The command line that reproduces this run, for the report.</summary>
    public string CommandLine()
    {
        var parts = new List<string> { "dotnet run -c Release --project benchmarks/Screening.Evaluation --", "--data", Data, "--out", OutPath, "--seed", Seed.ToString(CultureInfo.InvariantCulture) };
        if (Quick) parts.Add("--quick");
        if (Threshold is { } t) { parts.Add("--threshold"); parts.Add(t.ToString(CultureInfo.InvariantCulture)); }
        void AddIf(string name, int value, int dflt)
        {
            if (value == dflt) return;
            parts.Add(name);
            parts.Add(value.ToString(CultureInfo.InvariantCulture));
        }
        var d = new Options();
        AddIf("--per-category", PerCategory, d.PerCategory);
        AddIf("--near-misses", NearMisses, d.NearMisses);
        AddIf("--baseline-sample", BaselineSample, d.BaselineSample);
        AddIf("--negative-baseline-sample", NegativeBaselineSample, d.NegativeBaselineSample);
        AddIf("--agreement-sample", AgreementSample, d.AgreementSample);
        AddIf("--latency-sample", LatencySample, d.LatencySample);
        AddIf("--misses", MissesListed, d.MissesListed);
        AddIf("--heldout-per-half", HeldOutPerHalf, d.HeldOutPerHalf);
        AddIf("--heldout-agreement-sample", HeldOutAgreementSample, d.HeldOutAgreementSample);
        if (Crosslist is not null) { parts.Add("--crosslist"); parts.Add(Crosslist); }
        if (Note is not null) { parts.Add("--note"); parts.Add($"\"{Note}\""); }
        return string.Join(' ', parts);
    }
}

internal sealed class HelpRequestedException : Exception;
