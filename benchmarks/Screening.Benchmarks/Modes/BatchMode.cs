using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Screening.Benchmarks.Generation;
using Screening.Watchlists;

namespace Screening.Benchmarks.Modes;

/// <summary>
/// <c>--batch</c>: end-to-end batch throughput. Writes a CSV of N real-looking names (10% SDN-derived variants of every
/// category, 90% invented unlisted names, 30% with a country hint), then runs the CLI's <c>batch</c> command on it
/// when the CLI project exists (building it in Release if needed), else screens it in process with
/// <see cref="Screener.ScreenMany"/> and writes JSONL. Prints names per second and the peak working set.
/// </summary>
internal static class BatchMode
{
    private static readonly string[] Countries = ["CN", "HK", "RU", "TR", "AE", "US", "DE", "KZ", "IN", "GB"];

    public static int Run(int count, string? cliPath, bool inProcess, string? note, string command)
    {
        var loadAtStart = Report.LoadAverage();
        var input = Path.Combine(Path.GetTempPath(), $"screening-batch-{count}.csv");
        var output = Path.Combine(Path.GetTempPath(), $"screening-batch-{count}.jsonl");
        var sw = Stopwatch.StartNew();
        var (derived, withCountry) = WriteInput(input, count);
        Console.WriteLine($"Wrote {count:N0} names to {input} ({new FileInfo(input).Length / 1e6:F1} MB; {derived:N0} SDN-derived, {withCountry:N0} with a country) in {sw.Elapsed.TotalSeconds:F1} s");

        var cli = inProcess ? null : FindCli(cliPath);
        var report = new Report("Batch screening throughput (OFAC SDN)", command, note, loadAtStart)
            .Line($"- Input: {count:N0} names ({derived:N0} SDN-derived variants of every query category, the rest invented unlisted names; {withCountry:N0} rows with a country hint), {new FileInfo(input).Length / 1e6:F1} MB CSV")
            .Line($"- Cores: {Environment.ProcessorCount}");
        string[] header = ["Measure", "Value"];
        List<string[]> rows;
        if (cli is not null)
        {
            var args = $"\"{cli}\" batch \"{input}\" --list \"ofac-sdn:{BenchSettings.SdnFolder}\" --format jsonl --output \"{output}\"";
            Console.WriteLine($"Running: dotnet {args}");
            var (elapsed, peak, exit, stderr, cpu) = RunProcess("dotnet", args);
            if (exit != 0)
            {
                Console.Error.WriteLine($"The CLI exited with code {exit}:\n{stderr}");
                return 1;
            }
            var lines = CountLines(output);
            if (lines != count)
            {
                Console.Error.WriteLine($"The CLI wrote {lines:N0} lines for {count:N0} names.");
                return 1;
            }
            rows =
            [
                ["Path", "CLI `screening batch` (separate process: start, list load and build, CSV read, screening, JSONL write)"],
                ["Command", $"`dotnet {args.Replace("\"", "", StringComparison.Ordinal).Replace(BenchSettings.RepositoryRoot + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)}`"],
                ["Wall time", $"{elapsed.TotalSeconds:F1} s"],
                ["**Names per second, end to end**", $"**{count / elapsed.TotalSeconds:N0}**"],
                ["CPU time of the CLI process (user + system, all threads; sampled until 50 ms before exit)", $"{cpu.TotalSeconds:F1} s ({cpu.TotalMilliseconds * 1000 / count:F1} µs per name; {cpu / elapsed:F2} cores busy on average)"],
                ["Peak working set (VmHWM of the CLI process)", Report.Mb(peak) + " MB"],
                ["Output", $"{lines:N0} JSONL lines, {new FileInfo(output).Length / 1e6:F1} MB"],
            ];
        }
        else
        {
            Console.WriteLine("No CLI found: screening in process (Screener.ScreenMany over the streamed CSV, JSONL out).");
            rows = RunInProcess(input, output, count);
        }
        foreach (var r in rows) Console.WriteLine($"{r[0].Replace("**", "", StringComparison.Ordinal)}: {r[1].Replace("**", "", StringComparison.Ordinal)}");
        report.Line().Table(header, rows);
        Console.WriteLine($"\nWrote {report.Save("batch.md")}");
        return 0;
    }

    internal static (int Derived, int WithCountry) WriteInput(string path, int count)
    {
        var list = SdnData.List;
        var mix = new QueryMix(list);
        var categories = QueryMix.Categories.Where(c => c != QueryCategory.Unlisted).ToArray();
        var perCategory = Math.Max(1, count / 10 / categories.Length + 1);
        var pools = categories.Select(c => mix.Build(c, perCategory)).ToArray();
        var next = new int[pools.Length];
        var rng = new Random(QueryMix.DefaultSeed);
        var names = new Random(QueryMix.DefaultSeed + 1);
        int derived = 0, withCountry = 0;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("id,name,country\n");
        for (var i = 0; i < count; i++)
        {
            string name;
            var pool = rng.Next(pools.Length);
            if (rng.Next(10) == 0 && next[pool] < pools[pool].Length)
            {
                name = pools[pool][next[pool]++];
                derived++;
            }
            else
            {
                var kind = names.Next(20);
                name = kind < 17 ? InventedNames.Unlisted(names) : kind < 19 ? InventedNames.Pinyin(names) : InventedNames.Han(names);
            }
            var country = rng.Next(10) < 3 ? Countries[rng.Next(Countries.Length)] : "";
            if (country.Length > 0) withCountry++;
            w.Write('R');
            w.Write(i.ToString(CultureInfo.InvariantCulture));
            w.Write(",\"");
            w.Write(name.Replace("\"", "\"\"", StringComparison.Ordinal));
            w.Write("\",");
            w.Write(country);
            w.Write('\n');
        }
        return (derived, withCountry);
    }

    internal static string? FindCli(string? explicitPath)
    {
        if (explicitPath is not null)
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new FileNotFoundException($"--cli {explicitPath}: no such file");
        var root = BenchSettings.RepositoryRoot;
        var project = Path.Combine(root, "src", "Screening.Cli", "Screening.Cli.csproj");
        if (!File.Exists(project)) return null;
        var bin = Path.Combine(root, "src", "Screening.Cli", "bin", "Release", "net10.0");
        Console.WriteLine($"Building {project} (Release) ...");
        var (_, _, exit, stderr, _) = RunProcess("dotnet", $"build \"{project}\" -c Release -nologo -v q");
        if (exit != 0) throw new InvalidOperationException($"dotnet build of the CLI failed ({exit}):\n{stderr}");
        foreach (var name in new[] { "Screening.Cli.dll", "screening.dll" })
            if (File.Exists(Path.Combine(bin, name))) return Path.Combine(bin, name);
        throw new FileNotFoundException($"The CLI built but no Screening.Cli.dll or screening.dll is in {bin}");
    }

    internal static (TimeSpan Elapsed, long PeakWorkingSet, int ExitCode, string Stderr, TimeSpan Cpu) RunProcess(string file, string args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        long peak = 0;
        var cpu = TimeSpan.Zero;
        // VmHWM is the high-water mark, so sampling it until exit loses at most the last interval's growth.
        while (!p.WaitForExit(50))
        {
            peak = Math.Max(peak, Report.PeakWorkingSet(p));
            try
            {
                p.Refresh();
                cpu = p.TotalProcessorTime;
            }
            catch (InvalidOperationException) { } // exited meanwhile
        }
        p.WaitForExit();
        var elapsed = sw.Elapsed;
        stdout.Wait();
        return (elapsed, peak, p.ExitCode, stderr.Result, cpu);
    }

    private static List<string[]> RunInProcess(string input, string output, int count)
    {
        var self = Process.GetCurrentProcess();
        var total = Stopwatch.StartNew();
        var screener = new ScreenerBuilder().AddProvider(SdnData.CreateProvider()).BuildAsync().GetAwaiter().GetResult();
        var build = total.Elapsed;
        self.Refresh();
        var cpuBefore = self.TotalProcessorTime;
        long rows = 0, hits = 0;
        using (var csv = CsvReader.Open(input))
        using (var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            if (!csv.TryReadRecord(out _)) throw new InvalidDataException($"{input} is empty");
            var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            foreach (var r in screener.ScreenMany(Requests(csv)))
            {
                rows++;
                if (r.IsHit) hits++;
                WriteJson(json, r);
                json.Flush();
                json.Reset();
                stream.WriteByte((byte)'\n');
            }
        }
        var elapsed = total.Elapsed;
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        if (rows != count) throw new InvalidOperationException($"Screened {rows:N0} rows of {count:N0}");
        var screening = elapsed - build;
        return
        [
            ["Path", "In process: `ScreenerBuilder` with `OfacSdnProvider`, `CsvReader` stream, `Screener.ScreenMany` (all cores), JSONL via `Utf8JsonWriter`"],
            ["List load + build", $"{build.TotalSeconds:F2} s"],
            ["Screening + CSV read + JSONL write", $"{screening.TotalSeconds:F1} s ({rows / screening.TotalSeconds:N0} names/s)"],
            ["CPU time of screening + CSV read + JSONL write (user + system, all threads)", $"{cpu.TotalSeconds:F1} s ({cpu.TotalMilliseconds * 1000 / rows:F1} µs per name; {cpu / screening:F2} cores busy on average)"],
            ["Wall time (load, build, screen, write)", $"{elapsed.TotalSeconds:F1} s"],
            ["**Names per second, end to end**", $"**{rows / elapsed.TotalSeconds:N0}**"],
            ["Rows with a match", $"{hits:N0} ({hits / (double)rows:P1})"],
            ["Peak working set (this process, includes generating the input)", Report.Mb(Report.PeakWorkingSet(Process.GetCurrentProcess())) + " MB"],
            ["Output", $"{output}, {new FileInfo(output).Length / 1e6:F1} MB"],
        ];
    }

    private static IEnumerable<ScreeningRequest> Requests(CsvReader csv)
    {
        while (csv.TryReadRecord(out var f))
            yield return new ScreeningRequest(f[1], f[0], f.Count > 2 && f[2].Length > 0 ? f[2] : null);
    }

    private static void WriteJson(Utf8JsonWriter w, ScreeningResult r)
    {
        w.WriteStartObject();
        if (r.RequestId is not null) w.WriteString("id", r.RequestId);
        w.WriteString("name", r.Query);
        if (r.Error is not null) w.WriteString("error", r.Error);
        w.WriteBoolean("hit", r.IsHit);
        w.WriteStartArray("matches");
        foreach (var m in r.Matches)
        {
            w.WriteStartObject();
            w.WriteString("list", m.ListId);
            w.WriteString("entryId", m.EntryId);
            w.WriteString("primaryName", m.PrimaryName);
            w.WriteString("matchedName", m.MatchedName);
            w.WriteNumber("score", Math.Round(m.Score, 4));
            w.WriteString("explanation", m.Explanation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static long CountLines(string path)
    {
        long n = 0;
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = s.Read(buffer, 0, buffer.Length)) > 0)
            n += buffer.AsSpan(0, read).Count((byte)'\n');
        return n;
    }
}
