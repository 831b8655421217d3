using Screening.Evaluation.HeldOut;
using Screening.Watchlists;

namespace Screening.Tests.Evaluation;

public class HeldOutGeneratorTests
{
    // GIRICOND is on one entry; the ordinary words on many.
    private static Vocabulary Vocab()
    {
        var entries = new List<WatchlistEntry>
        {
            new() { Id = "1", Names = [new EntryName("JOINT STOCK COMPANY SCIENTIFIC RESEARCH INSTITUTE GIRICOND")] },
        };
        for (var i = 0; i < 12; i++)
            entries.Add(new WatchlistEntry { Id = $"o{i}", Names = [new EntryName($"JOINT STOCK COMPANY SCIENTIFIC RESEARCH INSTITUTE MANAGEMENT FIRM{i}")] });
        return Vocabulary.Build(entries, ["Management Research Ltd", "Building Institute Company", "Liability Partners"]);
    }

    [Theory]
    [InlineData("JOINT STOCK COMPANY \"GIRICOND\"")]
    [InlineData("  OOO «Ромашка» / ROMASHKA, LLC (formerly X-Y)  ")]
    [InlineData("S.A. DE C.V.")]
    [InlineData("")]
    public void NameParts_Parse_RebuildsTheTextExactly(string text)
    {
        Assert.Equal(text, NameParts.Parse(text).ToString());
    }

    [Fact]
    public void NameParts_RemoveWord_TakesItsAbbreviationDotAndOneSpace()
    {
        var p = NameParts.Parse("SANATORIY IM. M.V. FRUNZE");

        p.RemoveWord(1);

        Assert.Equal("SANATORIY M.V. FRUNZE", p.ToString());
    }

    [Fact]
    public void Abbreviate_ManySeeds_NeverShortensTheRarestWordAndAlwaysShortensAnOrdinaryOne()
    {
        var vocab = Vocab();
        for (var seed = 0; seed < 200; seed++)
        {
            var v = new HeldOutGenerator(new Random(seed), vocab).Abbreviate("JOINT STOCK COMPANY SCIENTIFIC RESEARCH INSTITUTE GIRICOND");

            Assert.NotNull(v);
            Assert.EndsWith(" GIRICOND", v.Text, StringComparison.Ordinal);
            Assert.Matches(@"\b(SCI|SCIENT|RES|RSCH|RESCH|INST|INSTIT)\b", v.Text);
        }
    }

    [Fact]
    public void Abbreviate_OnlyLegalFormWordsShortenable_ReturnsNull()
    {
        Assert.Null(new HeldOutGenerator(new Random(1), Vocab()).Abbreviate("LIMITED LIABILITY COMPANY GIRICOND"));
    }

    [Fact]
    public void BreakOrGlue_ManySeeds_SplitHalvesAreNeverWords()
    {
        var vocab = Vocab();
        var splits = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var v = new HeldOutGenerator(new Random(seed), vocab).BreakOrGlue("MANAGEMENT BUILDING LIMITED LIABILITY COMPANY GIRICOND");
            Assert.NotNull(v);
            foreach (var edit in v.How.Split("; "))
            {
                if (!edit.StartsWith("split ", StringComparison.Ordinal)) continue;
                splits++;
                var halves = edit[(edit.IndexOf("->", StringComparison.Ordinal) + 2)..].Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(2, halves.Length);
                Assert.All(halves, h => Assert.False(vocab.IsWord(h), $"{h} is a word ({v.Text})"));
            }
        }
        Assert.True(splits > 50, $"only {splits} splits");
    }

    [Fact]
    public void DropToken_ManySeeds_KeepsTheRarestWordAndNumbers()
    {
        var vocab = Vocab();
        for (var seed = 0; seed < 200; seed++)
        {
            var v = new HeldOutGenerator(new Random(seed), vocab).DropToken("PUBLIC JOINT STOCK COMPANY SCIENTIFIC RESEARCH INSTITUTE 5 GIRICOND");
            Assert.NotNull(v);
            Assert.Contains("GIRICOND", v.Text, StringComparison.Ordinal);
            Assert.Contains(" 5 ", v.Text, StringComparison.Ordinal);
            Assert.Equal(8, v.Text.Split(' ').Length); // one of nine words
        }
    }

    [Fact]
    public void AddToken_ManySeeds_AddsExactlyOneWordAndKeepsTheName()
    {
        var vocab = Vocab();
        for (var seed = 0; seed < 200; seed++)
        {
            var v = new HeldOutGenerator(new Random(seed), vocab).AddToken("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU GIRICOND");
            if (v is null) continue; // the legal-form kind finds nothing to add where the name already has its forms
            Assert.Equal(6, v.Text.Split(' ').Length);
            Assert.Contains("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU", v.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("OBSHCHESTVO", "ОБЩЕСТВО")]
    [InlineData("OTVETSTVENNOSTYU", "ОТВЕТСТВЕННОСТЮ")]
    [InlineData("SOVETSKIY", "СОВЕТСКИЙ")]
    [InlineData("ELEKTROMEKHANICHESKIY", "ЭЛЕКТРОМЕХАНИЧЕСКИЙ")]
    [InlineData("DALNEVOSTOCHNYY", "ДАЛНЕВОСТОЧНЫЙ")]
    [InlineData("PROIZVODSTVENNOE", "ПРОИЗВОДСТВЕННОЕ")]
    [InlineData("OBYEDINENIE", "ОБЬЕДИНЕНИЕ")]
    [InlineData("TSENTR", "ЦЕНТР")]
    [InlineData("RADIOPRIBORNYI", "РАДИОПРИБОРНЫЙ")]
    public void Romanization_ToCyrillic_ReadsOfacSpellingBack(string latin, string cyrillic)
    {
        Assert.Equal(cyrillic, Romanization.ToCyrillic(latin));
    }

    [Theory]
    [InlineData("ОБЩЕСТВО", "German", "OBSCHTSCHESTWO")]
    [InlineData("ОБЩЕСТВО", "French", "OBCHTCHESTVO")]
    [InlineData("ОБЩЕСТВО", "Iso9", "OBŜESTVO")]
    [InlineData("ОБЩЕСТВО", "Gost779B", "OBSHHESTVO")]
    [InlineData("ОГРАНИЧЕННОЙ", "Icao9303", "OGRANICHENNOI")]
    [InlineData("ХОЛЬЦВУД", "Gost779B", "XOL'CZVUD")]
    [InlineData("КАЗАНСКИЙ", "German", "KASANSKI")]
    [InlineData("ЖУКОВСКИЙ", "French", "JOUKOVSKI")]
    [InlineData("ЯРОСЛАВЛЬ", "Icao9303", "IAROSLAVL")]
    public void Romanization_FromCyrillic_WritesTheSystem(string cyrillic, string system, string expected)
    {
        Assert.Equal(expected, Romanization.FromCyrillic(cyrillic, Enum.Parse<RomanizationSystem>(system)));
    }

    [Theory]
    [InlineData("KHIMPROM", true)]
    [InlineData("ZAVOD", true)]
    [InlineData("SOVETSKIY", true)]
    [InlineData("RESOLUTE", false)]
    [InlineData("DETACHED", false)]
    [InlineData("WOLFRAM", false)]
    [InlineData("ANYANG", false)]
    public void Romanization_LooksRussian_TellsRomanizedRussianFromOtherWords(string word, bool expected)
    {
        Assert.Equal(expected, Romanization.LooksRussian(word));
    }

    [Fact]
    public void Romanize_EnglishWordsAndAcronyms_LeftAsWritten()
    {
        var vocab = Vocab();
        for (var seed = 0; seed < 50; seed++)
        {
            var v = new HeldOutGenerator(new Random(seed), vocab).Romanize("MTS MANAGEMENT ZHUKOVSKIY");
            Assert.NotNull(v);
            Assert.StartsWith("MTS MANAGEMENT ", v.Text, StringComparison.Ordinal);
            Assert.NotEqual("ZHUKOVSKIY", v.Text.Split(' ')[2]);
        }
    }

    [Fact]
    public void Romanize_TurkishName_ReturnsNull()
    {
        Assert.Null(new HeldOutGenerator(new Random(1), Vocab()).Romanize("OZKAN DIS TICARET VE SANAYI LIMITED SIRKETI"));
    }
}
