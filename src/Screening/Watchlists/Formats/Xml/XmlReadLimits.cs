namespace Screening.Watchlists;

/// <summary>
/// Limits that keep a hostile or corrupt XML list from exhausting memory, time or stack. The XML providers read the
/// document as a stream and hold only one record (an OFAC <c>entity</c>, a UN <c>INDIVIDUAL</c> or <c>ENTITY</c>) in
/// memory at a time; these limits bound the document and each record. A document that breaks a limit fails the load
/// with a <see cref="WatchlistFormatException"/>.
/// </summary>
public sealed record XmlReadLimits
{
    /// <summary>The limits used when none are given.</summary>
    public static XmlReadLimits Default { get; } = new();

    /// <summary>
    /// The most characters the whole document may hold. Default 536,870,912 (512 Mi characters), far above the
    /// largest published OFAC or UN file.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public long MaxDocumentCharacters
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value); field = value; }
    } = 512L * 1024 * 1024;

    /// <summary>
    /// The most bytes one record (with the reader's look-ahead buffer) may span. Default 8,388,608 (8 MiB); real
    /// records are a few kilobytes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public long MaxRecordBytes
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value); field = value; }
    } = 8L * 1024 * 1024;

    /// <summary>
    /// The deepest element nesting one record may have, counting the record's own element as 1. Default 32; real
    /// records nest 8 levels deep.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int MaxRecordDepth
    {
        get;
        init { ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value); field = value; }
    } = 32;
}
