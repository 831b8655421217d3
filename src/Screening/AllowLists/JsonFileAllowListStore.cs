using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Screening.AllowLists;

/// <summary>
/// An allow-list kept in one JSON file (<c>screening-allowlist/1</c>): read whole, written whole to a temporary file
/// beside it and moved over it, so a crash never leaves half a file. Bad input is an <see cref="InvalidDataException"/>
/// naming the file, the decision's index and the field, e.g. <c>allow.json: decisions[3].decidedAt: '2026-13-01' is
/// not an ISO 8601 date</c>. Writes within one process are serialized; the file is not locked against other processes.
/// </summary>
/// <remarks>
/// <code>
/// { "format": "screening-allowlist/1",
///   "decisions": [ { "customerKey": "C-1042", "listId": "ofac-sdn", "entryId": "46431",
///                    "entryContentHash": "9f2c...", "decidedBy": "j.doe", "decidedAt": "2026-05-01T09:30:00Z",
///                    "reason": "Different company: Kupol LLC, Novosibirsk, INN 5406...", "expiresAt": null } ] }
/// </code>
/// </remarks>
public sealed class JsonFileAllowListStore : IAllowListStore
{
    /// <summary>The format tag written in the <c>format</c> field.</summary>
    public const string FormatTag = "screening-allowlist/1";

    /// <summary>Files larger than this are refused: an allow-list of a million decisions is about 300 MB.</summary>
    public const long MaxBytes = 512L << 20;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a store on <paramref name="path"/>; the file need not exist yet (it then holds no decisions).</summary>
    public JsonFileAllowListStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AllowDecision>> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path)) return [];
        var info = new FileInfo(Path);
        if (info.Length > MaxBytes) throw new InvalidDataException($"{Path}: the file is {info.Length:N0} bytes, more than the {MaxBytes:N0} an allow-list may have");
        var bytes = await File.ReadAllBytesAsync(Path, cancellationToken).ConfigureAwait(false);
        return Parse(bytes, Path);
    }

    /// <inheritdoc />
    public async Task AddAsync(AllowDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        Validate(decision, Path, -1);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = new List<AllowDecision>(await LoadAsync(cancellationToken).ConfigureAwait(false)) { decision };
            await WriteAsync(Path, all, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes <paramref name="decisions"/> as the whole file, atomically (temporary file, flushed, then moved over it).</summary>
    public static async Task WriteAsync(string path, IEnumerable<AllowDecision> decisions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(decisions);
        var full = System.IO.Path.GetFullPath(path);
        var temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full) ?? ".", $".{System.IO.Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                Write(stream, decisions);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    internal static void Write(Stream stream, IEnumerable<AllowDecision> decisions)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("format", FormatTag);
        w.WriteStartArray("decisions");
        foreach (var d in decisions)
        {
            w.WriteStartObject();
            w.WriteString("customerKey", d.CustomerKey);
            w.WriteString("listId", d.ListId);
            w.WriteString("entryId", d.EntryId);
            w.WriteString("entryContentHash", d.EntryContentHash);
            w.WriteString("decidedBy", d.DecidedBy);
            w.WriteString("decidedAt", d.DecidedAt.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("reason", d.Reason);
            if (d.ExpiresAt is { } e) w.WriteString("expiresAt", e.ToString("O", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Parses a document held in memory; <paramref name="file"/> names it in errors.</summary>
    internal static List<AllowDecision> Parse(ReadOnlySpan<byte> utf8, string file)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{file}: line {(ex.LineNumber ?? 0) + 1}: invalid JSON: {ex.Message}", ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{file}: the document must be a JSON object");
            if (root.TryGetProperty("format", out var f) && (f.ValueKind != JsonValueKind.String || f.GetString() != FormatTag))
                throw new InvalidDataException($"{file}: format: expected '{FormatTag}'");
            if (!root.TryGetProperty("decisions", out var arr) || arr.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{file}: decisions: a required array is missing");
            var list = new List<AllowDecision>(arr.GetArrayLength());
            var i = 0;
            foreach (var e in arr.EnumerateArray())
            {
                var p = $"decisions[{i}]";
                if (e.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{file}: {p}: must be an object");
                var d = new AllowDecision
                {
                    CustomerKey = Required(e, "customerKey", file, p),
                    ListId = Required(e, "listId", file, p),
                    EntryId = Required(e, "entryId", file, p),
                    EntryContentHash = Required(e, "entryContentHash", file, p),
                    DecidedBy = Required(e, "decidedBy", file, p),
                    DecidedAt = Date(e, "decidedAt", file, p) ?? throw new InvalidDataException($"{file}: {p}.decidedAt: required field is missing"),
                    Reason = Required(e, "reason", file, p),
                    ExpiresAt = Date(e, "expiresAt", file, p),
                };
                Validate(d, file, i);
                list.Add(d);
                i++;
            }
            return list;
        }
    }

    private static void Validate(AllowDecision d, string file, int index)
    {
        var p = index < 0 ? "the new decision" : $"decisions[{index}]";
        if (d.EntryContentHash.Length != 64 || !d.EntryContentHash.All(char.IsAsciiHexDigit))
            throw new InvalidDataException($"{file}: {p}.entryContentHash: '{d.EntryContentHash}' is not a SHA-256 (64 hex digits; see EntryContentHash)");
        if (d.ExpiresAt is { } e && e <= d.DecidedAt)
            throw new InvalidDataException($"{file}: {p}.expiresAt: {e:O} is not after decidedAt {d.DecidedAt:O}");
    }

    private static string Required(JsonElement e, string name, string file, string p)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) throw new InvalidDataException($"{file}: {p}.{name}: required field is missing");
        if (v.ValueKind != JsonValueKind.String) throw new InvalidDataException($"{file}: {p}.{name}: must be a string, was {v.ValueKind}");
        var s = v.GetString();
        return string.IsNullOrWhiteSpace(s) ? throw new InvalidDataException($"{file}: {p}.{name}: must not be empty") : s;
    }

    private static DateTimeOffset? Date(JsonElement e, string name, string file, string p)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        var s = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (s is null || !DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d))
            throw new InvalidDataException($"{file}: {p}.{name}: '{(s ?? v.GetRawText())}' is not an ISO 8601 date");
        return d;
    }
}
