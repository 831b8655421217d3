using System.Text.Json;

namespace Screening.Watchlists;

/// <summary>
/// Loads a list in the project's JSON watchlist format (<c>screening-watchlist/1</c>, see the README).
/// Schema errors name the entry index and the field, e.g. <c>entries[12].names[0].value</c>.
/// </summary>
public sealed class JsonWatchlistProvider : IWatchlistProvider, IWatchlistFileSource
{
    /// <summary>The format tag written in the <c>format</c> field.</summary>
    public const string FormatTag = "screening-watchlist/1";

    private readonly Func<Stream> _open;

    /// <summary>Creates a provider that reads a file.</summary>
    public JsonWatchlistProvider(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _open = () => ListFiles.OpenRead(path);
        Source = "json:" + path;
        FileName = path;
        SourceFiles = [Path.GetFullPath(path)];
    }

    /// <summary>Creates a provider that reads a stream opened on each load.</summary>
    /// <param name="open">Opens the stream; called once per load.</param>
    /// <param name="source">The name used in messages.</param>
    public JsonWatchlistProvider(Func<Stream> open, string source)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _open = open;
        Source = source;
        FileName = source;
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SourceFiles { get; } = [];

    private string FileName { get; }

    /// <inheritdoc />
    public async Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            await using var stream = _open();
            using var ms = new MemoryStream();
            await stream.CopyToAsync(ms, cancellationToken).ConfigureAwait(false);
            bytes = ms.ToArray();
        }
        catch (FileNotFoundException ex)
        {
            throw new WatchlistFormatException(FileName, 0, null, "file not found", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new WatchlistFormatException(FileName, 0, null, "folder not found", ex);
        }
        return Parse(bytes, FileName);
    }

    /// <summary>Parses a document held in memory.</summary>
    /// <param name="utf8">The UTF-8 bytes (a BOM is allowed).</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <exception cref="WatchlistFormatException">The bytes are not valid UTF-8 (the message names the line and byte
    /// offset), not JSON, an object has the same key twice, or a field is wrong.</exception>
    public static Watchlist Parse(ReadOnlySpan<byte> utf8, string fileName)
    {
        using var load = new WatchlistAccumulator(fileName);
        load.AppendSource(utf8);
        // JSON is UTF-8 (RFC 8259); checked up front because the parser only meets bad bytes when a string is read.
        Utf8Text.Validate(utf8, fileName, "; a JSON list must be UTF-8 (RFC 8259): convert it, e.g. with iconv -f latin1 -t utf-8");
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw new WatchlistFormatException(fileName, (ex.LineNumber ?? -1) + 1, null, "invalid JSON: " + ex.Message, ex);
        }
        using (doc)
        {
            RejectDuplicateKeys(doc.RootElement, "", 0, fileName);
            var r = new Reader(fileName);
            return r.ReadList(doc.RootElement, load);
        }
    }

    // The parser keeps the last of two equal keys, so {"names": [...], "names": []} would silently drop names.
    private static void RejectDuplicateKeys(JsonElement e, string path, int row, string file)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            HashSet<string>? seen = null;
            foreach (var p in e.EnumerateObject())
            {
                seen ??= new HashSet<string>(StringComparer.Ordinal);
                var field = path.Length == 0 ? p.Name : path + "." + p.Name;
                if (!seen.Add(p.Name))
                    throw new WatchlistFormatException(file, row, field, $"key '{p.Name}' occurs more than once in {(path.Length == 0 ? "the document" : path)}");
                RejectDuplicateKeys(p.Value, field, row, file);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            var entries = path == "entries";
            foreach (var x in e.EnumerateArray())
            {
                RejectDuplicateKeys(x, $"{path}[{i}]", entries ? i + 1 : row, file);
                i++;
            }
        }
    }

    private readonly struct Reader(string file)
    {
        public Watchlist ReadList(JsonElement root, WatchlistAccumulator load)
        {
            if (root.ValueKind != JsonValueKind.Object) throw Error(0, "$", "the document must be a JSON object");
            var format = OptString(root, "format", "format", 0);
            if (format is not null && format != FormatTag) throw Error(0, "format", $"unknown format '{format}', expected '{FormatTag}'");
            var id = ReqString(root, "id", "id", 0);
            var name = OptString(root, "name", "name", 0) ?? id;
            var versionLabel = OptString(root, "version", "version", 0);
            DateTimeOffset? published = null;
            var pub = OptString(root, "publishedAt", "publishedAt", 0);
            if (pub is not null)
            {
                if (!DateTimeOffset.TryParse(pub, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var p))
                    throw Error(0, "publishedAt", $"'{pub}' is not an ISO 8601 date");
                published = p;
            }
            if (!root.TryGetProperty("entries", out var entriesEl) || entriesEl.ValueKind != JsonValueKind.Array)
                throw Error(0, "entries", "required array is missing");

            foreach (var e in entriesEl.EnumerateArray())
            {
                var row = load.CountRow();
                var index = (int)row - 1;
                load.Add(ReadEntry(e, index), row, $"entries[{index}].id", static (entry, _, _) => $"entry id '{entry.Id}' occurs more than once");
            }
            return load.Build(id, name, published, versionLabel);
        }

        private WatchlistEntry ReadEntry(JsonElement e, int i)
        {
            var p = $"entries[{i}]";
            var row = i + 1;
            if (e.ValueKind != JsonValueKind.Object) throw Error(row, p, "each entry must be an object");
            var id = ReqString(e, "id", p + ".id", row);
            var typeText = OptString(e, "type", p + ".type", row);
            var type = EntityType.Unknown;
            if (typeText is not null && !TryParseType(typeText, out type))
                throw Error(row, p + ".type", $"unknown type '{typeText}' (organization, person, vessel, aircraft, unknown)");

            if (!e.TryGetProperty("names", out var namesEl) || namesEl.ValueKind != JsonValueKind.Array || namesEl.GetArrayLength() == 0)
                throw Error(row, p + ".names", "a non-empty array of names is required");
            var names = new List<EntryName>();
            var n = 0;
            foreach (var ne in namesEl.EnumerateArray())
            {
                var np = $"{p}.names[{n}]";
                if (ne.ValueKind == JsonValueKind.String)
                {
                    names.Add(new EntryName(NonEmpty(ne.GetString(), np, row), n == 0 ? NameStrength.Primary : NameStrength.Strong));
                }
                else if (ne.ValueKind == JsonValueKind.Object)
                {
                    var value = ReqString(ne, "value", np + ".value", row);
                    var kindText = OptString(ne, "strength", np + ".strength", row);
                    var strength = n == 0 ? NameStrength.Primary : NameStrength.Strong;
                    if (kindText is not null && !Enum.TryParse(kindText, ignoreCase: true, out strength))
                        throw Error(row, np + ".strength", $"unknown strength '{kindText}' (primary, strong, weak, former)");
                    names.Add(new EntryName(value, strength));
                }
                else throw Error(row, np, "a name must be a string or an object with 'value'");
                n++;
            }

            return new WatchlistEntry
            {
                Id = id,
                Type = type,
                Names = names,
                Countries = StringArray(e, "countries", p, row),
                Programs = StringArray(e, "programs", p, row),
                Tags = StringArray(e, "tags", p, row),
                Remarks = OptString(e, "remarks", p + ".remarks", row),
                SourceReference = OptString(e, "source", p + ".source", row),
                Identifiers = ReadIdentifiers(e, p, row),
                Addresses = ReadAddresses(e, p, row),
                Sources = ReadSources(e, p, row),
                Links = ReadLinks(e, p, row),
            };
        }

        private List<EntryLink> ReadLinks(JsonElement e, string p, int row)
        {
            var list = new List<EntryLink>();
            if (!e.TryGetProperty("links", out var arr) || arr.ValueKind == JsonValueKind.Null) return list;
            if (arr.ValueKind != JsonValueKind.Array) throw Error(row, p + ".links", "must be an array");
            var i = 0;
            foreach (var x in arr.EnumerateArray())
            {
                var q = $"{p}.links[{i++}]";
                if (x.ValueKind != JsonValueKind.Object) throw Error(row, q, "must be an object");
                list.Add(new EntryLink(ReqString(x, "relationship", q + ".relationship", row), ReqString(x, "name", q + ".name", row), OptString(x, "entryId", q + ".entryId", row)));
            }
            return list;
        }

        private List<EntryIdentifier> ReadIdentifiers(JsonElement e, string p, int row)
        {
            var list = new List<EntryIdentifier>();
            if (!e.TryGetProperty("identifiers", out var arr) || arr.ValueKind == JsonValueKind.Null) return list;
            if (arr.ValueKind != JsonValueKind.Array) throw Error(row, p + ".identifiers", "must be an array");
            var i = 0;
            foreach (var x in arr.EnumerateArray())
            {
                var q = $"{p}.identifiers[{i++}]";
                if (x.ValueKind != JsonValueKind.Object) throw Error(row, q, "must be an object");
                list.Add(new EntryIdentifier(ReqString(x, "type", q + ".type", row), ReqString(x, "value", q + ".value", row), OptString(x, "country", q + ".country", row)));
            }
            return list;
        }

        private List<EntryAddress> ReadAddresses(JsonElement e, string p, int row)
        {
            var list = new List<EntryAddress>();
            if (!e.TryGetProperty("addresses", out var arr) || arr.ValueKind == JsonValueKind.Null) return list;
            if (arr.ValueKind != JsonValueKind.Array) throw Error(row, p + ".addresses", "must be an array");
            var i = 0;
            foreach (var x in arr.EnumerateArray())
            {
                var q = $"{p}.addresses[{i++}]";
                if (x.ValueKind != JsonValueKind.Object) throw Error(row, q, "must be an object");
                list.Add(new EntryAddress(OptString(x, "street", q + ".street", row), OptString(x, "city", q + ".city", row),
                    OptString(x, "country", q + ".country", row), OptString(x, "countryCode", q + ".countryCode", row)));
            }
            return list;
        }

        private List<EntrySource> ReadSources(JsonElement e, string p, int row)
        {
            var list = new List<EntrySource>();
            if (!e.TryGetProperty("sources", out var arr) || arr.ValueKind == JsonValueKind.Null) return list;
            if (arr.ValueKind != JsonValueKind.Array) throw Error(row, p + ".sources", "must be an array");
            var i = 0;
            foreach (var x in arr.EnumerateArray())
            {
                var q = $"{p}.sources[{i++}]";
                if (x.ValueKind != JsonValueKind.Object) throw Error(row, q, "must be an object");
                list.Add(new EntrySource(ReqString(x, "list", q + ".list", row), ReqString(x, "entryId", q + ".entryId", row),
                    StringArray(x, "programs", q, row), OptString(x, "citation", q + ".citation", row), OptString(x, "date", q + ".date", row)));
            }
            return list;
        }

        private string[] StringArray(JsonElement e, string prop, string p, int row)
        {
            if (!e.TryGetProperty(prop, out var arr) || arr.ValueKind == JsonValueKind.Null) return [];
            if (arr.ValueKind != JsonValueKind.Array) throw Error(row, $"{p}.{prop}", "must be an array of strings");
            var result = new string[arr.GetArrayLength()];
            var i = 0;
            foreach (var x in arr.EnumerateArray())
            {
                if (x.ValueKind != JsonValueKind.String) throw Error(row, $"{p}.{prop}[{i}]", "must be a string");
                result[i] = NonEmpty(x.GetString(), $"{p}.{prop}[{i}]", row);
                i++;
            }
            return result;
        }

        private string ReqString(JsonElement e, string prop, string path, int row)
        {
            if (!e.TryGetProperty(prop, out var v) || v.ValueKind == JsonValueKind.Null) throw Error(row, path, "required field is missing");
            if (v.ValueKind == JsonValueKind.Number) return v.GetRawText();
            if (v.ValueKind != JsonValueKind.String) throw Error(row, path, $"must be a string, was {v.ValueKind}");
            return NonEmpty(v.GetString(), path, row);
        }

        private string? OptString(JsonElement e, string prop, string path, int row)
        {
            if (!e.TryGetProperty(prop, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind != JsonValueKind.String) throw Error(row, path, $"must be a string, was {v.ValueKind}");
            var s = v.GetString();
            return string.IsNullOrWhiteSpace(s) ? null : s;
        }

        private string NonEmpty(string? s, string path, int row) =>
            string.IsNullOrWhiteSpace(s) ? throw Error(row, path, "must not be empty") : s;

        private WatchlistFormatException Error(int row, string field, string reason) => new(file, row, field, reason);
    }

    internal static bool TryParseType(string text, out EntityType type)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "organization" or "organisation" or "entity" or "company": type = EntityType.Organization; return true;
            case "person" or "individual": type = EntityType.Person; return true;
            case "vessel": type = EntityType.Vessel; return true;
            case "aircraft": type = EntityType.Aircraft; return true;
            case "unknown" or "": type = EntityType.Unknown; return true;
            default: type = EntityType.Unknown; return false;
        }
    }
}
