using Screening.Normalization;

namespace Screening.Tests.Normalization;

public class PhraseTableScanTests
{
    // Words of the phrase and term tables and of listed names, misspelt at random (fixed seed): the letter-mask filter
    // must never drop a phrase the plain scan finds.
    [Fact]
    public void FirstWordMatches_RandomMisspellings_EqualTheUnfilteredScan()
    {
        var table = PhraseTable.Default;
        var rnd = new Random(20261203);
        string[] seeds =
        [
            "LIMITED", "LIABILITY", "COMPANY", "OBSHCHESTVO", "OGRANICHENNOY", "OTVETSTVENNOSTYU", "AKTSIONERNOE", "SCIENTIFIC",
            "RESEARCH", "INSTITUTE", "PRODUCTION", "ASSOCIATION", "KONSTRUKTORSKOE", "BYURO", "DESIGN", "BUREAU", "TECHNOLOGY",
            "INTERNATIONAL", "ENGINEERING", "ELECTRONICS", "KAZANSKIY", "MOSKOVSKAYA", "TRADING", "INDUSTRY", "NAUCHNO",
            "TSENTRALNYY", "CENTRAL", "KUPOL", "ALMAZ", "SHENZHEN", "HOLDING", "GROUP", "PLANT", "ZAVOD", "JOINT", "STOCK",
        ];
        var checkedWords = 0;
        for (var i = 0; i < 5000; i++)
        {
            var word = Mutate(seeds[rnd.Next(seeds.Length)], rnd);
            foreach (var t in NameNormalizer.Tokenize(word))
            {
                if (t.Text.Length < NormalizationRules.PhraseAbbreviationMinLength) continue;
                Assert.Equal(table.FirstWordMatchesUnfiltered(t), table.FirstWordMatches(t));
                checkedWords++;
            }
        }
        Assert.True(checkedWords > 4000);
    }

    private static string Mutate(string word, Random rnd)
    {
        var c = word.ToCharArray().ToList();
        switch (rnd.Next(6))
        {
            case 0: c[rnd.Next(c.Count)] = (char)('A' + rnd.Next(26)); break;
            case 1: c.Insert(rnd.Next(c.Count + 1), (char)('A' + rnd.Next(26))); break;
            case 2: if (c.Count > 3) c.RemoveAt(rnd.Next(c.Count)); break;
            case 3: if (c.Count > 3) { var a = rnd.Next(c.Count - 1); (c[a], c[a + 1]) = (c[a + 1], c[a]); } break;
            case 4: c = c.Take(Math.Max(3, rnd.Next(3, c.Count + 1))).ToList(); break; // cut short (an abbreviation)
            default: break;
        }
        return new string(c.ToArray());
    }
}
