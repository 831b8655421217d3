namespace Screening.Watchlists;

/// <summary>
/// Loads any CSV file as a watchlist through a <see cref="CsvMapping"/> that names its columns: an EU or UK export, an
/// in-house list, a list with no dedicated parser. See <c>docs/mapped-csv.md</c>.
/// </summary>
/// <remarks>
/// <para>Where the mapping comes from: a <see cref="CsvMapping"/> object, or a JSON mapping file read on every load
/// (so a reload picks up an edited mapping). In a list SPEC, <c>csv:FILE?map=MAPPING.json</c> names the mapping
/// file; plain <c>csv:FILE</c> uses the sibling <c>FILE.mapping.json</c> (the CSV's full file name plus
/// <c>.mapping.json</c>, e.g. <c>suppliers.csv.mapping.json</c>). Relative paths resolve against the current
/// directory, like FILE.</para>
/// <para>Every data row becomes an entry or a <see cref="LoadIssueKind.Rejected"/> issue: a row whose field count
/// differs from the header's (without a header: that is too short for a mapped column), with an empty name, or
/// with an empty id (when an id column is mapped). Duplicate ids are reported and both rows loaded. Unknown
/// countries and types are warnings. A mapped column missing from the header, or bad quoting, is a
/// <see cref="WatchlistFormatException"/>, and so is text that is not valid UTF-8 when the mapping's encoding is UTF-8
/// (the default): the message names the line and byte offset.</para>
/// <para>Version: a CSV states no publication date, so the label is <c>sha256:</c> and the first 12 hex digits of
/// the file's SHA-256 (the hash covers the CSV bytes only, so it equals <c>sha256sum FILE</c>).</para>
/// </remarks>
public sealed class MappedCsvProvider : IWatchlistProvider, IWatchlistFileSource
{
    /// <summary>The suffix of the sibling mapping file: <c>FILE.mapping.json</c>.</summary>
    public const string MappingSuffix = ".mapping.json";

    private readonly Func<Stream> _open;
    private readonly string _file;
    private readonly CsvMapping? _mapping;
    private readonly string? _mappingPath;

    /// <summary>Creates a provider that reads a CSV file with a JSON mapping file, loaded on each load.</summary>
    /// <param name="csvPath">The CSV file.</param>
    /// <param name="mappingPath">The JSON mapping file. Default: <paramref name="csvPath"/> + <c>.mapping.json</c>.</param>
    public MappedCsvProvider(string csvPath, string? mappingPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(csvPath);
        _open = () => CsvSupport.OpenFile(csvPath);
        _file = csvPath;
        _mappingPath = string.IsNullOrWhiteSpace(mappingPath) ? DefaultMappingPath(csvPath) : mappingPath;
        Source = mappingPath is null ? "csv:" + csvPath : $"csv:{csvPath}?map={mappingPath}";
        SourceFiles = [Path.GetFullPath(csvPath), Path.GetFullPath(_mappingPath)];
    }

    /// <summary>Creates a provider that reads a CSV file with a mapping built in code.</summary>
    /// <param name="csvPath">The CSV file.</param>
    /// <param name="mapping">The mapping; validated here.</param>
    /// <exception cref="WatchlistFormatException">The mapping is invalid; the exception names the field.</exception>
    public MappedCsvProvider(string csvPath, CsvMapping mapping)
        : this(() => CsvSupport.OpenFile(csvPath), "csv:" + csvPath, mapping, csvPath)
    {
        SourceFiles = [Path.GetFullPath(csvPath)];
    }

    /// <summary>Creates a provider that reads a stream opened on each load, with a mapping built in code.</summary>
    /// <param name="open">Opens the CSV stream; called once per load.</param>
    /// <param name="source">The name used in messages and as <see cref="Source"/>.</param>
    /// <param name="mapping">The mapping; validated here.</param>
    /// <exception cref="WatchlistFormatException">The mapping is invalid; the exception names the field.</exception>
    public MappedCsvProvider(Func<Stream> open, string source, CsvMapping mapping)
        : this(open, source, mapping, source)
    {
    }

    private MappedCsvProvider(Func<Stream> open, string source, CsvMapping mapping, string file)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(mapping);
        mapping.Validate();
        _open = open;
        _file = file;
        _mapping = mapping;
        Source = source;
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    /// <remarks>The CSV file, and the mapping file when the mapping is read from one.</remarks>
    public IReadOnlyList<string> SourceFiles { get; private init; } = [];

    /// <summary>The sibling mapping file of a CSV file: <paramref name="csvPath"/> + <c>.mapping.json</c>.</summary>
    /// <param name="csvPath">The CSV file.</param>
    public static string DefaultMappingPath(string csvPath) => csvPath + MappingSuffix;

    /// <summary>
    /// Creates the provider for the path part of a <c>csv:</c> SPEC: <c>FILE</c> (mapping <c>FILE.mapping.json</c>) or
    /// <c>FILE?map=MAPPING.json</c>.
    /// </summary>
    /// <exception cref="FormatException">The part after <c>?</c> is not <c>map=PATH</c>.</exception>
    internal static MappedCsvProvider FromSpec(string path)
    {
        var q = path.LastIndexOf('?');
        if (q < 0) return new MappedCsvProvider(path);
        var file = path[..q].Trim();
        var query = path[(q + 1)..];
        const string key = "map=";
        if (!query.StartsWith(key, StringComparison.OrdinalIgnoreCase) || query.Length == key.Length || file.Length == 0)
            throw new FormatException($"csv SPEC 'csv:{path}' must be csv:FILE or csv:FILE?map=MAPPING.json (without ?map, the mapping is FILE{MappingSuffix}).");
        return new MappedCsvProvider(file, query[key.Length..].Trim());
    }

    /// <inheritdoc />
    public async Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var mapping = _mapping ?? LoadMapping(_mappingPath!, _file);
        var bytes = await CsvSupport.ReadAllAsync(_open, _file, cancellationToken).ConfigureAwait(false);
        return Parse(bytes, _file, mapping, cancellationToken);
    }

    private static CsvMapping LoadMapping(string mappingPath, string csvPath)
    {
        if (Directory.Exists(mappingPath)) throw ListFiles.IsDirectory(mappingPath);
        if (!File.Exists(mappingPath))
            throw new WatchlistFormatException(mappingPath, 0, null,
                $"mapping file not found for '{csvPath}': put the mapping next to it as '{Path.GetFileName(csvPath)}{MappingSuffix}' or name it with csv:FILE?map=MAPPING.json");
        return CsvMapping.Load(mappingPath);
    }

    /// <summary>Parses a CSV held in memory with a validated mapping.</summary>
    internal static Watchlist Parse(byte[] bytes, string file, CsvMapping mapping, CancellationToken cancellationToken)
    {
        using var load = new WatchlistAccumulator(file);
        load.AppendSource(bytes);
        using var csv = CsvSupport.OpenReader(bytes, file, CsvSupport.Decoder(mapping.Encoding), EncodingHint, mapping.Separator);
        string[]? header = null;
        if (mapping.HasHeader)
        {
            if (!csv.TryReadRecord(out var h))
                throw new WatchlistFormatException(file, 0, null, "the file is empty: the header row is missing");
            header = h.ToArray();
            csv.FieldNames = header;
        }
        var records = new MappedCsvRecords(mapping, new MappedCsvColumns(mapping, header, file, csv.RecordLine), header?.Length, load);
        while (csv.TryReadRecord(out var f))
        {
            var row = load.CountRow();
            if ((row & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
            records.Read(f, csv.RecordLine, row);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return load.Build(mapping.ListId, mapping.ListName ?? mapping.ListId);
    }

    private const string EncodingHint = "; if the file is Latin-1 or Windows-1252, say so with \"encoding\" in the mapping (\"latin-1\" or \"windows-1252\")";
}
