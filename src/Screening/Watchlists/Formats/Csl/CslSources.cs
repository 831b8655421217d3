namespace Screening.Watchlists;

/// <summary>Short names of the CSL's source lists, as used in the <c>list:</c> tags.</summary>
internal static class CslSources
{
    // The `source` strings of the trade.gov CSL file (2022 wording).
    private static readonly Dictionary<string, string> ByLongName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Entity List (EL) - Bureau of Industry and Security"] = "Entity List",
        ["Military End User (MEU) List - Bureau of Industry and Security"] = "MEU",
        ["Specially Designated Nationals (SDN) - Treasury Department"] = "SDN",
        ["Sectoral Sanctions Identifications List (SSI) - Treasury Department"] = "SSI",
        ["Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department"] = "CMIC",
        ["Denied Persons List (DPL) - Bureau of Industry and Security"] = "DPL",
        ["Unverified List (UVL) - Bureau of Industry and Security"] = "UVL",
        ["Nonproliferation Sanctions (ISN) - State Department"] = "ISN",
        ["ITAR Debarred (DTC) - State Department"] = "ITAR Debarred",
        ["Palestinian Legislative Council List (PLC) - Treasury Department"] = "PLC",
        ["Capta List (CAP) - Treasury Department"] = "CAPTA",
        ["Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"] = "NS-MBS",
        ["Foreign Sanctions Evaders (FSE) - Treasury Department"] = "FSE",
    };

    // The abbreviation in parentheses, so a reworded `source` of a later file still maps.
    private static readonly Dictionary<string, string> ByAbbreviation = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EL"] = "Entity List",
        ["MEU"] = "MEU",
        ["SDN"] = "SDN",
        ["SSI"] = "SSI",
        ["CMIC"] = "CMIC",
        ["NS-CMIC"] = "CMIC",
        ["DPL"] = "DPL",
        ["UVL"] = "UVL",
        ["ISN"] = "ISN",
        ["DTC"] = "ITAR Debarred",
        ["PLC"] = "PLC",
        ["CAP"] = "CAPTA",
        ["CAPTA"] = "CAPTA",
        ["NS-MBS List"] = "NS-MBS",
        ["NS-MBS"] = "NS-MBS",
        ["FSE"] = "FSE",
    };

    /// <summary>The short name of a CSL <c>source</c> string, or null when it is not a known list.</summary>
    public static string? ShortName(string source)
    {
        var s = source.Trim();
        if (ByLongName.TryGetValue(s, out var known)) return known;
        var open = s.IndexOf('(', StringComparison.Ordinal);
        var close = open < 0 ? -1 : s.IndexOf(')', open + 1);
        if (close > open + 1 && ByAbbreviation.TryGetValue(s[(open + 1)..close].Trim(), out var byAbbreviation)) return byAbbreviation;
        return null;
    }
}
