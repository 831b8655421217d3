using System.Diagnostics;
using Screening.Watchlists;
using Xunit.Abstractions;

namespace Screening.Tests.Watchlists.Ofac;

/// <summary>The full real files from ../shared/data; skipped on a fresh clone where they are absent.</summary>
public class OfacRealDataTests(ITestOutputHelper output)
{
    private const string SdnFolder = "ofac_sdn";
    private const string ConsFolder = "ofac_consolidated_nonsdn/2025-12-19";

    [OfacRealDataFact(SdnFolder)]
    public async Task LoadAsync_RealSdn_Loads14965EntriesAndCountsOrphans()
    {
        var provider = new OfacSdnProvider(OfacRealData.Folder(SdnFolder)!);
        await provider.LoadAsync(); // warm-up: JIT
        var sw = Stopwatch.StartNew();
        var list = await provider.LoadAsync();
        sw.Stop();
        var r = list.Report;
        output.WriteLine($"ofac-sdn: {list.Entries.Count} entries in {sw.ElapsedMilliseconds} ms; version {list.Version.Label}; " +
            $"rejected {r.RowsRejected}, orphans {r.Count(LoadIssueKind.Orphan)}, duplicates {r.Count(LoadIssueKind.Duplicate)}, warnings {r.Count(LoadIssueKind.Warning)}");

        Assert.Equal(14965, list.Entries.Count);
        Assert.Equal(14965, r.RowsRead);
        Assert.Equal(0, r.RowsRejected);
        // PROVENANCE.md: alt.csv and add.csv are newer than sdn.csv; 4,894 add.csv ent_nums have no sdn.csv row.
        var orphanAddEntries = r.Issues.Where(i => i.Kind == LoadIssueKind.Orphan && Path.GetFileName(i.File) == "add.csv")
            .Select(i => i.Message.Split(' ')[4]).Distinct().Count();
        Assert.Equal(4894, orphanAddEntries);

        var kupol = Assert.Single(list.Entries, e => e.Id == "46431");
        Assert.Equal("JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL", kupol.PrimaryName);
        Assert.Contains(new EntryName("JSC IEMZ KUPOL", NameStrength.Strong), kupol.Names);
        Assert.Equal(["RU"], kupol.Countries);
        Assert.Equal(["RUSSIA-EO14024"], kupol.Programs);
        Assert.Contains(new EntryIdentifier("Tax ID No.", "1831083343", "RU"), kupol.Identifiers);
    }

    [OfacRealDataFact(ConsFolder)]
    public async Task LoadAsync_RealConsolidated_Loads442Entries()
    {
        var list = await new OfacConsolidatedProvider(OfacRealData.Folder(ConsFolder)!).LoadAsync();
        var r = list.Report;
        output.WriteLine($"ofac-cons: {list.Entries.Count} entries; version {list.Version.Label}; rejected {r.RowsRejected}, " +
            $"orphans {r.Count(LoadIssueKind.Orphan)}, warnings {r.Count(LoadIssueKind.Warning)}");
        Assert.Equal(442, list.Entries.Count);
        Assert.Equal(0, r.RowsRejected);
        Assert.Equal(0, r.Count(LoadIssueKind.Orphan));
    }
}
