using Screening.Matching.Scoring;

namespace Screening.Tests.Text;

public class AbbreviationsTests
{
    [Theory]
    [InlineData("DSGN", "DESIGN")]
    [InlineData("RESCH", "RESEARCH")]
    [InlineData("RES", "RESEARCH")]
    [InlineData("TRD", "TRADING")]
    [InlineData("PLT", "PLANT")]
    [InlineData("AVN", "AVIATION")]
    public void IsAbbreviation_StandardShortening_Holds(string abbreviation, string word) =>
        Assert.True(ScoringModel.IsAbbreviation(abbreviation, word));

    [Theory]
    // Three letters with a vowel of their own are words (MAN), ending in S acronyms (TCS, LBS, ADS): false alerts on
    // real unlisted names (YU MAN GROUP LIMITED on MACHINE GROUP LTD, TCS INDUSTRIES on PROMYSHLENNYE TEKHNOLOGII).
    [InlineData("MAN", "MACHINE")]
    [InlineData("TCS", "TECHNOLOGIES")]
    [InlineData("LBS", "LABS")]
    [InlineData("ADS", "ADMINISTRATION")]
    [InlineData("ATMOS", "AUTONOMOUS")]
    public void IsAbbreviation_ShortWordOfItsOwn_DoesNotHold(string abbreviation, string word) =>
        Assert.False(ScoringModel.IsAbbreviation(abbreviation, word));
}

public class AbbreviatedOrdinaryWordTests
{
    [Fact]
    public async Task Screen_AbbreviationOfAWordOnFiveEntries_MeetsIt()
    {
        // NAVIGATION on five entries is an ordinary word: NAV in a query stands for it (held-out dev miss NVS NAV TECHNOLOGIES).
        var entries = new List<Screening.Watchlists.WatchlistEntry>();
        for (var i = 0; i < 5; i++)
            entries.Add(new() { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = Screening.Watchlists.EntityType.Organization, Names = [new($"KUPOL{(char)('A' + i)} NAVIGATION TECHNOLOGIES LTD")] });
        for (var i = 0; i < 40; i++)
            entries.Add(new() { Id = "f" + i, Type = Screening.Watchlists.EntityType.Organization, Names = [new($"FILLER{(char)('A' + i % 26)}{i} TRADING")] });
        var screener = await new ScreenerBuilder().AddWatchlist(new Screening.Watchlists.Watchlist("t", "T", new Screening.Watchlists.WatchlistVersion("1"), entries)).BuildAsync();
        var top = screener.Screen("KUPOLA NAV TECHNOLOGIES LTD").Matches[0];
        Assert.Equal("0", top.EntryId);
        Assert.Contains("'NAV' = 'NAVIGATION'", top.Explanation);
    }
}
