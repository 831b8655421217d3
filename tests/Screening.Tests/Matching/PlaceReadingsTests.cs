using Screening.Watchlists;

namespace Screening.Tests.Matching;

// Held-out token-added misses (dev half): a book adds the firm's country to its name.
public class PlaceReadingsTests
{
    private static readonly Lazy<Task<Screener>> Shared = new(() => new ScreenerBuilder().AddWatchlist(List()).BuildAsync());

    private static Watchlist List() => new("places", "Place readings fixture (OFAC SDN names)", new WatchlistVersion("1"),
    [
        RegressionTests.Org("43319", "RU", "LLC SYMPHONY"),
        RegressionTests.Org("34644", "RU", "PUBLIC JOINT STOCK COMPANY ALROSA"),
        RegressionTests.Org("19038", "RU", "AVIA GROUP TERMINAL LIMITED LIABILITY COMPANY", "AG TERMINAL OOO"),
        RegressionTests.Org("46719", "CN", "UNITED ELECTRONICS GROUP COMPANY LIMITED"),
        RegressionTests.Org("47479", "RU", "LIMITED LIABILITY COMPANY MOSCOW ARMS COMPANY", "MOSKOVSKAYA ORUZHEINAYA KOMPANIYA"),
    ]);

    [Theory]
    [InlineData("LLC SYMPHONY RUSSIA", "43319", "RUSSIA")]
    [InlineData("PUBLIC JOINT STOCK COMPANY ALROSA RUSSIAN FEDERATION", "34644", "RUSSIAN FEDERATION")]
    [InlineData("AG TERMINAL OOO RU", "19038", "RU")]
    [InlineData("UNITED ELECTRONICS GROUP COMPANY LIMITED CHINA", "46719", "CHINA")]
    [InlineData("RUSSIA MOSKOVSKAYA ORUZHEINAYA KOMPANIYA", "47479", "RUSSIA")]
    // A capital or chief city, and Russia's short forms as the last word (held-out dev misses X LLC MOSCOW, X RUS).
    [InlineData("LLC SYMPHONY MOSCOW", "43319", "MOSCOW")]
    [InlineData("LLC SYMPHONY RUS", "43319", "RUS")]
    [InlineData("AG TERMINAL OOO RF", "19038", "RF")]
    public async Task Screen_CountryOfTheEntryAdded_ReadWithoutItAndExplained(string query, string id, string place)
    {
        var screener = await Shared.Value;
        var top = screener.Screen(query).Matches[0];
        Assert.Equal(id, top.EntryId);
        Assert.Contains($"'{place}' set aside as the country", top.Explanation);
        Assert.True(top.Score < 1.0, "a reading without the place scores below the name as listed");
    }

    [Fact]
    public async Task Screen_AnotherCountryAdded_NotReadWithoutIt()
    {
        var screener = await Shared.Value;
        // SYMPHONY is listed in Russia: a Chinese SYMPHONY is not read as if the place were not there.
        var result = screener.Screen(new ScreeningRequest("LLC SYMPHONY CHINA") { Threshold = 0.3 });
        Assert.DoesNotContain(result.Matches, m => m.Explanation.Contains("set aside", StringComparison.Ordinal));
        Assert.True(result.Matches[0].Score < 0.9);
    }

    [Theory]
    [InlineData("RU LLC SYMPHONY")]   // a code counts only as the last word
    [InlineData("RF LLC SYMPHONY")]   // so does a short form
    [InlineData("LLC RUSSIA")]        // nothing but the place would be left
    public async Task Screen_NoPlaceReading_WhereItCannotHold(string query)
    {
        var screener = await Shared.Value;
        var result = screener.Screen(new ScreeningRequest(query) { Threshold = 0.3 });
        Assert.DoesNotContain(result.Matches, m => m.Explanation.Contains("set aside", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Screen_PlaceReading_FastPathEqualsExhaustive()
    {
        var screener = await Shared.Value;
        foreach (var q in (string[])["LLC SYMPHONY RUSSIA", "AG TERMINAL OOO RU", "ALROSA RUSSIA", "SYMPHONI RUSSIA"])
        {
            var fast = screener.Screen(q).Matches;
            var slow = screener.ScreenExhaustive(q).Matches;
            Assert.NotEmpty(fast);
            Assert.Equal(slow.Select(m => (m.EntryId, Math.Round(m.Score, 6))), fast.Select(m => (m.EntryId, Math.Round(m.Score, 6))));
        }
    }
}
