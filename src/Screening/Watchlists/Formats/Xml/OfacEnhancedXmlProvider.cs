using System.Xml.Linq;

namespace Screening.Watchlists;

/// <summary>
/// Loads an OFAC list in the Sanctions List Service "enhanced XML" format (<c>SDN_ENHANCED.XML</c>,
/// <c>CONS_ENHANCED.XML</c>). List SPEC kind: <c>ofac-xml:FILE</c>.
/// </summary>
/// <remarks>
/// <para>
/// The document is streamed with an <see cref="System.Xml.XmlReader"/>; only one <c>entity</c> is held in memory at a
/// time. DTDs are refused and <see cref="XmlReadLimits"/> bounds the document and each entity.
/// </para>
/// <para>
/// The list id follows <c>publicationInfo/filters</c>: <c>ofac-sdn-xml</c> for the SDN List, <c>ofac-cons-xml</c> for
/// the Consolidated (non-SDN) List, otherwise the file name decides (<c>SDN_ENHANCED</c>, <c>CONS_ENHANCED</c>) and
/// <c>ofac-xml</c> when neither says. The version is <c>publicationInfo/dataAsOf</c> plus the SHA-256 of the file.
/// </para>
/// <para>
/// Each <c>entity</c> becomes one entry with its <c>id</c> attribute as the id. Names: the primary name first, then
/// aliases: A.K.A. and N.K.A. are strong, F.K.A. is former, and any alias flagged <c>isLowQuality</c> is weak. Every
/// translation of a name (Cyrillic, Chinese and other original scripts) is kept as a name of the same strength; other
/// scripts of the primary name become strong aliases. Also read: programs, addresses with countries, identity
/// documents (with issuing country), identifier-like features (SWIFT/BIC, BIK, ISIN, website, e-mail ...),
/// nationality, registration and flag countries, remarks, relationships as <see cref="WatchlistEntry.Links"/> (type, related
/// entity name and id), and tags <c>list:</c>, <c>sanctions-type:</c>,
/// <c>target-type:</c>, <c>title:</c> and the vessel tags the legacy CSV provider writes (<c>vessel-type:</c>,
/// <c>vessel-flag:</c>, <c>vessel-owner:</c>, <c>tonnage:</c>, <c>grt:</c>). Names differing only in case are kept once. An entity without an id or without any name is reported as
/// <see cref="LoadIssueKind.Rejected"/> with its line.
/// </para>
/// </remarks>
public sealed class OfacEnhancedXmlProvider : IWatchlistProvider, IWatchlistFileSource
{
    /// <summary>The namespace OFAC's enhanced XML uses; other namespaces load with a warning.</summary>
    public const string Namespace = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML";

    private readonly Func<Stream> _open;
    private readonly string _file;
    private readonly XmlReadLimits _limits;

    /// <summary>Creates a provider that reads a file.</summary>
    /// <param name="path">The XML file.</param>
    /// <param name="limits">Size limits; <see cref="XmlReadLimits.Default"/> when <see langword="null"/>.</param>
    public OfacEnhancedXmlProvider(string path, XmlReadLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _open = () => ListFiles.OpenRead(path, asynchronous: true);
        _file = path;
        SourceFiles = [Path.GetFullPath(path)];
        _limits = limits ?? XmlReadLimits.Default;
        Source = "ofac-xml:" + path;
    }

    /// <summary>Creates a provider that reads a stream opened on each load.</summary>
    /// <param name="open">Opens the stream; called once per load, and the stream is disposed after it.</param>
    /// <param name="source">The name used in messages, e.g. a file name or URL.</param>
    /// <param name="limits">Size limits; <see cref="XmlReadLimits.Default"/> when <see langword="null"/>.</param>
    public OfacEnhancedXmlProvider(Func<Stream> open, string source, XmlReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _open = open;
        _file = source;
        _limits = limits ?? XmlReadLimits.Default;
        Source = "ofac-xml:" + source;
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SourceFiles { get; } = [];

    /// <inheritdoc />
    public Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default) =>
        XmlListReader.LoadAsync(_open, _file, _limits, (r, load, ct) => new Reader(r, load).ReadAsync(ct), cancellationToken);

    private sealed record RefValue(string Type, string Value, string? IsoCode);

    private sealed class Reader(XmlListReader xml, WatchlistAccumulator load)
    {
        private readonly Dictionary<string, RefValue> _refs = new(StringComparer.Ordinal);
        private readonly HashSet<string> _unknownCountries = new(StringComparer.OrdinalIgnoreCase);
        private XNamespace _ns = XNamespace.None;
        private DateTimeOffset? _published;
        private string? _filterList;
        private bool _sawEntities;

        private string File => xml.File;

        public async Task<XmlListIdentity> ReadAsync(CancellationToken ct)
        {
            var ns = await xml.ReadRootAsync("sanctionsData", "an OFAC enhanced XML document").ConfigureAwait(false);
            _ns = ns;
            if (ns != Namespace)
                load.Warn(xml.Line, "sanctionsData", $"unexpected namespace '{ns}'; read as OFAC enhanced XML");

            await xml.ReadChildrenAsync(async line =>
            {
                var r = xml.Reader;
                if (r.NamespaceURI != ns)
                {
                    await xml.SkipAsync().ConfigureAwait(false);
                    return;
                }
                switch (r.LocalName)
                {
                    case "publicationInfo":
                        ReadPublicationInfo(await xml.ReadElementAsync(ct).ConfigureAwait(false), line);
                        break;
                    case "referenceValues":
                        await xml.ReadChildrenAsync(async _ =>
                        {
                            if (xml.Reader.LocalName == "referenceValue") AddReference(await xml.ReadElementAsync(ct).ConfigureAwait(false));
                            else await xml.SkipAsync().ConfigureAwait(false);
                        }, ct).ConfigureAwait(false);
                        break;
                    case "entities":
                        _sawEntities = true;
                        await xml.ReadChildrenAsync(async entityLine =>
                        {
                            if (xml.Reader.LocalName != "entity" || xml.Reader.NamespaceURI != ns)
                            {
                                load.Warn(entityLine, xml.Reader.Name, "unexpected element in 'entities' skipped");
                                await xml.SkipAsync().ConfigureAwait(false);
                                return;
                            }
                            load.CountRow();
                            ReadEntity(await xml.ReadElementAsync(ct).ConfigureAwait(false), entityLine);
                        }, ct).ConfigureAwait(false);
                        break;
                    default:
                        await xml.SkipAsync().ConfigureAwait(false);
                        break;
                }
            }, ct).ConfigureAwait(false);

            if (!_sawEntities)
                throw new WatchlistFormatException(File, 0, "entities", "the document has no 'entities' element");

            var (id, name) = ListIdentity();
            return new XmlListIdentity(id, name, _published);
        }

        private (string Id, string Name) ListIdentity()
        {
            var filter = _filterList?.ToUpperInvariant();
            var fileName = Path.GetFileName(File).ToUpperInvariant();
            if (filter == "SDN LIST" || (filter is null && fileName.Contains("SDN_ENHANCED", StringComparison.Ordinal)))
                return ("ofac-sdn-xml", "OFAC SDN List (enhanced XML)");
            if (filter == "CONSOLIDATED LIST" || (filter is null && fileName.Contains("CONS_ENHANCED", StringComparison.Ordinal)))
                return ("ofac-cons-xml", "OFAC Consolidated (non-SDN) List (enhanced XML)");
            return ("ofac-xml", _filterList is null ? "OFAC sanctions list (enhanced XML)" : $"OFAC {_filterList} (enhanced XML)");
        }

        private void ReadPublicationInfo(XElement info, long line)
        {
            var asOf = XmlListReader.Text(info, _ns + "dataAsOf");
            _published = XmlListReader.ParseDate(asOf);
            if (asOf is not null && _published is null)
                load.Warn(line, "publicationInfo/dataAsOf", $"'{asOf}' is not a date; the list has no publication date");
            var lists = info.Element(_ns + "filters")?.Element(_ns + "sanctionsLists")?.Elements(_ns + "sanctionsList").ToList();
            if (lists is { Count: 1 }) _filterList = XmlListReader.Clean(lists[0].Value);
        }

        private void AddReference(XElement rv)
        {
            var refId = (string?)rv.Attribute("refId");
            var type = XmlListReader.Text(rv, _ns + "type");
            var value = XmlListReader.Text(rv, _ns + "value");
            if (refId is null || type is null || value is null) return;
            _refs[refId.Trim()] = new RefValue(type, value, XmlListReader.Text(rv, _ns + "isoCode"));
        }

        /// <summary>The reference value's text for an element with a <c>refId</c>, else the element's own text.</summary>
        private string? Resolve(XElement? el)
        {
            if (el is null) return null;
            var refId = (string?)el.Attribute("refId");
            if (refId is not null && _refs.TryGetValue(refId.Trim(), out var rv)) return rv.Value;
            return XmlListReader.Clean(el.Value);
        }

        private void ReadEntity(XElement e, long line)
        {
            var id = XmlListReader.Clean((string?)e.Attribute("id"));
            if (id is null)
            {
                load.Reject(line, "entity/@id", "the entity has no id");
                return;
            }

            var names = ReadNames(e, id, line);
            if (names.Count == 0)
            {
                load.Reject(line, "entity/names", $"entity {id} has no name");
                return;
            }

            var gi = e.Element(_ns + "generalInfo");
            var typeEl = gi?.Element(_ns + "entityType");
            var typeText = Resolve(typeEl);
            var type = typeText?.ToUpperInvariant() switch
            {
                "INDIVIDUAL" => EntityType.Person,
                "ENTITY" => EntityType.Organization,
                "VESSEL" => EntityType.Vessel,
                "AIRCRAFT" => EntityType.Aircraft,
                _ => EntityType.Unknown,
            };
            if (type == EntityType.Unknown)
                load.Warn(line, "generalInfo/entityType", $"entity {id}: unknown entity type '{typeText}'");

            var countries = new List<string>();
            var addresses = ReadAddresses(e, id, line, countries);
            var identifiers = new List<EntryIdentifier>();
            var tags = new List<string>();
            ReadFeatures(e, id, line, identifiers, countries, tags);
            ReadDocuments(e, id, line, identifiers, countries);

            foreach (var l in Children(e, "sanctionsLists", "sanctionsList"))
            {
                var v = XmlListReader.Clean(l.Value) ?? Resolve(l);
                if (v is not null) XmlListReader.AddDistinct(tags, "list:" + v);
            }
            foreach (var t in Children(e, "sanctionsTypes", "sanctionsType"))
            {
                var v = XmlListReader.Clean(t.Value) ?? Resolve(t);
                if (v is not null) XmlListReader.AddDistinct(tags, "sanctions-type:" + v);
            }
            var programs = new List<string>();
            foreach (var p in Children(e, "sanctionsPrograms", "sanctionsProgram"))
            {
                var v = XmlListReader.Clean(p.Value) ?? Resolve(p);
                if (v is not null) XmlListReader.AddDistinct(programs, v);
            }

            load.Add(new WatchlistEntry
            {
                Id = id,
                Type = type,
                Names = names,
                Countries = countries,
                Identifiers = identifiers,
                Programs = programs,
                Addresses = addresses,
                Remarks = XmlListReader.Text(gi, _ns + "remarks"),
                SourceReference = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=" + Uri.EscapeDataString(id),
                Tags = tags,
                Links = ReadLinks(e),
            }, line, "entity/@id", static (e, _, _) => $"entity id '{e.Id}' occurs more than once");
        }

        // relationships/relationship: the type as OFAC words it and the related entity's name and id.
        private List<EntryLink> ReadLinks(XElement e)
        {
            var links = new List<EntryLink>();
            foreach (var r in Children(e, "relationships", "relationship"))
            {
                var related = r.Element(_ns + "relatedEntity");
                var name = XmlListReader.Clean(related?.Value);
                if (name is null) continue;
                var link = new EntryLink(Resolve(r.Element(_ns + "type")) ?? "Related to", name, XmlListReader.Clean((string?)related!.Attribute("entityId")));
                if (!links.Contains(link)) links.Add(link);
            }
            return links;
        }

        private IEnumerable<XElement> Children(XElement e, string container, string item)
        {
            var c = e.Element(_ns + container);
            return c is null ? [] : c.Elements(_ns + item);
        }

        private List<EntryName> ReadNames(XElement e, string id, long line)
        {
            var primary = new List<EntryName>();
            var aliases = new List<EntryName>();
            var primaries = 0;
            foreach (var n in Children(e, "names", "name"))
            {
                var isPrimary = IsTrue(n, "isPrimary");
                var lowQuality = IsTrue(n, "isLowQuality");
                var aliasType = Resolve(n.Element(_ns + "aliasType"))?.Replace(".", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
                NameStrength strength;
                if (isPrimary && primaries++ == 0) strength = NameStrength.Primary;
                else if (lowQuality) strength = NameStrength.Weak;
                else if (aliasType == "FKA") strength = NameStrength.Former;
                else strength = NameStrength.Strong;
                if (isPrimary && strength != NameStrength.Primary)
                    load.Warn(line, "names/name/isPrimary", $"entity {id} has more than one primary name; the extra one is kept as an alias");
                if (aliasType is not null && aliasType is not ("AKA" or "FKA" or "NKA"))
                    load.Warn(line, "names/name/aliasType", $"entity {id}: unknown alias type '{aliasType}' read as a.k.a.");

                var target = strength == NameStrength.Primary ? primary : aliases;
                var translations = n.Element(_ns + "translations")?.Elements(_ns + "translation").ToList() ?? [];
                // The primary (Latin) translation leads; other scripts follow in document order.
                translations.Sort((a, b) => IsTrue(b, "isPrimary").CompareTo(IsTrue(a, "isPrimary")));
                var first = true;
                foreach (var tr in translations)
                {
                    var value = TranslationName(tr);
                    if (value is null) continue;
                    // Another script's rendering of the primary name is a strong alias, not a second primary.
                    XmlListReader.AddName(target, value, strength == NameStrength.Primary && !first ? NameStrength.Strong : strength);
                    first = false;
                }
            }

            if (primary.Count == 0 && aliases.Count > 0)
            {
                var promote = aliases.FindIndex(a => a.Strength is NameStrength.Strong or NameStrength.Former);
                if (promote < 0) promote = 0;
                load.Warn(line, "names", $"entity {id} has no primary name; alias '{aliases[promote].Value}' is used as the primary name");
                primary.Add(aliases[promote] with { Strength = NameStrength.Primary });
                aliases.RemoveAt(promote);
            }
            foreach (var a in aliases) XmlListReader.AddName(primary, a.Value, a.Strength);
            return primary;
        }

        private bool IsTrue(XElement parent, string child) =>
            string.Equals(XmlListReader.Text(parent, _ns + child), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>formattedFullName, else last and first name, else the name parts.</summary>
        private string? TranslationName(XElement tr)
        {
            var full = XmlListReader.Text(tr, _ns + "formattedFullName");
            if (full is not null) return full;
            var last = XmlListReader.Text(tr, _ns + "formattedLastName");
            var first = XmlListReader.Text(tr, _ns + "formattedFirstName");
            if (last is not null || first is not null) return last is not null && first is not null ? $"{last}, {first}" : last ?? first;

            string? lastParts = null;
            string? otherParts = null;
            var parts = tr.Element(_ns + "nameParts");
            if (parts is null) return null;
            foreach (var np in parts.Elements(_ns + "namePart"))
            {
                var value = XmlListReader.Text(np, _ns + "value");
                if (value is null) continue;
                if (string.Equals(Resolve(np.Element(_ns + "type")), "Last Name", StringComparison.OrdinalIgnoreCase))
                    lastParts = lastParts is null ? value : lastParts + " " + value;
                else
                    otherParts = otherParts is null ? value : otherParts + " " + value;
            }
            return lastParts is not null && otherParts is not null ? $"{lastParts}, {otherParts}" : lastParts ?? otherParts;
        }

        private List<EntryAddress> ReadAddresses(XElement e, string id, long line, List<string> countries)
        {
            var list = new List<EntryAddress>();
            foreach (var a in Children(e, "addresses", "address"))
            {
                var countryEl = a.Element(_ns + "country");
                var countryName = Resolve(countryEl);
                var code = Country(countryEl, id, line, "addresses/address/country");
                if (code is not null) XmlListReader.AddDistinct(countries, code);

                // The primary translation carries the Latin address; others repeat it in another script.
                var translations = a.Element(_ns + "translations")?.Elements(_ns + "translation").ToList() ?? [];
                var tr = translations.Find(t => IsTrue(t, "isPrimary")) ?? (translations.Count > 0 ? translations[0] : null);
                string? street = null, city = null;
                if (tr?.Element(_ns + "addressParts") is { } parts)
                {
                    foreach (var p in parts.Elements(_ns + "addressPart"))
                    {
                        var value = XmlListReader.Text(p, _ns + "value");
                        if (value is null) continue;
                        var kind = Resolve(p.Element(_ns + "type"))?.ToUpperInvariant();
                        if (kind is "ADDRESS1" or "ADDRESS2" or "ADDRESS3") street = street is null ? value : street + ", " + value;
                        else city = city is null ? value : city + ", " + value;
                    }
                }
                if (street is null && city is null && countryName is null) continue;
                list.Add(new EntryAddress(street, city, countryName, code));
            }
            return list;
        }

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

        private void ReadFeatures(XElement e, string id, long line, List<EntryIdentifier> identifiers, List<string> countries, List<string> tags)
        {
            foreach (var f in Children(e, "features", "feature"))
            {
                var type = XmlListReader.Text(f, _ns + "type");
                var value = XmlListReader.Text(f, _ns + "value");
                if (type is null) continue;
                var valueRef = XmlListReader.Text(f, _ns + "valueRefId");
                if (valueRef is not null && _refs.TryGetValue(valueRef, out var rv))
                {
                    if (rv.Type == "COUNTRY")
                    {
                        // Nationality, citizenship, registration country, vessel flag: all country-valued features.
                        var code = CountryCode(rv.IsoCode, rv.Value, id, line, "features/feature/valueRefId");
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

        private void ReadDocuments(XElement e, string id, long line, List<EntryIdentifier> identifiers, List<string> countries)
        {
            foreach (var d in Children(e, "identityDocuments", "identityDocument"))
            {
                var number = XmlListReader.Text(d, _ns + "documentNumber");
                if (number is null) continue;
                var type = Resolve(d.Element(_ns + "type")) ?? "Identity document";
                var code = Country(d.Element(_ns + "issuingCountry"), id, line, "identityDocuments/identityDocument/issuingCountry");
                XmlListReader.AddIdentifier(identifiers, new EntryIdentifier(type, number, code));
                if (code is not null) XmlListReader.AddDistinct(countries, code);
            }
        }

        private string? Country(XElement? el, string id, long line, string field)
        {
            if (el is null) return null;
            var refId = (string?)el.Attribute("refId");
            if (refId is not null && _refs.TryGetValue(refId.Trim(), out var rv) && rv.Type == "COUNTRY")
                return CountryCode(rv.IsoCode, rv.Value, id, line, field);
            return CountryCode(null, XmlListReader.Clean(el.Value), id, line, field);
        }

        private string? CountryCode(string? iso, string? name, string id, long line, string field)
        {
            if (iso is { Length: 2 } && char.IsAsciiLetterUpper(iso[0]) && char.IsAsciiLetterUpper(iso[1])) return iso;
            if (name is null) return null;
            if (CountryCodes.TryGetCode(name, out var code)) return code;
            // OFAC writes sub-national areas as "Region: Gaza".
            if (name.StartsWith("Region:", StringComparison.OrdinalIgnoreCase) && CountryCodes.TryGetCode(name["Region:".Length..], out code)) return code;
            if (!name.Equals("undetermined", StringComparison.OrdinalIgnoreCase) && _unknownCountries.Add(name))
                load.Warn(line, field, $"entity {id}: country '{name}' has no ISO code and is kept only as text (reported once per file)");
            return null;
        }
    }
}
