using System.Text.Json;
using Screening.Watchlists;
using Screening.AllowLists;
using Screening.Audit;
using Screening.Identifiers;

namespace Screening.Cli.Tests;

/// <summary><c>--id</c>, identifier columns, <c>--allow</c>, <c>--audit</c> and <c>rescreen</c>.</summary>
public class WorkflowCommandTests
{
    private static readonly DateTimeOffset Reviewed = new(2026, 5, 1, 9, 30, 0, TimeSpan.Zero);

    private static string Delta(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "delta", name);

    [Fact]
    public async Task Screen_IdWithoutName_FindsEntryHoldingIt()
    {
        var run = await CliHarness.RunAsync("screen", "--id", "INN:1831083343", "--list", CliHarness.FixtureList);
        Assert.Equal(0, run.Code);
        Assert.Contains("Identifiers:  INN 1831083343 -> INN 1831083343, valid", run.Out);
        Assert.Contains("1 entry found by identifier", run.Out);
        Assert.Contains("#1  identifier  list in-house  entry IH-1", run.Out);
        Assert.Contains("Id evidence:   INN 1831083343 matches the entry's INN 1831083343", run.Out);
        var fail = await CliHarness.RunAsync("screen", "--id", "INN:1831083343", "--list", CliHarness.FixtureList, "--fail-on-hit");
        Assert.Equal(3, fail.Code);
    }

    [Fact]
    public async Task Screen_BareIdentifierAsName_LookedUp()
    {
        var run = await CliHarness.RunAsync("screen", "ИНН 1831 083 343", "--list", CliHarness.FixtureList, "--fail-on-hit");
        Assert.Equal(3, run.Code);
        Assert.Contains("No match at or above the threshold", run.Out);
        Assert.Contains("entry IH-1", run.Out);
    }

    [Fact]
    public async Task Screen_InvalidAndMismatchedIds_Reported()
    {
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--id", "INN:7707083893", "--id", "ogrn:1021801434617", "--list", CliHarness.FixtureList);
        Assert.Equal(0, run.Code);
        Assert.Contains("ogrn 1021801434617 -> OGRN 1021801434617, INVALID (check digit 13 is 7, expected 0): not compared", run.Out);
        Assert.Contains("Id evidence:   INN 7707083893 differs from the entry's INN 1831083343", run.Out);
        Assert.DoesNotContain("found by identifier", run.Out);
    }

    [Fact]
    public async Task Screen_IdJson_AddsIdentifiersAndEvidence()
    {
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--id", "INN:1831083343", "--list", CliHarness.FixtureList, "--format", "json");
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("inn", root.GetProperty("identifiers")[0].GetProperty("scheme").GetString());
        Assert.Equal("valid", root.GetProperty("identifiers")[0].GetProperty("status").GetString());
        Assert.Equal("match", root.GetProperty("matches")[0].GetProperty("identifierEvidence")[0].GetProperty("kind").GetString());
        Assert.Equal(0, root.GetProperty("foundByIdentifier").GetArrayLength()); // the name match already holds it
    }

    [Theory]
    [InlineData("INN")]
    [InlineData(":1831083343")]
    [InlineData("INN:")]
    public async Task Screen_BadIdOption_UsageError(string value) =>
        CliHarness.AssertInputError(await CliHarness.RunAsync("screen", "X", "--id", value, "--list", CliHarness.FixtureList), "--id must be TYPE:VALUE");

    [Fact]
    public async Task Screen_AuditWithoutName_UsageError() =>
        CliHarness.AssertInputError(await CliHarness.RunAsync("screen", "--id", "INN:1831083343", "--audit", "a.jsonl"), "--audit needs a NAME");

    [Fact]
    public async Task Screen_AllowList_SuppressesUntilEntryChanges()
    {
        using var dir = new TempDir();
        var list = await new JsonWatchlistProvider(CliHarness.Fixture).LoadAsync();
        var entry = list.Entries.Single(e => e.Id == "IH-1");
        var allow = dir.File("allow.json");
        await JsonFileAllowListStore.WriteAsync(allow,
        [
            new AllowDecision
            {
                CustomerKey = "name:IEMZ KUPOL", ListId = "in-house", EntryId = "IH-1", EntryContentHash = EntryContentHash.Compute(entry),
                DecidedBy = "j.doe", DecidedAt = Reviewed, Reason = "Our customer is Kupol LLC of Novosibirsk",
            },
        ]);
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--allow", allow, "--fail-on-hit");
        Assert.Equal(0, run.Code);
        Assert.Contains("1 match, 1 suppressed by the allow-list:", run.Out);
        Assert.Contains("Allow-list:    suppressed: reviewed by j.doe on 2026-05-01: Our customer is Kupol LLC of Novosibirsk", run.Out);

        // Another customer key: the decision does not apply.
        var other = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--allow", allow, "--customer", "C-9", "--fail-on-hit");
        Assert.Equal(3, other.Code);

        // The entry gains an alias in the next version of the list: the pair alerts again.
        var changed = dir.Write("changed.json", File.ReadAllText(CliHarness.Fixture).Replace("\"JSC IEMZ KUPOL\", \"strength\": \"strong\" },",
            "\"JSC IEMZ KUPOL\", \"strength\": \"strong\" },\n        { \"value\": \"IEMZ KUPOL PLANT\", \"strength\": \"strong\" },", StringComparison.Ordinal));
        var again = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", "json:" + changed, "--allow", allow, "--fail-on-hit");
        Assert.Equal(3, again.Code);
        Assert.Contains("alerts again: the entry changed since the review by j.doe on 2026-05-01", again.Out);
    }

    [Fact]
    public async Task Screen_BadAllowFile_ErrorNamesFileAndDecision()
    {
        using var dir = new TempDir();
        var allow = dir.Write("allow.json", """{"decisions":[{"customerKey":"c"}]}""");
        CliHarness.AssertInputError(await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--allow", allow), allow + ": decisions[0].listId: required field is missing");
        CliHarness.AssertInputError(await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--allow", dir.File("none.json")), "file not found");
    }

    [Fact]
    public async Task Screen_Audit_AppendsRecordThatRoundTrips()
    {
        using var dir = new TempDir();
        var audit = dir.File("audit.jsonl");
        for (var i = 0; i < 2; i++)
            Assert.Equal(0, (await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--audit", audit, "--id", "INN:1831083343")).Code);
        var lines = File.ReadAllLines(audit);
        Assert.Equal(2, lines.Length);
        var record = ScreeningAuditRecord.FromJson(lines[0]);
        Assert.Equal("IEMZ Kupol", record.Input.Name);
        Assert.Equal(new ScreeningIdentifier("INN", "1831083343"), Assert.Single(record.Input.Identifiers));
        Assert.Equal("IH-1", Assert.Single(record.Matches).EntryId);
        Assert.Equal("in-house", Assert.Single(record.Lists).Id);
    }

    [Fact]
    public async Task Batch_IdentifierColumns_EvidenceAndFoundByIdentifier()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "id,name,inn,id_type,id_value\nC-1,Some Other Firm,1831083343,,\nC-2,Another,,OGRN,1021801434617\nC-3,IEMZ Kupol,,,\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList);
        Assert.Equal(0, run.Code);
        var rows = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(rows[0].GetProperty("hit").GetBoolean());
        Assert.Equal("IH-1", rows[0].GetProperty("foundByIdentifier")[0].GetProperty("entryId").GetString());
        Assert.Equal("invalid", rows[1].GetProperty("identifiers")[0].GetProperty("status").GetString());
        Assert.False(rows[1].GetProperty("hit").GetBoolean());
        Assert.False(rows[2].TryGetProperty("identifiers", out _));
        Assert.True(rows[2].GetProperty("hit").GetBoolean());
    }

    [Fact]
    public async Task Batch_IdentifierColumnsWithCsv_InputError()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "name,lei\nX,253400DYLWR5A6YAWJ69\n");
        CliHarness.AssertInputError(await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--format", "csv"), "need --format jsonl");
        var half = dir.Write("half.csv", "name,id_type\nX,INN\n");
        CliHarness.AssertInputError(await CliHarness.RunAsync("batch", half, "--list", CliHarness.FixtureList), "'id_type' without 'id_value'");
    }

    [Fact]
    public async Task Batch_AllowListAndAudit_KeyedByIdColumn()
    {
        using var dir = new TempDir();
        var list = await new JsonWatchlistProvider(CliHarness.Fixture).LoadAsync();
        var allow = dir.File("allow.json");
        await JsonFileAllowListStore.WriteAsync(allow,
        [
            new AllowDecision
            {
                CustomerKey = "C-1", ListId = "in-house", EntryId = "IH-1", EntryContentHash = EntryContentHash.Compute(list.Entries[0]),
                DecidedBy = "j.doe", DecidedAt = Reviewed, Reason = "reviewed",
            },
        ]);
        var input = dir.Write("in.csv", "id,name\nC-1,IEMZ Kupol\nC-2,IEMZ Kupol\n");
        var audit = dir.File("audit.jsonl");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--allow", allow, "--audit", audit, "--format", "csv");
        Assert.Equal(0, run.Code);
        Assert.Equal(
            ["id,name,hit,listId,entryId,matchedName,score,allow", "C-1,IEMZ Kupol,false,in-house,IH-1,JSC IEMZ KUPOL,1,suppressed", "C-2,IEMZ Kupol,true,in-house,IH-1,JSC IEMZ KUPOL,1,"],
            run.OutLines);
        var records = File.ReadAllLines(audit).Select(ScreeningAuditRecord.FromJson).ToList();
        Assert.Equal(["C-1", "C-2"], records.Select(r => r.RequestId));
        Assert.Equal(AllowOutcome.Suppressed, Assert.Single(records[0].Suppressions).Outcome);
        Assert.False(records[0].Hit);
        Assert.True(records[1].Hit);

        var jsonl = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--allow", allow);
        var first = JsonDocument.Parse(jsonl.OutLines[0]).RootElement;
        Assert.False(first.GetProperty("hit").GetBoolean());
        Assert.Equal("suppressed", first.GetProperty("matches")[0].GetProperty("allowList").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Rescreen_TwoVersions_RowsHittingAddedOrChangedEntries()
    {
        var run = await CliHarness.RunAsync("rescreen", Delta("book.csv"), "--old", "json:" + Delta("v1.json"), "--new", "json:" + Delta("v2.json"), "--threshold", "0.75");
        Assert.Equal(2, run.Code); // row C-10 has no name
        var rows = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["C-1", "C-2", "C-6", "C-8", "C-10"], rows.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("changed", rows[0].GetProperty("matches")[0].GetProperty("change").GetString());
        Assert.Equal("added", rows[3].GetProperty("matches")[0].GetProperty("change").GetString());
        Assert.Equal("IH-6", rows[3].GetProperty("matches")[0].GetProperty("entryId").GetString());
        Assert.True(rows[4].TryGetProperty("error", out _));
        Assert.Contains("in-house 2026-09-01 -> 2026-09-02: 1 added, 2 changed, 1 removed, 3 unchanged; 10 rows read, 4 hit added or changed entries", run.Err);
        Assert.Contains("row id C-10", run.Err);
    }

    [Fact]
    public async Task Rescreen_Csv_HasChangeColumn()
    {
        using var dir = new TempDir();
        var book = dir.Write("book.csv", "id,name\nC-8,Sigma Technologies (HK) Ltd\nC-9,Unrelated Bakery GmbH\n");
        var run = await CliHarness.RunAsync("rescreen", book, "--old", "json:" + Delta("v1.json"), "--new", "json:" + Delta("v2.json"), "--format", "csv");
        Assert.Equal(0, run.Code);
        Assert.Equal(["id,name,hit,listId,entryId,matchedName,score,change", "C-8,Sigma Technologies (HK) Ltd,true,in-house,IH-6,SIGMA TECHNOLOGIES HONG KONG LIMITED,1,added"], run.OutLines);
    }

    [Fact]
    public async Task Rescreen_BadArguments_UsageErrors()
    {
        CliHarness.AssertInputError(await CliHarness.RunAsync("rescreen", Delta("book.csv"), "--old", "json:" + Delta("v1.json")), "needs --old SPEC and --new SPEC");
        using var dir = new TempDir();
        var other = dir.Write("other.json", """{"id":"other","entries":[{"id":"1","names":["A"]}]}""");
        CliHarness.AssertInputError(await CliHarness.RunAsync("rescreen", Delta("book.csv"), "--old", "json:" + Delta("v1.json"), "--new", "json:" + other),
            "give two versions of one list");
        CliHarness.AssertInputError(await CliHarness.RunAsync("rescreen", Delta("book.csv"), "--old", "json:" + Delta("v1.json"), "--new", "json:" + Delta("v2.json"), "--list", CliHarness.FixtureList),
            "'--list' does not apply to 'rescreen'");
    }
}
