using System.Globalization;
using System.Text;
using Screening.Watchlists;

namespace Screening.Watchlists;

/// <summary>
/// Loads the US Consolidated Screening List (trade.gov CSL) from its <c>consolidated.csv</c> download: one list
/// (<c>us-csl</c>) holding the records of the Entity List, MEU, SDN, SSI, CMIC, DPL, UVL, ISN, ITAR Debarred, PLC,
/// CAPTA, NS-MBS and FSE lists.
/// </summary>
/// <remarks>
/// <para>Each record becomes one entry. Its id is <c>entity_number</c> when present (the OFAC entry number), else
/// <c>_id</c>; a party listed by several Treasury lists shares its entity number, so such ids are reported as
/// <see cref="LoadIssueKind.Duplicate"/> and every record is still loaded. Each entry carries the tag
/// <c>list:&lt;short name&gt;</c> (<c>list:Entity List</c>, <c>list:MEU</c>, <c>list:SDN</c>, <c>list:SSI</c>,
/// <c>list:CMIC</c>, <c>list:DPL</c>, <c>list:UVL</c>, <c>list:ISN</c>, <c>list:ITAR Debarred</c>, <c>list:PLC</c>,
/// <c>list:CAPTA</c>, <c>list:NS-MBS</c>, <c>list:FSE</c>) and an <see cref="EntrySource"/> with the long
/// <c>source</c> string, the programs, the Federal Register citation and the <c>start_date</c>.</para>
/// <para>Names: <c>name</c>, then every <c>alt_names</c> item as a strong alias (a former name when it starts with
/// <c>f.k.a.</c>), without the Entity List's list prose (a leading <c>and </c> or <c>-</c>; a parenthesised note goes
/// to the remarks). Countries: the address countries,
/// then nationalities and citizenships. Identifiers: the <c>ids</c> items that identify the party (passport, tax id,
/// registration number, website, ...) and <c>call_sign</c>; the other <c>ids</c> items (gender, sanctions
/// information, listing dates, organization type, aircraft model), <c>title</c>, dates and places of birth, vessel
/// details and the Entity List license requirement and policy go to <see cref="WatchlistEntry.Remarks"/> after the
/// <c>remarks</c> column. The Treasury records' <c>(Linked To: X; Linked To: Y)</c> remarks also become
/// <see cref="WatchlistEntry.Links"/> (by name: the CSL gives no id of the linked party).</para>
/// <para>Version: the file states no publication date, so <see cref="WatchlistVersion.PublishedAt"/> is null and the
/// label is the newest <c>start_date</c> in the file, marked as such (e.g. <c>2022-04-21 (newest start_date)</c>) —
/// a data date, not a publication date. <see cref="WatchlistVersion.Sha256"/> is the hash of the file's bytes.</para>
/// <para>Required header columns: <c>_id</c>, <c>source</c>, <c>name</c>, <c>type</c>, <c>programs</c>,
/// <c>addresses</c>, <c>alt_names</c>, <c>ids</c>; a missing one is a <see cref="WatchlistFormatException"/> naming
/// it. Other known columns are optional (a warning names each missing one). A row whose field count differs from the
/// header's, or with no name or no id, is rejected.</para>
/// </remarks>
public sealed class CslProvider : IWatchlistProvider, IWatchlistFileSource
{
    /// <summary>The list id: <c>us-csl</c>.</summary>
    public const string ListId = "us-csl";

    /// <summary>The list's display name.</summary>
    public const string ListName = "US Consolidated Screening List";

    /// <summary>The columns without which the file is not a CSL export.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["_id", "source", "name", "type", "programs", "addresses", "alt_names", "ids"];

    private static readonly string[] OptionalColumns =
    [
        "entity_number", "title", "federal_register_notice", "start_date", "end_date", "license_requirement",
        "license_policy", "call_sign", "vessel_type", "gross_tonnage", "gross_registered_tonnage", "vessel_flag", "vessel_owner",
        "remarks", "source_list_url", "citizenships", "dates_of_birth", "nationalities", "places_of_birth", "source_information_url",
    ];

    private readonly Func<Stream> _open;
    private readonly string _file;

    /// <summary>Creates a provider that reads <c>consolidated.csv</c> from a path.</summary>
    /// <param name="path">The CSV file.</param>
    public CslProvider(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _open = () => CsvSupport.OpenFile(path);
        _file = path;
        Source = "csl:" + path;
        SourceFiles = [Path.GetFullPath(path)];
    }

    /// <summary>Creates a provider that reads a stream opened on each load.</summary>
    /// <param name="open">Opens the CSV stream; called once per load.</param>
    /// <param name="source">The name used in messages and as <see cref="Source"/>.</param>
    public CslProvider(Func<Stream> open, string source)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _open = open;
        _file = source;
        Source = source;
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <summary>
    /// The file's text encoding when it has no byte-order mark. Default <see cref="CsvTextEncoding.Utf8"/>, as trade.gov
    /// publishes it: bytes that are not valid UTF-8 are a <see cref="WatchlistFormatException"/> naming the line and byte
    /// offset, never silently replaced. In a list SPEC: <c>csl:FILE?encoding=latin1</c>.
    /// </summary>
    public CsvTextEncoding Encoding { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<string> SourceFiles { get; } = [];

    /// <inheritdoc />
    public async Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default)
    {
        var bytes = await CsvSupport.ReadAllAsync(_open, _file, cancellationToken).ConfigureAwait(false);
        return Parse(bytes, _file, cancellationToken, Encoding);
    }

    /// <summary>Parses a CSL CSV held in memory.</summary>
    internal static Watchlist Parse(byte[] bytes, string file, CancellationToken cancellationToken, CsvTextEncoding encoding = CsvTextEncoding.Utf8)
    {
        using var load = new WatchlistAccumulator(file);
        load.AppendSource(bytes);
        using var csv = CsvSupport.OpenReader(bytes, file, CsvSupport.Decoder(encoding),
            "; if the file is Latin-1 or Windows-1252, say so (CslProvider.Encoding, or csl:FILE?encoding=latin1 in a list SPEC)", ',');
        if (!csv.TryReadRecord(out var headerFields))
            throw new WatchlistFormatException(file, 0, null, "the file is empty: the header row is missing");
        var header = headerFields.ToArray();
        var c = new Columns(header, csv.RecordLine, load);
        csv.FieldNames = header;

        var unknownSources = new HashSet<string>(StringComparer.Ordinal);
        DateOnly? newest = null;
        while (csv.TryReadRecord(out var f))
        {
            if ((load.CountRow() & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
            var line = csv.RecordLine;
            if (f.Count != header.Length)
            {
                load.Reject(line, null, $"the row has {f.Count} fields, the header has {header.Length}");
                continue;
            }
            var name = CslFields.RepairCp1252(c.Get(f, c.Name), out var repaired);
            if (name.Length == 0)
            {
                load.Reject(line, "name", "the name is empty");
                continue;
            }
            if (repaired) load.Warn(line, "name", $"control characters read as Windows-1252 punctuation: '{name}'");
            var entityNumber = c.Get(f, c.EntityNumber);
            var id = entityNumber.Length > 0 ? entityNumber : c.Get(f, c.Id);
            if (id.Length == 0)
            {
                load.Reject(line, "_id", "the record has neither entity_number nor _id");
                continue;
            }

            var source = c.Get(f, c.Source);
            var shortName = source.Length == 0 ? null : CslSources.ShortName(source);
            if (source.Length == 0)
                load.Warn(line, "source", "the source list is empty; no list: tag");
            else if (shortName is null && unknownSources.Add(source))
                load.Warn(line, "source", $"unknown source list '{source}'; tagged with the full string");
            var listTag = shortName ?? (source.Length == 0 ? null : source);

            var type = ParseType(c.Get(f, c.Type), line, load);
            var names = new List<EntryName> { new(name) };
            var seenNames = new List<string> { name };
            var facts = new List<string>();
            foreach (var item in CsvSupport.SplitList(c.Get(f, c.AltNames), ";"))
            {
                var alias = CslFields.CleanAlias(CslFields.RepairCp1252(item, out _), out var strength);
                if (alias is null)
                {
                    if (item.StartsWith('(')) facts.Add(item);
                    continue;
                }
                if (seenNames.Contains(alias, StringComparer.Ordinal)) continue;
                seenNames.Add(alias);
                names.Add(new EntryName(alias, strength));
            }

            var countries = new List<string>();
            var addresses = new List<EntryAddress>();
            foreach (var text in c.Get(f, c.Addresses).Split(CslFields.ItemSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var address = CslFields.ParseAddress(text);
                if (address is null) continue;
                addresses.Add(address);
                if (address.CountryCode is not null) CsvSupport.AddDistinct(countries, address.CountryCode);
            }
            AddCodes(countries, c.Get(f, c.Nationalities));
            AddCodes(countries, c.Get(f, c.Citizenships));

            var identifiers = new List<EntryIdentifier>();
            CslFields.ParseIds(c.Get(f, c.Ids), identifiers, facts);
            var callSign = c.Get(f, c.CallSign);
            if (callSign.Length > 0) identifiers.Add(new EntryIdentifier("Call Sign", callSign));

            var programs = CsvSupport.SplitList(c.Get(f, c.Programs), ";");
            var startDate = c.Get(f, c.StartDate);
            if (CslFields.IsIsoDate(startDate))
            {
                var d = DateOnly.ParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (newest is null || d > newest) newest = d;
            }
            var citation = c.Get(f, c.FederalRegisterNotice);
            var infoUrl = c.Get(f, c.SourceInformationUrl);
            var listUrl = c.Get(f, c.SourceListUrl);

            load.Add(new WatchlistEntry
            {
                Id = id,
                Type = type,
                Names = names,
                Countries = countries,
                Identifiers = identifiers,
                Programs = programs,
                Addresses = addresses,
                Remarks = Remarks(c, f, facts),
                SourceReference = infoUrl.Length > 0 ? infoUrl : listUrl.Length > 0 ? listUrl : null,
                Tags = listTag is null ? [] : ["list:" + listTag],
                Sources = [new EntrySource(source.Length > 0 ? source : ListName, id, programs, citation.Length > 0 ? citation : null, startDate.Length > 0 ? startDate : null)],
                Links = CslFields.ParseLinks(c.Get(f, c.Remarks)),
            }, line, entityNumber.Length > 0 ? "entity_number" : "_id", static (e, first, firstRow) =>
                $"entry id '{e.Id}' ({ListTag(e)}) also at line {firstRow} ({ListTag(first)}); both loaded");
        }
        cancellationToken.ThrowIfCancellationRequested();
        return load.Build(ListId, ListName, label: newest is { } n ? n.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (newest start_date)" : null);
    }

    // The short list name an entry is tagged with, "?" when it has none.
    private static string ListTag(WatchlistEntry e) => e.Tags.Count > 0 ? e.Tags[0]["list:".Length..] : "?";

    private static EntityType ParseType(string text, long line, WatchlistAccumulator load)
    {
        switch (text.ToUpperInvariant())
        {
            case "": return EntityType.Unknown;
            case "ENTITY": return EntityType.Organization;
            case "INDIVIDUAL": return EntityType.Person;
            case "VESSEL": return EntityType.Vessel;
            case "AIRCRAFT": return EntityType.Aircraft;
            default:
                load.Warn(line, "type", $"unknown type '{text}'; loaded as Unknown");
                return EntityType.Unknown;
        }
    }

    private static void AddCodes(List<string> countries, string cell)
    {
        foreach (var part in CsvSupport.SplitList(cell, ";"))
        {
            if (CountryCodes.TryGetCode(part, out var code)) CsvSupport.AddDistinct(countries, code);
        }
    }

    private static string? Remarks(Columns c, IReadOnlyList<string> f, List<string> facts)
    {
        var parts = new List<string>();
        void Add(string label, int column)
        {
            var v = c.Get(f, column);
            if (v.Length > 0) parts.Add(label.Length == 0 ? v : $"{label}: {v}");
        }
        Add("", c.Remarks);
        Add("Title", c.Title);
        Add("Date of birth", c.DatesOfBirth);
        Add("Place of birth", c.PlacesOfBirth);
        Add("Vessel type", c.VesselType);
        Add("Vessel flag", c.VesselFlag);
        Add("Vessel owner", c.VesselOwner);
        Add("Gross tonnage", c.GrossTonnage);
        Add("Gross registered tonnage", c.GrossRegisteredTonnage);
        Add("License requirement", c.LicenseRequirement);
        Add("License policy", c.LicensePolicy);
        Add("End date", c.EndDate);
        parts.AddRange(facts);
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    // Column positions from the header; -1 for an absent optional column.
    private sealed class Columns
    {
        public readonly int Id, Source, EntityNumber, Type, Programs, Name, Title, Addresses, FederalRegisterNotice, StartDate, EndDate,
            LicenseRequirement, LicensePolicy, CallSign, VesselType, GrossTonnage, GrossRegisteredTonnage, VesselFlag, VesselOwner,
            Remarks, SourceListUrl, AltNames, Citizenships, DatesOfBirth, Nationalities, PlacesOfBirth, SourceInformationUrl, Ids;

        public Columns(string[] header, long line, WatchlistAccumulator load)
        {
            var index = CsvSupport.IndexHeader(header, out var ambiguous);
            foreach (var name in RequiredColumns)
            {
                if (!index.ContainsKey(name))
                    throw new WatchlistFormatException(load.File, line, name, $"required column '{name}' is missing from the header");
                if (ambiguous.Contains(name))
                    throw new WatchlistFormatException(load.File, line, name, $"column '{name}' occurs more than once in the header");
            }
            foreach (var name in OptionalColumns)
            {
                if (!index.ContainsKey(name))
                    load.Warn(line, name, $"optional column '{name}' is absent; its data is not loaded");
                else if (ambiguous.Contains(name))
                    throw new WatchlistFormatException(load.File, line, name, $"column '{name}' occurs more than once in the header");
            }
            int At(string name) => index.TryGetValue(name, out var i) ? i : -1;
            Id = At("_id");
            Source = At("source");
            EntityNumber = At("entity_number");
            Type = At("type");
            Programs = At("programs");
            Name = At("name");
            Title = At("title");
            Addresses = At("addresses");
            FederalRegisterNotice = At("federal_register_notice");
            StartDate = At("start_date");
            EndDate = At("end_date");
            LicenseRequirement = At("license_requirement");
            LicensePolicy = At("license_policy");
            CallSign = At("call_sign");
            VesselType = At("vessel_type");
            GrossTonnage = At("gross_tonnage");
            GrossRegisteredTonnage = At("gross_registered_tonnage");
            VesselFlag = At("vessel_flag");
            VesselOwner = At("vessel_owner");
            Remarks = At("remarks");
            SourceListUrl = At("source_list_url");
            AltNames = At("alt_names");
            Citizenships = At("citizenships");
            DatesOfBirth = At("dates_of_birth");
            Nationalities = At("nationalities");
            PlacesOfBirth = At("places_of_birth");
            SourceInformationUrl = At("source_information_url");
            Ids = At("ids");
        }

        public string Get(IReadOnlyList<string> fields, int column) =>
            column >= 0 && column < fields.Count ? fields[column].Trim() : "";
    }
}
