using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Screening.Cli.Tests;

/// <summary>
/// Issue #12, signals and pipes, on the real process: SIGTERM and SIGINT mid-batch clean up and end standard output
/// on a whole line; a closed standard output stops the batch. Timeouts are generous and nothing is timed: the waits
/// only bound a hang on a loaded machine.
/// </summary>
public partial class SignalAndPipeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private const int Sigint = 2;
    private const int Sigterm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private static string ToolDll => Path.Combine(AppContext.BaseDirectory, "Screening.Cli.dll");

    private static Process Start(params string[] args)
    {
        var host = Environment.ProcessPath;
        var psi = new ProcessStartInfo(host is not null && Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(ToolDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    // The header and `rows` names on standard input, which stays open: the tool then waits mid-batch for more.
    private static async Task FeedAsync(Process p, int rows)
    {
        var sb = new StringBuilder("name\n");
        for (var i = 0; i < rows; i++) sb.Append("IEMZ Kupol\n");
        await p.StandardInput.WriteAsync(sb.ToString());
        await p.StandardInput.FlushAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process p, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            if (p.HasExited) Assert.Fail($"the tool exited ({p.ExitCode}) before {what}");
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task<int> WaitForExitAsync(Process p)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("the tool did not exit after the signal");
        }
        return p.ExitCode;
    }

    private static string[] Temporaries(TempDir dir) => Directory.GetFiles(dir.Path, ".*.tmp");

    [UnixTheory]
    [InlineData(Sigterm, 143)]
    [InlineData(Sigint, 130)]
    public async Task Signal_MidBatchToAnOutputFile_DeletesTheTemporaryFile(int signal, int expectedCode)
    {
        using var dir = new TempDir();
        var output = dir.File("out.jsonl");
        using var p = Start("batch", "-", "--list", CliHarness.FixtureList, "--output", output);
        var stderr = new StringBuilder();
        p.ErrorDataReceived += (_, e) => { lock (stderr) stderr.Append(e.Data).Append('\n'); };
        p.BeginErrorReadLine();
        await FeedAsync(p, 3000);
        await WaitUntilAsync(() => Temporaries(dir).Length > 0, p, "creating its temporary output file");

        Assert.Equal(0, Kill(p.Id, signal));
        var code = await WaitForExitAsync(p);

        Assert.True(code == expectedCode, $"exit {code}: {stderr}");
        Assert.Empty(Temporaries(dir));
        Assert.False(File.Exists(output));
    }

    [UnixFact]
    public async Task Sigterm_MidBatchToStdout_OutputEndsOnAWholeLine()
    {
        using var p = Start("batch", "-", "--list", CliHarness.FixtureList);
        p.BeginErrorReadLine();
        var received = new MemoryStream();
        var reader = Task.Run(async () =>
        {
            var buffer = new byte[1 << 16];
            int n;
            while ((n = await p.StandardOutput.BaseStream.ReadAsync(buffer)) > 0)
            {
                lock (received) received.Write(buffer, 0, n);
            }
        });
        // Two chunks and a half: the first chunk's results are written while the tool waits for the third.
        await FeedAsync(p, 5000);
        await WaitUntilAsync(() => { lock (received) return received.Length > 0; }, p, "writing results");

        Assert.Equal(0, Kill(p.Id, Sigterm));
        var code = await WaitForExitAsync(p);
        await reader;

        Assert.Equal(143, code);
        var text = Encoding.UTF8.GetString(received.ToArray());
        Assert.EndsWith("\n", text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal("IEMZ Kupol", doc.RootElement.GetProperty("name").GetString());
        }
    }

    [UnixFact]
    public async Task ClosedStdout_BatchStopsInsteadOfScreeningEverything_Exits141()
    {
        using var dir = new TempDir();
        var sb = new StringBuilder("id,name\n");
        for (var i = 0; i < 300_000; i++) sb.Append(i).Append(",Romashka Trading ").Append(i).Append(" LLC\n");
        var input = dir.Write("big.csv", sb.ToString());
        using var p = Start("batch", input, "--list", CliHarness.FixtureList);
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Close();

        // `| head -1`: read one line, then close the pipe.
        var first = await p.StandardOutput.ReadLineAsync();
        Assert.NotNull(first);
        p.StandardOutput.Close();
        var code = await WaitForExitAsync(p);

        Assert.True(code == 141, $"exit {code}: {await stderr}");
        Assert.Equal("", await stderr);
    }

    [UnixFact]
    public async Task BatchFromStdin_Latin1Bytes_Exits2NamingTheOffset()
    {
        using var p = Start("batch", "-", "--list", CliHarness.FixtureList);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        var bytes = Encoding.Latin1.GetBytes("name\nCafé Kupol\n");
        await p.StandardInput.BaseStream.WriteAsync(bytes);
        p.StandardInput.Close();
        var code = await WaitForExitAsync(p);
        Assert.Equal(2, code);
        Assert.Equal("screening: error: <stdin>, row 2: invalid UTF-8 at byte offset 8 (0xE9 0x20 0x4B 0x75...): the text is not UTF-8; " +
            "if the file is Latin-1 or Windows-1252, pass --encoding latin1 or --encoding windows-1252", (await stderr).TrimEnd());
        Assert.Equal("", await stdout);
    }
}

/// <summary>A theory that runs only where POSIX signals and pipes behave as on Linux and macOS.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "POSIX-only behaviour.";
    }
}
