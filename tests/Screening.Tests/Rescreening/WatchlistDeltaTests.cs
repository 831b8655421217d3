using Screening.Watchlists;

namespace Screening.Tests.Rescreening;

public class WatchlistDeltaTests
{
    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "delta", name);

    internal static async Task<(Watchlist Old, Watchlist New)> Versions() =>
        (await new JsonWatchlistProvider(Fixture("v1.json")).LoadAsync(), await new JsonWatchlistProvider(Fixture("v2.json")).LoadAsync());

    [Fact]
    public async Task Compute_TwoVersions_AddedChangedRemoved()
    {
        var (v1, v2) = await Versions();
        var d = WatchlistDelta.Compute(v1, v2);
        Assert.Equal("in-house", d.ListId);
        Assert.Equal(("2026-09-01", "2026-09-02"), (d.OldVersion.Label, d.NewVersion.Label));
        // IH-1 gained an alias; IH-5's Turkish record was renamed (its other record under IH-5 is unchanged, in another order).
        Assert.Equal(["IH-1", "IH-5"], d.Changed.Select(c => c.EntryId));
        Assert.Equal("ISTANBUL ORION DIS TICARET LIMITED SIRKETI", d.Changed[1].Old!.PrimaryName);
        Assert.Equal("ISTANBUL ORION DIS TICARET ANONIM SIRKETI", d.Changed[1].New!.PrimaryName);
        Assert.Equal(["IH-6"], d.Added.Select(e => e.Id));
        Assert.Equal(["IH-4"], d.Removed.Select(e => e.Id));
        // IH-2, IH-3 (remarks are not screening content) and one IH-5 record.
        Assert.Equal(3, d.Unchanged);
        Assert.Equal(4, d.Changes.Count);
    }

    [Fact]
    public async Task Compute_SameVersion_Empty()
    {
        var (v1, _) = await Versions();
        var again = await new JsonWatchlistProvider(Fixture("v1.json")).LoadAsync();
        var d = WatchlistDelta.Compute(v1, again);
        Assert.Empty(d.Changes);
        Assert.Equal(v1.Entries.Count, d.Unchanged);
    }

    [Fact]
    public async Task Compute_ExtraRecordUnderSharedId_IsAddedAndMissingOneRemoved()
    {
        var (v1, _) = await Versions();
        var e = v1.Entries[0];
        var twice = new Watchlist("in-house", "x", new WatchlistVersion("b"), [e, Copy(e, "SECOND RECORD")]);
        var d = WatchlistDelta.Compute(v1, twice);
        Assert.Equal([(EntryChangeKind.Added, "IH-1")], d.Changes.Where(c => c.EntryId == "IH-1").Select(c => (c.Kind, c.EntryId)));
        var back = WatchlistDelta.Compute(twice, v1);
        Assert.Contains(back.Changes, c => c.Kind == EntryChangeKind.Removed && c.Old!.PrimaryName == "SECOND RECORD");
    }

    [Fact]
    public async Task Compute_DifferentLists_Throws()
    {
        var (v1, _) = await Versions();
        Assert.Throws<ArgumentException>(() => WatchlistDelta.Compute(v1, new Watchlist("other", "o", new WatchlistVersion("1"), [])));
    }

    private static WatchlistEntry Copy(WatchlistEntry e, string name) => new() { Id = e.Id, Type = e.Type, Names = [new EntryName(name)], Countries = e.Countries };
}
