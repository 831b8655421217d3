using Screening.Watchlists;

namespace Screening.Cli.Tests;

public class ErrorMappingTests
{
    [Fact]
    public void Describe_InputErrors_OneLineWithoutParameterSuffix()
    {
        Assert.Equal("The name to screen is empty or whitespace.", Cli.Describe(new ArgumentException("The name to screen is empty or whitespace.", "name")));
        Assert.Equal("f.csv, row 3, field '#2': bad", Cli.Describe(new WatchlistFormatException("f.csv", 3, "#2", "bad")));
        Assert.Equal("file not found: /x/y.csv", Cli.Describe(new FileNotFoundException("Could not find file.", "/x/y.csv")));
    }

    [Fact]
    public void Describe_Bug_IsNotAnInputError()
    {
        Assert.Null(Cli.Describe(new InvalidOperationException("boom")));
        Assert.Null(Cli.Describe(new NullReferenceException()));
    }

    [Fact]
    public void Unwrap_SingleInnerOfParallelFor_IsTheInnerException()
    {
        var inner = new WatchlistFormatException("a", 1, null, "x");
        Assert.Same(inner, Cli.Unwrap(new AggregateException(new AggregateException(inner))));
        var two = new AggregateException(new IOException("a"), new IOException("b"));
        Assert.Same(two, Cli.Unwrap(two));
    }

    [Fact]
    public async Task RunAsync_Cancelled_Exits130()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "name\nIEMZ Kupol\n");
        var output = dir.File("out.jsonl");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var stderr = new StringWriter();
        var code = await Cli.RunAsync(["batch", input, "--list", CliHarness.FixtureList, "--output", output], new StringReader(""), new StringWriter(), stderr, cancellationToken: cts.Token);
        Assert.Equal(130, code);
        Assert.Equal("screening: error: cancelled", stderr.ToString().TrimEnd());
        Assert.False(File.Exists(output));
    }
}
