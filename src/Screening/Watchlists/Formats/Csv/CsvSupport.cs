using System.Security.Cryptography;
using System.Text;

namespace Screening.Watchlists;

/// <summary>Shared plumbing of the CSV-based providers: reading the source, hashing it, finding header columns.</summary>
internal static class CsvSupport
{
    /// <summary>Reads the whole source; a missing file or folder becomes a <see cref="WatchlistFormatException"/>.</summary>
    public static async Task<byte[]> ReadAllAsync(Func<Stream> open, string file, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await using var stream = open();
            if (stream.CanSeek && stream.Length - stream.Position is var length and < int.MaxValue)
            {
                // A file: one buffer of the right size, no copy.
                var bytes = new byte[length];
                await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
                return bytes;
            }
            using var ms = new MemoryStream();
            await stream.CopyToAsync(ms, cancellationToken).ConfigureAwait(false);
            return ms.ToArray();
        }
        catch (FileNotFoundException ex)
        {
            throw new WatchlistFormatException(file, 0, null, "file not found", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new WatchlistFormatException(file, 0, null, "folder not found", ex);
        }
    }

    /// <summary>Opens a file for one sequential read.</summary>
    public static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>The SHA-256 of the bytes in lower-case hex.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A CSV reader over bytes held in memory: a BOM wins, otherwise <paramref name="fallback"/> decodes.</summary>
    public static CsvReader OpenReader(byte[] bytes, string file, Encoding fallback, char separator) =>
        new(new StreamReader(new MemoryStream(bytes, writable: false), fallback, detectEncodingFromByteOrderMarks: true), file, separator);

    /// <summary>Column positions by header name: trimmed, case-insensitive; a name that occurs twice is ambiguous.</summary>
    public static Dictionary<string, int> IndexHeader(IReadOnlyList<string> header, out HashSet<string> ambiguous)
    {
        var index = new Dictionary<string, int>(header.Count, StringComparer.OrdinalIgnoreCase);
        ambiguous = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (name.Length == 0) continue;
            if (!index.TryAdd(name, i)) ambiguous.Add(name);
        }
        return index;
    }

    /// <summary>Splits a cell on <paramref name="separator"/>, trims the parts and drops empty ones.</summary>
    public static List<string> SplitList(string cell, string separator)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(cell)) return result;
        foreach (var part in cell.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            result.Add(part);
        return result;
    }

    /// <summary>Adds <paramref name="value"/> unless an equal (ordinal) value is there already.</summary>
    public static void AddDistinct(List<string> list, string value)
    {
        foreach (var x in list)
        {
            if (string.Equals(x, value, StringComparison.Ordinal)) return;
        }
        list.Add(value);
    }
}
