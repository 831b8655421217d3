namespace Screening.Watchlists;

/// <summary>
/// Loads an OFAC list in the Sanctions List Service "enhanced XML" format (<c>SDN_ENHANCED.XML</c>,
/// <c>CONS_ENHANCED.XML</c>). List SPEC kind: <c>ofac-xml:FILE</c>.
/// </summary>
/// <remarks>
/// <para>
/// The document is streamed with an <see cref="System.Xml.XmlReader"/>; only one <c>entity</c> is held in memory at a
/// time. DTDs are refused and <see cref="XmlReadLimits"/> bounds the document and each entity.
/// </para>
/// <para>
/// The list id follows <c>publicationInfo/filters</c>: <c>ofac-sdn-xml</c> for the SDN List, <c>ofac-cons-xml</c> for
/// the Consolidated (non-SDN) List, otherwise the file name decides (<c>SDN_ENHANCED</c>, <c>CONS_ENHANCED</c>) and
/// <c>ofac-xml</c> when neither says. The version is <c>publicationInfo/dataAsOf</c> plus the SHA-256 of the file.
/// </para>
/// <para>
/// Each <c>entity</c> becomes one entry with its <c>id</c> attribute as the id. Names: the primary name first, then
/// aliases: A.K.A. and N.K.A. are strong, F.K.A. is former, and any alias flagged <c>isLowQuality</c> is weak. Every
/// translation of a name (Cyrillic, Chinese and other original scripts) is kept as a name of the same strength; other
/// scripts of the primary name become strong aliases. Also read: programs, addresses with countries, identity
/// documents (with issuing country), identifier-like features (SWIFT/BIC, BIK, ISIN, website, e-mail ...),
/// nationality, registration and flag countries, remarks, relationships as <see cref="WatchlistEntry.Links"/> (type, related
/// entity name and id), and tags <c>list:</c>, <c>sanctions-type:</c>,
/// <c>target-type:</c>, <c>title:</c> and the vessel tags the legacy CSV provider writes (<c>vessel-type:</c>,
/// <c>vessel-flag:</c>, <c>vessel-owner:</c>, <c>tonnage:</c>, <c>grt:</c>). Names differing only in case are kept once. An entity without an id or without any name is reported as
/// <see cref="LoadIssueKind.Rejected"/> with its line.
/// </para>
/// </remarks>
public sealed class OfacEnhancedXmlProvider : IWatchlistProvider, IWatchlistFileSource
{
    /// <summary>The namespace OFAC's enhanced XML uses; other namespaces load with a warning.</summary>
    public const string Namespace = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML";

    private readonly Func<Stream> _open;
    private readonly string _file;
    private readonly XmlReadLimits _limits;

    /// <summary>Creates a provider that reads a file.</summary>
    /// <param name="path">The XML file.</param>
    /// <param name="limits">Size limits; <see cref="XmlReadLimits.Default"/> when <see langword="null"/>.</param>
    public OfacEnhancedXmlProvider(string path, XmlReadLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _open = () => ListFiles.OpenRead(path, asynchronous: true);
        _file = path;
        SourceFiles = [Path.GetFullPath(path)];
        _limits = limits ?? XmlReadLimits.Default;
        Source = "ofac-xml:" + path;
    }

    /// <summary>Creates a provider that reads a stream opened on each load.</summary>
    /// <param name="open">Opens the stream; called once per load, and the stream is disposed after it.</param>
    /// <param name="source">The name used in messages, e.g. a file name or URL.</param>
    /// <param name="limits">Size limits; <see cref="XmlReadLimits.Default"/> when <see langword="null"/>.</param>
    public OfacEnhancedXmlProvider(Func<Stream> open, string source, XmlReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _open = open;
        _file = source;
        _limits = limits ?? XmlReadLimits.Default;
        Source = "ofac-xml:" + source;
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SourceFiles { get; } = [];

    /// <inheritdoc />
    public Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default) =>
        XmlListReader.LoadAsync(_open, _file, _limits, (r, load, ct) => new OfacXmlDocument(r, load).ReadAsync(ct), cancellationToken);
}
