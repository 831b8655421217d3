using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Screening.Watchlists;

/// <summary>Which list a format's reader found in the document; its entries and issues are in the load's accumulator.</summary>
internal sealed record XmlListIdentity(string Id, string DisplayName, DateTimeOffset? PublishedAt);

/// <summary>
/// The streaming machinery the XML providers share: safe reader settings, a hashing and size-guarding stream, one
/// record at a time as an <see cref="XElement"/>, and the translation of reader errors into
/// <see cref="WatchlistFormatException"/>.
/// </summary>
internal sealed class XmlListReader
{
    private readonly XmlReader _reader;
    private readonly GuardedReadStream _stream;

    private readonly int _maxDepth;

    private XmlListReader(XmlReader reader, GuardedReadStream stream, string file, int maxDepth)
    {
        _reader = reader;
        _stream = stream;
        _maxDepth = maxDepth;
        File = file;
    }

    /// <summary>The file name used in messages.</summary>
    public string File { get; }

    /// <summary>The underlying reader.</summary>
    public XmlReader Reader => _reader;

    /// <summary>The 1-based line of the reader's current node, or 0 when unknown.</summary>
    public long Line => _reader is IXmlLineInfo li && li.HasLineInfo() ? li.LineNumber : 0;

    /// <summary>Reader settings that refuse DTDs and external resources and cap the document size.</summary>
    public static XmlReaderSettings CreateSettings(XmlReadLimits limits) => new()
    {
        Async = true,
        // No DTD means no entity expansion ("billion laughs") and no external entities.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = limits.MaxDocumentCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = true,
        CloseInput = false,
    };

    /// <summary>
    /// Opens the source, runs <paramref name="read"/> over it (it adds entries and issues to the load) and returns the
    /// list with the SHA-256 of every byte. Reader, I/O-not-found and size-limit errors become
    /// <see cref="WatchlistFormatException"/>.
    /// </summary>
    public static async Task<Watchlist> LoadAsync(Func<Stream> open, string file, XmlReadLimits limits,
        Func<XmlListReader, WatchlistAccumulator, CancellationToken, Task<XmlListIdentity>> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Stream source;
        try
        {
            source = open();
        }
        catch (FileNotFoundException ex)
        {
            throw new WatchlistFormatException(file, 0, null, "file not found", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new WatchlistFormatException(file, 0, null, "folder not found", ex);
        }

        await using (source.ConfigureAwait(false))
        {
            using var load = new WatchlistAccumulator(file);
            using var guarded = new GuardedReadStream(source, limits.MaxRecordBytes, load);
            // Create reads nothing yet; the reader stays open for the catch blocks to ask for its line.
            using var reader = XmlReader.Create(guarded, CreateSettings(limits));
            var list = new XmlListReader(reader, guarded, file, limits.MaxRecordDepth);
            XmlListIdentity result;
            try
            {
                result = await read(list, load, cancellationToken).ConfigureAwait(false);
                // Read to the end so trailing garbage is caught and every byte is hashed.
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    if (reader.NodeType == XmlNodeType.Element)
                        throw new WatchlistFormatException(file, list.Line, reader.Name, "content after the root element");
                }
            }
            catch (XmlException ex)
            {
                // Some reader errors (a prohibited DTD) carry no position; the reader's own line is the next best.
                var line = ex.LineNumber > 0 ? ex.LineNumber : list.Line;
                throw new WatchlistFormatException(file, line, null, "malformed XML: " + ex.Message, ex);
            }
            catch (RecordTooLargeException ex)
            {
                throw new WatchlistFormatException(file, ex.Line, ex.Element,
                    $"the record starting here exceeds {limits.MaxRecordBytes.ToString(CultureInfo.InvariantCulture)} bytes (XmlReadLimits.MaxRecordBytes)", ex);
            }
            catch (DecoderFallbackException ex)
            {
                throw new WatchlistFormatException(file, list.Line, null, "the bytes do not match the document's encoding: " + ex.Message, ex);
            }
            await guarded.DrainAsync(cancellationToken).ConfigureAwait(false);
            return load.Build(result.Id, result.DisplayName, result.PublishedAt);
        }
    }

    /// <summary>Moves to the root element and checks its local name.</summary>
    /// <returns>The root's namespace URI.</returns>
    public async Task<string> ReadRootAsync(string expectedLocalName, string formatName)
    {
        var type = await _reader.MoveToContentAsync().ConfigureAwait(false);
        if (type != XmlNodeType.Element)
            throw new WatchlistFormatException(File, Line, null, "not an XML document: no root element");
        if (_reader.LocalName != expectedLocalName)
            throw new WatchlistFormatException(File, Line, _reader.Name, $"not {formatName}: the root element is '{_reader.Name}', expected '{expectedLocalName}'");
        return _reader.NamespaceURI;
    }

    /// <summary>
    /// Visits the child elements of the element the reader is on, then moves past its end tag. The visitor either
    /// consumes the child (with <see cref="ReadElementAsync"/> or <see cref="SkipAsync"/>) or descends into it with
    /// <see cref="ReadChildrenAsync"/>.
    /// </summary>
    public async Task ReadChildrenAsync(Func<long, Task> visitChild, CancellationToken cancellationToken)
    {
        if (_reader.IsEmptyElement)
        {
            await _reader.ReadAsync().ConfigureAwait(false);
            return;
        }
        await _reader.ReadAsync().ConfigureAwait(false);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (_reader.NodeType)
            {
                case XmlNodeType.EndElement:
                    await _reader.ReadAsync().ConfigureAwait(false);
                    return;
                case XmlNodeType.None:
                    // The reader reports an unclosed element itself; this is a defensive stop.
                    throw new WatchlistFormatException(File, Line, null, "unexpected end of document");
                case XmlNodeType.Element:
                    await visitChild(Line).ConfigureAwait(false);
                    break;
                default:
                    await _reader.ReadAsync().ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>
    /// Reads the element the reader is on as one subtree, under the per-record byte and depth limits. The tree is
    /// built here rather than by <see cref="XNode.ReadFromAsync"/> so that a deeply nested hostile record fails fast
    /// instead of exhausting time or stack.
    /// </summary>
    public async Task<XElement> ReadElementAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var line = Line;
        var name = _reader.Name;
        _stream.BeginRecord(line, name);
        try
        {
            var root = NewElement();
            if (_reader.IsEmptyElement)
            {
                await _reader.ReadAsync().ConfigureAwait(false);
                return root;
            }
            var open = new Stack<XElement>();
            open.Push(root);
            while (await _reader.ReadAsync().ConfigureAwait(false))
            {
                switch (_reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var child = NewElement();
                        open.Peek().Add(child);
                        if (_reader.IsEmptyElement) break;
                        if (open.Count >= _maxDepth)
                            throw new WatchlistFormatException(File, Line, _reader.Name,
                                $"the record '{name}' starting at line {line.ToString(CultureInfo.InvariantCulture)} nests deeper than {_maxDepth.ToString(CultureInfo.InvariantCulture)} elements (XmlReadLimits.MaxRecordDepth)");
                        open.Push(child);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                        open.Peek().Add(new XText(_reader.Value));
                        break;
                    case XmlNodeType.EndElement:
                        open.Pop();
                        if (open.Count == 0)
                        {
                            await _reader.ReadAsync().ConfigureAwait(false);
                            return root;
                        }
                        break;
                }
            }
            // The reader reports an unclosed element itself; this is a defensive stop.
            throw new WatchlistFormatException(File, Line, name, "unexpected end of document inside a record");
        }
        finally
        {
            _stream.EndRecord();
        }
    }

    private XElement NewElement()
    {
        var el = new XElement(XName.Get(_reader.LocalName, _reader.NamespaceURI));
        if (_reader.MoveToFirstAttribute())
        {
            do
            {
                // Namespace declarations are already part of the element names.
                if (_reader.NamespaceURI == XNamespace.Xmlns.NamespaceName) continue;
                var attrName = XName.Get(_reader.LocalName, _reader.NamespaceURI);
                if (el.Attribute(attrName) is null) el.Add(new XAttribute(attrName, _reader.Value));
            }
            while (_reader.MoveToNextAttribute());
            _reader.MoveToElement();
        }
        return el;
    }

    /// <summary>Skips the element the reader is on, under the per-record byte limit.</summary>
    public async Task SkipAsync()
    {
        _stream.BeginRecord(Line, _reader.Name);
        try
        {
            await _reader.SkipAsync().ConfigureAwait(false);
        }
        finally
        {
            _stream.EndRecord();
        }
    }

    /// <summary>Trims and collapses runs of white space (line breaks included) to one space; <see langword="null"/> when nothing is left.</summary>
    public static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        var needs = false;
        for (var i = 1; i < s.Length; i++)
        {
            if (char.IsWhiteSpace(s[i]) && (s[i] != ' ' || char.IsWhiteSpace(s[i - 1])))
            {
                needs = true;
                break;
            }
        }
        if (!needs) return s;
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The cleaned text of a child element, or <see langword="null"/>.</summary>
    public static string? Text(XElement? parent, XName name) => parent is null ? null : Clean(parent.Element(name)?.Value);

    /// <summary>Parses an ISO 8601 date or date-time as UTC, or returns <see langword="null"/>.</summary>
    public static DateTimeOffset? ParseDate(string? text)
    {
        if (text is null) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)
            ? d
            : null;
    }

    /// <summary>
    /// Adds a name unless the same text (ignoring case) is already there; a weak name repeated as a stronger alias
    /// takes the stronger kind.
    /// </summary>
    public static void AddName(List<EntryName> names, string value, NameStrength strength)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (!string.Equals(names[i].Value, value, StringComparison.OrdinalIgnoreCase)) continue;
            if (names[i].Strength == NameStrength.Weak && strength is NameStrength.Strong or NameStrength.Former)
                names[i] = names[i] with { Strength = strength };
            return;
        }
        names.Add(new EntryName(value, strength));
    }

    /// <summary>Adds an identifier unless an equal one is already there.</summary>
    public static void AddIdentifier(List<EntryIdentifier> identifiers, EntryIdentifier identifier)
    {
        if (!identifiers.Contains(identifier)) identifiers.Add(identifier);
    }

    /// <summary>Adds a string unless it is already there (case-sensitive).</summary>
    public static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value)) list.Add(value);
    }
}
