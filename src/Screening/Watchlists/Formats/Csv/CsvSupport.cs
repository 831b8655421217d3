using System.Text;

namespace Screening.Watchlists;

/// <summary>Shared plumbing of the CSV-based providers: reading the source, decoding it, finding header columns.</summary>
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

    /// <summary>Opens a file for one sequential read; a folder is an error.</summary>
    public static FileStream OpenFile(string path) => ListFiles.OpenRead(path);

    /// <summary>
    /// A CSV reader over bytes held in memory: a BOM wins, otherwise strict UTF-8 (<paramref name="encoding"/> null) or
    /// <paramref name="encoding"/> decodes. Invalid UTF-8 is an error naming the file, line and byte offset.
    /// </summary>
    public static CsvReader OpenReader(byte[] bytes, string file, Encoding? encoding, string hint, char separator) =>
        new(Utf8Text.Open(new MemoryStream(bytes, writable: false), file, encoding, hint), file, separator);

    /// <summary>Reads an encoding name: utf-8, latin-1 (latin1, iso-8859-1) or windows-1252 (cp1252), any case.</summary>
    public static bool TryParseEncoding(string text, out CsvTextEncoding encoding)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "utf-8" or "utf8": encoding = CsvTextEncoding.Utf8; return true;
            case "latin-1" or "latin1" or "iso-8859-1": encoding = CsvTextEncoding.Latin1; return true;
            case "windows-1252" or "cp1252": encoding = CsvTextEncoding.Windows1252; return true;
            default: encoding = CsvTextEncoding.Utf8; return false;
        }
    }

    /// <summary>The decoder of a <see cref="CsvTextEncoding"/>: null for strict UTF-8.</summary>
    public static Encoding? Decoder(CsvTextEncoding encoding) => encoding switch
    {
        CsvTextEncoding.Latin1 => Encoding.Latin1,
        CsvTextEncoding.Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1,
        _ => null,
    };

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
