using Screening.Tests.BuiltIn;

namespace Screening.WatchlistGenerator.Tests;

/// <summary>Paths of the generator's committed outputs and of its fixtures.</summary>
internal static class GeneratorPaths
{
    /// <summary>The committed generator summary.</summary>
    public static string Summary => Path.Combine(RepoPaths.Root, "src", "Screening.WatchlistGenerator", "SUMMARY.md");

    /// <summary>The fixtures in the test output: excerpts laid out like the real data folder.</summary>
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The fixtures in the source tree, where the golden outputs are regenerated.</summary>
    public static string SourceFixtures => Path.Combine(RepoPaths.Root, "tests", "Screening.WatchlistGenerator.Tests", "Fixtures");
}
