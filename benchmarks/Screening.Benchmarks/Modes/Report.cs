using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Screening.Benchmarks.Modes;

// A markdown report with the machine, runtime, commit and load average, so a reader can judge the numbers.
internal sealed class Report
{
    private readonly StringBuilder _md = new();
    private readonly string _loadAtStart;

    public Report(string title, string command, string? note, string? loadAtStart = null)
    {
        _loadAtStart = loadAtStart ?? LoadAverage();
        _md.AppendLine(CultureInfo.InvariantCulture, $"# {title}").AppendLine();
        if (!string.IsNullOrWhiteSpace(note)) _md.AppendLine(CultureInfo.InvariantCulture, $"> **{note.Trim()}**").AppendLine();
        _md.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{command}`");
        _md.AppendLine(CultureInfo.InvariantCulture, $"- Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}");
        _md.AppendLine(CultureInfo.InvariantCulture, $"- Commit: {GitCommit()}");
        _md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {CpuModel()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}");
        _md.AppendLine(CultureInfo.InvariantCulture, $"- Runtime: {RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        _md.AppendLine(CultureInfo.InvariantCulture, $"- Data: {BenchSettings.DataPath}");
    }

    public Report Line(string text = "")
    {
        _md.AppendLine(text);
        return this;
    }

    public Report Table(string[] header, IEnumerable<string[]> rows)
    {
        _md.AppendLine("| " + string.Join(" | ", header) + " |");
        _md.AppendLine("|" + string.Concat(header.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (var r in rows) _md.AppendLine("| " + string.Join(" | ", r.Select(Escape)) + " |");
        _md.AppendLine();
        return this;
    }

    public string Save(string fileName)
    {
        var lines = _md.ToString();
        var at = lines.IndexOf("- Data:", StringComparison.Ordinal);
        var eol = lines.IndexOf('\n', at);
        lines = lines.Insert(eol + 1, $"- Load average (1/5/15 min) at start: {_loadAtStart}; at end: {LoadAverage()}\n");
        Directory.CreateDirectory(BenchSettings.ResultsFolder);
        var path = Path.Combine(BenchSettings.ResultsFolder, fileName);
        File.WriteAllText(path, lines);
        return path;
    }

    public static string Us(double microseconds) => microseconds.ToString(microseconds < 10 ? "F2" : microseconds < 100 ? "F1" : "F0", CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} / {parts[1]} / {parts[2]}";
        }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }

    private static string CpuModel()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
                if (line.StartsWith("model name", StringComparison.Ordinal)) return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string GitCommit()
    {
        var sha = Git("rev-parse --short HEAD");
        if (string.IsNullOrEmpty(sha)) return "n/a";
        return string.IsNullOrEmpty(Git("status --porcelain --untracked-files=no")) ? sha : sha + " with uncommitted changes";
    }

    private static string? Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = BenchSettings.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }

    /// <summary>Peak resident set of a process, from /proc where available.</summary>
    public static long PeakWorkingSet(Process process)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        try
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (InvalidOperationException) { return 0; }
    }
}
