using Screening.Watchlists;

namespace Screening.Tests;

public class ReloadTests
{
    // A provider whose next result the test controls.
    private sealed class SwitchableProvider(Func<int, Watchlist> make) : IWatchlistProvider
    {
        public int Version;
        public bool Fail;
        public string Source => "switchable";

        public Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default)
        {
            if (Volatile.Read(ref Fail)) throw new WatchlistFormatException("switchable.json", 3, "entries[2].names", "simulated corrupt file");
            return Task.FromResult(make(Volatile.Read(ref Version)));
        }
    }

    // Version v holds entries whose names all carry the version token, so a torn read would show mixed versions.
    private static Watchlist MakeList(int version, int count = 200)
    {
        var entries = new List<WatchlistEntry>(count);
        var tag = "V" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "MARK";
        for (var i = 0; i < count; i++)
            entries.Add(new WatchlistEntry { Id = $"{version}-{i}", Names = [new($"{tag} ROMASHKA {i}")] });
        return new Watchlist("switch", "Switch", new WatchlistVersion(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), entries);
    }

    [Fact]
    public async Task ReloadAsync_Success_SwapsLists()
    {
        var p = new SwitchableProvider(v => MakeList(v));
        var s = await new ScreenerBuilder().AddProvider(p).BuildAsync();
        Assert.Equal("0", s.Lists[0].Version.Label);
        p.Version = 1;
        var r = await s.ReloadAsync();
        Assert.True(r.Succeeded);
        Assert.Equal("1", s.Lists[0].Version.Label);
        Assert.True(s.Screen("V1MARK ROMASHKA 5").IsHit);
    }

    [Fact]
    public async Task ReloadAsync_Failure_KeepsServingPreviousAndReportsWhy()
    {
        var p = new SwitchableProvider(v => MakeList(v));
        var s = await new ScreenerBuilder().AddProvider(p).BuildAsync();
        p.Fail = true;
        var r = await s.ReloadAsync();
        Assert.False(r.Succeeded);
        Assert.Contains("switchable.json", r.Error);
        Assert.Equal("0", s.Lists[0].Version.Label);
        Assert.True(s.Screen("V0MARK ROMASHKA 5").IsHit);
    }

    [Fact]
    public async Task ReloadAsync_ListShrinksBeyondGuard_Refused()
    {
        var p = new SwitchableProvider(v => MakeList(v, v == 0 ? 200 : 10));
        var s = await new ScreenerBuilder().AddProvider(p).BuildAsync();
        p.Version = 1;
        var r = await s.ReloadAsync();
        Assert.False(r.Succeeded);
        Assert.Contains("MinReloadEntryRatio", r.Error);
        Assert.Equal(200, s.Lists[0].EntryCount);
    }

    [Fact]
    public async Task ReloadAsync_ListShrinkAllowedByGuard_Succeeds()
    {
        var p = new SwitchableProvider(v => MakeList(v, v == 0 ? 200 : 10));
        var s = await new ScreenerBuilder().AddProvider(p).Configure(o => o.MinReloadEntryRatio = 0).BuildAsync();
        p.Version = 1;
        Assert.True((await s.ReloadAsync()).Succeeded);
        Assert.Equal(10, s.Lists[0].EntryCount);
    }

    [Fact]
    public async Task ReloadAsync_UnderConcurrentScreens_NoTornReadsOrErrors()
    {
        var p = new SwitchableProvider(v => MakeList(v));
        var s = await new ScreenerBuilder().AddProvider(p).Configure(o => o.Threshold = 0.5).BuildAsync();
        using var stop = new CancellationTokenSource();
        var errors = 0;
        var screens = 0;
        var workers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var r = s.Screen("ROMASHKA 7");
                    // One snapshot per screen: every match and the list version agree.
                    var version = r.Lists[0].Version.Label;
                    if (r.Matches.Count == 0 || r.Matches.Any(m => !m.EntryId.StartsWith(version + "-", StringComparison.Ordinal))) Interlocked.Increment(ref errors);
                    Interlocked.Increment(ref screens);
                }
                catch
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();

        var ok = 0;
        var failed = 0;
        for (var i = 1; i <= 30; i++)
        {
            p.Fail = i % 3 == 0;
            if (!p.Fail) p.Version = i;
            var r = await s.ReloadAsync();
            if (r.Succeeded) ok++; else failed++;
        }
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        Assert.Equal(0, errors);
        Assert.Equal(20, ok);
        Assert.Equal(10, failed);
        Assert.True(screens > 0);
        Assert.Equal(200, s.Lists[0].EntryCount);
    }
}
