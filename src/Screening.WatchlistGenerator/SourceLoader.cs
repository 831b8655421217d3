using System.Globalization;
using Screening.Watchlists;

namespace Screening.WatchlistGenerator;

/// <summary>
/// Loads the three public-domain US sources from the shared data folder, and nothing else (never the EU, OpenSanctions,
/// METI or negative-set files):
/// <list type="bullet">
/// <item><c>ofac_sdn/</c>: the OFAC SDN legacy CSV set;</item>
/// <item><c>ofac_consolidated_nonsdn/YYYY-MM-DD/</c>: the OFAC consolidated non-SDN legacy CSV set, the newest dated folder;</item>
/// <item><c>us_csl/YYYY-MM[-DD]/consolidated.csv</c>: the trade.gov CSL, the newest dated folder; only its BIS Entity List
/// and MEU records are used (its SDN, SSI and CAPTA records are older copies of the OFAC files above).</item>
/// </list>
/// The legacy OFAC files and the CSL state no publication date, so the dates of the dated folders count as the sources'
/// dates (the list's version is the newest of them).
/// </summary>
internal static class SourceLoader
{
    /// <summary>The SDN folder, relative to the data folder.</summary>
    public const string SdnFolder = "ofac_sdn";

    /// <summary>The parent of the dated non-SDN folders.</summary>
    public const string NonSdnParent = "ofac_consolidated_nonsdn";

    /// <summary>The parent of the dated CSL folders.</summary>
    public const string CslParent = "us_csl";

    /// <summary>The CSL file name.</summary>
    public const string CslFile = "consolidated.csv";

    /// <summary>Loads every record of the three sources, with the sources' dates.</summary>
    public static async Task<(IReadOnlyList<SourceRecord> Records, IReadOnlyList<DateTimeOffset?> Dates)> LoadAsync(string dataDir, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(dataDir)) throw new DirectoryNotFoundException($"The data folder '{dataDir}' does not exist.");
        var (consDir, consDate) = NewestDatedFolder(Path.Combine(dataDir, NonSdnParent), "cons_prim.csv");
        var (cslDir, cslDate) = NewestDatedFolder(Path.Combine(dataDir, CslParent), CslFile);

        var records = new List<SourceRecord>();
        var dates = new List<DateTimeOffset?> { consDate, cslDate };

        var sdn = await new OfacSdnProvider(Path.Combine(dataDir, SdnFolder)).LoadAsync(cancellationToken).ConfigureAwait(false);
        dates.Add(sdn.Version.PublishedAt);
        foreach (var e in sdn.Entries) records.Add(new SourceRecord(SourceList.OfacSdn, e));

        var cons = await new OfacConsolidatedProvider(consDir).LoadAsync(cancellationToken).ConfigureAwait(false);
        dates.Add(cons.Version.PublishedAt);
        foreach (var e in cons.Entries) records.Add(new SourceRecord(SourceList.OfacNonSdn, e));

        var csl = await new CslProvider(Path.Combine(cslDir, CslFile)).LoadAsync(cancellationToken).ConfigureAwait(false);
        dates.Add(csl.Version.PublishedAt);
        foreach (var e in csl.Entries)
        {
            if (e.Tags.Contains("list:Entity List")) records.Add(new SourceRecord(SourceList.BisEntityList, e));
            else if (e.Tags.Contains("list:MEU")) records.Add(new SourceRecord(SourceList.BisMeu, e));
        }
        return (records, dates);
    }

    /// <summary>The newest subfolder named <c>yyyy-MM-dd</c> or <c>yyyy-MM</c> that holds <paramref name="file"/>, and its date.</summary>
    public static (string Folder, DateTimeOffset? Date) NewestDatedFolder(string parent, string file)
    {
        if (!Directory.Exists(parent)) throw new DirectoryNotFoundException($"The folder '{parent}' does not exist.");
        string? best = null;
        DateTimeOffset? bestDate = null;
        foreach (var dir in Directory.GetDirectories(parent))
        {
            var name = Path.GetFileName(dir);
            if (!TryFolderDate(name, out var date) || !File.Exists(Path.Combine(dir, file))) continue;
            if (bestDate is null || date > bestDate || (date == bestDate && string.CompareOrdinal(name, Path.GetFileName(best)) > 0))
            {
                best = dir;
                bestDate = date;
            }
        }
        return best is null
            ? throw new FileNotFoundException($"No dated folder (yyyy-MM-dd or yyyy-MM) with '{file}' under '{parent}'.")
            : (best, bestDate);
    }

    /// <summary>Reads a folder name <c>yyyy-MM-dd</c>, or <c>yyyy-MM</c> as the first of the month.</summary>
    public static bool TryFolderDate(string name, out DateTimeOffset date)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTime.TryParseExact(name, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out var d)
            || DateTime.TryParseExact(name, "yyyy-MM", CultureInfo.InvariantCulture, styles, out d))
        {
            date = new DateTimeOffset(d.Date, TimeSpan.Zero);
            return true;
        }
        date = default;
        return false;
    }
}
