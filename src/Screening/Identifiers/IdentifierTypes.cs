using System.Text;
using Screening.Watchlists;

namespace Screening.Identifiers;

/// <summary>
/// Maps an identifier type as a source or a caller writes it, with its country, to a <see cref="IdentifierKind"/>.
/// The one place that knows how OFAC (SDN remarks, enhanced XML), the CSL, the UN list and the JSON format name
/// identifiers. Anything not recognized is <see cref="IdentifierKind.Other"/>.
/// </summary>
/// <remarks>
/// Scheme names map on their own: <c>INN</c>, <c>ОГРН</c>, <c>LEI</c>, <c>Legal Entity Number</c>,
/// <c>Unified Social Credit Code (USCC)</c>, <c>SWIFT/BIC</c>, <c>IMO</c>, <c>VKN</c>... Generic labels map by
/// country and shape: a Russian tax id (<c>Tax ID No.</c>) is an INN (of any length: a wrong one is reported
/// invalid); a Russian registration label (<c>Registration Number</c>, <c>Registration ID</c>,
/// <c>Business Registration Number</c>, <c>Identification Number</c>...) of 13 digits is an OGRN and of 15 an OGRNIP;
/// a Turkish tax id of 10 digits is a VKN; a Chinese tax or registration label on 18 characters is a USCC; a Hong
/// Kong registration label on up to 7 digits (or F and 7 digits) is a CR No. (an 8-digit Business Registration Number
/// is another register); a UAE registration or licence label is a trade licence. <c>Vessel Registration
/// Identification</c> is an IMO number when its value says <c>IMO</c>.
/// </remarks>
internal static class IdentifierTypes
{
    private static readonly Dictionary<string, IdentifierKind> Schemes = new(StringComparer.Ordinal)
    {
        ["INN"] = IdentifierKind.Inn, ["ИНН"] = IdentifierKind.Inn, ["RU INN"] = IdentifierKind.Inn,
        ["TAXPAYER IDENTIFICATION NUMBER (INN)"] = IdentifierKind.Inn,
        ["OGRN"] = IdentifierKind.Ogrn, ["ОГРН"] = IdentifierKind.Ogrn,
        ["OGRNIP"] = IdentifierKind.Ogrnip, ["ОГРНИП"] = IdentifierKind.Ogrnip,
        ["KPP"] = IdentifierKind.Kpp, ["КПП"] = IdentifierKind.Kpp,
        ["USCC"] = IdentifierKind.Uscc, ["UNIFIED SOCIAL CREDIT CODE"] = IdentifierKind.Uscc,
        ["UNIFIED SOCIAL CREDIT CODE (USCC)"] = IdentifierKind.Uscc, ["UNITED SOCIAL CREDIT CODE CERTIFICATE (USCCC)"] = IdentifierKind.Uscc,
        ["统一社会信用代码"] = IdentifierKind.Uscc,
        ["LEI"] = IdentifierKind.Lei, ["LEGAL ENTITY NUMBER"] = IdentifierKind.Lei, ["LEGAL ENTITY IDENTIFIER"] = IdentifierKind.Lei,
        ["LEGAL ENTITY IDENTIFIER (LEI)"] = IdentifierKind.Lei,
        ["IMO"] = IdentifierKind.Imo, ["IMO NUMBER"] = IdentifierKind.Imo, ["IMO NO"] = IdentifierKind.Imo,
        ["BIC"] = IdentifierKind.Bic, ["SWIFT"] = IdentifierKind.Bic, ["SWIFT/BIC"] = IdentifierKind.Bic, ["SWIFT CODE"] = IdentifierKind.Bic,
        ["BIC CODE"] = IdentifierKind.Bic,
        ["VKN"] = IdentifierKind.Vkn, ["VERGI KIMLIK NUMARASI"] = IdentifierKind.Vkn,
        ["HK-CR"] = IdentifierKind.HkCompanyNumber, ["HK CR"] = IdentifierKind.HkCompanyNumber, ["HKCR"] = IdentifierKind.HkCompanyNumber,
        ["HK COMPANY NUMBER"] = IdentifierKind.HkCompanyNumber, ["HONG KONG COMPANY NUMBER"] = IdentifierKind.HkCompanyNumber,
        ["UAE-TL"] = IdentifierKind.UaeTradeLicence, ["UAE TL"] = IdentifierKind.UaeTradeLicence,
        ["UAE TRADE LICENCE"] = IdentifierKind.UaeTradeLicence, ["UAE TRADE LICENSE"] = IdentifierKind.UaeTradeLicence,
        // The enum's own names, for callers that write them.
        ["HKCOMPANYNUMBER"] = IdentifierKind.HkCompanyNumber, ["UAETRADELICENCE"] = IdentifierKind.UaeTradeLicence,
    };

    private static readonly HashSet<string> TaxLabels = new(StringComparer.Ordinal)
    {
        "TAX ID NO", "TAX ID", "TAX ID NUMBER", "TAX NUMBER", "TAXPAYER IDENTIFICATION NUMBER", "TAX IDENTIFICATION NUMBER", "TIN",
    };

    private static readonly HashSet<string> RegistrationLabels = new(StringComparer.Ordinal)
    {
        "REGISTRATION NUMBER", "REGISTRATION ID", "BUSINESS REGISTRATION NUMBER", "IDENTIFICATION NUMBER", "STATE REGISTRATION NUMBER",
        "COMPANY NUMBER", "COMPANY REGISTRATION NUMBER", "COMMERCIAL REGISTRY NUMBER", "CR NO", "CERTIFICATE OF INCORPORATION NUMBER",
        "REGISTRATION CERTIFICATE NUMBER", "PUBLIC REGISTRATION NUMBER", "BUSINESS REGISTRATION DOCUMENT",
    };

    private static readonly HashSet<string> LicenceLabels = new(StringComparer.Ordinal)
    {
        "TRADE LICENSE NO", "TRADE LICENCE NO", "TRADE LICENSE NUMBER", "TRADE LICENCE NUMBER", "TRADE LICENSE", "TRADE LICENCE",
        "LICENSE", "LICENCE", "COMMERCIAL LICENSE", "COMMERCIAL LICENCE", "COMMERCIAL LICENSE NO", "COMMERCIAL LICENCE NO",
    };

    /// <summary>The scheme of an identifier, from its type label, value and issuing country.</summary>
    /// <param name="type">The type as written (<c>Tax ID No.</c>, <c>INN</c>, <c>Legal Entity Number</c>...).</param>
    /// <param name="value">The value as written.</param>
    /// <param name="country">The issuing country (ISO alpha-2 or a name), if stated.</param>
    /// <param name="fallbackCountry">The country to assume when <paramref name="country"/> is absent (an entry's only country).</param>
    /// <param name="party">The kind of party that holds it, when known: on an organization or a person an IMO number is the
    /// IMO company or person number (another check digit), kept as <see cref="IdentifierKind.Other"/>.</param>
    public static IdentifierKind Classify(string? type, string value, string? country, string? fallbackCountry = null, EntityType? party = null)
    {
        var kind = ClassifyLabel(type, value, country, fallbackCountry);
        return kind == IdentifierKind.Imo && party is EntityType.Organization or EntityType.Person ? IdentifierKind.Other : kind;
    }

    private static IdentifierKind ClassifyLabel(string? type, string value, string? country, string? fallbackCountry)
    {
        var label = Label(type);
        if (Schemes.TryGetValue(label, out var kind)) return kind;
        if (label == "VESSEL REGISTRATION IDENTIFICATION")
            return IdentifierValues.StartsWithLabel(value.AsSpan().Trim(), "IMO") ? IdentifierKind.Imo : IdentifierKind.Other;

        var cc = Country(country) ?? Country(fallbackCountry);
        if (cc is null) return IdentifierKind.Other;
        var tax = TaxLabels.Contains(label);
        var registration = RegistrationLabels.Contains(label);
        if (!tax && !registration && !LicenceLabels.Contains(label)) return IdentifierKind.Other;
        var shape = IdentifierValues.Normalize(IdentifierKind.Other, value);
        var digits = IdentifierValues.IsDigits(shape);
        return cc switch
        {
            "RU" when tax => IdentifierKind.Inn,
            "RU" when registration && digits && shape.Length == 13 => IdentifierKind.Ogrn,
            "RU" when registration && digits && shape.Length == 15 => IdentifierKind.Ogrnip,
            "TR" when (tax || label == "IDENTIFICATION NUMBER") && digits && shape.Length == 10 => IdentifierKind.Vkn,
            // A Chinese "Identification Number" of 18 characters is a resident identity card number, not a USCC.
            "CN" when (tax || registration) && label != "IDENTIFICATION NUMBER" && shape.Length == 18 => IdentifierKind.Uscc,
            "HK" when registration && label != "IDENTIFICATION NUMBER" && IsHkCrShape(shape) => IdentifierKind.HkCompanyNumber,
            "AE" when !tax && label != "IDENTIFICATION NUMBER" => IdentifierKind.UaeTradeLicence,
            _ => IdentifierKind.Other,
        };
    }

    /// <summary>Classifies and validates in one step.</summary>
    public static IdentifierCheck Check(string? type, string value, string? country, string? fallbackCountry = null, EntityType? party = null) =>
        IdentifierValidator.Validate(Classify(type, value, country, fallbackCountry, party), value);

    /// <summary>The type label in a comparable form: upper case, dots and a trailing <c>:</c> or <c>#</c> removed, blanks collapsed.</summary>
    internal static string Label(string? type)
    {
        if (string.IsNullOrWhiteSpace(type)) return "";
        var sb = new StringBuilder(type.Length);
        var space = false;
        foreach (var c in type.Trim())
        {
            if (c == '.') continue;
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString().TrimEnd(':', '#', ' ');
    }

    private static string? Country(string? country)
    {
        if (string.IsNullOrWhiteSpace(country)) return null;
        return CountryCodes.TryGetCode(country, out var code) ? code : null;
    }

    // Up to 7 digits, or F and up to 7 digits (before padding).
    private static bool IsHkCrShape(string v)
    {
        var d = v.StartsWith('F') ? v.AsSpan(1) : v.AsSpan();
        return d.Length is > 0 and <= 7 && IdentifierValues.IsDigits(d);
    }
}
