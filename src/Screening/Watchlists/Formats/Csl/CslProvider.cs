using System.Globalization;

namespace Screening.Watchlists;

/// <summary>
/// Loads the US Consolidated Screening List (trade.gov CSL) from its <c>consolidated.csv</c> download: one list
/// (<c>us-csl</c>) holding the records of the Entity List, MEU, SDN, SSI, CMIC, DPL, UVL, ISN, ITAR Debarred, PLC,
/// CAPTA, NS-MBS and FSE lists.
/// </summary>
/// <remarks>
/// <para>Each record becomes one entry. Its id is <c>entity_number</c> when present (the OFAC entry number), else
/// <c>_id</c>; a party listed by several Treasury lists shares its entity number, so such ids are reported as
/// <see cref="LoadIssueKind.Duplicate"/> and every record is still loaded. Each entry carries the tag
/// <c>list:&lt;short name&gt;</c> (<c>list:Entity List</c>, <c>list:MEU</c>, <c>list:SDN</c>, <c>list:SSI</c>,
/// <c>list:CMIC</c>, <c>list:DPL</c>, <c>list:UVL</c>, <c>list:ISN</c>, <c>list:ITAR Debarred</c>, <c>list:PLC</c>,
/// <c>list:CAPTA</c>, <c>list:NS-MBS</c>, <c>list:FSE</c>) and an <see cref="EntrySource"/> with the long
/// <c>source</c> string, the programs, the Federal Register citation and the <c>start_date</c>.</para>
/// <para>Names: <c>name</c>, then every <c>alt_names</c> item as a strong alias (a former name when it starts with
/// <c>f.k.a.</c>), without the Entity List's list prose (a leading <c>and </c> or <c>-</c>; a parenthesised note goes
/// to the remarks). Countries: the address countries,
/// then nationalities and citizenships. Identifiers: the <c>ids</c> items that identify the party (passport, tax id,
/// registration number, website, ...) and <c>call_sign</c>; the other <c>ids</c> items (gender, sanctions
/// information, listing dates, organization type, aircraft model), <c>title</c>, dates and places of birth, vessel
/// details and the Entity List license requirement and policy go to <see cref="WatchlistEntry.Remarks"/> after the
/// <c>remarks</c> column. The Treasury records' <c>(Linked To: X; Linked To: Y)</c> remarks also become
/// <see cref="WatchlistEntry.Links"/> (by name: the CSL gives no id of the linked party).</para>
/// <para>Version: the file states no publication date, so <see cref="WatchlistVersion.PublishedAt"/> is null and the
/// label is the newest <c>start_date</c> in the file, marked as such (e.g. <c>2022-04-21 (newest start_date)</c>) —
/// a data date, not a publication date. <see cref="WatchlistVersion.Sha256"/> is the hash of the file's bytes.</para>
/// <para>Required header columns: <c>_id</c>, <c>source</c>, <c>name</c>, <c>type</c>, <c>programs</c>,
/// <c>addresses</c>, <c>alt_names</c>, <c>ids</c>; a missing one is a <see cref="WatchlistFormatException"/> naming
/// it. Other known columns are optional (a warning names each missing one). A row whose field count differs from the
/// header's, or with no name or no id, is rejected.</para>
/// </remarks>
public sealed class CslProvider : IWatchlistProvider, IWatchlistFileSource
{
    /// <summary>The list id: <c>us-csl</c>.</summary>
    public const string ListId = "us-csl";

    /// <summary>The list's display name.</summary>
    public const string ListName = "US Consolidated Screening List";

    /// <summary>The columns without which the file is not a CSL export.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["_id", "source", "name", "type", "programs", "addresses", "alt_names", "ids"];

    private readonly Func<Stream> _open;
    private readonly string _file;

    /// <summary>Creates a provider that reads <c>consolidated.csv</c> from a path.</summary>
    /// <param name="path">The CSV file.</param>
    public CslProvider(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _open = () => CsvSupport.OpenFile(path);
        _file = path;
        Source = "csl:" + path;
        SourceFiles = [Path.GetFullPath(path)];
    }

    /// <summary>Creates a provider that reads a stream opened on each load.</summary>
    /// <param name="open">Opens the CSV stream; called once per load.</param>
    /// <param name="source">The name used in messages and as <see cref="Source"/>.</param>
    public CslProvider(Func<Stream> open, string source)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _open = open;
        _file = source;
        Source = source;
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <summary>
    /// The file's text encoding when it has no byte-order mark. Default <see cref="CsvTextEncoding.Utf8"/>, as trade.gov
    /// publishes it: bytes that are not valid UTF-8 are a <see cref="WatchlistFormatException"/> naming the line and byte
    /// offset, never silently replaced. In a list SPEC: <c>csl:FILE?encoding=latin1</c>.
    /// </summary>
    public CsvTextEncoding Encoding { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<string> SourceFiles { get; } = [];

    /// <inheritdoc />
    public async Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default)
    {
        var bytes = await CsvSupport.ReadAllAsync(_open, _file, cancellationToken).ConfigureAwait(false);
        return Parse(bytes, _file, cancellationToken, Encoding);
    }

    /// <summary>Parses a CSL CSV held in memory.</summary>
    internal static Watchlist Parse(byte[] bytes, string file, CancellationToken cancellationToken, CsvTextEncoding encoding = CsvTextEncoding.Utf8)
    {
        using var load = new WatchlistAccumulator(file);
        load.AppendSource(bytes);
        using var csv = CsvSupport.OpenReader(bytes, file, CsvSupport.Decoder(encoding),
            "; if the file is Latin-1 or Windows-1252, say so (CslProvider.Encoding, or csl:FILE?encoding=latin1 in a list SPEC)", ',');
        if (!csv.TryReadRecord(out var headerFields))
            throw new WatchlistFormatException(file, 0, null, "the file is empty: the header row is missing");
        var header = headerFields.ToArray();
        var records = new CslRecords(new CslColumns(header, csv.RecordLine, load), header.Length, load);
        csv.FieldNames = header;
        while (csv.TryReadRecord(out var f))
        {
            if ((load.CountRow() & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
            records.Read(f, csv.RecordLine);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var label = records.Newest is { } n ? n.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (newest start_date)" : null;
        return load.Build(ListId, ListName, label: label);
    }
}
