namespace Screening.Watchlists;

/// <summary>Finds and reads the files of an OFAC legacy set: the primary file is required, the others optional.</summary>
internal static class OfacLegacyFiles
{
    /// <summary>Reads the set's files from a folder (or from the folder of a file in it), in hashing order.</summary>
    /// <exception cref="WatchlistFormatException">The folder or the primary file is missing, or a name is a folder.</exception>
    public static async Task<OfacSourceFile[]> ReadAsync(OfacFileSet set, string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var folder = path;
        if (!Directory.Exists(folder) && File.Exists(folder)) folder = Path.GetDirectoryName(Path.GetFullPath(folder)) ?? folder;
        if (!Directory.Exists(folder))
            throw new WatchlistFormatException(path, 0, null, $"folder not found (expected a folder holding {set.Primary})", new DirectoryNotFoundException(path));

        var files = new OfacSourceFile[4];
        var names = set.FilesInOrder;
        for (var i = 0; i < names.Length; i++)
        {
            var filePath = Locate(folder, names[i]);
            if (filePath is null)
            {
                if (i == 0)
                {
                    var expected = Path.Combine(folder, names[i]);
                    throw new WatchlistFormatException(expected, 0, null, "file not found", new FileNotFoundException("file not found", expected));
                }
                files[i] = new OfacSourceFile(Path.Combine(folder, names[i]), null);
                continue;
            }
            files[i] = new OfacSourceFile(filePath, await File.ReadAllBytesAsync(filePath, cancellationToken).ConfigureAwait(false));
        }
        return files;
    }

    /// <summary>The files a load of the set reads now, in hashing order; absent ones under their expected names.</summary>
    public static IReadOnlyList<string> SourceFiles(OfacFileSet set, string path)
    {
        var folder = Path.GetFullPath(path);
        if (!Directory.Exists(folder) && File.Exists(folder)) folder = Path.GetDirectoryName(folder) ?? folder;
        var names = set.FilesInOrder;
        var files = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
            files[i] = (Directory.Exists(folder) ? Locate(folder, names[i]) : null) ?? Path.Combine(folder, names[i]);
        return files;
    }

    // The exact name, or else a case-insensitive match (a download unpacked on Windows may be SDN.CSV). A folder by
    // that name is an error: skipping it would load the list without its aliases or addresses.
    private static string? Locate(string folder, string name)
    {
        var exact = Path.Combine(folder, name);
        if (File.Exists(exact)) return exact;
        foreach (var f in Directory.EnumerateFileSystemEntries(folder))
        {
            if (!string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase)) continue;
            if (Directory.Exists(f)) throw ListFiles.IsDirectory(f);
            return f;
        }
        return null;
    }
}
