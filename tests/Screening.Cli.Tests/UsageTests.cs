namespace Screening.Cli.Tests;

public class UsageTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_General_PrintsUsageExits0(string flag)
    {
        var run = await CliHarness.RunAsync(flag);
        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Err);
        Assert.Contains("screening screen \"NAME\"", run.Out);
        Assert.Contains("screening batch INPUT.csv", run.Out);
        Assert.Contains("screening lists", run.Out);
        Assert.Contains("screening export", run.Out);
        Assert.Contains("KIND is one of: json", run.Out);
    }

    [Theory]
    [InlineData("screen", "--fail-on-hit")]
    [InlineData("batch", "--format F         jsonl (default)")]
    [InlineData("lists", "--verbose")]
    [InlineData("export", "--output FILE")]
    public async Task Help_Command_PrintsItsOptions(string command, string expected)
    {
        var run = await CliHarness.RunAsync(command, "--help");
        Assert.Equal(0, run.Code);
        Assert.Contains(expected, run.Out);
    }

    [Fact]
    public async Task Help_WithOtherMistakes_StillHelps()
    {
        var run = await CliHarness.RunAsync("batch", "--bogus", "-h");
        Assert.Equal(0, run.Code);
        Assert.Contains("screening batch INPUT.csv", run.Out);
    }

    [Fact]
    public async Task UnknownOption_Exits2PointingToHelp()
    {
        var run = await CliHarness.RunAsync("screen", "x", "--bogus");
        CliHarness.AssertInputError(run, "unknown option '--bogus'", "screening screen --help");
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task NoArguments_Exits2()
    {
        var run = await CliHarness.RunAsync();
        CliHarness.AssertInputError(run, "no command given");
    }

    [Fact]
    public async Task Version_PrintsVersion()
    {
        var run = await CliHarness.RunAsync("--version");
        Assert.Equal(0, run.Code);
        Assert.Matches(@"^screening \d+\.\d+\.\d+", run.Out);
    }
}
