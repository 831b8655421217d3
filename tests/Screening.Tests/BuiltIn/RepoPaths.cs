namespace Screening.Tests.BuiltIn;

/// <summary>Paths of the repository and of the shared real data beside it (<c>../shared/data</c> from the repository root).</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the nearest ancestor of the test binaries that holds <c>Screening.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The committed built-in resource.</summary>
    public static string Resource => Path.Combine(Root, "src", "Screening", "BuiltIn", "screening-russia-defense.json");

    /// <summary>The committed manifest of the resource.</summary>
    public static string Manifest => Path.Combine(Root, "src", "Screening", "BuiltIn", "screening-russia-defense.sha256");

    /// <summary>The real data folder (<c>SCREENING_DATA</c>, else <c>../shared/data</c> from the root), or null when absent.</summary>
    public static string? RealData
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("SCREENING_DATA");
            var dir = string.IsNullOrWhiteSpace(env) ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "data")) : env;
            return Directory.Exists(Path.Combine(dir, "ofac_sdn")) && Directory.Exists(Path.Combine(dir, "us_csl")) ? dir : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Screening.sln"))) return dir.FullName;
        throw new InvalidOperationException("Screening.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs the real data beside the repository; skipped (not failed) on a fresh clone without it.</summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (RepoPaths.RealData is null)
            Skip = "The real data (../shared/data or SCREENING_DATA) is absent; this test runs where it is present.";
    }
}
