using System.Globalization;
using Screening;
using Screening.WatchlistGenerator;
using Screening.Watchlists;

// Generates the built-in watchlist from the public-domain US lists. Run from the repository root:
//   dotnet run --project src/Screening.WatchlistGenerator -- [--data PATH] [--output PATH] [--summary PATH]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var data = Path.Combine("..", "shared", "data");
var output = Path.Combine("src", "Screening", "BuiltIn", "screening-russia-defense.json");
var summary = Path.Combine("src", "Screening.WatchlistGenerator", "SUMMARY.md");
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--data": data = Value(); break;
        case "--output": output = Value(); break;
        case "--summary": summary = Value(); break;
        case "-h" or "--help":
            Console.WriteLine("Usage: Screening.WatchlistGenerator [--data PATH] [--output PATH] [--summary PATH]");
            Console.WriteLine("  --data     the shared data folder (default ../shared/data)");
            Console.WriteLine("  --output   the resource (default src/Screening/BuiltIn/screening-russia-defense.json); the manifest .sha256 goes beside it");
            Console.WriteLine("  --summary  the summary (default src/Screening.WatchlistGenerator/SUMMARY.md)");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Use --help.");
            return 2;
    }
}

try
{
    var result = await Generator.RunAsync(data);
    Generator.Write(result, output, summary);
    var list = result.Result.Watchlist;
    Console.WriteLine($"{list.Id} {list.Version.Label}: {list.Entries.Count} entries, {result.Json.Length} bytes, sha256 {result.Sha256}");
    Console.WriteLine($"wrote {output}, {Generator.ManifestPath(output)}, {summary}");
    return 0;
}
catch (Exception ex) when (ex is WatchlistFormatException or IOException or UnauthorizedAccessException or ArgumentException)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}
