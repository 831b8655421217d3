using Screening.Watchlists;

namespace Screening.Tests.Watchlists;

/// <summary>
/// The contract every <see cref="IWatchlistProvider"/> passes. Derive once per provider, point it at a committed
/// fixture, and state what the fixture holds.
/// </summary>
public abstract class WatchlistProviderContract
{
    /// <summary>A provider over a valid fixture.</summary>
    protected abstract IWatchlistProvider CreateProvider();

    /// <summary>A provider over a source that does not exist.</summary>
    protected abstract IWatchlistProvider CreateMissingSourceProvider();

    /// <summary>How many entries the fixture yields.</summary>
    protected abstract int ExpectedEntryCount { get; }

    /// <summary>An entry id the fixture holds, and one of that entry's names.</summary>
    protected abstract (string Id, string Name) KnownEntry { get; }

    [Fact]
    public async Task LoadAsync_ValidSource_ReturnsCompleteList()
    {
        var list = await CreateProvider().LoadAsync();
        Assert.False(string.IsNullOrWhiteSpace(list.Id));
        Assert.False(string.IsNullOrWhiteSpace(list.Version.Label));
        Assert.Equal(ExpectedEntryCount, list.Entries.Count);
    }

    [Fact]
    public async Task LoadAsync_ValidSource_EveryEntryHasIdAndName()
    {
        var list = await CreateProvider().LoadAsync();
        foreach (var e in list.Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Id));
            Assert.NotEmpty(e.Names);
            Assert.All(e.Names, n => Assert.False(string.IsNullOrWhiteSpace(n.Value)));
            Assert.Equal(NameStrength.Primary, e.Names[0].Strength);
            Assert.All(e.Countries, c => Assert.Matches("^[A-Z]{2}$", c));
        }
    }

    [Fact]
    public async Task LoadAsync_ValidSource_KnownEntryPresent()
    {
        var list = await CreateProvider().LoadAsync();
        var (id, name) = KnownEntry;
        var entry = Assert.Single(list.Entries, e => e.Id == id);
        Assert.Contains(entry.Names, n => n.Value == name);
    }

    [Fact]
    public async Task LoadAsync_ValidSource_ReportReconciles()
    {
        var list = await CreateProvider().LoadAsync();
        var r = list.Report;
        Assert.Equal(list.Entries.Count, r.EntriesLoaded);
        Assert.Equal(r.RowsRead, r.EntriesLoaded + r.RowsRejected);
    }

    [Fact]
    public async Task LoadAsync_CalledTwice_ReturnsEqualLists()
    {
        var provider = CreateProvider();
        var a = await provider.LoadAsync();
        var b = await provider.LoadAsync();
        Assert.Equal(a.Entries.Count, b.Entries.Count);
        Assert.Equal(a.Version, b.Version);
    }

    [Fact]
    public async Task LoadAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateProvider().LoadAsync(cts.Token));
    }

    [Fact]
    public async Task LoadAsync_MissingSource_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => CreateMissingSourceProvider().LoadAsync());
        Assert.True(ex is WatchlistFormatException or IOException, ex.GetType().Name);
    }

    [Fact]
    public async Task LoadAsync_ValidSource_ScreensItsOwnPrimaryNames()
    {
        var list = await CreateProvider().LoadAsync();
        var screener = await new ScreenerBuilder().AddWatchlist(list).BuildAsync();
        var entry = list.Entries[0];
        var result = screener.Screen(entry.PrimaryName);
        Assert.Contains(result.Matches, m => m.EntryId == entry.Id && m.Score >= 0.99);
    }
}
