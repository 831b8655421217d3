namespace Screening.Tests.Matching;

// Arbitrary input never breaks a screen: mixed scripts, control characters, glued listed words (split readings),
// broken phrases (partial credit), very long words. Only an input with no letters or digits is refused, with an
// ArgumentException; everything else is screened, and the fast path agrees with the exhaustive reference.
public class RandomInputTests
{
    private static readonly string[] Pieces =
    [
        "KUPOL", "IZHEVSK", "ALMAZ", "ANTEY", "BUREAU", "FAKEL", "DESIGN", "CENTRAL", "RESEARCH", "INSTITUTE", "SBERBANK",
        "LLC", "OOO", "ООО", "АО", "Купол", "有限公司", "科技", "TECH", "LIMITED", "CO.,LTD", "Q", "YWC", "IVK", "of", "&",
        "«", "»", "-", ".", "\u0000", "\t", "\u200B", "ǅ", "Ω", "١٢٣", "42", "NAUCHNO", "PROIZVODSTVENNOE", "PREDPRIYATIE",
    ];

    private static string RandomName(Random rnd)
    {
        var n = rnd.Next(1, 9);
        var parts = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var piece = Pieces[rnd.Next(Pieces.Length)];
            // Glue two pieces now and then: a word run together that a split reading may take apart.
            if (rnd.Next(5) == 0) piece += Pieces[rnd.Next(Pieces.Length)];
            if (rnd.Next(20) == 0) piece = new string('X', rnd.Next(61, 200));
            parts.Add(piece);
        }
        return string.Join(rnd.Next(4) == 0 ? "" : " ", parts);
    }

    [Fact]
    public async Task Screen_RandomInput_ScreensOrRefusesCleanly()
    {
        var screener = await new ScreenerBuilder().AddWatchlist(RegressionTests.Fixture()).Configure(o => o.Threshold = 0.5).BuildAsync();
        var rnd = new Random(20261128);
        var screened = 0;
        for (var i = 0; i < 3000; i++)
        {
            var name = RandomName(rnd);
            ScreeningResult fast, reference;
            try
            {
                fast = screener.Screen(name);
                reference = screener.ScreenExhaustive(name);
            }
            catch (ArgumentException)
            {
                Assert.DoesNotContain(name, char.IsLetterOrDigit);
                continue;
            }
            screened++;
            Assert.Equal(reference.Matches.Select(m => (m.EntryId, m.Score)), fast.Matches.Select(m => (m.EntryId, m.Score)));
        }
        Assert.True(screened > 2500, $"only {screened} screened");
    }
}
