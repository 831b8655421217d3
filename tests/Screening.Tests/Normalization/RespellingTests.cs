using Screening.Normalization;

namespace Screening.Tests.Normalization;

public class RespellingTests
{
    [Theory]
    [InlineData("OBSCHTSCHESTWO", "German", "OBSHCHESTVO")]
    [InlineData("OGRANITSCHENNOJ", "German", "OGRANICHENNOY")]
    [InlineData("SAWOD", "German", "ZAVOD")]
    [InlineData("AKZIONERNOJE", "German", "AKTSIONERNOYE")]
    [InlineData("TSCHELJABINSK", "German", "CHELYABINSK")]
    [InlineData("ROSSPEZENERGOMONTASH", "German", "ROSPETSENERGOMONTAZH")]
    [InlineData("OBCHTCHESTVO", "French", "OBSHCHESTVO")]
    [InlineData("OTVETSTVENNOSTIOU", "French", "OTVETSTVENNOSTYU")]
    [InlineData("MEJDOUNARODNYE", "French", "MEZHDUNARODNYE")]
    [InlineData("MEXANICHESKIJ", "Gost", "MEKHANICHESKIY")]
    [InlineData("XOLCZVUD", "Gost", "KHOLTSVUD")]
    [InlineData("OBSHHESTVO", "Gost", "OBSHCHESTVO")]
    [InlineData("YUNISERVIS", "EnglishLoan", "UNISERVICE")]
    [InlineData("DEVAYS", "EnglishLoan", "DEVICE")]
    [InlineData("LODZHISTIK", "EnglishLoan", "LOGISTIK")]
    [InlineData("SOLYUSHN", "EnglishLoan", "SOLUTION")]
    [InlineData("TREYDING", "EnglishLoan", "TRADING")]
    [InlineData("TREYD", "EnglishLoan", "TRADE")]
    [InlineData("SPETSTEKHNOTREYD", "EnglishLoan", "SPETSTECHNOTRADE")]
    public void Respell_OtherSchemes_ReadAsEnglishSpelling(string typed, string scheme, string expected) =>
        Assert.Equal(expected, Respelling.Respell(typed, Enum.Parse<RomanizationScheme>(scheme)));

    [Theory]
    [InlineData("KUPOL")]
    [InlineData("BANK")]
    [InlineData("ALMAZ ANTEY")]
    public void Respell_NoLettersTheSchemeSpellsOtherwise_Unchanged(string word)
    {
        foreach (var scheme in Respelling.Schemes)
            if (!Respelling.MayDiffer(word, scheme)) Assert.Equal(word, Respelling.Respell(word, scheme));
    }

    [Fact]
    public void MayDiffer_EveryChangingWord_IsFlagged()
    {
        // MayDiffer is the cheap gate before Respell: it must never turn away a word Respell would change.
        var rng = new Random(20261203);
        const string letters = "ABCDEHIJKLMNOSTUVWXYZ";
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[rng.Next(1, 12)];
            for (var i = 0; i < chars.Length; i++) chars[i] = letters[rng.Next(letters.Length)];
            var word = new string(chars);
            foreach (var scheme in Respelling.Schemes)
                if (Respelling.Respell(word, scheme) != word) Assert.True(Respelling.MayDiffer(word, scheme), $"{word} under {scheme}");
        }
    }

    [Theory]
    [InlineData("NAUCNO", "NAUCHNO")]
    [InlineData("OBSESTVO", "OBSHESTVO")]
    [InlineData("IZEVSKIJ", "IZHEVSKIJ")]
    [InlineData("TEHNOLOGII", "TEKHNOLOGII")]
    public void Iso9PlainSpellings_WordWithMarksLost_IncludesTheMarkedReading(string plain, string marked) =>
        Assert.Contains(marked, Respelling.Iso9PlainSpellings(plain));

    [Fact]
    public void Iso9PlainSpellings_PlainReadingFirst() =>
        Assert.Equal("AKCIONERNOE", Respelling.Iso9PlainSpellings("AKCIONERNOE").First());

    [Fact]
    public void Iso9PlainSpellings_TooManyAmbiguousLetters_None() =>
        Assert.Empty(Respelling.Iso9PlainSpellings("SAZACASAZA"));

    [Theory]
    [InlineData("NEFTÂNAÂ", "NEFTYANAYA")]
    [InlineData("Kompaniâ", "KOMPANIYA")]
    [InlineData("OTVETSTVENNOSTÛ", "OTVETSTVENNOSTYU")]
    public void Respell_Iso9VowelsFromTheTypedWord_ReadAsRussian(string typed, string expected)
    {
        Assert.True(Respelling.MayDiffer(typed, RomanizationScheme.Iso9Vowels));
        Assert.Equal(expected, Respelling.Respell(typed, RomanizationScheme.Iso9Vowels));
    }
}
