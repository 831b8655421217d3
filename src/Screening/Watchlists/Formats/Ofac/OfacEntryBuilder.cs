namespace Screening.Watchlists;

/// <summary>
/// One entry of OFAC's legacy files while its rows are joined: the primary row's fields, then the aliases, addresses
/// and remarks overflow of the other files; <see cref="Build"/> reads the remarks and assembles the entry.
/// </summary>
/// <remarks>Rows of a repeated entry number are chained through <see cref="NextSameId"/> so related rows apply to both.</remarks>
internal sealed class OfacEntryBuilder(string id, EntityType type, string name, long line, string fileName)
{
    public string Id { get; } = id;
    public long Line { get; } = line;
    public OfacEntryBuilder? NextSameId { get; set; }
    public List<string> Programs { get; init; } = [];
    public string? Title { get; init; }
    public string? CallSign { get; init; }
    public string? VesselType { get; init; }
    public string? Tonnage { get; init; }
    public string? Grt { get; init; }
    public string? VesselFlag { get; init; }
    public string? VesselOwner { get; init; }
    public string? Remarks { get; set; }
    public List<EntryName> Aliases { get; } = [];
    public List<EntryAddress> Addresses { get; } = [];

    public WatchlistEntry Build(CountryLookup lookup)
    {
        var remarks = Remarks?.Trim();
        if (remarks?.Length == 0) remarks = null;
        var names = new List<EntryName>(1 + Aliases.Count) { new(name, NameStrength.Primary) };
        foreach (var a in Aliases) AddName(names, a);
        var remarkNames = new List<EntryName>();
        OfacRemarks.ParseAliases(remarks, remarkNames);
        foreach (var a in remarkNames) AddName(names, a);

        // Countries: addresses first, then nationality/citizenship, identifier issuers, and a vessel's flag.
        var countries = new List<string>();
        foreach (var a in Addresses)
            if (a.CountryCode is { } c && !countries.Contains(c)) countries.Add(c);
        var identifiers = new List<EntryIdentifier>();
        if (CallSign is not null) identifiers.Add(new EntryIdentifier("Call Sign", CallSign));
        var links = new List<EntryLink>();
        OfacRemarks.ParseSegments(remarks, identifiers, countries, links, lookup);
        foreach (var i in identifiers)
            if (i.Country is { } c && !countries.Contains(c)) countries.Add(c);
        if (VesselFlag is not null && lookup.TryGet(VesselFlag, out var flag) && !countries.Contains(flag)) countries.Add(flag);

        var tags = new List<string>();
        if (Title is not null) tags.Add("title:" + Title);
        if (VesselType is not null) tags.Add("vessel-type:" + VesselType);
        if (VesselFlag is not null) tags.Add("vessel-flag:" + VesselFlag);
        if (VesselOwner is not null) tags.Add("vessel-owner:" + VesselOwner);
        if (Tonnage is not null) tags.Add("tonnage:" + Tonnage);
        if (Grt is not null) tags.Add("grt:" + Grt);

        return new WatchlistEntry
        {
            Id = Id,
            Type = type,
            Names = names,
            Countries = countries,
            Identifiers = identifiers,
            Programs = Programs,
            Addresses = Addresses,
            Remarks = remarks,
            SourceReference = $"{fileName} line {Line}",
            Tags = tags,
            Links = links,
        };
    }

    // Keeps the first (strongest-listed) occurrence of a name; later spellings that differ only in case are dropped.
    private static void AddName(List<EntryName> names, EntryName name)
    {
        foreach (var n in names)
            if (string.Equals(n.Value, name.Value, StringComparison.OrdinalIgnoreCase)) return;
        names.Add(name);
    }
}
