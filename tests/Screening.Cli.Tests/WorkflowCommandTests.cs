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
    public async Task Screen_IdWithoutName_MatchesEntryHoldingItWithItsScore()
    {
        var run = await CliHarness.RunAsync("screen", "--id", "INN:1831083343", "--list", CliHarness.FixtureList);
        Assert.Equal(0, run.Code);
        Assert.Contains("Query:        (no name: identifiers only)", run.Out);
        Assert.Contains("Identifiers:  INN 1831083343 -> INN 1831083343, valid", run.Out);
        Assert.Contains("1 match:", run.Out);
        Assert.Contains("#1  score 0.9500  list in-house  entry IH-1", run.Out);
        Assert.Contains("near-certain evidence, score at least 0.95", run.Out);
        Assert.Contains("Id evidence:   INN 1831083343 matches the entry's INN 1831083343", run.Out);
        var fail = await CliHarness.RunAsync("screen", "--id", "INN:1831083343", "--list", CliHarness.FixtureList, "--fail-on-hit");
        Assert.Equal(3, fail.Code);
    }

    [Fact]
    public async Task Screen_BareIdentifierAsName_Matches()
    {
        var run = await CliHarness.RunAsync("screen", "ИНН 1831 083 343", "--list", CliHarness.FixtureList, "--fail-on-hit");
        Assert.Equal(3, run.Code);
        Assert.Contains("1 match:", run.Out);
        Assert.Contains("#1  score 0.9500  list in-house  entry IH-1", run.Out);
        Assert.Contains("Identifiers:  ИНН 1831 083 343 -> INN 1831083343, valid", run.Out);
    }

    [Fact]
    public async Task Screen_InvalidAndMismatchedIds_ReportedAndScoreLowered()
    {
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--id", "INN:7707083893", "--id", "ogrn:1021801434617", "--list", CliHarness.FixtureList);
        Assert.Equal(0, run.Code);
        Assert.Contains("ogrn 1021801434617 -> OGRN 1021801434617, INVALID (check digit 13 is 7, expected 0): not compared", run.Out);
        Assert.Contains("Id evidence:   INN 7707083893 differs from the entry's INN 1831083343", run.Out);
        // An exact name with a differing INN still alerts, lower: 1.00 x 0.85.
        Assert.Contains("#1  score 0.8500  list in-house  entry IH-1", run.Out);
    }

    [Fact]
    public async Task Screen_IdJson_HasIdentifiersAndEvidence()
    {
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--id", "INN:1831083343", "--list", CliHarness.FixtureList, "--format", "json");
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        var id = root.GetProperty("identifiers")[0];
        Assert.Equal("INN", id.GetProperty("given").GetProperty("type").GetString());
        Assert.Equal("inn", id.GetProperty("check").GetProperty("kind").GetString());
        Assert.Equal("valid", id.GetProperty("check").GetProperty("status").GetString());
        Assert.Equal("match", root.GetProperty("matches")[0].GetProperty("identifierEvidence")[0].GetProperty("kind").GetString());
        Assert.True(root.GetProperty("isHit").GetBoolean());
        Assert.False(root.TryGetProperty("suppressed", out _));
    }

    [Theory]
    [InlineData("INN")]
    [InlineData(":1831083343")]
    [InlineData("INN:")]
    public async Task Screen_BadIdOption_UsageError(string value) =>
        CliHarness.AssertInputError(await CliHarness.RunAsync("screen", "X", "--id", value, "--list", CliHarness.FixtureList), "--id must be TYPE:VALUE");

    [Fact]
    public async Task Screen_CustomerWithoutAllow_RecordedInOutputAndAudit()
    {
        using var dir = new TempDir();
        var audit = dir.File("audit.jsonl");
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--customer", "C-1", "--audit", audit);
        Assert.Equal(0, run.Code);
        Assert.Contains("Customer key: C-1", run.Out);
        Assert.Equal("C-1", ScreeningAuditRecord.FromJson(File.ReadAllLines(audit).Single()).Input.CustomerKey);

        var json = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--customer", "C-1", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("C-1", doc.RootElement.GetProperty("customerKey").GetString());
    }

    [Fact]
    public async Task Screen_Json_WorkflowArraysAlwaysPresent()
    {
        // The JSON format is the whole result with one schema: arrays are there even when empty, nulls are left out.
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--format", "json");
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal(0, root.GetProperty("identifiers").GetArrayLength());
        Assert.Equal(0, root.GetProperty("allowListHits").GetArrayLength());
        Assert.Equal(0, root.GetProperty("matches")[0].GetProperty("identifierEvidence").GetArrayLength());
        Assert.False(root.TryGetProperty("customerKey", out _));
        Assert.False(root.TryGetProperty("screenerFilter", out _));
    }

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
        Assert.Contains("Customer key: name:IEMZ KUPOL", run.Out);
        Assert.Contains("No match at or above the threshold 0.80 that the allow-list does not suppress.", run.Out);
        Assert.Contains("1 match suppressed by the allow-list (not alerts):", run.Out);
        Assert.Contains("#1  score 1.0000  list in-house  entry IH-1  suppressed", run.Out);
        Assert.Contains("Allow-list:    suppressed: reviewed by j.doe on 2026-05-01: Our customer is Kupol LLC of Novosibirsk", run.Out);

        // Another customer key: the decision does not apply.
        var other = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--allow", allow, "--customer", "C-9", "--fail-on-hit");
        Assert.Equal(3, other.Code);
        Assert.DoesNotContain("suppressed", other.Out);

        // The entry gains an alias in the next version of the list: the pair alerts again.
        var changed = dir.Write("changed.json", File.ReadAllText(CliHarness.Fixture).Replace("\"JSC IEMZ KUPOL\", \"strength\": \"strong\" },",
            "\"JSC IEMZ KUPOL\", \"strength\": \"strong\" },\n        { \"value\": \"IEMZ KUPOL PLANT\", \"strength\": \"strong\" },", StringComparison.Ordinal));
        var again = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", "json:" + changed, "--allow", allow, "--fail-on-hit");
        Assert.Equal(3, again.Code);
        Assert.Contains("1 match:", again.Out);
        Assert.Contains("Allow-list:    alerts again: the entry changed since the review by j.doe on 2026-05-01", again.Out);
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
            Assert.Equal(0, (await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--audit", audit, "--id", "INN:1831083343", "--only-country", "Russia")).Code);
        var lines = File.ReadAllLines(audit);
        Assert.Equal(2, lines.Length);
        var record = ScreeningAuditRecord.FromJson(lines[0]);
        Assert.Equal("IEMZ Kupol", record.Input.Name);
        Assert.Equal(new ScreeningIdentifier("INN", "1831083343"), Assert.Single(record.Input.Identifiers));
        var match = Assert.Single(record.Matches);
        Assert.Equal("IH-1", match.EntryId);
        Assert.Equal(IdentifierEvidenceKind.Match, Assert.Single(match.Identifiers).Kind);
        Assert.Equal("in-house", Assert.Single(record.Lists).Id);
        Assert.Equal(["RU"], record.Filters["screener.countries"]);
        Assert.True(record.Hit);
    }

    [Fact]
    public async Task Screen_AuditIdentifierOnly_RecordsTheLookup()
    {
        using var dir = new TempDir();
        var audit = dir.File("audit.jsonl");
        Assert.Equal(0, (await CliHarness.RunAsync("screen", "--id", "INN:1831083343", "--list", CliHarness.FixtureList, "--audit", audit)).Code);
        var record = ScreeningAuditRecord.FromJson(File.ReadAllLines(audit).Single());
        Assert.Equal("", record.Input.Name);
        Assert.Equal(0.95, Assert.Single(record.Matches).Score);
    }

    [Fact]
    public async Task Screen_AuditFolderMissing_InputError() =>
        CliHarness.AssertInputError(await CliHarness.RunAsync("screen", "X", "--list", CliHarness.FixtureList, "--audit", Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "a.jsonl")),
            "the folder does not exist");

    [Fact]
    public async Task Screen_OnlyFilters_NarrowTheEntriesAndAreShown()
    {
        var none = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--only-country", "CN", "--fail-on-hit");
        Assert.Equal(0, none.Code);
        Assert.Contains("Filters:      countries=CN", none.Out);
        Assert.Contains("No match at or above the threshold", none.Out);

        var some = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--only-tag", "role:defense-industry",
            "--only-type", "organization", "--only-program", "RUSSIA-EO14024", "--only-list", "in-house", "--format", "json");
        Assert.Equal(0, some.Code);
        using var doc = JsonDocument.Parse(some.Out);
        var filter = doc.RootElement.GetProperty("screenerFilter");
        Assert.Equal("role:defense-industry", filter.GetProperty("tags")[0].GetString());
        Assert.Equal("organization", filter.GetProperty("entityTypes")[0].GetString());
        Assert.Equal("IH-1", doc.RootElement.GetProperty("matches")[0].GetProperty("entryId").GetString());
    }

    [Fact]
    public async Task Screen_OnlyFilterThatCannotBeMeant_FailsClosed()
    {
        CliHarness.AssertInputError(await CliHarness.RunAsync("screen", "X", "--list", CliHarness.FixtureList, "--only-list", "ofac-sdn"), "--only-list ofac-sdn: no list with that id is loaded (loaded: in-house)");
        CliHarness.AssertInputError(await CliHarness.RunAsync("screen", "X", "--list", CliHarness.FixtureList, "--only-tag", "role:typo"), "let no entry of the loaded lists through");
        CliHarness.AssertInputError(await CliHarness.RunAsync("screen", "X", "--list", CliHarness.FixtureList, "--only-type", "planet"), "--only-type must be");
        CliHarness.AssertInputError(await CliHarness.RunAsync("screen", "X", "--list", CliHarness.FixtureList, "--only-country", "Atlantis"), "--only-country must be");
        // A value no entry has, beside one that some have: a warning, and the screen goes on.
        var warn = await CliHarness.RunAsync("screen", "X", "--list", CliHarness.FixtureList, "--only-country", "CN", "--only-country", "DE");
        Assert.Equal(0, warn.Code);
        Assert.Contains("screening: warning: --only-country DE: no entry of the loaded lists has it", warn.Err);
    }

    [Fact]
    public async Task Batch_IdentifierColumns_ScoredPerRow()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "id,name,inn,id_type,id_value\nC-1,Some Other Firm,1831083343,,\nC-2,Another,,OGRN,1021801434617\nC-3,IEMZ Kupol,,,\nC-4,,1831083343,,\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList);
        Assert.Equal(0, run.Code);
        var rows = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(rows[0].GetProperty("hit").GetBoolean());
        var m = rows[0].GetProperty("matches")[0];
        Assert.Equal(("IH-1", 0.95), (m.GetProperty("entryId").GetString(), m.GetProperty("score").GetDouble()));
        Assert.Equal("match", m.GetProperty("identifierEvidence")[0].GetProperty("kind").GetString());
        Assert.Equal("valid", rows[0].GetProperty("identifiers")[0].GetProperty("status").GetString());
        Assert.Equal("invalid", rows[1].GetProperty("identifiers")[0].GetProperty("status").GetString());
        Assert.False(rows[1].GetProperty("hit").GetBoolean());
        Assert.False(rows[2].TryGetProperty("identifiers", out _));
        Assert.True(rows[2].GetProperty("hit").GetBoolean());
        // No name, an identifier: a lookup, not an error.
        Assert.True(rows[3].GetProperty("hit").GetBoolean());
        Assert.False(rows[3].TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Batch_IdentifierColumnsCsv_HasEvidenceColumns()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "id,name,inn\nC-1,Some Other Firm,1831083343\nC-2,Bakery,\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--format", "csv");
        Assert.Equal(0, run.Code);
        Assert.Equal(
        [
            "id,name,hit,listId,entryId,matchedName,score,identifierEvidence,identifiers",
            "C-1,Some Other Firm,true,in-house,IH-1,JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL,0.95,INN 1831083343 matches the entry's INN 1831083343,\"inn 1831083343 -> INN 1831083343, valid\"",
            "C-2,Bakery,false,,,,,,",
        ], run.OutLines);
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
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--allow", allow, "--audit", audit, "--format", "csv", "--fail-on-hit");
        Assert.Equal(3, run.Code); // C-2 alerts
        Assert.Equal(
        [
            "id,name,hit,listId,entryId,matchedName,score,allow,decidedBy,decidedAt,reason",
            "C-1,IEMZ Kupol,false,in-house,IH-1,JSC IEMZ KUPOL,1,suppressed,j.doe,2026-05-01T09:30:00.0000000+00:00,reviewed",
            "C-2,IEMZ Kupol,true,in-house,IH-1,JSC IEMZ KUPOL,1,,,,",
        ], run.OutLines);
        // One record per row, written by the screens themselves (in the order they ran).
        var records = File.ReadAllLines(audit).Select(ScreeningAuditRecord.FromJson).OrderBy(r => r.RequestId, StringComparer.Ordinal).ToList();
        Assert.Equal(["C-1", "C-2"], records.Select(r => r.RequestId));
        Assert.Equal(AllowOutcome.Suppressed, Assert.Single(records[0].Suppressions).Outcome);
        Assert.Equal("C-1", records[0].Input.CustomerKey);
        Assert.False(records[0].Hit);
        Assert.True(records[1].Hit);

        var jsonl = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--allow", allow);
        var first = JsonDocument.Parse(jsonl.OutLines[0]).RootElement;
        Assert.False(first.GetProperty("hit").GetBoolean());
        Assert.Equal(0, first.GetProperty("matches").GetArrayLength());
        var suppressed = Assert.Single(first.GetProperty("suppressed").EnumerateArray());
        Assert.Equal("IH-1", suppressed.GetProperty("entryId").GetString());
        Assert.Equal("suppressed", suppressed.GetProperty("allowList").GetProperty("outcome").GetString());
        Assert.Equal("j.doe", suppressed.GetProperty("allowList").GetProperty("decidedBy").GetString());
        Assert.Equal("C-1", first.GetProperty("customerKey").GetString());
        Assert.True(JsonDocument.Parse(jsonl.OutLines[1]).RootElement.GetProperty("hit").GetBoolean());
    }

    [Fact]
    public async Task Batch_ThresholdColumnAndFilters_PerRowAndShown()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "id,name,threshold\nC-1,Izhevsk Electromechanical Plant Kupal,\nC-2,Izhevsk Electromechanical Plant Kupal,0.99\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--only-country", "RU");
        Assert.Equal(0, run.Code);
        var rows = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(rows[0].GetProperty("hit").GetBoolean());
        Assert.Equal(0.8, rows[0].GetProperty("threshold").GetDouble());
        Assert.False(rows[1].GetProperty("hit").GetBoolean());
        Assert.Equal(0.99, rows[1].GetProperty("threshold").GetDouble());
        Assert.Equal("countries=RU", rows[0].GetProperty("filters").GetString());

        var csv = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--only-country", "RU", "--format", "csv");
        Assert.Equal("id,name,hit,listId,entryId,matchedName,score,threshold,filters", csv.OutLines[0]);
        Assert.EndsWith(",0.99,countries=RU", csv.OutLines[2], StringComparison.Ordinal);

        var bad = dir.Write("bad.csv", "name,threshold\nA,0.9\nB,1.5\n");
        CliHarness.AssertInputError(await CliHarness.RunAsync("batch", bad, "--list", CliHarness.FixtureList), "bad.csv, row 3, field 'threshold': '1.5' is not a number greater than 0 and at most 1");
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
    public async Task Rescreen_IdentifierColumn_FindsChangedEntryByIdentifier()
    {
        using var dir = new TempDir();
        var book = dir.Write("book.csv", "id,name,inn\nC-1,Unrelated Name Ltd,1831083343\nC-2,Unrelated Bakery GmbH,\n");
        var run = await CliHarness.RunAsync("rescreen", book, "--old", "json:" + Delta("v1.json"), "--new", "json:" + Delta("v2.json"));
        Assert.Equal(0, run.Code);
        var row = JsonDocument.Parse(Assert.Single(run.OutLines)).RootElement;
        Assert.Equal("C-1", row.GetProperty("id").GetString());
        var m = row.GetProperty("matches")[0];
        Assert.Equal(("IH-1", "changed", 0.95), (m.GetProperty("entryId").GetString(), m.GetProperty("change").GetString(), m.GetProperty("score").GetDouble()));
        Assert.Equal("match", m.GetProperty("identifierEvidence")[0].GetProperty("kind").GetString());
        Assert.Equal("valid", row.GetProperty("identifiers")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Rescreen_AllowAndAudit_SuppressesReviewedPairsAndRecordsEveryRowInOrder()
    {
        using var dir = new TempDir();
        var v1 = await new JsonWatchlistProvider(Delta("v1.json")).LoadAsync();
        var v2 = await new JsonWatchlistProvider(Delta("v2.json")).LoadAsync();
        AllowDecision Decision(string customer, Watchlist version) => new()
        {
            CustomerKey = customer, ListId = "in-house", EntryId = "IH-1", EntryContentHash = EntryContentHash.Compute(version.Entries.Single(e => e.Id == "IH-1")),
            DecidedBy = "j.doe", DecidedAt = Reviewed, Reason = "not the plant",
        };
        var allow = dir.File("allow.json");
        // C-2 was reviewed against the new content (it stays quiet); C-1 against the old one (it alerts again).
        await JsonFileAllowListStore.WriteAsync(allow, [Decision("C-2", v2), Decision("C-1", v1)]);
        var audit = dir.File("audit.jsonl");

        var run = await CliHarness.RunAsync("rescreen", Delta("book.csv"), "--old", "json:" + Delta("v1.json"), "--new", "json:" + Delta("v2.json"),
            "--threshold", "0.75", "--allow", allow, "--audit", audit);

        Assert.Equal(2, run.Code); // row C-10 has no name
        var rows = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["C-1", "C-2", "C-6", "C-8", "C-10"], rows.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("entryChanged", rows[0].GetProperty("matches")[0].GetProperty("allowList").GetProperty("outcome").GetString());
        Assert.True(rows[0].GetProperty("hit").GetBoolean());
        Assert.False(rows[1].GetProperty("hit").GetBoolean());
        var suppressed = Assert.Single(rows[1].GetProperty("suppressed").EnumerateArray());
        Assert.Equal(("IH-1", "changed", "suppressed"), (suppressed.GetProperty("entryId").GetString(), suppressed.GetProperty("change").GetString(),
            suppressed.GetProperty("allowList").GetProperty("outcome").GetString()));
        Assert.Equal("C-2", rows[1].GetProperty("customerKey").GetString());
        Assert.Contains("10 rows read, 3 hit added or changed entries, 1 only by matches the allow-list suppressed", run.Err);

        // Every book row screened is audited, in input order, the row that failed with its error.
        var records = File.ReadAllLines(audit).Select(ScreeningAuditRecord.FromJson).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => "C-" + i), records.Select(r => r.RequestId));
        Assert.Equal(AllowOutcome.Suppressed, Assert.Single(records[1].Suppressions).Outcome);
        Assert.NotNull(records[9].Error);

        var csv = await CliHarness.RunAsync("rescreen", Delta("book.csv"), "--old", "json:" + Delta("v1.json"), "--new", "json:" + Delta("v2.json"),
            "--threshold", "0.75", "--allow", allow, "--format", "csv");
        Assert.Equal("id,name,hit,listId,entryId,matchedName,score,change,allow", csv.OutLines[0]);
        Assert.Contains(csv.OutLines, l => l.StartsWith("C-1,", StringComparison.Ordinal) && l.EndsWith(",changed,entryChanged", StringComparison.Ordinal));
        Assert.Contains(csv.OutLines, l => l.StartsWith("C-2,AO IEMZ Kupol,false,in-house,IH-1,", StringComparison.Ordinal) && l.EndsWith(",1,changed,suppressed", StringComparison.Ordinal));
        Assert.Contains("C-10,,false,,,,,,", csv.OutLines);
    }

    [Fact]
    public async Task Batch_Audit_EveryRowInInputOrderFailedRowsWithTheirError()
    {
        using var dir = new TempDir();
        var sb = new System.Text.StringBuilder("id,name,inn\n");
        for (var i = 0; i < 5000; i++)
            sb.Append(i % 997 == 5 ? $"R{i},,\n" : i % 3 == 0 ? $"R{i},IEMZ Kupol,\n" : $"R{i},Unrelated Trading {i} Ltd,\n");
        sb.Append("R-long,").Append('A', 1001).Append(",1831083343\n");
        var input = dir.Write("in.csv", sb.ToString());
        var audit = dir.File("audit.jsonl");

        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--audit", audit, "--output", dir.File("out.jsonl"));

        Assert.Equal(2, run.Code); // empty and over-long names
        var records = File.ReadAllLines(audit).Select(ScreeningAuditRecord.FromJson).ToList();
        var ids = File.ReadAllLines(dir.File("out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(5001, records.Count);
        Assert.Equal(ids, records.Select(r => r.RequestId));
        Assert.NotNull(records[5].Error);
        var failed = records[^1];
        Assert.NotNull(failed.Error);
        Assert.Equal("R-long", failed.Input.CustomerKey);
        Assert.Equal("1831083343", Assert.Single(failed.Input.IdentifierChecks).Value);
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
