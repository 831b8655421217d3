using Screening.Watchlists;

namespace Screening.Cli.Tests;

public class ArgumentsTests
{
    [Fact]
    public void Parse_ScreenWithEveryOption_ReadsThem()
    {
        var a = Arguments.Parse(["screen", "IEMZ Kupol", "--list", "json:a.json", "--list=json:b.json", "--threshold", "0.85", "--limit=3",
            "--format", "JSON", "--country", "RU", "--type", "Organization", "--fail-on-hit"]);
        Assert.Equal(CommandKind.Screen, a.Command);
        Assert.Equal("IEMZ Kupol", a.Name);
        Assert.Equal(["json:a.json", "json:b.json"], a.Lists);
        Assert.Equal(0.85, a.Threshold);
        Assert.Equal(3, a.Limit);
        Assert.Equal("json", a.Format);
        Assert.Equal("RU", a.Country);
        Assert.Equal(EntityType.Organization, a.Type);
        Assert.True(a.FailOnHit);
    }

    [Fact]
    public void Parse_OptionsBeforePositionals_Accepted()
    {
        var a = Arguments.Parse(["batch", "--format", "csv", "--output", "out.csv", "in.csv"]);
        Assert.Equal(CommandKind.Batch, a.Command);
        Assert.Equal("in.csv", a.Input);
        Assert.Equal("out.csv", a.Output);
        Assert.Equal("csv", a.Format);
    }

    [Fact]
    public void Parse_Defaults_TextForScreenJsonlForBatch()
    {
        Assert.Equal("text", Arguments.Parse(["screen", "x"]).Format);
        Assert.Equal("jsonl", Arguments.Parse(["batch", "in.csv"]).Format);
        var s = Arguments.Parse(["screen", "x"]);
        Assert.Null(s.Threshold);
        Assert.Null(s.Limit);
        Assert.Empty(s.Lists);
        Assert.False(s.FailOnHit);
    }

    [Fact]
    public void Parse_DoubleDash_AllowsNameStartingWithDash()
    {
        var a = Arguments.Parse(["screen", "--list", "json:x", "--", "-ALFA-"]);
        Assert.Equal("-ALFA-", a.Name);
    }

    [Fact]
    public void Parse_StdinDash_IsPositional()
    {
        Assert.Equal("-", Arguments.Parse(["batch", "-"]).Input);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Parse_Help_AnywhereWins(string flag)
    {
        Assert.True(Arguments.Parse([flag]).Help);
        var a = Arguments.Parse(["batch", flag, "--bogus-but-ignored-value"]);
        Assert.True(a.Help);
        Assert.Equal(CommandKind.Batch, a.Command);
    }

    [Fact]
    public void Parse_HelpCommand_GivesCommandHelp()
    {
        var a = Arguments.Parse(["help", "export"]);
        Assert.True(a.Help);
        Assert.Equal(CommandKind.Export, a.Command);
    }

    [Theory]
    [InlineData(new[] { "screen", "x", "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "screen", "x", "-q" }, "unknown option '-q'")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [InlineData(new string[0], "no command given")]
    [InlineData(new[] { "screen" }, "screen needs the NAME")]
    [InlineData(new[] { "screen", "IEMZ", "Kupol" }, "quote a name with spaces")]
    [InlineData(new[] { "screen", "x", "--threshold" }, "option '--threshold' needs a value")]
    [InlineData(new[] { "screen", "x", "--threshold", "--limit", "3" }, "option '--threshold' needs a value")]
    [InlineData(new[] { "screen", "x", "--threshold", "abc" }, "--threshold must be a number")]
    [InlineData(new[] { "screen", "x", "--threshold", "0" }, "--threshold must be a number greater than 0")]
    [InlineData(new[] { "screen", "x", "--threshold", "1.5" }, "at most 1")]
    [InlineData(new[] { "screen", "x", "--limit", "0" }, "--limit must be a whole number")]
    [InlineData(new[] { "screen", "x", "--limit", "2.5" }, "--limit must be a whole number")]
    [InlineData(new[] { "screen", "x", "--format", "csv" }, "--format for screen must be text or json")]
    [InlineData(new[] { "batch", "in.csv", "--format", "text" }, "--format for batch must be csv or jsonl")]
    [InlineData(new[] { "screen", "x", "--type", "planet" }, "--type must be organization, person, vessel or aircraft")]
    [InlineData(new[] { "batch", "in.csv", "--country", "RU" }, "option '--country' does not apply to 'batch'")]
    [InlineData(new[] { "screen", "x", "--output", "o" }, "option '--output' does not apply to 'screen'")]
    [InlineData(new[] { "screen", "x", "--limit", "2", "--limit", "3" }, "given more than once")]
    [InlineData(new[] { "screen", "x", "--fail-on-hit=yes" }, "takes no value")]
    [InlineData(new[] { "screen", "x", "--list", " " }, "needs a non-empty value")]
    [InlineData(new[] { "batch" }, "batch needs the INPUT.csv")]
    [InlineData(new[] { "batch", "a.csv", "b.csv" }, "batch takes one INPUT file")]
    [InlineData(new[] { "lists", "extra" }, "lists takes no argument")]
    [InlineData(new[] { "export" }, "export needs --output")]
    public void Parse_Invalid_ThrowsUsageWithReason(string[] args, string expected)
    {
        var ex = Assert.Throws<UsageException>(() => Arguments.Parse(args));
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Parse_NegativeLookingNameAfterCommand_IsAnOptionError()
    {
        // A bare dash-word is an option; names that start with '-' go after '--'.
        Assert.Throws<UsageException>(() => Arguments.Parse(["screen", "-ALFA-"]));
    }
}
