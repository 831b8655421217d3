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

        // Oracle: a full screen of the book against the new version; a match counts when the old version has no
        // record with that id and the same content.
        var full = await new ScreenerBuilder().AddWatchlist(v2).Configure(o => { o.Threshold = 0.75; o.UseBuiltInWatchlist = false; }).BuildAsync();
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
