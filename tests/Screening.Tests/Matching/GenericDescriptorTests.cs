using Screening.Watchlists;

namespace Screening.Tests.Matching;

/// <summary>
/// Descriptors that name what kind of body a firm is (concern, plant, institute, research, design bureau, association,
/// machine building, instrument making) are generic: left out of a query (the EU writes JSC Kalashnikov for OFAC's
/// JOINT STOCK COMPANY CONCERN KALASHNIKOV) they cost what a common word costs, and they never make a match alone.
/// </summary>
public class GenericDescriptorTests
{
    private static async Task<Screener> Build(params string[] names)
    {
        var entries = names.Select((n, i) => new WatchlistEntry
        {
            Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Type = EntityType.Organization,
            Names = [new EntryName(n)],
        }).ToList();
        // Unrelated names, so that the descriptors' rarity in this small list does not make them distinctive.
        for (var i = 0; i < 40; i++) entries.Add(new WatchlistEntry { Id = "filler" + i, Type = EntityType.Organization, Names = [new EntryName($"FILLER{(char)('A' + i % 26)}{i} TRADING")] });
        return await new ScreenerBuilder().AddWatchlist(new Watchlist("t", "T", new WatchlistVersion("1"), entries)).BuildAsync();
    }

    [Theory]
    [InlineData("JSC KALASHNIKOV", "JOINT STOCK COMPANY CONCERN KALASHNIKOV")]
    [InlineData("KUPOL JSC", "JOINT STOCK COMPANY KUPOL PLANT")]
    [InlineData("RADIOVOLNA", "ASSOCIATION RADIOVOLNA")]
    // The state a body belongs to, and entity words, qualify the name (... OF THE RUSSIAN FEDERATION, ... OF THE REPUBLIC OF CRIMEA).
    [InlineData("KUPOL INTELLIGENCE SERVICE", "KUPOL INTELLIGENCE SERVICE OF THE REPUBLIC OF CRIMEA")]
    [InlineData("KUPOL JSC", "JOINT STOCK COMPANY KUPOL ENTITY")]
    public async Task Screen_DescriptorLeftOut_StillAlerts(string query, string listed)
    {
        var screener = await Build(listed);
        var match = Assert.Single(screener.Screen(query).Matches, m => m.EntryId == "0");
        Assert.True(match.Score >= screener.Threshold, $"{query}: {match.Score} ({match.Explanation})");
    }

    [Theory]
    [InlineData("CONCERN")]
    [InlineData("PLANT")]
    [InlineData("ASSOCIATION")]
    [InlineData("CONCERN PLANT")]
    public async Task Screen_DescriptorsAlone_MatchNothing(string query)
    {
        var screener = await Build("JOINT STOCK COMPANY CONCERN KALASHNIKOV", "KUPOL PLANT", "ASSOCIATION RADIOVOLNA");
        Assert.Empty(screener.Screen(new ScreeningRequest(query) { Threshold = 0.3 }).Matches);
    }
}
