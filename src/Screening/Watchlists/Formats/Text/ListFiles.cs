namespace Screening.Watchlists;

/// <summary>Opens list source files, so that every provider reports a missing file or a folder the same way.</summary>
internal static class ListFiles
{
    /// <summary>Opens a file for one sequential read; a folder at that path is a <see cref="WatchlistFormatException"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="asynchronous">Open for asynchronous reads (the XML providers).</param>
    public static FileStream OpenRead(string path, bool asynchronous = false)
    {
        // Opening a folder fails with "access denied", which sends the user looking at permissions.
        if (Directory.Exists(path)) throw IsDirectory(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            asynchronous ? FileOptions.SequentialScan | FileOptions.Asynchronous : FileOptions.SequentialScan);
    }

    /// <summary>The error for a folder where a file was expected.</summary>
    public static WatchlistFormatException IsDirectory(string path) =>
        new(path, 0, null, "is a directory, not a file");
}
