using System.Xml.Linq;

namespace Screening.Watchlists;

/// <summary>
/// Loads the UN Security Council Consolidated List XML (<c>consolidated.xml</c> from scsanctions.un.org). List SPEC
/// kind: <c>un:FILE</c>; list id <c>un</c>.
/// </summary>
/// <remarks>
/// <para>
/// The document is streamed with an <see cref="System.Xml.XmlReader"/>; only one <c>INDIVIDUAL</c> or <c>ENTITY</c>
/// is held in memory at a time. DTDs are refused and <see cref="XmlReadLimits"/> bounds the document and each record.
/// The version is the root's <c>dateGenerated</c> attribute plus the SHA-256 of the file.
/// </para>
/// <para>
/// Each record becomes one entry with <c>REFERENCE_NUMBER</c> (e.g. <c>QDi.001</c>) as its id (<c>DATAID</c> when
/// the reference number is missing, with a warning); the source reference is <c>FILE#DATAID=N</c>. Individuals:
/// <c>FIRST_NAME</c> to <c>FOURTH_NAME</c> joined by spaces is the primary name. Entities: <c>FIRST_NAME</c> is the
/// primary name, and when it lists several names separated by <c>;</c> each part is also a strong alias.
/// <c>NAME_ORIGINAL_SCRIPT</c> is a strong alias. Alias quality <c>Good</c> or <c>a.k.a.</c> is strong, <c>Low</c> is
/// weak, <c>f.k.a.</c> is former. <c>UN_LIST_TYPE</c> is the program, <c>COMMENTS1</c> the remarks; nationalities and
/// address countries become ISO codes, and individuals' documents become identifiers. A record with no name at all
/// (or no id) is reported as <see cref="LoadIssueKind.Rejected"/> with its line.
/// </para>
/// </remarks>
public sealed class UnConsolidatedXmlProvider : IWatchlistProvider, IWatchlistFileSource
{
    /// <summary>The list id.</summary>
    public const string ListId = "un";

    private readonly Func<Stream> _open;
    private readonly string _file;
    private readonly XmlReadLimits _limits;

    /// <summary>Creates a provider that reads a file.</summary>
    /// <param name="path">The XML file.</param>
    /// <param name="limits">Size limits; <see cref="XmlReadLimits.Default"/> when <see langword="null"/>.</param>
    public UnConsolidatedXmlProvider(string path, XmlReadLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _open = () => ListFiles.OpenRead(path, asynchronous: true);
        _file = path;
        SourceFiles = [Path.GetFullPath(path)];
        _limits = limits ?? XmlReadLimits.Default;
        Source = "un:" + path;
    }

    /// <summary>Creates a provider that reads a stream opened on each load.</summary>
    /// <param name="open">Opens the stream; called once per load, and the stream is disposed after it.</param>
    /// <param name="source">The name used in messages, e.g. a file name or URL.</param>
    /// <param name="limits">Size limits; <see cref="XmlReadLimits.Default"/> when <see langword="null"/>.</param>
    public UnConsolidatedXmlProvider(Func<Stream> open, string source, XmlReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _open = open;
        _file = source;
        _limits = limits ?? XmlReadLimits.Default;
        Source = "un:" + source;
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SourceFiles { get; } = [];

    /// <inheritdoc />
    public Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default) =>
        XmlListReader.LoadAsync(_open, _file, _limits, (r, load, ct) => new Reader(r, load).ReadAsync(ct), cancellationToken);

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

    private sealed class Reader(XmlListReader xml, WatchlistAccumulator load)
    {
        private readonly HashSet<string> _unknownCountries = new(StringComparer.OrdinalIgnoreCase);
        private bool _sawSection;

        private string File => xml.File;

        public async Task<XmlListIdentity> ReadAsync(CancellationToken ct)
        {
            await xml.ReadRootAsync("CONSOLIDATED_LIST", "a UN consolidated list").ConfigureAwait(false);
            var r = xml.Reader;
            var rootLine = xml.Line;
            var generated = r.GetAttribute("dateGenerated");
            var published = XmlListReader.ParseDate(generated);
            if (published is null)
                load.Warn(rootLine, "CONSOLIDATED_LIST/@dateGenerated",
                    generated is null ? "no dateGenerated attribute; the list has no publication date" : $"'{generated}' is not a date; the list has no publication date");

            await xml.ReadChildrenAsync(async _ =>
            {
                var section = r.LocalName;
                var item = section switch { "INDIVIDUALS" => "INDIVIDUAL", "ENTITIES" => "ENTITY", _ => null };
                if (item is null)
                {
                    await xml.SkipAsync().ConfigureAwait(false);
                    return;
                }
                _sawSection = true;
                await xml.ReadChildrenAsync(async line =>
                {
                    if (r.LocalName != item)
                    {
                        load.Warn(line, r.Name, $"unexpected element in '{section}' skipped");
                        await xml.SkipAsync().ConfigureAwait(false);
                        return;
                    }
                    load.CountRow();
                    ReadRecord(await xml.ReadElementAsync(ct).ConfigureAwait(false), line, item == "INDIVIDUAL");
                }, ct).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);

            if (!_sawSection)
                throw new WatchlistFormatException(File, rootLine, "CONSOLIDATED_LIST", "the document has neither 'INDIVIDUALS' nor 'ENTITIES'");
            return new XmlListIdentity(ListId, "UN Security Council Consolidated List", published);
        }

        private static string? Text(XElement e, string name) => XmlListReader.Text(e, name);

        private void ReadRecord(XElement e, long line, bool individual)
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

            var names = new List<EntryName>();
            string? primary;
            if (individual)
            {
                string? joined = null;
                foreach (var part in (ReadOnlySpan<string>)["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"])
                {
                    var p = Text(e, part);
                    if (p is not null) joined = joined is null ? p : joined + " " + p;
                }
                primary = joined;
            }
            else
            {
                primary = Text(e, "FIRST_NAME");
            }

            var aliases = new List<EntryName>();
            var original = Text(e, "NAME_ORIGINAL_SCRIPT");
            if (original is not null) aliases.Add(new EntryName(original, NameStrength.Strong));
            if (!individual && primary is not null && primary.Contains(';', StringComparison.Ordinal))
            {
                // "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)" lists two names.
                foreach (var part in primary.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    aliases.Add(new EntryName(part, NameStrength.Strong));
            }
            foreach (var a in e.Elements(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS"))
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

            if (primary is null)
            {
                if (aliases.Count == 0)
                {
                    load.Reject(line, kind + "/FIRST_NAME", $"{kind} {id} has no name");
                    return;
                }
                var promote = aliases.FindIndex(a => a.Strength != NameStrength.Weak);
                if (promote < 0) promote = 0;
                primary = aliases[promote].Value;
                aliases.RemoveAt(promote);
                load.Warn(line, kind + "/FIRST_NAME", $"{kind} {id} has no name; alias '{primary}' is used as the primary name");
            }
            names.Add(new EntryName(primary, NameStrength.Primary));
            foreach (var a in aliases) XmlListReader.AddName(names, a.Value, a.Strength);

            var countries = new List<string>();
            foreach (var n in e.Elements("NATIONALITY").Elements("VALUE"))
            {
                var code = Country(XmlListReader.Clean(n.Value), id, line, "NATIONALITY/VALUE");
                if (code is not null) XmlListReader.AddDistinct(countries, code);
            }
            var addresses = new List<EntryAddress>();
            foreach (var a in e.Elements(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS"))
            {
                var street = Text(a, "STREET");
                string? city = null;
                foreach (var part in (ReadOnlySpan<string>)["CITY", "STATE_PROVINCE", "ZIP_CODE"])
                {
                    var p = Text(a, part);
                    if (p is not null) city = city is null ? p : city + ", " + p;
                }
                var country = Text(a, "COUNTRY");
                var code = Country(country, id, line, kind + "_ADDRESS/COUNTRY");
                if (code is not null) XmlListReader.AddDistinct(countries, code);
                if (street is null && city is null && country is null) continue;
                addresses.Add(new EntryAddress(street, city, country, code));
            }

            var identifiers = new List<EntryIdentifier>();
            foreach (var d in e.Elements(individual ? "INDIVIDUAL_DOCUMENT" : "ENTITY_DOCUMENT"))
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
                SourceReference = dataId is null ? $"{Path.GetFileName(File)}#{id}" : $"{Path.GetFileName(File)}#DATAID={dataId}",
            }, line, kind + "/REFERENCE_NUMBER", static (e, _, _) => $"entry id '{e.Id}' occurs more than once");
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
}
