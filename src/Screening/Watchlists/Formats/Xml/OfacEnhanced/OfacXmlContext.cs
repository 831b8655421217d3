using System.Xml.Linq;

namespace Screening.Watchlists;

/// <summary>A reference value of the enhanced XML: a type (e.g. <c>COUNTRY</c>), its text and, for a country, its ISO code.</summary>
internal sealed record OfacXmlReference(string Type, string Value, string? IsoCode);

/// <summary>
/// What the readers of one enhanced XML document share: its namespace, its <c>referenceValues</c> (entities point to
/// them by <c>refId</c>), the load they report to, and the resolution of countries to ISO codes.
/// </summary>
internal sealed class OfacXmlContext(XNamespace ns, WatchlistAccumulator load)
{
    private readonly Dictionary<string, OfacXmlReference> _refs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknownCountries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The document's namespace.</summary>
    public XNamespace Ns { get; } = ns;

    /// <summary>The load the readers add entries and issues to.</summary>
    public WatchlistAccumulator Load { get; } = load;

    /// <summary>Keeps a <c>referenceValue</c> element; one without id, type or value is ignored.</summary>
    public void AddReference(XElement rv)
    {
        var refId = (string?)rv.Attribute("refId");
        var type = Text(rv, "type");
        var value = Text(rv, "value");
        if (refId is null || type is null || value is null) return;
        _refs[refId.Trim()] = new OfacXmlReference(type, value, Text(rv, "isoCode"));
    }

    /// <summary>The reference value with this id, if the document has one.</summary>
    public bool TryReference(string refId, out OfacXmlReference reference) => _refs.TryGetValue(refId, out reference!);

    /// <summary>The reference value's text for an element with a <c>refId</c>, else the element's own text.</summary>
    public string? Resolve(XElement? el)
    {
        if (el is null) return null;
        var refId = (string?)el.Attribute("refId");
        if (refId is not null && _refs.TryGetValue(refId.Trim(), out var rv)) return rv.Value;
        return XmlListReader.Clean(el.Value);
    }

    /// <summary>The cleaned text of a child element in the document's namespace, or <see langword="null"/>.</summary>
    public string? Text(XElement? parent, string child) => XmlListReader.Text(parent, Ns + child);

    /// <summary>Whether a child element reads <c>true</c>.</summary>
    public bool IsTrue(XElement parent, string child) => string.Equals(Text(parent, child), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <paramref name="item"/> elements inside the <paramref name="container"/> child.</summary>
    public IEnumerable<XElement> Children(XElement e, string container, string item)
    {
        var c = e.Element(Ns + container);
        return c is null ? [] : c.Elements(Ns + item);
    }

    /// <summary>The ISO code of a country element (a reference to a <c>COUNTRY</c> value, or a name).</summary>
    public string? Country(XElement? el, string id, long line, string field)
    {
        if (el is null) return null;
        var refId = (string?)el.Attribute("refId");
        if (refId is not null && _refs.TryGetValue(refId.Trim(), out var rv) && rv.Type == "COUNTRY")
            return CountryCode(rv.IsoCode, rv.Value, id, line, field);
        return CountryCode(null, XmlListReader.Clean(el.Value), id, line, field);
    }

    /// <summary>
    /// The ISO code given, else the one of the name; an unknown name is a warning, once per file, and yields
    /// <see langword="null"/>.
    /// </summary>
    public string? CountryCode(string? iso, string? name, string id, long line, string field)
    {
        if (iso is { Length: 2 } && char.IsAsciiLetterUpper(iso[0]) && char.IsAsciiLetterUpper(iso[1])) return iso;
        if (name is null) return null;
        if (CountryCodes.TryGetCode(name, out var code)) return code;
        // OFAC writes sub-national areas as "Region: Gaza".
        if (name.StartsWith("Region:", StringComparison.OrdinalIgnoreCase) && CountryCodes.TryGetCode(name["Region:".Length..], out code)) return code;
        if (!name.Equals("undetermined", StringComparison.OrdinalIgnoreCase) && _unknownCountries.Add(name))
            Load.Warn(line, field, $"entity {id}: country '{name}' has no ISO code and is kept only as text (reported once per file)");
        return null;
    }
}
