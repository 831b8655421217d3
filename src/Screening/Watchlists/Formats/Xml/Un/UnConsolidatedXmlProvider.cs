namespace Screening.Watchlists;

/// <summary>
/// Loads the UN Security Council Consolidated List XML (<c>consolidated.xml</c> from scsanctions.un.org). List SPEC
/// kind: <c>un:FILE</c>; list id <c>un</c>.
/// </summary>
/// <remarks>
/// <para>
/// The document is streamed with an <see cref="System.Xml.XmlReader"/>; only one <c>INDIVIDUAL</c> or <c>ENTITY</c>
/// is held in memory at a time. DTDs are refused and <see cref="XmlReadLimits"/> bounds the document and each record.
/// The version is the root's <c>dateGenerated</c> attribute plus the SHA-256 of the file.
/// </para>
/// <para>
/// Each record becomes one entry with <c>REFERENCE_NUMBER</c> (e.g. <c>QDi.001</c>) as its id (<c>DATAID</c> when
/// the reference number is missing, with a warning); the source reference is <c>FILE#DATAID=N</c>. Individuals:
/// <c>FIRST_NAME</c> to <c>FOURTH_NAME</c> joined by spaces is the primary name. Entities: <c>FIRST_NAME</c> is the
/// primary name, and when it lists several names separated by <c>;</c> each part is also a strong alias.
/// <c>NAME_ORIGINAL_SCRIPT</c> is a strong alias. Alias quality <c>Good</c> or <c>a.k.a.</c> is strong, <c>Low</c> is
/// weak, <c>f.k.a.</c> is former. <c>UN_LIST_TYPE</c> is the program, <c>COMMENTS1</c> the remarks; nationalities and
/// address countries become ISO codes, and individuals' documents become identifiers. A record with no name at all
/// (or no id) is reported as <see cref="LoadIssueKind.Rejected"/> with its line.
/// </para>
/// </remarks>
public sealed class UnConsolidatedXmlProvider : IWatchlistProvider, IWatchlistFileSource
{
    /// <summary>The list id.</summary>
    public const string ListId = "un";

    private readonly Func<Stream> _open;
    private readonly string _file;
    private readonly XmlReadLimits _limits;

    /// <summary>Creates a provider that reads a file.</summary>
    /// <param name="path">The XML file.</param>
    /// <param name="limits">Size limits; <see cref="XmlReadLimits.Default"/> when <see langword="null"/>.</param>
    public UnConsolidatedXmlProvider(string path, XmlReadLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _open = () => ListFiles.OpenRead(path, asynchronous: true);
        _file = path;
        SourceFiles = [Path.GetFullPath(path)];
        _limits = limits ?? XmlReadLimits.Default;
        Source = "un:" + path;
    }

    /// <summary>Creates a provider that reads a stream opened on each load.</summary>
    /// <param name="open">Opens the stream; called once per load, and the stream is disposed after it.</param>
    /// <param name="source">The name used in messages, e.g. a file name or URL.</param>
    /// <param name="limits">Size limits; <see cref="XmlReadLimits.Default"/> when <see langword="null"/>.</param>
    public UnConsolidatedXmlProvider(Func<Stream> open, string source, XmlReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _open = open;
        _file = source;
        _limits = limits ?? XmlReadLimits.Default;
        Source = "un:" + source;
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SourceFiles { get; } = [];

    /// <inheritdoc />
    public Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default) =>
        XmlListReader.LoadAsync(_open, _file, _limits, (r, load, ct) => new UnXmlDocument(r, load).ReadAsync(ct), cancellationToken);
}
