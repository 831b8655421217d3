using Screening.Identifiers;
using Screening.Watchlists;

namespace Screening.Tests.Identifiers;

public class IdentifierValidatorTests
{
    [Theory]
    [InlineData(IdentifierKind.Inn, "1831083343")]               // Kupol plant (SDN 46431)
    [InlineData(IdentifierKind.Inn, "7707083893")]               // Sberbank (SDN 17018)
    [InlineData(IdentifierKind.Ogrn, "1027700132195")]           // Sberbank
    [InlineData(IdentifierKind.Ogrn, "1021801143374")]           // Kupol plant
    [InlineData(IdentifierKind.Ogrnip, "304770000196297")]       // SDN "Identification Number ... (Russia)"
    [InlineData(IdentifierKind.Uscc, "91110117663725176G")]
    [InlineData(IdentifierKind.Uscc, "9113100033607322XK")]
    [InlineData(IdentifierKind.Lei, "253400DYLWR5A6YAWJ69")]     // Sovcomflot (SDN 34741)
    [InlineData(IdentifierKind.Imo, "9187629")]
    [InlineData(IdentifierKind.Vkn, "7340903161")]               // SDN Turkish tax ids
    [InlineData(IdentifierKind.Vkn, "6240194059")]
    public void Validate_RealValues_Valid(IdentifierKind kind, string value)
    {
        var c = IdentifierValidator.Validate(kind, value);
        Assert.Equal(IdentifierStatus.Valid, c.Status);
        Assert.Null(c.Problem);
        Assert.True(c.IsUsable);
    }

    [Theory]
    [InlineData(IdentifierKind.Lei, "253400VTMXV2UE7XNN67", "check digits")]          // as OFAC publishes it (SDN 40781)
    [InlineData(IdentifierKind.Ogrn, "1021801434617", "check digit 13 is 7, expected 0")]
    [InlineData(IdentifierKind.Inn, "266036534", "leading 0")]                        // SDN 35355: the zero was lost
    [InlineData(IdentifierKind.Inn, "770501001", "KPP")]                              // SDN 26744: a KPP written as a tax id
    [InlineData(IdentifierKind.Inn, "77070838930", "11 characters")]
    [InlineData(IdentifierKind.Inn, "77O7083893", "not all digits")]
    [InlineData(IdentifierKind.Uscc, "9111011766372517IG", "alphabet")]
    [InlineData(IdentifierKind.Bic, "SABRXXMM", "country code")]
    [InlineData(IdentifierKind.Bic, "SABRRU", "expected 8 or 11")]
    [InlineData(IdentifierKind.Kpp, "77050100", "expected 9")]
    [InlineData(IdentifierKind.HkCompanyNumber, "123456789", "expected up to 7")]
    [InlineData(IdentifierKind.UaeTradeLicence, "ABCDEF", "no digit")]
    [InlineData(IdentifierKind.Inn, "ИНН: -", "no letters or digits")]
    public void Validate_BadValues_InvalidWithReason(IdentifierKind kind, string value, string reason)
    {
        var c = IdentifierValidator.Validate(kind, value);
        Assert.Equal(IdentifierStatus.Invalid, c.Status);
        Assert.False(c.IsUsable);
        Assert.Contains(reason, c.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IdentifierKind.Inn, "ИНН 1831083343", "1831083343")]
    [InlineData(IdentifierKind.Inn, "inn: 1831 083 343", "1831083343")]
    [InlineData(IdentifierKind.Inn, "INN No. 18-31-083343", "1831083343")]
    [InlineData(IdentifierKind.Ogrn, "ОГРН № 1021801143374", "1021801143374")]
    [InlineData(IdentifierKind.Imo, "IMO 9187629", "9187629")]
    [InlineData(IdentifierKind.Bic, "sabr ru mm xxx", "SABRRUMM")]
    [InlineData(IdentifierKind.Bic, "SWIFT: SABRRUMM012", "SABRRUMM012")]
    [InlineData(IdentifierKind.Lei, "2534 00DY LWR5 A6YA WJ69", "253400DYLWR5A6YAWJ69")]
    [InlineData(IdentifierKind.HkCompanyNumber, "925906", "0925906")]
    [InlineData(IdentifierKind.HkCompanyNumber, "F12345", "F0012345")]
    [InlineData(IdentifierKind.Other, "HRB 770549", "HRB770549")]
    [InlineData(IdentifierKind.Other, "INN 1831083343", "INN1831083343")]  // Other strips no label
    public void Validate_Normalizes(IdentifierKind kind, string raw, string normalized) =>
        Assert.Equal(normalized, IdentifierValidator.Validate(kind, raw).Value);

    [Theory]
    [InlineData(IdentifierKind.Kpp, "770501001")]
    [InlineData(IdentifierKind.Kpp, "7705AB001")]
    [InlineData(IdentifierKind.Bic, "SABRRUMM")]
    [InlineData(IdentifierKind.HkCompanyNumber, "2550003")]
    [InlineData(IdentifierKind.UaeTradeLicence, "CN-1234567")]
    public void Validate_SchemesWithoutCheckDigit_WellFormed(IdentifierKind kind, string value) =>
        Assert.Equal(IdentifierStatus.WellFormed, IdentifierValidator.Validate(kind, value).Status);

    [Fact]
    public void Validate_Other_NotValidated() =>
        Assert.Equal(IdentifierStatus.NotValidated, IdentifierValidator.Validate(IdentifierKind.Other, "A1").Status);

    [Fact]
    public void Validate_HugeValue_InvalidWithoutReadingIt() =>
        Assert.Equal(IdentifierStatus.Invalid, IdentifierValidator.Validate(IdentifierKind.Inn, new string('1', 100_000)).Status);

    [Theory]
    [InlineData("Tax ID No.", "1831083343", "RU", IdentifierKind.Inn)]
    [InlineData("Tax ID No.", "770501001", "Russia", IdentifierKind.Inn)]           // any length: reported invalid
    [InlineData("Registration Number", "1027700067328", "RU", IdentifierKind.Ogrn)]
    [InlineData("Registration ID", "1027739555282", "RU", IdentifierKind.Ogrn)]
    [InlineData("Business Registration Number", "1021801143374", "RU", IdentifierKind.Ogrn)]
    [InlineData("Identification Number", "304770000196297", "RU", IdentifierKind.Ogrnip)]
    [InlineData("Registration Number", "12345678", "RU", IdentifierKind.Other)]
    [InlineData("Government Gazette Number", "09804148", "RU", IdentifierKind.Other)]
    [InlineData("Tax ID No.", "7340903161", "TR", IdentifierKind.Vkn)]
    [InlineData("Tax ID No.", "43951946270", "TR", IdentifierKind.Other)]          // 11 digits: a personal number
    [InlineData("Registration Number", "464933", "TR", IdentifierKind.Other)]
    [InlineData("Unified Social Credit Code (USCC)", "91110117663725176G", "CN", IdentifierKind.Uscc)]
    [InlineData("Registration Number", "91110117663725176G", "CN", IdentifierKind.Uscc)]
    [InlineData("Identification Number", "341181198004300019", "CN", IdentifierKind.Other)]  // a resident id card
    [InlineData("Legal Entity Number", "253400DYLWR5A6YAWJ69", null, IdentifierKind.Lei)]
    [InlineData("SWIFT/BIC", "SABRRUMM", null, IdentifierKind.Bic)]
    [InlineData("BIK (RU)", "044525225", null, IdentifierKind.Other)]
    [InlineData("IMO", "9187629", null, IdentifierKind.Imo)]
    [InlineData("Vessel Registration Identification", "IMO 8898831", null, IdentifierKind.Imo)]
    [InlineData("C.R. No.", "2691637", "HK", IdentifierKind.HkCompanyNumber)]
    [InlineData("Registration Number", "2550003", "Hong Kong", IdentifierKind.HkCompanyNumber)]
    [InlineData("Business Registration Number", "75214585", "HK", IdentifierKind.Other)]  // 8 digits: the BR register
    [InlineData("Trade License No.", "683633", "AE", IdentifierKind.UaeTradeLicence)]
    [InlineData("Commercial Registry Number", "591610", "United Arab Emirates", IdentifierKind.UaeTradeLicence)]
    [InlineData("Identification Number", "784197715087538", "AE", IdentifierKind.Other) ]  // an Emirates ID
    [InlineData("Economic Register Number (CBLS)", "11582964", "AE", IdentifierKind.Other)]
    [InlineData("INN", "1831083343", null, IdentifierKind.Inn)]
    [InlineData("ogrn", "1021801143374", null, IdentifierKind.Ogrn)]
    [InlineData("HK-CR", "2550003", null, IdentifierKind.HkCompanyNumber)]
    [InlineData("uae-tl", "683633", null, IdentifierKind.UaeTradeLicence)]
    [InlineData("Passport", "731969851", "RU", IdentifierKind.Other)]
    [InlineData("Tax ID No.", "1831083343", null, IdentifierKind.Other)]             // no country: no scheme
    public void Classify_SourceTypes_MapToSchemes(string type, string value, string? country, IdentifierKind expected) =>
        Assert.Equal(expected, IdentifierTypes.Classify(type, value, country));

    [Fact]
    public void Classify_NoCountry_UsesFallbackCountry() =>
        Assert.Equal(IdentifierKind.Ogrn, IdentifierTypes.Classify("Registration ID", "1148904001971", null, fallbackCountry: "RU"));

    [Theory]
    [InlineData(EntityType.Organization, IdentifierKind.Other)]   // OFAC writes IMO company numbers on shipping firms this way
    [InlineData(EntityType.Vessel, IdentifierKind.Imo)]
    [InlineData(null, IdentifierKind.Imo)]
    public void Classify_ImoOnParty_DependsOnEntityType(EntityType? party, IdentifierKind expected) =>
        Assert.Equal(expected, IdentifierTypes.Classify("IMO", "5878589", null, party: party));
}
