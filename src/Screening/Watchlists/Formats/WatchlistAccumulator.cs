using System.Globalization;
using System.Security.Cryptography;

namespace Screening.Watchlists;

/// <summary>Words the <see cref="LoadIssueKind.Duplicate"/> issue of an entry whose id an earlier entry has.</summary>
/// <param name="entry">The entry just added.</param>
/// <param name="first">The first entry with that id.</param>
/// <param name="firstRow">The row <paramref name="first"/> was read from.</param>
internal delegate string DuplicateWording(WatchlistEntry entry, WatchlistEntry first, long firstRow);

/// <summary>
/// The bookkeeping every provider does while it loads one list: primary rows read, entries loaded, duplicate ids,
/// load issues, the SHA-256 of the source bytes, and at the end the <see cref="Watchlist"/> with its
/// <see cref="WatchlistVersion"/> and <see cref="WatchlistLoadReport"/>. A format reads and maps its records; how the
/// load is accounted for lives here, once.
/// </summary>
/// <remarks>One instance per load; <see cref="Build"/> hands its lists to the watchlist, so it ends the load.</remarks>
internal sealed class WatchlistAccumulator : IDisposable
{
    private readonly List<WatchlistEntry> _entries;
    private readonly List<LoadIssue> _issues = [];
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Dictionary<string, (int Index, long Row)>? _ids;
    private bool _built;

    /// <summary>Starts a load.</summary>
    /// <param name="file">The file (or source) name the issues name unless told otherwise.</param>
    /// <param name="capacity">The expected number of entries, when known.</param>
    public WatchlistAccumulator(string file, int capacity = 0)
    {
        File = file;
        _entries = new List<WatchlistEntry>(capacity);
    }

    /// <summary>The file (or source) name used in issues.</summary>
    public string File { get; }

    /// <summary>Primary rows (records) read so far, loaded or not.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Counts one primary row read and returns the count, i.e. the row's 1-based ordinal.</summary>
    public long CountRow() => ++RowsRead;

    /// <summary>Adds source bytes to the SHA-256 of the list, in the order the source defines.</summary>
    public void AppendSource(ReadOnlySpan<byte> bytes) => _hash.AppendData(bytes);

    /// <summary>
    /// Adds an entry read at <paramref name="row"/>. An id seen before is reported as
    /// <see cref="LoadIssueKind.Duplicate"/> on field <paramref name="idField"/>, worded by <paramref name="wording"/>;
    /// both entries are kept.
    /// </summary>
    public void Add(WatchlistEntry entry, long row, string? idField, DuplicateWording wording)
    {
        _ids ??= new Dictionary<string, (int, long)>(StringComparer.Ordinal);
        if (!_ids.TryAdd(entry.Id, (_entries.Count, row)))
        {
            var (index, firstRow) = _ids[entry.Id];
            Issue(LoadIssueKind.Duplicate, row, idField, wording(entry, _entries[index], firstRow));
        }
        _entries.Add(entry);
    }

    /// <summary>Adds an entry whose id the format has already checked (OFAC's legacy files join rows on it).</summary>
    public void Add(WatchlistEntry entry) => _entries.Add(entry);

    /// <summary>Reports a primary row that is not loaded.</summary>
    public void Reject(long row, string? field, string message) => Issue(LoadIssueKind.Rejected, row, field, message);

    /// <summary>Reports something odd that was loaded anyway (a field ignored, a value repaired).</summary>
    public void Warn(long row, string? field, string message) => Issue(LoadIssueKind.Warning, row, field, message);

    /// <summary>Reports an issue in <see cref="File"/>.</summary>
    public void Issue(LoadIssueKind kind, long row, string? field, string message) =>
        _issues.Add(new LoadIssue(kind, File, row, field, message));

    /// <summary>Reports an issue in another file of the source (a list read from several files).</summary>
    public void Issue(LoadIssueKind kind, string file, long row, string? field, string message) =>
        _issues.Add(new LoadIssue(kind, file, row, field, message));

    /// <summary>
    /// Ends the load: the list with its report and its version. The version label is <paramref name="label"/>, else
    /// the publication date, else <c>sha256:</c> and the first 12 hex digits of the source's SHA-256.
    /// </summary>
    public Watchlist Build(string id, string displayName, DateTimeOffset? publishedAt = null, string? label = null)
    {
        if (_built) throw new InvalidOperationException("The load has already been built into a watchlist.");
        _built = true;
        var sha = Convert.ToHexStringLower(_hash.GetHashAndReset());
        label ??= publishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "sha256:" + sha[..12];
        return new Watchlist(id, displayName, new WatchlistVersion(label, publishedAt, sha), _entries,
            new WatchlistLoadReport(RowsRead, _entries.Count, _issues));
    }

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();
}
