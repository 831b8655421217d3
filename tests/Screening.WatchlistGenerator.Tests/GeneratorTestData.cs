using Screening.Watchlists;

namespace Screening.WatchlistGenerator.Tests;

/// <summary>Hand-built source records, copied from real OFAC and BIS records (public domain) unless a test says otherwise.</summary>
internal static class GeneratorTestData
{
    public static WatchlistEntry Entry(
        string id,
        string name,
        EntityType type = EntityType.Organization,
        string[]? programs = null,
        string[]? countries = null,
        string? remarks = null,
        EntryIdentifier[]? identifiers = null,
        EntryName[]? aliases = null,
        EntryAddress[]? addresses = null,
        EntrySource[]? sources = null)
    {
        var names = new List<EntryName> { new(name) };
        if (aliases is not null) names.AddRange(aliases);
        var addr = addresses?.ToList() ?? [];
        if (addresses is null && countries is not null)
            foreach (var c in countries) addr.Add(new EntryAddress(null, null, null, c));
        return new WatchlistEntry
        {
            Id = id,
            Type = type,
            Names = names,
            Countries = countries ?? [],
            Programs = programs ?? [],
            Remarks = remarks,
            Identifiers = identifiers ?? [],
            Addresses = addr,
            Sources = sources ?? [],
        };
    }

    public static SourceRecord Sdn(string id, string name, string[]? programs = null, string[]? countries = null, string? remarks = null,
        EntryIdentifier[]? identifiers = null, EntryName[]? aliases = null, EntryAddress[]? addresses = null, EntityType type = EntityType.Organization) =>
        new(SourceList.OfacSdn, Entry(id, name, type, programs ?? ["RUSSIA-EO14024"], countries, remarks, identifiers, aliases, addresses));

    public static SourceRecord NonSdn(string id, string name, string[]? programs = null, string[]? countries = null, string? remarks = null,
        EntryIdentifier[]? identifiers = null) =>
        new(SourceList.OfacNonSdn, Entry(id, name, EntityType.Organization, programs ?? ["UKRAINE-EO13662"], countries, remarks, identifiers));

    public static SourceRecord EntityList(string id, string name, string[]? countries = null, string? citation = null, string? date = null,
        EntryName[]? aliases = null, EntryAddress[]? addresses = null) =>
        new(SourceList.BisEntityList, Entry(id, name, EntityType.Unknown, [], countries, null, null, aliases, addresses,
            [new EntrySource("Entity List (EL) - Bureau of Industry and Security", id, [], citation, date)]));

    /// <summary>SDN 46431 as the 2024-05-03 sdn.csv and the 2026 alt.csv/add.csv give it.</summary>
    public static SourceRecord Kupol() => Sdn("46431", "JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL",
        countries: ["RU"],
        remarks: "Website www.kupol.ru; Organization Established Date 23 Apr 2002; alt. Organization Established Date 1957; Tax ID No. 1831083343 (Russia); Government Gazette Number 07502963 (Russia); Business Registration Number 1021801143374 (Russia).",
        identifiers: [new("Tax ID No.", "1831083343", "RU"), new("Government Gazette Number", "07502963", "RU"), new("Business Registration Number", "1021801143374", "RU")],
        aliases: [new("JSC IEMZ KUPOL", NameStrength.Strong), new("AO IEMZ KUPOL", NameStrength.Strong)],
        addresses: [new("ul. Pesochnaya 3", "Izhevsk, Udmurtia Republic 426033", "Russia", "RU")]);
}
