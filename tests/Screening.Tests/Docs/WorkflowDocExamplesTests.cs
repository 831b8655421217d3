using Screening.Tests.Watchlists.Ofac;
using Screening.Watchlists;
using Screening.AllowLists;
using Screening.Audit;
using Screening.Identifiers;

namespace Screening.Tests.Docs;

// The C# examples of docs/workflow.md, compiled and run. A test below checks that the document shows exactly this code.
public sealed class WorkflowDocExamplesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "workflow-docs-" + Guid.NewGuid().ToString("N"));
    private readonly string _previous = Directory.GetCurrentDirectory();

    public WorkflowDocExamplesTests()
    {
        Directory.CreateDirectory(_dir);
        Directory.SetCurrentDirectory(_dir);
    }

    public void Dispose()
    {
        Directory.SetCurrentDirectory(_previous);
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Identifiers_Example_Runs()
    {
        var output = new StringWriter();
        void WriteLine(string s) => output.WriteLine(s);
        // DOCS: identifiers
        IdentifierCheck inn = IdentifierValidator.Validate(IdentifierKind.Inn, "ИНН 1831 083 343");
        WriteLine($"{inn.Value} {inn.Status}");                 // 1831083343 Valid
        IdentifierCheck lei = IdentifierValidator.Validate(IdentifierKind.Lei, "253400VTMXV2UE7XNN67");
        WriteLine($"{lei.Status}: {lei.Problem}");              // Invalid: check digits do not verify (ISO 7064 MOD 97-10)
        // DOCS: end
        Assert.Equal("1831083343 Valid\nInvalid: check digits do not verify (ISO 7064 MOD 97-10)\n", output.ToString().Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScreenWithIdentifiersAndFilters_Examples_Run()
    {
        var dataFolder = OfacFixtures.SdnFolder;
        var output = new StringWriter();
        void WriteLine(string s) => output.WriteLine(s);
        // DOCS: screen-identifiers
        Screener screener = await new ScreenerBuilder().AddProvider(new OfacSdnProvider(dataFolder)).BuildAsync();

        // No name: a lookup by identifier, scored like any screen.
        ScreeningResult byInn = screener.Screen(new ScreeningRequest("") { Identifiers = [new ScreeningIdentifier("INN", "1831083343")] });
        ScreeningMatch kupol = byInn.Matches[0];
        WriteLine($"{kupol.EntryId} {kupol.Score:0.00}");             // 46431 0.95
        WriteLine(kupol.IdentifierEvidence[0].ToString());         // INN 1831083343 matches the entry's Tax ID No. 1831083343

        // A name and an identifier that disagrees with the entry's: still a match, scored lower.
        ScreeningResult both = screener.Screen(new ScreeningRequest("IEMZ Kupol") { Identifiers = [new ScreeningIdentifier("INN", "5406123450")] });
        WriteLine($"{both.Matches[0].Score:0.00}: {both.Matches[0].IdentifierEvidence[0]}");   // 0.85: INN 5406123450 differs from ...
        // DOCS: end
        // DOCS: filters
        var request = new ScreeningRequest("IEMZ Kupol", Id: "r-7")
        {
            Threshold = 0.90,                                       // this request only
            Filter = new ScreeningFilter { Countries = ["CN", "HK"], Programs = ["RUSSIA-EO14024"] },
        };
        ScreeningResult filtered = screener.Screen(request);
        WriteLine($"{filtered.Matches.Count} matches; {filtered.RequestFilter}");   // 0 matches; countries=CN,HK; programs=RUSSIA-EO14024
        // DOCS: end
        Assert.Equal(
            "46431 0.95\nINN 1831083343 matches the entry's Tax ID No. 1831083343\n" +
            "0.85: INN 5406123450 differs from the entry's Tax ID No. 1831083343\n0 matches; countries=CN,HK; programs=RUSSIA-EO14024\n",
            output.ToString().Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal(0.9, filtered.Threshold);
    }

    [Fact]
    public async Task AllowListAndAudit_Example_Runs()
    {
        var dataFolder = OfacFixtures.SdnFolder;
        var screener = await new ScreenerBuilder().AddProvider(new OfacSdnProvider(dataFolder)).BuildAsync();
        var output = new StringWriter();
        void WriteLine(object o) => output.WriteLine(o);
        // DOCS: allow-list
        var store = new JsonFileAllowListStore("allow.json");
        ScreeningResult result = screener.Screen("IEMZ Kupol");

        // A reviewer decides that the first match is not this customer:
        await store.AddAsync(AllowDecision.For("C-1042", result.Matches[0], decidedBy: "j.doe", decidedAt: DateTimeOffset.UtcNow,
            reason: "Customer is Kupol LLC, Novosibirsk, INN 5406123456; not the Izhevsk plant"));

        // Every later screen of this customer, by a screener that applies the allow-list:
        AllowList allow = await AllowList.LoadAsync(store);
        Screener reviewed = await new ScreenerBuilder().AddProvider(new OfacSdnProvider(dataFolder))
            .Configure(o => o.AllowList = allow)
            .BuildAsync();
        ScreeningResult again = reviewed.Screen(new ScreeningRequest("IEMZ Kupol") { CustomerKey = "C-1042" });
        foreach (AllowListHit hit in again.Suppressed) WriteLine(hit);   // suppressed: reviewed by j.doe on ...: Customer is ...
        bool alert = again.IsHit;                                   // false: nothing else matched
        // DOCS: end
        Assert.False(alert);
        Assert.StartsWith("suppressed: reviewed by j.doe on ", output.ToString(), StringComparison.Ordinal);

        // DOCS: audit
        await using var sink = new JsonlFileAuditSink("audit.jsonl");
        Screener audited = await new ScreenerBuilder().AddProvider(new OfacSdnProvider(dataFolder))
            .Configure(o => { o.AllowList = allow; o.AuditSink = sink; })
            .BuildAsync();
        audited.Screen(new ScreeningRequest("IEMZ Kupol", Id: "req-1") { CustomerKey = "C-1042" });   // writes one record
        await sink.FlushAsync();                                    // or dispose: every record is in the file

        ScreeningAuditRecord record = ScreeningAuditRecord.FromJson(File.ReadLines("audit.jsonl").Single());
        WriteLine($"{record.RequestId} hit={record.Hit} {record.Suppressions[0].Outcome}");   // req-1 hit=False Suppressed
        // DOCS: end
        Assert.EndsWith("req-1 hit=False Suppressed\n", output.ToString().Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("C-1042", record.Input.CustomerKey);
    }

    [Fact]
    public async Task Rescreen_Example_Runs()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "delta");
        var output = new StringWriter();
        void WriteLine(string s) => output.WriteLine(s);
        IEnumerable<ScreeningRequest> book = [new("AO IEMZ Kupol", "C-2"), new("Sigma Technologies (HK) Ltd", "C-8"), new("Acme GmbH", "C-9")];
        // DOCS: rescreen
        Watchlist before = await new JsonWatchlistProvider(Path.Combine(fixtures, "v1.json")).LoadAsync();
        Watchlist after = await new JsonWatchlistProvider(Path.Combine(fixtures, "v2.json")).LoadAsync();
        Rescreener rescreener = await Rescreener.CreateAsync(before, after, o => o.Threshold = 0.80);
        WatchlistDelta delta = rescreener.Delta;
        WriteLine($"{delta.Added.Count} added, {delta.Changed.Count} changed, {delta.Removed.Count} removed");

        foreach (RescreenResult row in rescreener.Rescreen(book))      // only the rows that hit what changed
            foreach (RescreenMatch m in row.Matches)
                WriteLine($"{row.Result.RequestId}: {m.Change} entry {m.Match.EntryId}, score {m.Match.Score:0.00}");
        // DOCS: end
        Assert.Equal("1 added, 2 changed, 1 removed\nC-2: Changed entry IH-1, score 1.00\nC-8: Added entry IH-6, score 1.00\n",
            output.ToString().Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Docs_CodeBlocks_AreTheseTests()
    {
        var root = ReadmeExamplesTests.RepoRoot();
        var doc = File.ReadAllText(Path.Combine(root, "docs", "workflow.md")).Replace("\r", "", StringComparison.Ordinal);
        var source = File.ReadAllText(Path.Combine(root, "tests", "Screening.Tests", "Docs", "WorkflowDocExamplesTests.cs")).Replace("\r", "", StringComparison.Ordinal);
        foreach (var name in new[] { "identifiers", "screen-identifiers", "filters", "allow-list", "audit", "rescreen" })
        {
            var start = source.IndexOf($"// DOCS: {name}\n", StringComparison.Ordinal);
            Assert.True(start >= 0, $"marker {name} missing");
            start = source.IndexOf('\n', start) + 1;
            var end = source.IndexOf("// DOCS: end", start, StringComparison.Ordinal);
            var code = Dedent(source[start..end]).Replace("WriteLine(", "Console.WriteLine(", StringComparison.Ordinal);
            Assert.Contains(Normalize(code), Normalize(doc), StringComparison.Ordinal);
        }
    }

    private static string Normalize(string s) => string.Join('\n', s.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));

    private static string Dedent(string block)
    {
        var lines = block.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
