using Screening.Normalization;

namespace Screening.Tests.Normalization;

// A field that holds several names is read as each of them; a field that holds one name (with a qualifier in
// parentheses, a legal form after a comma, a surname before a comma, an apostrophe) is read as itself only.
public class NameReadingsTests
{
    private static string[] Read(string name) =>
        NameReadings.Read(name, new NormalizerContext()).Select(r => r.Name.ToString()).ToArray();

    [Theory]
    [InlineData("JSC KAZAN OPTICAL AND MECHANICAL PLANT (JSC KOMZ)", "JSC KAZAN OPTICAL AND MECHANICAL PLANT", "JSC KOMZ")]
    [InlineData("Tactical Missiles Corporation (KTRV)", "TACTICAL MISSILES CORPORATION", "KTRV")]
    [InlineData("Novaia Naftavaia Kampania (New Oil Company)", "NOVAIA NAFTAVAIA KAMPANIA", "NEW OIL COMPANY")]
    // An acronym romanized from Russian keeps Ц as Ts (the EU's Federal Center for Dual-Use Technology (FTsDT) Soyuz).
    [InlineData("Federal Center of Dual Technologies (FTsDT) Soyuz", "FEDERAL CENTER OF DUAL TECHNOLOGIES SOYUZ", "FTSDT")]
    public void Read_NameAndAnotherInParentheses_BothRead(string field, string outside, string inside)
    {
        var readings = Read(field);
        Assert.Equal(3, readings.Length);
        Assert.Contains(outside, readings);
        Assert.Contains(inside, readings);
    }

    [Theory]
    [InlineData("Shenzhen Huaxin Electronics (HK) Co., Limited")]
    [InlineData("Miles (Asia) Limited")]
    [InlineData("Aero Continente (USA) Inc.")]
    [InlineData("Fox Corporation (Class B)")]
    [InlineData("Project Limited (The)")]
    [InlineData("Kupol Trading (Tsar) Limited")]
    [InlineData("KUPOL, JSC")]
    [InlineData("Kupol Trading Company, Hong Kong")]
    [InlineData("Kupol Trading Company, Ltd.")]
    [InlineData("IVANOV, Ivan Petrovich")]
    [InlineData("O'Neil's Trading Company")]
    [InlineData("China National Precision Machinery Import/Export Corporation")]
    public void Read_OneNameWithQualifier_OnlyTheWhole(string field) => Assert.Single(Read(field));

    [Theory]
    [InlineData("Promsvyazbank formerly PSB Bank", "PROMSVYAZBANK", "PSB BANK")]
    [InlineData("Kupol Trading f/k/a Izhevsk Kupol Supply", "KUPOL TRADING", "IZHEVSK KUPOL SUPPLY")]
    [InlineData("Alfa Industries a.k.a. Beta Machinery Works", "ALFA INDUSTRIES", "BETA MACHINERY WORKS")]
    [InlineData("Almaz Trading t/a Antey Supply", "ALMAZ TRADING", "ANTEY SUPPLY")]
    public void Read_Marker_BeforeAndAfter(string field, string before, string after)
    {
        var readings = Read(field);
        Assert.Contains(before, readings);
        Assert.Contains(after, readings);
    }

    [Theory]
    [InlineData("ВТБ/Внешторгбанк", "VTB", "VNESHTORGBANK")]
    [InlineData("Kupol Plant / Izhevsk Electromechanical Plant", "KUPOL PLANT", "IZHEVSK ELECTROMECHANICAL PLANT")]
    [InlineData("Kupol Plant; Izhevsk Electromechanical Plant", "KUPOL PLANT", "IZHEVSK ELECTROMECHANICAL PLANT")]
    [InlineData("JSC Tula Cartridge Plant, JSC TCP", "JSC TULA CARTRIDGE PLANT", "JSC TCP")]
    [InlineData("Tactical Missiles Corporation, Raduga Design Bureau", "TACTICAL MISSILES CORPORATION", "RADUGA DESIGN BUREAU")]
    public void Read_Separated_EachSide(string field, string left, string right)
    {
        var readings = Read(field);
        Assert.Contains(left, readings);
        Assert.Contains(right, readings);
    }

    [Fact]
    public void Read_NameRestatedAfterASecondLegalForm_EachStatement()
    {
        var readings = Read("Акционерное общество «ШВАБЕ» АО «ШВАБЕ»");
        Assert.Contains("AKTSIONERNOE OBSHCHESTVO SHVABE", readings);
        Assert.Contains("AO SHVABE", readings);
    }

    [Fact]
    public void Read_NameThenLegalFormAndItsAcronym_BothRead()
    {
        // OFAC names of one firm (SDN 37682) written in one field as other authorities do.
        var readings = Read("KALUGA RESEARCH INSTITUTE OF RADIO ENGINEERING JSC KNIRTI");
        Assert.Contains("KALUGA RESEARCH INSTITUTE OF RADIO ENGINEERING", readings);
        Assert.Contains("JSC KNIRTI", readings);
    }

    [Theory]
    // S.A. (of the JSC class) before a trade name is not a Russian registry's form opening a name.
    [InlineData("Petroleo Brasileiro S.A. Petrobras")]
    // A name that ends on its legal form is one name.
    [InlineData("Kaluga Radio Engineering Institute JSC")]
    public void Read_LegalFormNotOpeningAShortName_OnlyTheWhole(string field) => Assert.Single(Read(field));

    [Fact]
    public void Read_ShortLegalFormInsideAName_NotCut() => Assert.Single(Read("Pan At Asian Trade Company Limited"));

    [Fact]
    public void Read_NameInQuotesInsideADescriptor_TheQuotedName()
    {
        var readings = Read("Federal State Enterprise “Sanatorium Nizhnyaya Oreanda” of the Administration of the President");
        Assert.Contains("SANATORIUM NIZHNYAYA OREANDA", readings);
    }

    [Fact]
    public void Read_ManySeparators_AtMostMaxReadings()
    {
        var field = string.Join(" / ", Enumerable.Range(0, 30).Select(i => $"Name{i} Trading Works"));
        Assert.True(Read(field).Length <= NormalizationRules.MaxReadings);
    }

    [Fact]
    public void Read_WholeAlwaysFirst()
    {
        const string field = "JSC KAZAN OPTICAL AND MECHANICAL PLANT (JSC KOMZ)";
        var readings = NameReadings.Read(field, new NormalizerContext());
        Assert.Equal(ReadingKind.Whole, readings[0].Kind);
        Assert.Equal(field, readings[0].Text);
    }
}
