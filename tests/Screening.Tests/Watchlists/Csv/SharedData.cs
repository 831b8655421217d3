namespace Screening.Tests.Watchlists.Csv;

/// <summary>
/// Finds the real data in <c>../shared/data</c> next to the folder holding Screening.sln; absent on a fresh clone.
/// </summary>
internal static class SharedData
{
    public static string? Root { get; } = FindRoot();

    /// <summary>The full path of <paramref name="relative"/> under the data root, or null when it is absent.</summary>
    public static string? Find(string relative)
    {
        if (Root is null) return null;
        var path = Path.Combine(Root, relative);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Screening.sln")))
            {
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(data) ? data : null;
            }
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with the reason, when a file of the real data is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (SharedData.Find(relativePath) is null)
            Skip = $"real data '../shared/data/{relativePath}' is absent (a fresh clone); the committed excerpts cover the format";
    }
}
