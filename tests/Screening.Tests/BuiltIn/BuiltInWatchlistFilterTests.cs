using Screening.Watchlists;

namespace Screening.Tests.BuiltIn;

public class BuiltInWatchlistFilterTests
{
    private static WatchlistEntry Tagged(string id, string[] countries, string[] programs, params string[] tags) => new()
    {
        Id = id, Type = EntityType.Organization, Names = [new EntryName("N " + id)], Countries = countries, Programs = programs, Tags = tags,
    };

    private static readonly WatchlistEntry Plant = Tagged("a", ["RU"], ["RUSSIA-EO14024"], "role:defense-industry", "sector:electronics", "country:RU");
    private static readonly WatchlistEntry Supplier = Tagged("b", ["CN", "HK"], ["RUSSIA-EO14024"], "role:third-country-supplier", "country:CN", "country:HK");
    private static readonly WatchlistEntry Bank = Tagged("c", ["RU"], ["UKRAINE-EO13662"], "role:financial-facilitator", "sector:finance", "country:RU");
    private static readonly WatchlistEntry ElOnly = Tagged("d", ["BY"], [], "role:defense-industry", "country:BY");

    [Fact]
    public void Roles_WithOrWithoutPrefix_AnyOf()
    {
        var f = BuiltInWatchlist.Roles(BuiltInWatchlist.ThirdCountrySupplier, "role:FINANCIAL-FACILITATOR");
        Assert.False(f(Plant));
        Assert.True(f(Supplier));
        Assert.True(f(Bank));
    }

    [Fact]
    public void Sectors_AnyOf()
    {
        var f = BuiltInWatchlist.Sectors("electronics", "machine-tools");
        Assert.True(f(Plant));
        Assert.False(f(Supplier));
    }

    [Fact]
    public void Countries_CaseInsensitive()
    {
        var f = BuiltInWatchlist.Countries("hk");
        Assert.True(f(Supplier));
        Assert.False(f(Plant));
    }

    [Fact]
    public void Programs_EntriesWithoutProgramsExcluded()
    {
        var f = BuiltInWatchlist.Programs("RUSSIA-EO14024");
        Assert.True(f(Plant));
        Assert.False(f(Bank));
        Assert.False(f(ElOnly));
    }

    [Fact]
    public void Filters_NoOrBlankValues_Throw()
    {
        Assert.Throws<ArgumentException>(() => BuiltInWatchlist.Roles());
        Assert.Throws<ArgumentException>(() => BuiltInWatchlist.Countries(" "));
        Assert.Throws<ArgumentNullException>(() => BuiltInWatchlist.Programs(null!));
    }

    [Fact]
    public async Task BuiltInWatchlistFilter_ThirdCountrySuppliers_OnlyThoseScreened()
    {
        var screener = await new ScreenerBuilder()
            .Configure(o => o.BuiltInWatchlistFilter = BuiltInWatchlist.Roles(BuiltInWatchlist.ThirdCountrySupplier))
            .BuildAsync();
        var list = Assert.Single(screener.Watchlists);
        Assert.NotEmpty(list.Entries);
        Assert.All(list.Entries, e => Assert.Contains("role:third-country-supplier", e.Tags));
        Assert.False(screener.Screen("JSC IEMZ Kupol").IsHit); // a Russian plant, filtered out
        Assert.True(screener.Screen("C&I Semiconductors Co Limited").IsHit);
    }

    [Fact]
    public async Task CreateProvider_CountryFilter_ChineseAndHongKongOnly()
    {
        var list = await BuiltInWatchlist.CreateProvider(BuiltInWatchlist.Countries("CN", "HK")).LoadAsync();
        Assert.NotEmpty(list.Entries);
        Assert.All(list.Entries, e => Assert.True(e.Countries.Contains("CN") || e.Countries.Contains("HK")));
        Assert.Contains(list.Entries, e => e.Id == "SDN-46712");
    }

    [Fact]
    public async Task CreateProvider_Filtered_ReportDescribesWhatWasLoadedAndWhatTheFilterLeftOut()
    {
        var all = await BuiltInWatchlist.LoadAsync();
        var list = await BuiltInWatchlist.CreateProvider(BuiltInWatchlist.Roles(BuiltInWatchlist.ThirdCountrySupplier)).LoadAsync();

        var r = list.Report;
        Assert.Equal(list.Entries.Count, r.EntriesLoaded);
        Assert.Equal(all.Entries.Count - list.Entries.Count, r.EntriesFiltered);
        Assert.Equal(all.Report.RowsRead, r.RowsRead);
        Assert.Equal(r.RowsRead, r.EntriesLoaded + r.RowsRejected + r.EntriesFiltered);
        Assert.Equal(0, all.Report.EntriesFiltered);
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{r.RowsRead:N0} rows read, {list.Entries.Count:N0} loaded, {r.EntriesFiltered:N0} left out by the filter, 0 rejected"), LoadPolicy.Accounting(list));
    }

    [Fact]
    public async Task BuiltInWatchlistFilter_FilterThatKeepsNothing_FailsClosedNamingWhatItLeftOut()
    {
        var ex = await Assert.ThrowsAsync<WatchlistLoadException>(() => new ScreenerBuilder()
            .Configure(o => o.BuiltInWatchlistFilter = _ => false)
            .BuildAsync());
        Assert.Contains("0 loaded", ex.Message, StringComparison.Ordinal);
        Assert.Contains("left out by the filter", ex.Message, StringComparison.Ordinal);
    }
}
