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
