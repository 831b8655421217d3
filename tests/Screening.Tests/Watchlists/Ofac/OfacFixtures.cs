using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Ofac;

/// <summary>The committed excerpts of the real OFAC files, and helpers to load (mutated) copies in memory.</summary>
internal static class OfacFixtures
{
    public static string SdnFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ofac_sdn");
    public static string ConsFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ofac_cons");

    // What the excerpts hold (Fixtures/ofac_sdn/README.md): 32 SDN rows with 6 orphan alias/address
    // rows and 1 orphan comment; 20 consolidated rows with 3 orphan rows (entry 9640's aliases and address).
    public const int SdnEntries = 32;
    public const int ConsEntries = 20;

    public static OfacSourceFile[] ReadSet(OfacFileSet set, string folder) =>
        [.. set.FilesInOrder.Select(n => new OfacSourceFile(n, File.ReadAllBytes(Path.Combine(folder, n))))];

    public static Watchlist Parse(OfacFileSet set, OfacSourceFile[] f) => OfacLegacyReader.Parse(set, f[0], f[1], f[2], f[3]);

    /// <summary>
    /// Parses an SDN set whose primary file is <paramref name="sdn"/> (Latin-1 text). Each file is complete as OFAC
    /// writes it: the end-of-file byte 0x1A is appended where the text lacks it, and a file not given is present but
    /// empty. (Missing and cut-short files have their own tests.)
    /// </summary>
    public static Watchlist ParseSdn(string sdn, string? alt = null, string? add = null, string? comments = null) =>
        OfacLegacyReader.Parse(OfacFileSet.Sdn, Source("sdn.csv", sdn), Source("alt.csv", alt), Source("add.csv", add), Source("sdn_comments.csv", comments));

    private static OfacSourceFile Source(string name, string? text)
    {
        text ??= "";
        if (!text.EndsWith('\u001a')) text += "\u001a";
        return new(name, System.Text.Encoding.Latin1.GetBytes(text));
    }

    /// <summary>A temporary folder deleted on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ofac-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>A fact that runs only when the real data (<c>../shared/data</c> beside the repository root) is present.</summary>
public sealed class OfacRealDataFactAttribute : FactAttribute
{
    public OfacRealDataFactAttribute(string relativeFolder)
    {
        if (OfacRealData.Folder(relativeFolder) is null)
            Skip = $"Real data '{relativeFolder}' not found under ../shared/data beside the repository root; skipped.";
    }
}

internal static class OfacRealData
{
    /// <summary>The folder <c>../shared/data/RELATIVE</c> next to the folder holding Screening.sln, or null when absent.</summary>
    public static string? Folder(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Screening.sln"))) continue;
            var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
            return Directory.Exists(data) ? data : null;
        }
        return null;
    }
}
