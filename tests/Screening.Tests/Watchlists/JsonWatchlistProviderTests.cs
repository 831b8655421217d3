using System.Text;
using Screening.Watchlists;

namespace Screening.Tests.Watchlists;

public sealed class JsonWatchlistProviderContractTests : WatchlistProviderContract
{
    internal static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "json", "sample.json");
    protected override IWatchlistProvider CreateProvider() => new JsonWatchlistProvider(Fixture);
    protected override IWatchlistProvider CreateMissingSourceProvider() => new JsonWatchlistProvider(Fixture + ".missing");
    protected override int ExpectedEntryCount => 2;
    protected override (string Id, string Name) KnownEntry => ("IH-1", "JSC IEMZ KUPOL");
}

public class JsonWatchlistProviderTests
{
    private static WatchlistFormatException ParseError(string json) =>
        Assert.Throws<WatchlistFormatException>(() => JsonWatchlistProvider.Parse(Encoding.UTF8.GetBytes(json), "t.json"));

    [Fact]
    public void Parse_InvalidJson_ThrowsWithLine()
    {
        var ex = ParseError("{\n\"id\": \"x\",\n\"entries\": [ {]\n}");
        Assert.Equal("t.json", ex.File);
        Assert.Contains("invalid JSON", ex.Message);
    }

    [Fact]
    public void Parse_EntryWithoutNames_NamesEntryIndexAndField()
    {
        var ex = ParseError("""{"id":"x","entries":[{"id":"a","names":["A"]},{"id":"b","names":[]}]}""");
        Assert.Equal("entries[1].names", ex.Field);
        Assert.Equal(2, ex.Row);
    }

    [Fact]
    public void Parse_WrongType_NamesField()
    {
        var ex = ParseError("""{"id":"x","entries":[{"id":"a","type":"planet","names":["A"]}]}""");
        Assert.Equal("entries[0].type", ex.Field);
    }

    [Fact]
    public void Parse_MissingEntries_NamesField()
    {
        Assert.Equal("entries", ParseError("""{"id":"x"}""").Field);
    }

    [Fact]
    public void Parse_DuplicateIds_ReportedNotFatal()
    {
        var list = JsonWatchlistProvider.Parse(Encoding.UTF8.GetBytes("""{"id":"x","entries":[{"id":"a","names":["A"]},{"id":"a","names":["B"]}]}"""), "t.json");
        Assert.Equal(2, list.Entries.Count);
        Assert.Equal(1, list.Report.Count(LoadIssueKind.Duplicate));
    }

    [Fact]
    public async Task WriteThenParse_RoundTrips()
    {
        var list = await new JsonWatchlistProvider(JsonWatchlistProviderContractTests.Fixture).LoadAsync();
        using var ms = new MemoryStream();
        JsonWatchlistWriter.Write(ms, list);
        var again = JsonWatchlistProvider.Parse(ms.ToArray(), "roundtrip.json");
        Assert.Equal(list.Id, again.Id);
        Assert.Equal(list.Version.Label, again.Version.Label);
        Assert.Equal(list.Entries.Count, again.Entries.Count);
        for (var i = 0; i < list.Entries.Count; i++)
        {
            Assert.Equal(list.Entries[i].Names, again.Entries[i].Names);
            Assert.Equal(list.Entries[i].Identifiers, again.Entries[i].Identifiers);
            Assert.Equal(list.Entries[i].Tags, again.Entries[i].Tags);
        }
    }
}
