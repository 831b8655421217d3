using System.Diagnostics;
using System.Text.Json;

namespace Screening.Cli.Tests;

/// <summary>Runs the built tool as a real process: the entry point, exit codes and stream wiring.</summary>
public class ProcessTests
{
    private static string ToolDll => Path.Combine(AppContext.BaseDirectory, "Screening.Cli.dll");

    // The host running these tests, so the tool runs on the same runtime even when dotnet is not on PATH.
    private static string DotnetHost()
    {
        var host = Environment.ProcessPath;
        return host is not null && Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? host : "dotnet";
    }

    private static async Task<(int Code, string Out, string Err)> RunProcessAsync(string stdin, params string[] args)
    {
        var psi = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(ToolDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Process_ScreenHitWithFailOnHit_Exits3AndPrintsJson()
    {
        Assert.True(File.Exists(ToolDll), ToolDll);
        var (code, stdout, stderr) = await RunProcessAsync("", "screen", "АО ИЭМЗ Купол", "--list", CliHarness.FixtureList, "--format", "json", "--fail-on-hit");
        Assert.True(code == 3, $"exit {code}: {stderr}");
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("IH-1", doc.RootElement.GetProperty("matches")[0].GetProperty("entryId").GetString());
    }

    [Fact]
    public async Task Process_BatchFromStdinAndBadOption_StreamsAndFailsCleanly()
    {
        var (code, stdout, stderr) = await RunProcessAsync("name,id\nIEMZ Kupol,7\nBank of America,8\n", "batch", "-", "--list", CliHarness.FixtureList);
        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr); // redirected stderr: no progress bar
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"id\":\"7\"", lines[0]);

        (code, stdout, stderr) = await RunProcessAsync("", "batch", "-", "--bogus");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("screening: error: unknown option '--bogus' (see 'screening batch --help')", stderr.TrimEnd());
    }
}
