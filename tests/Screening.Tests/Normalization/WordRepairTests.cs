using Screening.Normalization;

namespace Screening.Tests.Normalization;

public class WordRepairTests
{
    private static string Keys(string name) => string.Join(' ', NameNormalizer.Normalize(name).Tokens.Select(t => t.Key).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("LIMITED LIABI LITY COMPANY MV", "LIMITED LIABILITY COMPANY MV")]
    [InlineData("LIM- ITED LIABILITY COMPANY BASTION", "LIMITED LIABILITY COMPANY BASTION")]
    [InlineData("OBS HCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU VIKTORIYA", "OOO VIKTORIYA")]
    [InlineData("OBSHCHESTVO S OGRANICHE- NNOY OTVETSTVENNOSTYU FENIKS", "OOO FENIKS")]
    [InlineData("JOINT STOCKCOMPANY AVANGARD", "JOINT STOCK COMPANY AVANGARD")]
    [InlineData("LIMITED LIABILITYCOMPANY OMP", "LLC OMP")]
    [InlineData("ALL RUSSIA PETROLEUM EXPLORATION INSTI TUTE", "ALL RUSSIA PETROLEUM EXPLORATION INSTITUTE")]
    [InlineData("ZHONGSHAN YOUXIANGONGSI", "ZHONGSHAN YOUXIAN GONGSI")]
    public void Normalize_BrokenOrGluedTableWords_ReadAsWritten(string broken, string written) => Assert.Equal(Keys(written), Keys(broken));

    private static string Repaired(string typed)
    {
        var tokens = NameNormalizer.Tokenize(typed);
        WordRepair.Apply(tokens, PhraseTable.Default);
        return string.Join('|', tokens.Select(t => t.Text));
    }

    [Theory]
    [InlineData("LIABI LITY", "LIABILITY")]
    [InlineData("TECHN OLOGIES", "TECHNOLOGIES")] // TECHN is a table word, OLOGIES is not
    [InlineData("SHEN ZHEN", "SHEN|ZHEN")] // both halves are table words: the phrase table reads them as written
    [InlineData("YOU XIAN", "YOU|XIAN")]
    [InlineData("STOCKCOMPANY", "STOCK|COMPANY")]
    [InlineData("JOINTSTOCK", "JOINTSTOCK")] // itself a table word
    [InlineData("CO RP", "CO|RP")] // joins shorter than six letters are too often two real words
    public void Apply_JoinsAndParts_OnlyTableWords(string typed, string expected) => Assert.Equal(expected, Repaired(typed));

    [Theory]
    [InlineData("KUPOL ARSE NAL", "KUPOL ARSE NAL")] // a name's own words: not the normalizer's (split readings see them)
    [InlineData("GOLD STONE", "GOLD STONE")]
    [InlineData("STOCKHOLM TRADING", "STOCKHOLM TRADING")] // STOCK + HOLM: HOLM is no legal-form word
    [InlineData("AO ABR", "AO ABR")]
    public void Normalize_OrdinaryWords_LeftAlone(string typed, string expectedTexts) =>
        Assert.Equal(expectedTexts, NameNormalizer.Normalize(typed).ToString());

    [Fact]
    public void Normalize_JoinedWord_KeepsTypedOriginal()
    {
        var tokens = NameNormalizer.Tokenize("Liabi lity");
        WordRepair.Apply(tokens, PhraseTable.Default);
        Assert.Equal("Liabi lity", tokens.Single().Original);
    }
}
