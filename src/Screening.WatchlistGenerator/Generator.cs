using System.Security.Cryptography;
using System.Text;
using Screening.Watchlists;

namespace Screening.WatchlistGenerator;

/// <summary>The generator's outputs as bytes, before they are written.</summary>
/// <param name="Result">The list and its accounting.</param>
/// <param name="Json">The resource: the JSON watchlist, compact, UTF-8 without BOM.</param>
/// <param name="Sha256">The SHA-256 of <paramref name="Json"/>, lower-case hex.</param>
/// <param name="Summary">SUMMARY.md (LF line ends).</param>
internal sealed record GeneratorOutput(GenerationResult Result, byte[] Json, string Sha256, string Summary)
{
    /// <summary>The manifest line, in <c>sha256sum</c> format.</summary>
    public string Manifest => Sha256 + "  " + WatchlistBuilder.ListId + ".json\n";
}

/// <summary>Runs the generation: load the source lists, build the list, render the resource, the manifest and the summary.</summary>
internal static class Generator
{
    /// <summary>Builds and renders from already loaded records.</summary>
    public static GeneratorOutput Render(IReadOnlyList<SourceRecord> records, IEnumerable<DateTimeOffset?> sourceDates)
    {
        var result = WatchlistBuilder.Build(records, sourceDates);
        using var ms = new MemoryStream();
        JsonWatchlistWriter.Write(ms, result.Watchlist, indented: false);
        var json = ms.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(json));
        var summary = SummaryWriter.Render(result, sha, json.LongLength);
        return new GeneratorOutput(result, json, sha, summary);
    }

    /// <summary>Loads the three public-domain US sources under <paramref name="dataDir"/> and renders the outputs.</summary>
    public static async Task<GeneratorOutput> RunAsync(string dataDir, CancellationToken cancellationToken = default)
    {
        var (records, dates) = await SourceLoader.LoadAsync(dataDir, cancellationToken).ConfigureAwait(false);
        return Render(records, dates);
    }

    /// <summary>Writes the resource, the manifest (next to the resource, <c>.sha256</c>) and the summary.</summary>
    public static void Write(GeneratorOutput output, string outputPath, string summaryPath)
    {
        WriteFile(outputPath, output.Json);
        WriteFile(ManifestPath(outputPath), Encoding.UTF8.GetBytes(output.Manifest));
        WriteFile(summaryPath, Encoding.UTF8.GetBytes(output.Summary));
    }

    /// <summary>The manifest path of a resource path: same folder and name, extension <c>.sha256</c>.</summary>
    public static string ManifestPath(string outputPath) => Path.ChangeExtension(outputPath, ".sha256");

    private static void WriteFile(string path, byte[] bytes)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, bytes);
    }
}
