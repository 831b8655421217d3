using System.Text;
using Screening.Watchlists;

namespace Screening.Tests;

/// <summary>Issue #12, fail closed: a list that did not load must never let a screen report "no match".</summary>
public class FailClosedTests
{
    private static Watchlist List(string id, int count, WatchlistLoadReport? report = null)
    {
        var entries = Enumerable.Range(0, count).Select(i => new WatchlistEntry { Id = $"{id}-{i}", Names = [new($"ROMASHKA TRADING {i}")] }).ToList();
        return new Watchlist(id, id, new WatchlistVersion("v1"), entries, report);
    }

    private sealed class FixedProvider(Watchlist list, string source = "test:fixed") : IWatchlistProvider
    {
        public Watchlist List { get; set; } = list;
        public string Source => source;
        public Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default) => Task.FromResult(List);
    }

    private static readonly byte[] CslHeaderOnly = Encoding.UTF8.GetBytes(
        "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order," +
        "license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner," +
        "remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n");

    [Fact]
    public async Task BuildAsync_ListWithNoEntries_ThrowsNamingListAndSource()
    {
        var ex = await Assert.ThrowsAsync<WatchlistLoadException>(() =>
            new ScreenerBuilder().AddProvider(new FixedProvider(List("in-house", 0), "json:/data/in-house.json")).BuildAsync());
        Assert.Equal("in-house", ex.ListId);
        Assert.Equal("json:/data/in-house.json", ex.ProviderSource);
        Assert.Contains("'in-house'", ex.Message);
        Assert.Contains("json:/data/in-house.json", ex.Message);
        Assert.Contains("no entries", ex.Message);
        Assert.Contains("MinEntriesPerList", ex.Message);
    }

    [Fact]
    public async Task BuildAsync_CslHeaderOnly_ThrowsInsteadOfScreeningNothing()
    {
        var provider = new CslProvider(() => new MemoryStream(CslHeaderOnly), "csl:empty.csv");
        var ex = await Assert.ThrowsAsync<WatchlistLoadException>(() => new ScreenerBuilder().AddProvider(provider).BuildAsync());
        Assert.Equal("us-csl", ex.ListId);
        Assert.Contains("0 rows read", ex.Message);
    }

    [Fact]
    public async Task BuildAsync_UnXmlWithNoRecords_Throws()
    {
        var xml = """<?xml version="1.0" encoding="UTF-8"?><CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>"""u8.ToArray();
        var provider = new UnConsolidatedXmlProvider(() => new MemoryStream(xml), "un:empty.xml");
        var ex = await Assert.ThrowsAsync<WatchlistLoadException>(() => new ScreenerBuilder().AddProvider(provider).BuildAsync());
        Assert.Contains("un:empty.xml", ex.Message);
    }

    [Fact]
    public async Task BuildAsync_JsonWithNoEntries_Throws()
    {
        var provider = new JsonWatchlistProvider(() => new MemoryStream("""{"id":"in-house","entries":[]}"""u8.ToArray()), "json:in-house.json");
        var ex = await Assert.ThrowsAsync<WatchlistLoadException>(() => new ScreenerBuilder().AddProvider(provider).BuildAsync());
        Assert.Equal("in-house", ex.ListId);
    }

    [Fact]
    public async Task BuildAsync_BuiltInFilterKeepingNothing_Throws()
    {
        var ex = await Assert.ThrowsAsync<WatchlistLoadException>(() =>
            new ScreenerBuilder().Configure(o => o.BuiltInWatchlistFilter = _ => false).BuildAsync());
        Assert.Contains("no entries", ex.Message);
    }

    [Fact]
    public async Task BuildAsync_EveryRowRejected_ThrowsNamingTheFirstRejection()
    {
        var csv = "id,name\n1,\n2,\n"u8.ToArray();
        var mapping = new CsvMapping { ListId = "suppliers", Name = CsvColumn.Named("name"), Id = CsvColumn.Named("id") };
        var provider = new MappedCsvProvider(() => new MemoryStream(csv), "csv:suppliers.csv", mapping);
        var ex = await Assert.ThrowsAsync<WatchlistLoadException>(() => new ScreenerBuilder().AddProvider(provider).BuildAsync());
        Assert.Contains("2 rows read, 0 loaded, 2 rejected", ex.Message);
        Assert.Contains("row 2", ex.Message);
    }

    [Fact]
    public async Task BuildAsync_EmptyListAccepted_WhenMinEntriesPerListIsZero()
    {
        var s = await new ScreenerBuilder().AddProvider(new FixedProvider(List("x", 0))).Configure(o => o.MinEntriesPerList = 0).BuildAsync();
        Assert.False(s.Screen("ROMASHKA TRADING 1").IsHit);
        Assert.Equal(0, s.Lists[0].EntryCount);
    }

    [Fact]
    public async Task BuildAsync_PerListMinimum_RaisesTheFloorForThatListOnly()
    {
        var b = new ScreenerBuilder()
            .AddProvider(new FixedProvider(List("sdn", 200), "test:sdn"))
            .AddProvider(new FixedProvider(List("small", 3), "test:small"))
            .Configure(o => o.MinEntriesByList["sdn"] = 500);
        var ex = await Assert.ThrowsAsync<WatchlistLoadException>(() => b.BuildAsync());
        Assert.Equal("sdn", ex.ListId);
        Assert.Contains("200 entries, fewer than its minimum of 500", ex.Message);
        Assert.Contains("MinEntriesByList[\"sdn\"]", ex.Message);

        var ok = await new ScreenerBuilder().AddProvider(new FixedProvider(List("sdn", 200))).Configure(o => o.MinEntriesByList["sdn"] = 200).BuildAsync();
        Assert.Equal(200, ok.Lists[0].EntryCount);
    }

    [Fact]
    public async Task BuildAsync_PerListZero_LetsOnlyThatListBeEmpty()
    {
        var s = await new ScreenerBuilder()
            .AddProvider(new FixedProvider(List("optional", 0)))
            .AddProvider(new FixedProvider(List("main", 5)))
            .Configure(o => o.MinEntriesByList["optional"] = 0).BuildAsync();
        Assert.Equal(2, s.Lists.Count);
    }

    [Fact]
    public async Task Options_NegativeMinimum_RejectedAtBuild()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => new ScreenerBuilder().Configure(o => o.MinEntriesByList["x"] = -1).BuildAsync());
        Assert.Contains("MinEntriesByList", ex.Message);
    }

    [Fact]
    public async Task Options_MinEntriesByList_IsCopiedAtBuild()
    {
        var b = new ScreenerBuilder().AddProvider(new FixedProvider(List("x", 5)));
        b.Configure(o => o.MinEntriesByList["x"] = 1);
        var s = await b.BuildAsync();
        b.Configure(o => o.MinEntriesByList["x"] = 1000); // after the build: must not change the screener's rules
        Assert.True((await s.ReloadAsync()).Succeeded);
    }

    [Fact]
    public async Task ReloadAsync_ListBecomesEmpty_RefusedEvenWithTheShrinkGuardOff()
    {
        var p = new FixedProvider(List("x", 50));
        var s = await new ScreenerBuilder().AddProvider(p).Configure(o => o.MaxReloadShrink = 1).BuildAsync();
        p.List = List("x", 0);
        var r = await s.ReloadAsync();
        Assert.False(r.Succeeded);
        Assert.IsType<WatchlistLoadException>(r.Exception);
        Assert.Contains("no entries", r.Error);
        Assert.Equal(50, s.Lists[0].EntryCount);
    }

    [Fact]
    public async Task Screen_RejectedRows_ResultListInfoCarriesTheAccounting()
    {
        var csv = "id,name\n1,ROMASHKA TRADING\n2,\n3,VASILEK LLC\n"u8.ToArray();
        var mapping = new CsvMapping { ListId = "suppliers", Name = CsvColumn.Named("name"), Id = CsvColumn.Named("id") };
        var provider = new MappedCsvProvider(() => new MemoryStream(csv), "csv:suppliers.csv", mapping);
        var s = await new ScreenerBuilder().AddProvider(provider).BuildAsync();
        var info = Assert.Single(s.Screen("Vasilek").Lists);
        Assert.Equal(3, info.RowsRead);
        Assert.Equal(2, info.EntryCount);
        Assert.Equal(1, info.RowsRejected);
        Assert.Empty(info.MissingFiles);
        Assert.Empty(info.TruncatedFiles);
    }

    [Fact]
    public async Task BuildAsync_StrictLoadingWithARejectedRow_Throws()
    {
        var csv = "id,name\n1,ROMASHKA TRADING\n2,\n"u8.ToArray();
        var mapping = new CsvMapping { ListId = "suppliers", Name = CsvColumn.Named("name"), Id = CsvColumn.Named("id") };
        var provider = new MappedCsvProvider(() => new MemoryStream(csv), "csv:suppliers.csv", mapping);
        var ex = await Assert.ThrowsAsync<WatchlistLoadException>(() => new ScreenerBuilder().AddProvider(provider).Configure(o => o.StrictLoading = true).BuildAsync());
        Assert.Contains("1 of 2 rows rejected", ex.Message);
        Assert.Contains("suppliers.csv, row 3", ex.Message);
        Assert.Contains("StrictLoading", ex.Message);
    }

    [Fact]
    public async Task ScreenMany_NullRequest_YieldsAnErrorRowAndTheBatchGoesOn()
    {
        var s = await new ScreenerBuilder().AddProvider(new FixedProvider(List("x", 5))).Configure(o => o.Threshold = 0.5).BuildAsync();
        var results = s.ScreenMany([new ScreeningRequest("ROMASHKA TRADING 1", "a"), null!, new ScreeningRequest("ROMASHKA TRADING 2", "c")]).ToList();
        Assert.Equal(3, results.Count);
        Assert.True(results[0].IsHit);
        Assert.Equal("The request is null.", results[1].Error);
        Assert.False(results[1].IsHit);
        Assert.Equal("c", results[2].RequestId);
        Assert.True(results[2].IsHit);
    }

    [Fact]
    public async Task ScreenManyAsync_NullRequest_YieldsAnErrorRowAndTheBatchGoesOn()
    {
        var s = await new ScreenerBuilder().AddProvider(new FixedProvider(List("x", 5))).BuildAsync();
        static async IAsyncEnumerable<ScreeningRequest> Rows()
        {
            yield return new ScreeningRequest("ROMASHKA TRADING 1");
            await Task.Yield();
            yield return null!;
        }
        var results = new List<ScreeningResult>();
        await foreach (var r in s.ScreenManyAsync(Rows())) results.Add(r);
        Assert.Equal(2, results.Count);
        Assert.Null(results[0].Error);
        Assert.NotNull(results[1].Error);
    }
}
