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
        Assert.Contains("MaxReloadShrink", r.Error);
        Assert.Equal(200, s.Lists[0].EntryCount);
    }

    [Fact]
    public async Task ReloadAsync_ListShrinkAllowedByGuard_Succeeds()
    {
        var p = new SwitchableProvider(v => MakeList(v, v == 0 ? 200 : 10));
        var s = await new ScreenerBuilder().AddProvider(p).Configure(o => o.MaxReloadShrink = 1).BuildAsync();
        p.Version = 1;
        Assert.True((await s.ReloadAsync()).Succeeded);
        Assert.Equal(10, s.Lists[0].EntryCount);
    }

    [Fact]
    public async Task ReloadAsync_DropOfMoreThanTenPercent_RefusedByDefaultNamingListAndCounts()
    {
        var p = new SwitchableProvider(v => MakeList(v, v == 0 ? 200 : 179));
        var s = await new ScreenerBuilder().AddProvider(p).BuildAsync();
        p.Version = 1;
        var r = await s.ReloadAsync();
        Assert.False(r.Succeeded);
        Assert.IsType<WatchlistReloadException>(r.Exception);
        Assert.Contains("'switch'", r.Error);
        Assert.Contains("from 200 to 179 entries (-10.5%)", r.Error);
        Assert.Contains("more than 10%", r.Error);
        Assert.Equal("0", Assert.Single(r.Lists).Version.Label);
        Assert.True(s.Screen("V0MARK ROMASHKA 5").IsHit);
    }

    [Fact]
    public async Task ReloadAsync_DropOfExactlyTenPercent_Accepted()
    {
        var p = new SwitchableProvider(v => MakeList(v, v == 0 ? 200 : 180));
        var s = await new ScreenerBuilder().AddProvider(p).BuildAsync();
        p.Version = 1;
        Assert.True((await s.ReloadAsync()).Succeeded);
        Assert.Equal(180, s.Lists[0].EntryCount);
    }

    [Fact]
    public async Task ReloadAsync_AliasesVanish_RefusedOnTheNameCount()
    {
        // Same 100 entries, but version 1 lost the two aliases of each: a deleted alias file.
        static Watchlist Make(int v) => new("aliases", "Aliases", new WatchlistVersion(v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Enumerable.Range(0, 100).Select(i => new WatchlistEntry
            {
                Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Names = v == 0 ? [new($"ROMASHKA {i}"), new($"CAMOMILE {i}", NameStrength.Strong), new($"ROMASHKA HOLDING {i}", NameStrength.Strong)] : [new($"ROMASHKA {i}")],
            }).ToList());
        var p = new SwitchableProvider(Make);
        var s = await new ScreenerBuilder().AddProvider(p).BuildAsync();
        p.Version = 1;
        var r = await s.ReloadAsync();
        Assert.False(r.Succeeded);
        Assert.Contains("from 300 to 100 names (-66.7%)", r.Error);
        Assert.True(s.Screen("CAMOMILE 7").IsHit);
    }

    [Fact]
    public async Task ReloadAsync_ListIdDisappears_Refused()
    {
        var p = new SwitchableProvider(v => v == 0 ? MakeList(0) : new Watchlist("renamed", "Renamed", new WatchlistVersion("1"), MakeList(1).Entries));
        var s = await new ScreenerBuilder().AddProvider(p).BuildAsync();
        p.Version = 1;
        var r = await s.ReloadAsync();
        Assert.False(r.Succeeded);
        Assert.Contains("'switch' is missing from the reload", r.Error);
        Assert.Equal("switch", s.Lists[0].Id);
    }

    [Fact]
    public async Task ReloadAsync_OfacAltCsvDeleted_Refused()
    {
        using var dir = new Watchlists.Ofac.OfacFixtures.TempFolder();
        foreach (var f in Directory.GetFiles(Watchlists.Ofac.OfacFixtures.SdnFolder, "*.csv")) File.Copy(f, Path.Combine(dir.Path, Path.GetFileName(f)));
        var s = await new ScreenerBuilder().AddProvider(new OfacSdnProvider(dir.Path)).BuildAsync();
        Assert.True(s.Screen("JSC IEMZ KUPOL").IsHit);
        File.Delete(Path.Combine(dir.Path, "alt.csv"));
        var r = await s.ReloadAsync();
        Assert.False(r.Succeeded);
        Assert.Contains("'ofac-sdn'", r.Error);
        Assert.Contains("names", r.Error);
        Assert.True(s.Screen("JSC IEMZ KUPOL").IsHit); // the alias still serves
    }

    [Fact]
    public async Task ReloadAsync_OfacSdnCutAtALineBoundary_Refused()
    {
        using var dir = new Watchlists.Ofac.OfacFixtures.TempFolder();
        foreach (var f in Directory.GetFiles(Watchlists.Ofac.OfacFixtures.SdnFolder, "*.csv")) File.Copy(f, Path.Combine(dir.Path, Path.GetFileName(f)));
        var s = await new ScreenerBuilder().AddProvider(new OfacSdnProvider(dir.Path)).BuildAsync();
        var sdn = Path.Combine(dir.Path, "sdn.csv");
        var lines = File.ReadAllText(sdn, System.Text.Encoding.Latin1).Split("\r\n");
        File.WriteAllText(sdn, string.Join("\r\n", lines.Take(lines.Length / 2)) + "\r\n", System.Text.Encoding.Latin1);
        var r = await s.ReloadAsync();
        Assert.False(r.Succeeded);
        Assert.Contains("from 32 to 16 entries (-50%)", r.Error);
        Assert.Equal(32, s.Lists[0].EntryCount);
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
