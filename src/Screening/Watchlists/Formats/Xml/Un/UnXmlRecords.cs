using System.Xml.Linq;

namespace Screening.Watchlists;

/// <summary>
/// Maps one <c>INDIVIDUAL</c> or <c>ENTITY</c> record of the UN list to an entry: its id, names, countries and
/// addresses, and documents. Unknown countries are reported once per file.
/// </summary>
internal sealed class UnXmlRecords(WatchlistAccumulator load, string fileName)
{
    // UN spellings that the shared country table does not know.
    private static readonly Dictionary<string, string> UnCountryNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["United Kingdom of Great Britain and Northern Ireland"] = "GB",
        ["China, Hong Kong Special Administrative Region"] = "HK",
        ["China, Macao Special Administrative Region"] = "MO",
        ["Hong Kong Special Administrative Region of China"] = "HK",
        ["Venezuela (Bolivarian Republic of)"] = "VE",
        ["Bolivia (Plurinational State of)"] = "BO",
        ["Micronesia (Federated States of)"] = "FM",
    };

    // Values that say "no country" rather than naming one.
    private static readonly HashSet<string> NoCountry = new(StringComparer.OrdinalIgnoreCase) { "na", "n/a", "unknown", "stateless" };

    private readonly HashSet<string> _unknownCountries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds the record to the load, or rejects it when it has no id or no name.</summary>
    public void Read(XElement e, long line, bool individual)
    {
        var kind = individual ? "INDIVIDUAL" : "ENTITY";
        var dataId = Text(e, "DATAID");
        var id = Text(e, "REFERENCE_NUMBER");
        if (id is null)
        {
            if (dataId is null)
            {
                load.Reject(line, kind + "/REFERENCE_NUMBER", $"the {kind} has neither REFERENCE_NUMBER nor DATAID");
                return;
            }
            id = "DATAID:" + dataId;
            load.Warn(line, kind + "/REFERENCE_NUMBER", $"no REFERENCE_NUMBER; the entry id is '{id}'");
        }

        var names = ReadNames(e, id, line, individual);
        if (names is null) return;
        var countries = new List<string>();
        foreach (var n in e.Elements("NATIONALITY").Elements("VALUE"))
        {
            var code = Country(XmlListReader.Clean(n.Value), id, line, "NATIONALITY/VALUE");
            if (code is not null) XmlListReader.AddDistinct(countries, code);
        }
        var addresses = ReadAddresses(e, id, line, individual, countries);
        var identifiers = ReadDocuments(e, id, line, individual);
        var programs = new List<string>();
        var program = Text(e, "UN_LIST_TYPE");
        if (program is not null) programs.Add(program);

        load.Add(new WatchlistEntry
        {
            Id = id,
            Type = individual ? EntityType.Person : EntityType.Organization,
            Names = names,
            Countries = countries,
            Identifiers = identifiers,
            Programs = programs,
            Addresses = addresses,
            Remarks = Text(e, "COMMENTS1"),
            SourceReference = dataId is null ? $"{fileName}#{id}" : $"{fileName}#DATAID={dataId}",
        }, line, kind + "/REFERENCE_NUMBER", static (entry, _, _) => $"entry id '{entry.Id}' occurs more than once");
    }

    private static string? Text(XElement e, string name) => XmlListReader.Text(e, name);

    // The primary name, then the aliases; null (and a rejection) when the record has no name at all.
    private List<EntryName>? ReadNames(XElement e, string id, long line, bool individual)
    {
        var kind = individual ? "INDIVIDUAL" : "ENTITY";
        var primary = individual ? JoinParts(e, " ", "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME") : Text(e, "FIRST_NAME");
        var aliases = ReadAliases(e, id, line, individual, primary);
        if (primary is null)
        {
            if (aliases.Count == 0)
            {
                load.Reject(line, kind + "/FIRST_NAME", $"{kind} {id} has no name");
                return null;
            }
            var promote = aliases.FindIndex(a => a.Strength != NameStrength.Weak);
            if (promote < 0) promote = 0;
            primary = aliases[promote].Value;
            aliases.RemoveAt(promote);
            load.Warn(line, kind + "/FIRST_NAME", $"{kind} {id} has no name; alias '{primary}' is used as the primary name");
        }
        var names = new List<EntryName> { new(primary, NameStrength.Primary) };
        foreach (var a in aliases) XmlListReader.AddName(names, a.Value, a.Strength);
        return names;
    }

    private List<EntryName> ReadAliases(XElement e, string id, long line, bool individual, string? primary)
    {
        var aliases = new List<EntryName>();
        var original = Text(e, "NAME_ORIGINAL_SCRIPT");
        if (original is not null) aliases.Add(new EntryName(original, NameStrength.Strong));
        if (!individual && primary is not null && primary.Contains(';', StringComparison.Ordinal))
        {
            // "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)" lists two names.
            foreach (var part in primary.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                aliases.Add(new EntryName(part, NameStrength.Strong));
        }
        var kind = individual ? "INDIVIDUAL" : "ENTITY";
        foreach (var a in e.Elements(kind + "_ALIAS"))
        {
            var value = Text(a, "ALIAS_NAME");
            if (value is null) continue;
            var quality = Text(a, "QUALITY");
            NameStrength strength;
            switch (quality?.ToUpperInvariant())
            {
                case null or "GOOD" or "A.K.A." or "AKA": strength = NameStrength.Strong; break;
                case "LOW": strength = NameStrength.Weak; break;
                case "F.K.A." or "FKA": strength = NameStrength.Former; break;
                default:
                    strength = NameStrength.Strong;
                    load.Warn(line, kind + "_ALIAS/QUALITY", $"{id}: unknown alias quality '{quality}' read as a.k.a.");
                    break;
            }
            aliases.Add(new EntryName(value, strength));
        }
        return aliases;
    }

    private List<EntryAddress> ReadAddresses(XElement e, string id, long line, bool individual, List<string> countries)
    {
        var kind = individual ? "INDIVIDUAL" : "ENTITY";
        var addresses = new List<EntryAddress>();
        foreach (var a in e.Elements(kind + "_ADDRESS"))
        {
            var street = Text(a, "STREET");
            var city = JoinParts(a, ", ", "CITY", "STATE_PROVINCE", "ZIP_CODE");
            var country = Text(a, "COUNTRY");
            var code = Country(country, id, line, kind + "_ADDRESS/COUNTRY");
            if (code is not null) XmlListReader.AddDistinct(countries, code);
            if (street is null && city is null && country is null) continue;
            addresses.Add(new EntryAddress(street, city, country, code));
        }
        return addresses;
    }

    private List<EntryIdentifier> ReadDocuments(XElement e, string id, long line, bool individual)
    {
        var kind = individual ? "INDIVIDUAL" : "ENTITY";
        var identifiers = new List<EntryIdentifier>();
        foreach (var d in e.Elements(kind + "_DOCUMENT"))
        {
            var number = Text(d, "NUMBER");
            if (number is null) continue;
            var type = Text(d, "TYPE_OF_DOCUMENT");
            var type2 = Text(d, "TYPE_OF_DOCUMENT2");
            if (type is null) type = type2 ?? "Document";
            else if (type2 is not null && !type2.Equals(type, StringComparison.OrdinalIgnoreCase)) type = $"{type} ({type2})";
            var issuer = Text(d, "ISSUING_COUNTRY") ?? Text(d, "COUNTRY_OF_ISSUE");
            XmlListReader.AddIdentifier(identifiers, new EntryIdentifier(type, number, Country(issuer, id, line, kind + "_DOCUMENT/ISSUING_COUNTRY")));
        }
        return identifiers;
    }

    // The present child texts joined by the separator, or null when none is present.
    private static string? JoinParts(XElement e, string separator, params ReadOnlySpan<string> children)
    {
        string? joined = null;
        foreach (var child in children)
        {
            var p = Text(e, child);
            if (p is not null) joined = joined is null ? p : joined + separator + p;
        }
        return joined;
    }

    private string? Country(string? name, string id, long line, string field)
    {
        if (name is null || NoCountry.Contains(name)) return null;
        if (UnCountryNames.TryGetValue(name, out var code) || CountryCodes.TryGetCode(name, out code)) return code;
        if (_unknownCountries.Add(name))
            load.Warn(line, field, $"{id}: country '{name}' has no ISO code and is kept only as text (reported once per file)");
        return null;
    }
}
