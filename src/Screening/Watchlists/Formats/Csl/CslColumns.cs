namespace Screening.Watchlists;

/// <summary>The CSL columns' positions from the header; -1 for an absent optional column.</summary>
internal sealed class CslColumns
{
    private static readonly string[] OptionalColumns =
    [
        "entity_number", "title", "federal_register_notice", "start_date", "end_date", "license_requirement",
        "license_policy", "call_sign", "vessel_type", "gross_tonnage", "gross_registered_tonnage", "vessel_flag", "vessel_owner",
        "remarks", "source_list_url", "citizenships", "dates_of_birth", "nationalities", "places_of_birth", "source_information_url",
    ];

    public readonly int Id, Source, EntityNumber, Type, Programs, Name, Title, Addresses, FederalRegisterNotice, StartDate, EndDate,
        LicenseRequirement, LicensePolicy, CallSign, VesselType, GrossTonnage, GrossRegisteredTonnage, VesselFlag, VesselOwner,
        Remarks, SourceListUrl, AltNames, Citizenships, DatesOfBirth, Nationalities, PlacesOfBirth, SourceInformationUrl, Ids;

    public CslColumns(string[] header, long line, WatchlistAccumulator load)
    {
        var index = CsvSupport.IndexHeader(header, out var ambiguous);
        foreach (var name in CslProvider.RequiredColumns)
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
