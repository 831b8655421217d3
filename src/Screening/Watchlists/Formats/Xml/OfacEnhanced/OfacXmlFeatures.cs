using System.Xml.Linq;

namespace Screening.Watchlists;

/// <summary>
/// Reads an entity's features and identity documents: identifiers (with the issuing country), country-valued
/// features (nationality, citizenship, registration, flag) and the features kept as tags.
/// </summary>
internal static class OfacXmlFeatures
{
    // Features whose value identifies the party; dates, directives and free text are not identifiers.
    private static readonly HashSet<string> IdentifierFeatures = new(StringComparer.OrdinalIgnoreCase)
    {
        "SWIFT/BIC", "BIK (RU)", "ISIN", "Equity Ticker", "Website", "Email Address", "Phone Number",
        "Vessel Call Sign", "Vessel Registration Identification", "MMSI", "IMO Number",
        "Aircraft Manufacturer's Serial Number (MSN)", "Aircraft Tail Number", "Aircraft Mode S Transponder Code",
        "D-U-N-S Number", "LEI", "Legal Entity Identifier",
    };

    // Features kept as tags, with the prefixes the legacy CSV provider uses for the same facts.
    private static readonly Dictionary<string, string> TagFeatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Target Type"] = "target-type:",
        ["Title"] = "title:",
        ["Vessel Type"] = "vessel-type:",
        ["Vessel Owner"] = "vessel-owner:",
        ["Vessel Tonnage"] = "tonnage:",
        ["Vessel Gross Registered Tonnage"] = "grt:",
    };

    /// <summary>Reads <c>features/feature</c> into identifiers, countries and tags.</summary>
    public static void ReadFeatures(XElement e, string id, long line, OfacXmlContext x, List<EntryIdentifier> identifiers,
        List<string> countries, List<string> tags)
    {
        foreach (var f in x.Children(e, "features", "feature"))
        {
            var type = x.Text(f, "type");
            var value = x.Text(f, "value");
            if (type is null) continue;
            var valueRef = x.Text(f, "valueRefId");
            if (valueRef is not null && x.TryReference(valueRef, out var rv))
            {
                if (rv.Type == "COUNTRY")
                {
                    // Nationality, citizenship, registration country, vessel flag: all country-valued features.
                    var code = x.CountryCode(rv.IsoCode, rv.Value, id, line, "features/feature/valueRefId");
                    if (code is not null) XmlListReader.AddDistinct(countries, code);
                    if (type.Equals("Vessel Flag", StringComparison.OrdinalIgnoreCase)) XmlListReader.AddDistinct(tags, "vessel-flag:" + rv.Value);
                    continue;
                }
                value ??= rv.Value;
            }
            if (value is null) continue;
            if (TagFeatures.TryGetValue(type, out var prefix)) XmlListReader.AddDistinct(tags, prefix + value);
            else if (IdentifierFeatures.Contains(type) || type.StartsWith("Digital Currency Address", StringComparison.OrdinalIgnoreCase))
                XmlListReader.AddIdentifier(identifiers, new EntryIdentifier(type, value));
        }
    }

    /// <summary>Reads <c>identityDocuments/identityDocument</c> into identifiers and their issuing countries.</summary>
    public static void ReadDocuments(XElement e, string id, long line, OfacXmlContext x, List<EntryIdentifier> identifiers, List<string> countries)
    {
        foreach (var d in x.Children(e, "identityDocuments", "identityDocument"))
        {
            var number = x.Text(d, "documentNumber");
            if (number is null) continue;
            var type = x.Resolve(d.Element(x.Ns + "type")) ?? "Identity document";
            var code = x.Country(d.Element(x.Ns + "issuingCountry"), id, line, "identityDocuments/identityDocument/issuingCountry");
            XmlListReader.AddIdentifier(identifiers, new EntryIdentifier(type, number, code));
            if (code is not null) XmlListReader.AddDistinct(countries, code);
        }
    }
}
