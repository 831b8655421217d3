namespace Screening.Watchlists;

/// <summary>Loads one watchlist from a source: a file set, a database, an API.</summary>
/// <remarks>
/// Implementations must be safe to call more than once: a reload calls <see cref="LoadAsync"/> again and
/// expects a fresh, complete list or an exception, never a partial list.
/// </remarks>
public interface IWatchlistProvider
{
    /// <summary>A short description of the source for messages and audit, e.g. <c>ofac-sdn:/data/ofac</c>.</summary>
    string Source { get; }

    /// <summary>Loads the whole list.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The loaded list.</returns>
    /// <exception cref="WatchlistFormatException">The source is malformed; the exception names the file, row and field.</exception>
    /// <exception cref="IOException">The source cannot be read.</exception>
    Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default);
}

/// <summary>A list source is malformed. The message names the file, row and field.</summary>
public sealed class WatchlistFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file or source name.</param>
    /// <param name="row">The 1-based row or record number, or 0 when unknown.</param>
    /// <param name="field">The field at fault, if any.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public WatchlistFormatException(string file, long row, string? field, string reason, Exception? inner = null)
        : base(Format(file, row, field, reason), inner)
    {
        File = file;
        Row = row;
        Field = field;
        Reason = reason;
    }

    /// <summary>The file or source name.</summary>
    public string File { get; }

    /// <summary>The 1-based row or record number, or 0 when unknown.</summary>
    public long Row { get; }

    /// <summary>The field at fault, if any.</summary>
    public string? Field { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    private static string Format(string file, long row, string? field, string reason) =>
        $"{file}{(row > 0 ? $", row {row}" : "")}{(field is null ? "" : $", field '{field}'")}: {reason}";
}
