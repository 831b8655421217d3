using Screening.Watchlists;

namespace Screening.Tests.Matching;

public class ScreenerSmokeTests
{
    internal static Watchlist Sample() => new("test", "Test list", new WatchlistVersion("1"),
    [
        new WatchlistEntry { Id = "46431", Type = EntityType.Organization, Countries = ["RU"], Names =
            [new("JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL"), new("JSC IEMZ KUPOL", NameStrength.Strong), new("AO IEMZ KUPOL", NameStrength.Strong),
             new("AKTSIONERNOE OBSHCHESTVO IZHEVSKI ELEKTROMEKHANICHESKI ZAVOD KUPOL", NameStrength.Strong)] },
        new WatchlistEntry { Id = "2", Type = EntityType.Organization, Names = [new("JOINT-STOCK COMPANY CONCERN ALMAZ-ANTEY")] },
        new WatchlistEntry { Id = "3", Type = EntityType.Organization, Names = [new("BANK OF ARMENIA")] },
        new WatchlistEntry { Id = "4", Type = EntityType.Organization, Names = [new("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU TSENTR")] },
    ]);

    [Theory]
    [InlineData("Izhevsk Electromechanical Plant Kupol", "46431")]
    [InlineData("IEMZ Kupol", "46431")]
    [InlineData("АО ИЭМЗ Купол", "46431")]
    [InlineData("Almaz Antey", "2")]
    [InlineData("Concern ALMAZANTEY", "2")]
    [InlineData("ООО Центр", "4")]
    [InlineData("Centr LLC", "4")]
    public async Task Screen_KnownVariant_FindsEntry(string query, string expected)
    {
        var screener = await new ScreenerBuilder().AddWatchlist(Sample()).BuildAsync();
        var result = screener.Screen(query);
        Assert.True(result.IsHit, $"{query}: no hit");
        Assert.Equal(expected, result.Matches[0].EntryId);
        Assert.False(string.IsNullOrWhiteSpace(result.Matches[0].Explanation));
    }

    [Fact]
    public async Task Screen_BankOfAmerica_DoesNotMatchBankOfArmenia()
    {
        var screener = await new ScreenerBuilder().AddWatchlist(Sample()).BuildAsync();
        Assert.False(screener.Screen("Bank of America").IsHit);
    }
}
