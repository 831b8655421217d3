using System.Diagnostics;
using System.Security.Cryptography;
using Screening.Watchlists;
using Xunit.Abstractions;

namespace Screening.Tests.Watchlists.Xml;

/// <summary>Loads the full published files from <c>../shared/data</c>; skipped on a clone without them.</summary>
public class XmlRealDataTests(ITestOutputHelper output)
{
    [RealDataFact(XmlTestData.OfacRealFile)]
    public async Task OfacEnhancedXml_ConsEnhanced_Loads443Entities()
    {
        var path = XmlTestData.RealFile(XmlTestData.OfacRealFile)!;
        var sw = Stopwatch.StartNew();
        var list = await new OfacEnhancedXmlProvider(path).LoadAsync();
        output.WriteLine($"{list.Id} {list.Version.Label}: {list.Entries.Count} entries in {sw.ElapsedMilliseconds} ms");

        Assert.Equal("ofac-cons-xml", list.Id);
        Assert.Equal(443, list.Entries.Count);
        Assert.Equal(443, list.Report.RowsRead);
        Assert.Equal(0, list.Report.RowsRejected);
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero), list.Version.PublishedAt);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), list.Version.Sha256);
        // Program counts from the file's PROVENANCE.md.
        Assert.Equal(82, list.Entries.Count(e => e.Programs.Contains("RUSSIA-EO14024")));
        Assert.Equal(286, list.Entries.Count(e => e.Programs.Contains("UKRAINE-EO13662")));
        Assert.Equal(78, list.Entries.Count(e => e.Programs.Contains("NS-PLC")));
        Assert.Equal(68, list.Entries.Count(e => e.Programs.Contains("CMIC-EO13959")));
        Assert.Equal(80, list.Entries.Count(e => e.Type == EntityType.Person));
        Assert.All(list.Entries, e => Assert.All(e.Countries, c => Assert.Matches("^[A-Z]{2}$", c)));
        // Every distinct non-Latin full name (39 Cyrillic and 6 Chinese translations) is kept.
        Assert.Equal(45, list.Entries.Sum(e => e.Names.Count(n => n.Value.Any(ch => ch > 0x24F && char.IsLetter(ch)))));
    }

    [RealDataFact(XmlTestData.UnRealFile)]
    public async Task UnConsolidatedXml_FullList_Loads1003Entries()
    {
        var path = XmlTestData.RealFile(XmlTestData.UnRealFile)!;
        var sw = Stopwatch.StartNew();
        var list = await new UnConsolidatedXmlProvider(path).LoadAsync();
        output.WriteLine($"{list.Id} {list.Version.Label}: {list.Entries.Count} entries in {sw.ElapsedMilliseconds} ms");

        Assert.Equal("un", list.Id);
        Assert.Equal(1003, list.Entries.Count);
        Assert.Equal(730, list.Entries.Count(e => e.Type == EntityType.Person));
        Assert.Equal(273, list.Entries.Count(e => e.Type == EntityType.Organization));
        Assert.Equal(1003, list.Report.RowsRead);
        Assert.Equal(0, list.Report.RowsRejected);
        Assert.Equal(new DateTimeOffset(2026, 2, 27, 0, 0, 9, 554, TimeSpan.Zero), list.Version.PublishedAt);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), list.Version.Sha256);
        Assert.Equal(list.Entries.Count, list.Entries.Select(e => e.Id).Distinct().Count());
        Assert.Equal(615, list.Entries.Sum(e => e.Names.Count(n => n.Strength == NameStrength.Weak)));
        Assert.Equal(155, list.Entries.Count(e => e.Programs.Contains("DPRK")));
        // NAME_ORIGINAL_SCRIPT on 378 records, plus non-Latin aliases.
        Assert.Equal(385, list.Entries.Count(e => e.Names.Skip(1).Any(n => n.Value.Any(ch => ch > 0x24F && char.IsLetter(ch)))));
    }
}
