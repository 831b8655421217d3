namespace Screening.Cli.Tests;

/// <summary>Every broken input exits 2 with one line on stderr that names the file, row and field, and no stack trace.</summary>
public class MalformedInputTests
{
    [Fact]
    public async Task Batch_TruncatedCsv_UnterminatedQuote()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "id,name\n1,IEMZ Kupol\n2,\"Shenzhen Example");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList);
        CliHarness.AssertInputError(run, input, "row 3", "field '#2'", "unterminated quoted field");
    }

    [Fact]
    public async Task Batch_BadQuoting_QuoteInsideUnquotedField()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "name,id\nIEMZ \"Kupol\",1\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList);
        CliHarness.AssertInputError(run, input, "row 2", "field '#1'", "bad quoting");
    }

    [Fact]
    public async Task Batch_BadQuoting_TextAfterClosingQuote()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "name\n\"IEMZ\" Kupol\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--format", "csv");
        CliHarness.AssertInputError(run, input, "row 2", "after a closing quote");
    }

    [Fact]
    public async Task Batch_MissingNameColumn()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "id,company,country\n1,IEMZ Kupol,RU\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList);
        CliHarness.AssertInputError(run, input, "row 1", "no 'name' column", "found: id, company, country");
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Batch_TwoNameColumns()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "name,Name\na,b\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList);
        CliHarness.AssertInputError(run, "two 'name' columns");
    }

    [Fact]
    public async Task Batch_EmptyFile()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList);
        CliHarness.AssertInputError(run, input, "empty");
    }

    [Fact]
    public async Task Batch_NonexistentInput()
    {
        using var dir = new TempDir();
        var run = await CliHarness.RunAsync("batch", dir.File("missing.csv"), "--list", CliHarness.FixtureList);
        CliHarness.AssertInputError(run, "file not found", "missing.csv");
    }

    [Fact]
    public async Task Batch_NonexistentInputFolder()
    {
        using var dir = new TempDir();
        var run = await CliHarness.RunAsync("batch", Path.Combine(dir.Path, "nope", "in.csv"), "--list", CliHarness.FixtureList);
        CliHarness.AssertInputError(run, "not found", "nope");
    }

    [Fact]
    public async Task Batch_OutputFolderMissing()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "name\nx\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--output", Path.Combine(dir.Path, "nope", "out.jsonl"));
        CliHarness.AssertInputError(run, "folder", "nope");
    }

    [Fact]
    public async Task List_InvalidJson()
    {
        using var dir = new TempDir();
        var list = dir.Write("bad.json", "{\n  \"id\": \"x\",\n  \"entries\": [ {\"id\": \"1\", \"names\": [\"A\"] ,, ]\n}");
        var run = await CliHarness.RunAsync("screen", "x", "--list", "json:" + list);
        CliHarness.AssertInputError(run, list, "row 3", "invalid JSON");
    }

    [Fact]
    public async Task List_SchemaError_NamesEntryAndField()
    {
        using var dir = new TempDir();
        var list = dir.Write("bad.json", """{"id":"x","entries":[{"id":"1","names":["A"]},{"id":"2","type":"planet","names":["B"]}]}""");
        var run = await CliHarness.RunAsync("lists", "--list", "json:" + list);
        CliHarness.AssertInputError(run, list, "row 2", "entries[1].type", "unknown type 'planet'");
    }

    [Fact]
    public async Task List_NonexistentPath()
    {
        using var dir = new TempDir();
        var run = await CliHarness.RunAsync("screen", "x", "--list", "json:" + dir.File("missing.json"));
        CliHarness.AssertInputError(run, "missing.json", "file not found");
    }

    [Fact]
    public async Task List_UnknownKind()
    {
        var run = await CliHarness.RunAsync("screen", "x", "--list", "xlsx:lists.xlsx");
        CliHarness.AssertInputError(run, "Unknown list kind 'xlsx'", "known kinds: json");
    }

    [Fact]
    public async Task List_SpecWithoutKind()
    {
        var run = await CliHarness.RunAsync("lists", "--list", "lists.json");
        CliHarness.AssertInputError(run, "must be KIND:PATH");
    }

    [Fact]
    public async Task Batch_InvalidListLoadedBeforeAnyOutput()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "name\nx\n");
        var list = dir.Write("bad.json", "[]");
        var run = await CliHarness.RunAsync("batch", input, "--list", "json:" + list);
        CliHarness.AssertInputError(run, "must be a JSON object");
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Screen_EmptyName()
    {
        var run = await CliHarness.RunAsync("screen", "", "--list", CliHarness.FixtureList);
        CliHarness.AssertInputError(run, "The name to screen is empty or whitespace.");
    }

    [Fact]
    public async Task Screen_TooLongName()
    {
        var run = await CliHarness.RunAsync("screen", new string('A', 1001), "--list", CliHarness.FixtureList);
        CliHarness.AssertInputError(run, "1001 characters long; the limit is 1000");
    }
}
