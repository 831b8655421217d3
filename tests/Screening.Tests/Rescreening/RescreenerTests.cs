using Screening.Identifiers;
using Screening.Watchlists;

namespace Screening.Tests.Rescreening;

public class RescreenerTests
{
    private static List<ScreeningRequest> Book() =>
        [.. File.ReadAllLines(WatchlistDeltaTests.Fixture("book.csv")).Skip(1).Select(l => l.Split(','))
            .Select(f => new ScreeningRequest(f[1], f[0], f[2].Length == 0 ? null : f[2]))];

    [Fact]
    public async Task Rescreen_Book_FindsExactlyTheRowsAFullRescreenFindsOnAddedOrChangedEntries()
    {
        var (v1, v2) = await WatchlistDeltaTests.Versions();
        var rescreener = await Rescreener.CreateAsync(v1, v2, o => o.Threshold = 0.75);
        var got = rescreener.Rescreen(Book()).ToList();

        // Oracle: a full screen of the book against the new version, with room for every match (so none on a changed
        // entry is cut behind others); a match counts when the old version has no record with that id and content.
        var full = await new ScreenerBuilder().AddWatchlist(v2).Configure(o => { o.Threshold = 0.75; o.MaxMatches = 1000; o.UseBuiltInWatchlist = false; }).BuildAsync();
        var oldHashes = v1.Entries.Select(e => (e.Id, EntryContentHash.Compute(e))).ToHashSet();
        var expected = new List<(string, string, EntryChangeKind)>();
        foreach (var r in full.ScreenMany(Book()))
        {
            foreach (var m in r.Matches)
            {
                if (oldHashes.Contains((m.EntryId, EntryContentHash.Compute(m.Entry)))) continue;
                expected.Add((r.RequestId!, m.EntryId, v1.Entries.Any(e => e.Id == m.EntryId) ? EntryChangeKind.Changed : EntryChangeKind.Added));
            }
        }
        var actual = got.SelectMany(r => r.Matches.Select(m => (r.Result.RequestId!, m.Match.EntryId, m.Change))).ToList();
        Assert.Equal(expected, actual);
        // The fixture is built to hit each kind: C-1/C-2 on changed IH-1, C-6 on the renamed IH-5 record, C-8 on added IH-6.
        Assert.Contains(("C-2", "IH-1", EntryChangeKind.Changed), actual);
        Assert.Contains(("C-6", "IH-5", EntryChangeKind.Changed), actual);
        Assert.Contains(("C-8", "IH-6", EntryChangeKind.Added), actual);
        Assert.DoesNotContain(actual, a => a.Item1 is "C-3" or "C-4" or "C-5" or "C-7" or "C-9");
        // The row that cannot be screened is reported, not dropped.
        Assert.NotNull(Assert.Single(got, r => r.Result.RequestId == "C-10").Result.Error);
    }

    [Fact]
    public async Task Rescreen_MatchBehindBetterUnchangedOnes_StillReported()
    {
        // A full screen with one match per row reports the unchanged exact entry; the re-screen reports the changed one.
        WatchlistEntry E(string id, string name) => new() { Id = id, Type = EntityType.Organization, Names = [new EntryName(name)] };
        var v1 = new Watchlist("l", "L", new WatchlistVersion("1"), [E("A", "ORION FOREIGN TRADE LIMITED"), E("B", "ORION TRADE GROUP")]);
        var v2 = new Watchlist("l", "L", new WatchlistVersion("2"), [E("A", "ORION FOREIGN TRADE LIMITED"), E("B", "ORION FOREIGN TRADING GROUP")]);
        var rescreener = await Rescreener.CreateAsync(v1, v2, o => { o.MaxMatches = 1; o.Threshold = 0.5; });
        var row = Assert.Single(rescreener.Rescreen([new ScreeningRequest("Orion Foreign Trade Limited", "r")]));
        var m = Assert.Single(row.Matches);
        Assert.Equal(("B", EntryChangeKind.Changed), (m.Match.EntryId, m.Change));
        Assert.Equal("A", rescreener.Screener.Screen("Orion Foreign Trade Limited").Matches.Single().EntryId);
        // The score is the one a full screen gives the entry.
        var all = await new ScreenerBuilder().AddWatchlist(v2).Configure(o => { o.UseBuiltInWatchlist = false; o.Threshold = 0.5; }).BuildAsync();
        Assert.Equal(all.Screen("Orion Foreign Trade Limited").Matches.Single(x => x.EntryId == "B").Score, m.Match.Score);
    }

    [Fact]
    public async Task Rescreen_BuiltInListWithChangedEntries_EqualsFilteredFullScreen()
    {
        // The built-in list (3,387 entries) and a copy with 40 entries renamed and 5 added; a book of 400 names of
        // listed entries, slightly altered, and the new names. The restricted screen must equal the full one on them.
        var old = await BuiltInWatchlist.CreateProvider().LoadAsync();
        var random = new Random(14);
        var entries = old.Entries.ToList();
        var changedIds = new HashSet<int>();
        while (changedIds.Count < 40) changedIds.Add(random.Next(entries.Count));
        foreach (var i in changedIds)
        {
            var e = entries[i];
            entries[i] = new WatchlistEntry
            {
                Id = e.Id, Type = e.Type, Countries = e.Countries, Programs = e.Programs, Identifiers = e.Identifiers, Tags = e.Tags,
                Names = [new EntryName(e.PrimaryName + " TRADING"), .. e.Names.Skip(1)],
            };
        }
        for (var i = 0; i < 5; i++)
            entries.Add(new WatchlistEntry { Id = "NEW-" + i, Type = EntityType.Organization, Names = [new EntryName(old.Entries[random.Next(old.Entries.Count)].PrimaryName + " HOLDING")] });
        var v2 = new Watchlist(old.Id, old.DisplayName, new WatchlistVersion("next"), entries);
        var book = new List<ScreeningRequest>();
        for (var i = 0; i < 400; i++)
        {
            var name = entries[random.Next(entries.Count)].PrimaryName;
            book.Add(new ScreeningRequest(i % 3 == 0 ? name.ToLowerInvariant() : i % 3 == 1 ? name + " LLC" : name.Replace(' ', '-'), "b" + i));
        }
        foreach (var i in changedIds.Take(10)) book.Add(new ScreeningRequest(entries[i].PrimaryName, "c" + i));
        for (var i = 0; i < 5; i++) book.Add(new ScreeningRequest(entries[^(i + 1)].PrimaryName, "n" + i));
        // Identifiers find changed entries too.
        foreach (var i in changedIds.Where(i => entries[i].Identifiers.Count > 0).Take(5))
            book.Add(new ScreeningRequest("", "id" + i) { Identifiers = [new ScreeningIdentifier(entries[i].Identifiers[0].Type, entries[i].Identifiers[0].Value, entries[i].Identifiers[0].Country)] });

        var rescreener = await Rescreener.CreateAsync(old, v2);
        var actual = rescreener.Rescreen(book).SelectMany(r => r.Matches.Select(m => (r.Result.RequestId!, m.Match.EntryId, m.Change, m.Match.Score))).ToList();

        var full = await new ScreenerBuilder().AddWatchlist(v2).Configure(o => { o.MaxMatches = 1000; o.UseBuiltInWatchlist = false; }).BuildAsync();
        var delta = rescreener.Delta.Changes.Where(c => c.New is not null).ToDictionary<EntryChange, WatchlistEntry, EntryChangeKind>(c => c.New!, c => c.Kind, ReferenceEqualityComparer.Instance);
        var expected = full.ScreenMany(book)
            .SelectMany(r => r.Matches.Where(m => delta.ContainsKey(m.Entry)).Take(10).Select(m => (r.RequestId!, m.EntryId, delta[m.Entry], m.Score)))
            .ToList();
        Assert.Equal(expected, actual);
        Assert.True(actual.Select(a => a.Item1).Distinct().Count() >= 20, $"only {actual.Count} matches: the book must hit the delta");
        Assert.Contains(actual, a => a.Item3 == EntryChangeKind.Added);
        Assert.Contains(actual, a => a.Item1.StartsWith("id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rescreen_NoAddedOrChangedEntries_ScreensNothing()
    {
        var (v1, _) = await WatchlistDeltaTests.Versions();
        var rescreener = await Rescreener.CreateAsync(v1, new Watchlist(v1.Id, v1.DisplayName, new WatchlistVersion("same"), v1.Entries));
        var enumerated = 0;
        IEnumerable<ScreeningRequest> Counting() { foreach (var r in Book()) { enumerated++; yield return r; } }
        Assert.Empty(rescreener.Rescreen(Counting()));
        Assert.Equal(0, enumerated);
    }
}
