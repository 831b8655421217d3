using System.Text.Json;

namespace Screening.Cli.Tests;

public class ListsAndExportTests
{
    private const string WithIssues = """
        {"id":"dup","name":"Has duplicates","version":"v7","entries":[
          {"id":"1","names":["ALPHA TRADING LLC"]},
          {"id":"1","names":["ALPHA TRADING LIMITED"]},
          {"id":"2","names":["BETA HOLDING"]}]}
        """;

    [Fact]
    public async Task Lists_Fixture_PrintsVersionHashCountsAndReport()
    {
        var run = await CliHarness.RunAsync("lists", "--list", CliHarness.FixtureList);
        Assert.Equal(0, run.Code);
        Assert.Contains("in-house  In-house watchlist", run.Out);
        Assert.Contains("Source:       " + CliHarness.FixtureList, run.Out);
        Assert.Contains("Version:      2026-11-01", run.Out);
        Assert.Contains("Published:    2026-11-01", run.Out);
        Assert.Matches(@"SHA-256:      [0-9a-f]{64}\n", run.Out);
        Assert.Contains("Entries:      2", run.Out);
        Assert.Contains("Load report:  2 rows read, 2 loaded, 0 rejected, 0 orphans, 0 duplicates, 0 warnings", run.Out);
    }

    [Fact]
    public async Task Lists_Issues_CountedAndListedWithVerbose()
    {
        using var dir = new TempDir();
        var path = dir.Write("dup.json", WithIssues);
        var quiet = await CliHarness.RunAsync("lists", "--list", "json:" + path, "--list", CliHarness.FixtureList);
        Assert.Equal(0, quiet.Code);
        Assert.Contains("3 rows read, 3 loaded, 0 rejected, 0 orphans, 1 duplicates", quiet.Out);
        Assert.Contains("run with --verbose to list the 1 issue", quiet.Out);
        Assert.Contains("Published:    not stated by the source", quiet.Out);
        Assert.Contains("in-house  In-house watchlist", quiet.Out); // both lists shown

        var verbose = await CliHarness.RunAsync("lists", "--list", "json:" + path, "--verbose");
        Assert.Contains("Duplicate: " + path + ", row 2, field 'entries[1].id': entry id '1' occurs more than once", verbose.Out);
    }

    [Fact]
    public async Task Export_OneList_RoundTripsThroughLists()
    {
        using var dir = new TempDir();
        var output = dir.File("export.json");
        var run = await CliHarness.RunAsync("export", "--list", CliHarness.FixtureList, "--output", output);
        Assert.Equal(0, run.Code);
        Assert.Contains("Wrote 2 entries from 1 list (in-house@2026-11-01) to " + output, run.Out);
        using (var doc = JsonDocument.Parse(File.ReadAllText(output)))
        {
            Assert.Equal("screening-watchlist/1", doc.RootElement.GetProperty("format").GetString());
            Assert.Equal("in-house", doc.RootElement.GetProperty("id").GetString());
            Assert.Equal(2, doc.RootElement.GetProperty("entries").GetArrayLength());
        }
        var screen = await CliHarness.RunAsync("screen", "АО ИЭМЗ Купол", "--list", "json:" + output);
        Assert.Contains("entry IH-1", screen.Out);
        Assert.Contains("Tags:          role:defense-industry, sector:drones", screen.Out);
    }

    [Fact]
    public async Task Export_TwoLists_MergesWithPrefixedIds()
    {
        using var dir = new TempDir();
        var other = dir.Write("dup.json", WithIssues);
        var output = dir.File("merged.json");
        var run = await CliHarness.RunAsync("export", "--list", CliHarness.FixtureList, "--list", "json:" + other, "--output", output);
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("in-house+dup", doc.RootElement.GetProperty("id").GetString());
        var entries = doc.RootElement.GetProperty("entries");
        Assert.Equal(5, entries.GetArrayLength());
        Assert.Equal("in-house:IH-1", entries[0].GetProperty("id").GetString());
        Assert.Equal("dup:2", entries[4].GetProperty("id").GetString());
        var lists = await CliHarness.RunAsync("lists", "--list", "json:" + output);
        Assert.Contains("Entries:      5", lists.Out);
    }

    [Fact]
    public async Task Export_ToStdout_WritesDocumentOnly()
    {
        var run = await CliHarness.RunAsync("export", "--list", CliHarness.FixtureList, "--output", "-");
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Lists_SameListTwice_Exits2()
    {
        var run = await CliHarness.RunAsync("lists", "--list", CliHarness.FixtureList, "--list", CliHarness.FixtureList);
        CliHarness.AssertInputError(run, "two lists share the id 'in-house'");
    }
}

public class IdentifierReportTests
{
    [Fact]
    public async Task Lists_Identifiers_ReportsSchemesStatusAndInvalidValues()
    {
        using var dir = new TempDir();
        var path = dir.Write("ids.json", """
            {"id":"ids","entries":[
              {"id":"A","names":["ALPHA"],"identifiers":[{"type":"Tax ID No.","value":"1831083343","country":"RU"},{"type":"Legal Entity Number","value":"253400VTMXV2UE7XNN67"}]},
              {"id":"B","names":["BETA"],"identifiers":[{"type":"Passport","value":"123"}]}]}
            """);
        var run = await CliHarness.RunAsync("lists", "--list", "json:" + path, "--identifiers");
        Assert.Equal(0, run.Code);
        Assert.Contains("    screening lists --list json:" + path + " --identifiers", run.Out);
        Assert.Contains("| INN | 1 | 1 | 0 | 0 | 0.0 |", run.Out);
        Assert.Contains("| LEI | 1 | 0 | 0 | 1 | 100.0 |", run.Out);
        Assert.Contains("| Other | 1 | 0 | 0 | 0 |  |", run.Out);
        Assert.Contains("Invalid identifiers (1):", run.Out);
        Assert.Contains("| A | ALPHA | Legal Entity Number | 253400VTMXV2UE7XNN67 |  | LEI | check digits do not verify (ISO 7064 MOD 97-10) |", run.Out);
    }

    [Fact]
    public async Task Identifiers_OnScreen_IsUsageError() =>
        CliHarness.AssertInputError(await CliHarness.RunAsync("screen", "X", "--identifiers"), "--identifiers", "does not apply to 'screen'");
}
