using System.Text;

namespace Screening.Cli.Tests;

/// <summary>The outcome of one in-process run.</summary>
internal sealed record CliRun(int Code, string Out, string Err)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The error output trimmed; usage and input errors must be one line.</summary>
    public string ErrLine
    {
        get
        {
            var lines = Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}: {Err}");
            return lines[0].TrimEnd('\r');
        }
    }
}

internal static class CliHarness
{
    public static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "json", "sample.json");

    public static string FixtureList => "json:" + Fixture;

    public static async Task<CliRun> RunAsync(params string[] args) => await RunWithInputAsync(new StringReader(""), args);

    public static async Task<CliRun> RunWithInputAsync(TextReader stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Cli.RunAsync(args, stdin, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Asserts a usage or input error: exit 2, one line on stderr that names the problem, no stack trace.</summary>
    public static string AssertInputError(CliRun run, params string[] expectedFragments)
    {
        Assert.True(run.Code == 2, $"exit {run.Code}, expected 2; stderr: {run.Err}");
        var line = run.ErrLine;
        Assert.StartsWith("screening: error: ", line);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.DoesNotContain("Exception", run.Err);
        foreach (var f in expectedFragments) Assert.Contains(f, line);
        return line;
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "screening-cli-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content, bool bom = false)
    {
        var p = File(name);
        System.IO.File.WriteAllText(p, content, new UTF8Encoding(bom));
        return p;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
