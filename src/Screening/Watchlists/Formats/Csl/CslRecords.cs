using System.Globalization;

namespace Screening.Watchlists;

/// <summary>
/// Maps the CSL's data rows to entries: checks a row (field count, name, id), then reads its source list, type,
/// names, places, identifiers and remarks. Keeps the newest <c>start_date</c> for the version label.
/// </summary>
internal sealed class CslRecords(CslColumns c, int headerLength, WatchlistAccumulator load)
{
    private readonly HashSet<string> _unknownSources = new(StringComparer.Ordinal);

    /// <summary>The newest ISO <c>start_date</c> read so far.</summary>
    public DateOnly? Newest { get; private set; }

    /// <summary>Adds the row's entry to the load, or rejects the row.</summary>
    public void Read(IReadOnlyList<string> f, long line)
    {
        if (f.Count != headerLength)
        {
            load.Reject(line, null, $"the row has {f.Count} fields, the header has {headerLength}");
            return;
        }
        var name = CslFields.RepairCp1252(c.Get(f, c.Name), out var repaired);
        if (name.Length == 0)
        {
            load.Reject(line, "name", "the name is empty");
            return;
        }
        if (repaired) load.Warn(line, "name", $"control characters read as Windows-1252 punctuation: '{name}'");
        var entityNumber = c.Get(f, c.EntityNumber);
        var id = entityNumber.Length > 0 ? entityNumber : c.Get(f, c.Id);
        if (id.Length == 0)
        {
            load.Reject(line, "_id", "the record has neither entity_number nor _id");
            return;
        }

        var source = c.Get(f, c.Source);
        var listTag = ListTag(source, line);
        var type = ParseType(c.Get(f, c.Type), line);
        var facts = new List<string>();
        var names = ReadNames(name, c.Get(f, c.AltNames), facts);
        var (countries, addresses) = ReadPlaces(f);
        var identifiers = new List<EntryIdentifier>();
        CslFields.ParseIds(c.Get(f, c.Ids), identifiers, facts);
        var callSign = c.Get(f, c.CallSign);
        if (callSign.Length > 0) identifiers.Add(new EntryIdentifier("Call Sign", callSign));
        var programs = CsvSupport.SplitList(c.Get(f, c.Programs), ";");
        var startDate = c.Get(f, c.StartDate);
        NoteStartDate(startDate);
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
            Remarks = Remarks(f, facts),
            SourceReference = infoUrl.Length > 0 ? infoUrl : listUrl.Length > 0 ? listUrl : null,
            Tags = listTag is null ? [] : ["list:" + listTag],
            Sources = [new EntrySource(source.Length > 0 ? source : CslProvider.ListName, id, programs, citation.Length > 0 ? citation : null, startDate.Length > 0 ? startDate : null)],
            Links = CslFields.ParseLinks(c.Get(f, c.Remarks)),
        }, line, entityNumber.Length > 0 ? "entity_number" : "_id", static (e, first, firstRow) =>
            $"entry id '{e.Id}' ({TagOf(e)}) also at line {firstRow} ({TagOf(first)}); both loaded");
    }

    // The short list name an entry is tagged with, "?" when it has none.
    private static string TagOf(WatchlistEntry e) => e.Tags.Count > 0 ? e.Tags[0]["list:".Length..] : "?";

    // The list: tag of a source list: its short name, else the full string (reported once), none when empty.
    private string? ListTag(string source, long line)
    {
        if (source.Length == 0)
        {
            load.Warn(line, "source", "the source list is empty; no list: tag");
            return null;
        }
        var shortName = CslSources.ShortName(source);
        if (shortName is null && _unknownSources.Add(source))
            load.Warn(line, "source", $"unknown source list '{source}'; tagged with the full string");
        return shortName ?? source;
    }

    private EntityType ParseType(string text, long line)
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

    // The name, then every alt_names item as an alias; a parenthesised note among them goes to the facts.
    private static List<EntryName> ReadNames(string name, string altNames, List<string> facts)
    {
        var names = new List<EntryName> { new(name) };
        var seenNames = new List<string> { name };
        foreach (var item in CsvSupport.SplitList(altNames, ";"))
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
        return names;
    }

    // Countries: the address countries, then nationalities and citizenships.
    private (List<string> Countries, List<EntryAddress> Addresses) ReadPlaces(IReadOnlyList<string> f)
    {
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
        return (countries, addresses);
    }

    private static void AddCodes(List<string> countries, string cell)
    {
        foreach (var part in CsvSupport.SplitList(cell, ";"))
        {
            if (CountryCodes.TryGetCode(part, out var code)) CsvSupport.AddDistinct(countries, code);
        }
    }

    private void NoteStartDate(string startDate)
    {
        if (!CslFields.IsIsoDate(startDate)) return;
        var d = DateOnly.ParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Newest is null || d > Newest) Newest = d;
    }

    // The remarks column, then the facts that have no field of their own.
    private string? Remarks(IReadOnlyList<string> f, List<string> facts)
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
}
