using System.Xml.Linq;

namespace Screening.Watchlists;

/// <summary>
/// Reads one <c>entity</c> into an entry: id, type, names (<see cref="OfacXmlNames"/>), addresses, features and
/// documents (<see cref="OfacXmlFeatures"/>), lists, sanctions types and programs, remarks and relationships.
/// </summary>
internal static class OfacXmlEntity
{
    /// <summary>Adds the entity to the load, or rejects it when it has no id or no name.</summary>
    public static void Read(XElement e, long line, OfacXmlContext x)
    {
        var id = XmlListReader.Clean((string?)e.Attribute("id"));
        if (id is null)
        {
            x.Load.Reject(line, "entity/@id", "the entity has no id");
            return;
        }

        var names = OfacXmlNames.Read(e, id, line, x);
        if (names.Count == 0)
        {
            x.Load.Reject(line, "entity/names", $"entity {id} has no name");
            return;
        }

        var gi = e.Element(x.Ns + "generalInfo");
        var type = ReadType(gi, id, line, x);
        var countries = new List<string>();
        var addresses = ReadAddresses(e, id, line, x, countries);
        var identifiers = new List<EntryIdentifier>();
        var tags = new List<string>();
        OfacXmlFeatures.ReadFeatures(e, id, line, x, identifiers, countries, tags);
        OfacXmlFeatures.ReadDocuments(e, id, line, x, identifiers, countries);
        AddValues(e, "sanctionsLists", "sanctionsList", "list:", tags, x);
        AddValues(e, "sanctionsTypes", "sanctionsType", "sanctions-type:", tags, x);
        var programs = new List<string>();
        AddValues(e, "sanctionsPrograms", "sanctionsProgram", "", programs, x);

        x.Load.Add(new WatchlistEntry
        {
            Id = id,
            Type = type,
            Names = names,
            Countries = countries,
            Identifiers = identifiers,
            Programs = programs,
            Addresses = addresses,
            Remarks = x.Text(gi, "remarks"),
            SourceReference = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=" + Uri.EscapeDataString(id),
            Tags = tags,
            Links = ReadLinks(e, x),
        }, line, "entity/@id", static (entry, _, _) => $"entity id '{entry.Id}' occurs more than once");
    }

    private static EntityType ReadType(XElement? generalInfo, string id, long line, OfacXmlContext x)
    {
        var typeText = x.Resolve(generalInfo?.Element(x.Ns + "entityType"));
        var type = typeText?.ToUpperInvariant() switch
        {
            "INDIVIDUAL" => EntityType.Person,
            "ENTITY" => EntityType.Organization,
            "VESSEL" => EntityType.Vessel,
            "AIRCRAFT" => EntityType.Aircraft,
            _ => EntityType.Unknown,
        };
        if (type == EntityType.Unknown)
            x.Load.Warn(line, "generalInfo/entityType", $"entity {id}: unknown entity type '{typeText}'");
        return type;
    }

    // The distinct values of a list of elements (their text, else the reference value they point to), prefixed.
    private static void AddValues(XElement e, string container, string item, string prefix, List<string> into, OfacXmlContext x)
    {
        foreach (var el in x.Children(e, container, item))
        {
            var v = XmlListReader.Clean(el.Value) ?? x.Resolve(el);
            if (v is not null) XmlListReader.AddDistinct(into, prefix + v);
        }
    }

    private static List<EntryAddress> ReadAddresses(XElement e, string id, long line, OfacXmlContext x, List<string> countries)
    {
        var list = new List<EntryAddress>();
        foreach (var a in x.Children(e, "addresses", "address"))
        {
            var countryEl = a.Element(x.Ns + "country");
            var countryName = x.Resolve(countryEl);
            var code = x.Country(countryEl, id, line, "addresses/address/country");
            if (code is not null) XmlListReader.AddDistinct(countries, code);

            // The primary translation carries the Latin address; others repeat it in another script.
            var translations = a.Element(x.Ns + "translations")?.Elements(x.Ns + "translation").ToList() ?? [];
            var tr = translations.Find(t => x.IsTrue(t, "isPrimary")) ?? (translations.Count > 0 ? translations[0] : null);
            string? street = null, city = null;
            if (tr?.Element(x.Ns + "addressParts") is { } parts)
            {
                foreach (var p in parts.Elements(x.Ns + "addressPart"))
                {
                    var value = x.Text(p, "value");
                    if (value is null) continue;
                    var kind = x.Resolve(p.Element(x.Ns + "type"))?.ToUpperInvariant();
                    if (kind is "ADDRESS1" or "ADDRESS2" or "ADDRESS3") street = street is null ? value : street + ", " + value;
                    else city = city is null ? value : city + ", " + value;
                }
            }
            if (street is null && city is null && countryName is null) continue;
            list.Add(new EntryAddress(street, city, countryName, code));
        }
        return list;
    }

    // relationships/relationship: the type as OFAC words it and the related entity's name and id.
    private static List<EntryLink> ReadLinks(XElement e, OfacXmlContext x)
    {
        var links = new List<EntryLink>();
        foreach (var r in x.Children(e, "relationships", "relationship"))
        {
            var related = r.Element(x.Ns + "relatedEntity");
            var name = XmlListReader.Clean(related?.Value);
            if (name is null) continue;
            var link = new EntryLink(x.Resolve(r.Element(x.Ns + "type")) ?? "Related to", name, XmlListReader.Clean((string?)related!.Attribute("entityId")));
            if (!links.Contains(link)) links.Add(link);
        }
        return links;
    }
}
