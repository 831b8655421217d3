using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Ofac;

public class OfacRemarksTests
{
    private static List<EntryIdentifier> Identifiers(string remarks)
    {
        var ids = new List<EntryIdentifier>();
        OfacRemarks.ParseSegments(remarks, ids, [], new CountryLookup());
        return ids;
    }

    private static List<EntryName> Aliases(string remarks)
    {
        var names = new List<EntryName>();
        OfacRemarks.ParseAliases(remarks, names);
        return names;
    }

    [Theory]
    [InlineData("Tax ID No. 7805742375 (Russia).", "Tax ID No.", "7805742375", "RU")]
    [InlineData("Registration Number 1027700167110 (Russia)", "Registration Number", "1027700167110", "RU")]
    [InlineData("Government Gazette Number 07502963 (Russia)", "Government Gazette Number", "07502963", "RU")]
    [InlineData("Business Registration Number 1021801143374 (Russia)", "Business Registration Number", "1021801143374", "RU")]
    [InlineData("Legal Entity Number 253400V1H6ART1UQ0N98 (Russia)", "Legal Entity Number", "253400V1H6ART1UQ0N98", "RU")]
    [InlineData("Unified Social Credit Code (USCC) 91440300580074718C (China)", "Unified Social Credit Code (USCC)", "91440300580074718C", "CN")]
    [InlineData("Registration Number 2550003 (Hong Kong)", "Registration Number", "2550003", "HK")]
    [InlineData("Tax ID No. 0950055541 (Turkey)", "Tax ID No.", "0950055541", "TR")]
    [InlineData("Registration Number DAFZ/1918 (United Arab Emirates)", "Registration Number", "DAFZ/1918", "AE")]
    [InlineData("Vessel Registration Identification IMO 9256858", "IMO", "9256858", null)]
    [InlineData("Vessel Registration Identification IMO 9256860 (Russia)", "IMO", "9256860", "RU")]
    [InlineData("Company Number IMO 5055293", "IMO Company Number", "5055293", null)]
    [InlineData("MMSI 273359510", "MMSI", "273359510", null)]
    [InlineData("Website www.kupol.ru", "Website", "www.kupol.ru", null)]
    [InlineData("alt. Website www.refah-bank.ir", "Website", "www.refah-bank.ir", null)]
    [InlineData("SWIFT/BIC SABRRUMM", "SWIFT/BIC", "SABRRUMM", null)]
    [InlineData("C.U.R.P. AIMM67125HCHRRG06 (Mexico) issued 1968", "C.U.R.P.", "AIMM67125HCHRRG06", "MX")]
    [InlineData("Passport L 191609 issued 28 Feb 1996 expires 27 Feb 2001", "Passport", "L 191609", null)]
    [InlineData("Registration Number HRA 738077 (Stuttgart) (Germany)", "Registration Number", "HRA 738077 (Stuttgart)", "DE")]
    [InlineData("Identification Number 2.194.575 (Paraguay)", "Identification Number", "2.194.575", "PY")]
    [InlineData("Passport PS 472330208 (Korea, North) expires 04 Jul 2017", "Passport", "PS 472330208", "KP")]
    [InlineData("Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", "Digital Currency Address - XBT", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", null)]
    [InlineData("Italian Fiscal Code: KMMMHD68D03Z352N", "Italian Fiscal Code", "KMMMHD68D03Z352N", null)]
    public void ParseSegments_KnownIdentifier_ParsesTypeValueAndCountry(string remarks, string type, string value, string? country)
    {
        var id = Assert.Single(Identifiers(remarks));
        Assert.Equal(new EntryIdentifier(type, value, country), id);
    }

    [Theory]
    [InlineData("DOB 09 Feb 1951; POB Gaza, Egypt")]
    [InlineData("Organization Established Date 23 Apr 2002; alt. Organization Established Date 1957")]
    [InlineData("Linked To: RADIOAVTOMATIKA LLC.")]
    [InlineData("Aircraft Model Airbus A319-115; Gender Male")]
    [InlineData("Tax ID No.")]
    [InlineData("Tax ID No. (Russia)")]
    [InlineData("Executive Order 13662 Directive Determination - Subject to Directive 1")]
    [InlineData("")]
    public void ParseSegments_NoIdentifier_ReturnsNone(string remarks) => Assert.Empty(Identifiers(remarks));

    [Fact]
    public void ParseSegments_Kupol_ReadsEveryIdentifierInOrder()
    {
        const string remarks = "Website www.kupol.ru; Organization Established Date 23 Apr 2002; alt. Organization Established Date 1957; " +
            "Tax ID No. 1831083343 (Russia); Government Gazette Number 07502963 (Russia); Business Registration Number 1021801143374 (Russia).";
        var ids = Identifiers(remarks);
        Assert.Equal(
            [new("Website", "www.kupol.ru"), new("Tax ID No.", "1831083343", "RU"), new("Government Gazette Number", "07502963", "RU"),
             new("Business Registration Number", "1021801143374", "RU")],
            ids);
    }

    [Fact]
    public void ParseSegments_RepeatedIdentifier_KeptOnce()
    {
        Assert.Single(Identifiers("Tax ID No. 1 (Russia); alt. Tax ID No. 1 (Russia)."));
    }

    [Fact]
    public void ParseSegments_NationalityAndCitizen_AddCountries()
    {
        var countries = new List<string>();
        OfacRemarks.ParseSegments("DOB 1960; nationality Russia; citizen Korea, North; alt. nationality Russia; nationality Atlantis", [], countries, new CountryLookup());
        Assert.Equal(["RU", "KP"], countries);
    }

    [Theory]
    [InlineData("RUSSIA-EO14024", new[] { "RUSSIA-EO14024" })]
    [InlineData("RUSSIA-EO14024] [UKRAINE-EO13662", new[] { "RUSSIA-EO14024", "UKRAINE-EO13662" })]
    [InlineData("SDGT] [NPWMD] [IFSR] [IRAN-CON-ARMS-EO] [RUSSIA-EO14024", new[] { "SDGT", "NPWMD", "IFSR", "IRAN-CON-ARMS-EO", "RUSSIA-EO14024" })]
    [InlineData("[SDGT] [SDGT] [NS-PLC]", new[] { "SDGT", "NS-PLC" })]
    [InlineData("CAATSA - RUSSIA", new[] { "CAATSA - RUSSIA" })]
    [InlineData("-0- ", new string[0])]
    [InlineData("", new string[0])]
    public void SplitPrograms_Field_SplitsIntoDistinctPrograms(string field, string[] expected) =>
        Assert.Equal(expected, OfacFields.SplitPrograms(field));

    [Fact]
    public void ParseAliases_RemarksAka_AreWeakAndFkaFormer()
    {
        var names = Aliases("DOB 1951; a.k.a. 'BNC'; f.k.a. 'LADY D'; n.k.a. 'NEW NAME'; Linked To: X.");
        Assert.Equal([new("BNC", NameStrength.Weak), new("LADY D", NameStrength.Former), new("NEW NAME", NameStrength.Weak)], names);
    }

    [Theory]
    [InlineData("a.k.a. 'ABU-'UMAR'.", "ABU-'UMAR")]
    [InlineData("a.k.a. 'SUE RC 'KMP''.", "SUE RC 'KMP'")]
    [InlineData("a.k.a. ''FOOPIE''; a.k.a. 'X'.", "FOOPIE")]
    [InlineData("a.k.a. 'AL-WARD, 'Abd'; DOB 1970", "AL-WARD, 'Abd")]
    [InlineData("a.k.a. 'DOCTOR M.R.O.'", "DOCTOR M.R.O.")]
    [InlineData("a.k.a. 'ABU AL-WAFA''; a.k.a. 'Y'", "ABU AL-WAFA'")]
    public void ParseAliases_ApostrophesInName_EndOnlyAtClosingQuote(string remarks, string first) =>
        Assert.Equal(first, Aliases(remarks)[0].Value);

    [Theory]
    [InlineData("a.k.a. 'UNTERMINATED")]
    [InlineData("a.k.a. ''")]
    [InlineData("Linked To: SOMETHING a.k.a.")]
    [InlineData("ka.k.a. 'NOT A MARKER'")]
    public void ParseAliases_NoCompleteAlias_ReturnsNone(string remarks) => Assert.Empty(Aliases(remarks));

    [Theory]
    [InlineData("Russia", "RU")]
    [InlineData("Bahamas, The", "BS")]
    [InlineData("Man, Isle of", "IM")]
    [InlineData("North Macedonia, The Republic of", "MK")]
    [InlineData("Region: Crimea", "UA")]
    [InlineData("Region: Gaza", "PS")]
    [InlineData("Cote d Ivoire", "CI")]
    [InlineData("Central African Republic", "CF")]
    [InlineData("Virgin Islands, British", "VG")]
    [InlineData("Korea, North", "KP")]
    public void TryGetCode_OfacSpelling_Maps(string name, string code)
    {
        Assert.True(OfacCountries.TryGetCode(name, out var c));
        Assert.Equal(code, c);
    }

    [Theory]
    [InlineData("-0- ")]
    [InlineData("undetermined")]
    [InlineData("Region: Kafia Kingi")]
    public void TryGetCode_NoCountry_False(string name) => Assert.False(OfacCountries.TryGetCode(name, out _));

    [Theory]
    [InlineData("-0- ", true)]
    [InlineData("-0-", true)]
    [InlineData("  ", true)]
    [InlineData("-0- x", false)]
    [InlineData("0", false)]
    public void IsEmpty_Marker_Recognized(string field, bool empty) => Assert.Equal(empty, OfacFields.IsEmpty(field));
}
