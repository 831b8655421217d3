using System.Text;
using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Xml;

/// <summary>Fixture paths, the real-data location and in-memory loaders for the XML provider tests.</summary>
internal static class XmlTestData
{
    public static string OfacFixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ofac_xml", "CONS_ENHANCED_excerpt.xml");

    public static string UnFixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "un", "consolidated_excerpt.xml");

    public const string OfacRealFile = "ofac_consolidated_nonsdn/2025-01-10_enhanced_xml/CONS_ENHANCED.XML";

    public const string UnRealFile = "un_consolidated/2026-02-27/consolidated.xml";

    /// <summary>The full path of a file under <c>../shared/data</c> next to the folder holding Screening.sln, or null when absent.</summary>
    public static string? RealFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Screening.sln"))) continue;
            var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
            return File.Exists(path) ? path : null;
        }
        return null;
    }

    public static Task<Watchlist> LoadOfac(string xml, XmlReadLimits? limits = null) => LoadOfac(Encoding.UTF8.GetBytes(xml), limits);

    public static Task<Watchlist> LoadOfac(byte[] bytes, XmlReadLimits? limits = null) =>
        new OfacEnhancedXmlProvider(() => new MemoryStream(bytes, writable: false), "t.xml", limits).LoadAsync();

    public static Task<Watchlist> LoadUn(string xml, XmlReadLimits? limits = null) => LoadUn(Encoding.UTF8.GetBytes(xml), limits);

    public static Task<Watchlist> LoadUn(byte[] bytes, XmlReadLimits? limits = null) =>
        new UnConsolidatedXmlProvider(() => new MemoryStream(bytes, writable: false), "t.xml", limits).LoadAsync();
}

/// <summary>A fact that is skipped when a file under <c>../shared/data</c> is absent (a fresh clone has no shared data).</summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute(string relativePath)
    {
        if (XmlTestData.RealFile(relativePath) is null)
            Skip = $"real data '{relativePath}' is not under ../shared/data next to Screening.sln";
    }
}
