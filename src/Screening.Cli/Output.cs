using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Screening.AllowLists;
using Screening.Identifiers;

namespace Screening.Cli;

/// <summary>
/// Standard output, or a file written whole or not at all: the text goes to a temporary file beside the target and is
/// moved over it only on <see cref="CommitAsync"/>, so an aborted run never leaves a half report that looks complete.
/// </summary>
/// <remarks>
/// Only regular files are written: a target that is a directory, a device, a FIFO or a socket is refused, and so is a
/// symbolic link. The tool never follows a link it did not resolve on purpose, and resolving one would let whoever can
/// plant a link in a shared folder (<c>/tmp/report.jsonl -> /etc/passwd</c>) choose what a root run overwrites; the
/// user names the real file instead. Only the last path component is checked: folders on the way may be links. The
/// temporary file is created exclusively (never through an existing name) and removed on failure, on Ctrl+C and on
/// SIGTERM.
/// </remarks>
internal sealed class OutputFile : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);
    private readonly string? _target;
    private readonly string? _temp;
    private bool _committed;

    private OutputFile(TextWriter writer, string? target, string? temp)
    {
        Writer = writer;
        _target = target;
        _temp = temp;
    }

    public TextWriter Writer { get; }

    /// <summary>Opens <paramref name="path"/>, or <paramref name="stdout"/> when it is null or <c>-</c>.</summary>
    public static OutputFile Open(string? path, TextWriter stdout)
    {
        if (path is null or "-") return new OutputFile(stdout, null, null);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"the folder of --output {path} does not exist");
        CheckTarget(path, full);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid().ToString("N")[..8]}.tmp");
        Pending.TryAdd(temp, 0);
        FileStream stream;
        try
        {
            // CreateNew: O_EXCL, so a name planted in the folder (a link) is never written through.
            stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch
        {
            Pending.TryRemove(temp, out _);
            throw;
        }
        return new OutputFile(new StreamWriter(stream, Utf8NoBom, 1 << 16), full, temp);
    }

    // What rename(2) would replace: it must be absent or a regular file.
    private static void CheckTarget(string path, string full)
    {
        var kind = FileKinds.Of(full);
        var problem = kind switch
        {
            FileKind.Missing or FileKind.Regular => null,
            FileKind.Directory => "is a directory",
            FileKind.SymbolicLink => $"is a symbolic link (to {new FileInfo(full).LinkTarget}); name the file itself, --output does not follow links",
            _ => "is not a regular file (a device, FIFO or socket); --output writes only regular files (use - for standard output)",
        };
        if (problem is not null) throw new InputException($"--output {path} {problem}");
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_target is null) return;
        await Writer.DisposeAsync().ConfigureAwait(false);
        // Checked again just before the move: the target may have changed during a long batch. rename(2) replaces
        // the name itself and never follows a link.
        CheckTarget(_target, _target);
        File.Move(_temp!, _target, overwrite: true);
        Pending.TryRemove(_temp!, out _);
        _committed = true;
    }

    public void Dispose()
    {
        if (_target is null || _committed) return;
        Writer.Dispose();
        Delete(_temp!);
    }

    /// <summary>Deletes every temporary file not yet committed: the last act of a run ended by a signal.</summary>
    public static void DeletePending()
    {
        foreach (var temp in Pending.Keys) Delete(temp);
    }

    private static void Delete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // Best effort: the temporary name starts with a dot and says what it is.
        }
        catch (UnauthorizedAccessException)
        {
        }
        Pending.TryRemove(temp, out _);
    }
}

/// <summary>Writes batch results in one output format.</summary>
internal interface IResultWriter
{
    void WriteHeader();

    /// <summary>Writes one input row's result; <paramref name="error"/> is why the row could not be screened, if so.</summary>
    /// <param name="result">The result.</param>
    /// <param name="error">Why the row could not be screened.</param>
    void Write(ScreeningResult result, string? error);
}

/// <summary>
/// One JSON object per input row, one line each, written with <see cref="Utf8JsonWriter"/>. The fields beyond
/// <c>id</c>, <c>name</c>, <c>hit</c> and <c>matches</c> appear only when the row has them (identifier evidence,
/// suppressions, screened identifiers, customer key, threshold column, filters), so a plain batch reads as it always has.
/// </summary>
internal sealed class JsonlResultWriter : IResultWriter
{
    private readonly TextWriter _out;
    private readonly bool _writeThreshold;
    private readonly bool _writeCustomerKey;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private char[] _chars = new char[4096];

    /// <param name="output">Where the lines go.</param>
    /// <param name="writeThreshold">Write each row's <c>threshold</c> (the input has a threshold column).</param>
    /// <param name="writeCustomerKey">Write each row's <c>customerKey</c> (with <c>--allow</c>: the key its decisions were looked up under).</param>
    public JsonlResultWriter(TextWriter output, bool writeThreshold = false, bool writeCustomerKey = false)
    {
        _out = output;
        _writeThreshold = writeThreshold;
        _writeCustomerKey = writeCustomerKey;
        // Relaxed escaping keeps Cyrillic and Han readable; it still escapes quotes, backslashes and control characters.
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void WriteHeader()
    {
    }

    public void Write(ScreeningResult result, string? error)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        var w = _json;
        w.WriteStartObject();
        w.WriteString("id", result.RequestId);
        w.WriteString("name", result.Query);
        w.WriteBoolean("hit", result.IsHit);
        w.WriteStartArray("matches");
        foreach (var m in result.Matches)
        {
            w.WriteStartObject();
            WriteMatch(w, m);
            WriteEvidence(w, m.IdentifierEvidence);
            // A decision that no longer applies: the match alerts again, and says why.
            foreach (var h in result.AllowListHits)
                if (ReferenceEquals(h.Match, m)) WriteDecision(w, h);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteWorkflow(w, result, _writeThreshold, _writeCustomerKey);
        if (error is not null) w.WriteString("error", error);
        w.WriteEndObject();
        w.Flush();

        WriteLine();
    }

    /// <summary>Writes one object built by <paramref name="write"/> as a line (the rescreen command's rows).</summary>
    public void WriteObject(Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        write(_json);
        _json.Flush();
        WriteLine();
    }

    /// <summary>The fields of a match in the batch format.</summary>
    public static void WriteMatch(Utf8JsonWriter w, ScreeningMatch m)
    {
        w.WriteString("listId", m.ListId);
        w.WriteString("entryId", m.EntryId);
        w.WriteString("name", m.PrimaryName);
        w.WriteString("matchedName", m.MatchedName);
        w.WriteNumber("score", m.Score);
        w.WriteString("explanation", m.Explanation);
    }

    /// <summary>
    /// What the workflow adds to a row, each only when present: <c>suppressed</c> matches with their decisions, the
    /// screened <c>identifiers</c>, the <c>customerKey</c> (with <c>--allow</c>; otherwise it is the row's <c>id</c>),
    /// the <c>threshold</c> and the <c>filters</c> in force.
    /// </summary>
    /// <param name="w">The writer, inside the row's object.</param>
    /// <param name="result">The row's result.</param>
    /// <param name="writeThreshold">Write the row's <c>threshold</c>.</param>
    /// <param name="writeCustomerKey">Write the row's <c>customerKey</c>.</param>
    /// <param name="change">The change kind of a suppressed match's entry (rescreen), or null.</param>
    public static void WriteWorkflow(Utf8JsonWriter w, ScreeningResult result, bool writeThreshold, bool writeCustomerKey, Func<ScreeningMatch, string?>? change = null)
    {
        if (result.AllowListHits.Count > 0 && result.Suppressed.Any())
        {
            w.WriteStartArray("suppressed");
            foreach (var h in result.Suppressed)
            {
                w.WriteStartObject();
                WriteMatch(w, h.Match);
                if (change?.Invoke(h.Match) is { } kind) w.WriteString("change", kind);
                WriteEvidence(w, h.Match.IdentifierEvidence);
                WriteDecision(w, h);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (result.Identifiers.Count > 0)
        {
            w.WriteStartArray("identifiers");
            foreach (var i in result.Identifiers)
            {
                w.WriteStartObject();
                w.WriteString("type", i.Given.Type);
                w.WriteString("value", i.Given.Value);
                if (i.Given.Country is not null) w.WriteString("country", i.Given.Country);
                w.WriteString("scheme", Camel(i.Check.Kind.ToString()));
                w.WriteString("normalized", i.Check.Value);
                w.WriteString("status", Camel(i.Check.Status.ToString()));
                if (i.Check.Problem is not null) w.WriteString("problem", i.Check.Problem);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (writeCustomerKey && result.CustomerKey is not null) w.WriteString("customerKey", result.CustomerKey);
        if (writeThreshold) w.WriteNumber("threshold", result.Threshold);
        if (FiltersText(result) is { } filters) w.WriteString("filters", filters);
    }

    /// <summary>The filters in force as one line, the request's marked as such; null when there are none.</summary>
    public static string? FiltersText(ScreeningResult result) => (result.ScreenerFilter, result.RequestFilter) switch
    {
        (null, null) => null,
        ({ } s, null) => s.ToString(),
        (null, { } r) => $"request: {r}",
        ({ } s, { } r) => $"{s}; request: {r}",
    };

    public static void WriteDecision(Utf8JsonWriter w, AllowListHit h)
    {
        w.WriteStartObject("allowList");
        w.WriteString("outcome", Camel(h.Outcome.ToString()));
        w.WriteString("decidedBy", h.Decision.DecidedBy);
        w.WriteString("decidedAt", h.Decision.DecidedAt);
        w.WriteString("reason", h.Decision.Reason);
        if (h.Decision.ExpiresAt is { } expires) w.WriteString("expiresAt", expires);
        w.WriteString("entryContentHash", h.Decision.EntryContentHash);
        w.WriteEndObject();
    }

    public static void WriteEvidence(Utf8JsonWriter w, IReadOnlyList<IdentifierEvidence> evidence)
    {
        if (evidence.Count == 0) return;
        w.WriteStartArray("identifierEvidence");
        foreach (var e in evidence)
        {
            w.WriteStartObject();
            w.WriteString("kind", Camel(e.Kind.ToString()));
            w.WriteString("scheme", Camel(e.Scheme.ToString()));
            if (e.RequestValue is not null) w.WriteString("requestValue", e.RequestValue);
            if (e.EntryType is not null) w.WriteString("entryType", e.EntryType);
            if (e.EntryValue is not null) w.WriteString("entryValue", e.EntryValue);
            if (e.Problem is not null) w.WriteString("problem", e.Problem);
            w.WriteString("explanation", e.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    internal static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private void WriteLine()
    {
        var bytes = _buffer.WrittenSpan;
        var max = Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (_chars.Length < max) _chars = new char[Math.Max(max, _chars.Length * 2)];
        var n = Encoding.UTF8.GetChars(bytes, _chars);
        _out.Write(_chars, 0, n);
        _out.Write('\n');
    }
}

/// <summary>Which optional columns a CSV report has; each is there only when its option or input column is.</summary>
/// <param name="Identifiers">The input has identifier columns: <c>identifiers</c> (the row's, validated) and <c>identifierEvidence</c> (the match's).</param>
/// <param name="Allow">An allow-list is given: <c>allow</c> (what a decision did), <c>decidedBy</c>, <c>decidedAt</c>, <c>reason</c>.</param>
/// <param name="Threshold">The input has a threshold column: the row's <c>threshold</c>.</param>
/// <param name="Filters">Filters are in force: <c>filters</c>.</param>
internal sealed record CsvColumns(bool Identifiers = false, bool Allow = false, bool Threshold = false, bool Filters = false);

/// <summary>
/// One CSV row per match, or one row with empty match fields when a name has none (RFC 4180 quoting). Matches the
/// allow-list suppressed follow the alerting ones with <c>allow</c> = <c>suppressed</c>; <c>hit</c> is the row's
/// verdict and counts only what still alerts.
/// </summary>
internal sealed class CsvResultWriter(TextWriter output, CsvColumns? columns = null) : IResultWriter
{
    public const string Header = "id,name,hit,listId,entryId,matchedName,score";

    private readonly CsvColumns _c = columns ?? new CsvColumns();

    public void WriteHeader()
    {
        output.Write(Header);
        if (_c.Identifiers) output.Write(",identifierEvidence,identifiers");
        if (_c.Allow) output.Write(",allow,decidedBy,decidedAt,reason");
        if (_c.Threshold) output.Write(",threshold");
        if (_c.Filters) output.Write(",filters");
        output.Write('\n');
    }

    public void Write(ScreeningResult result, string? error)
    {
        if (result.Matches.Count == 0 && result.AllowListHits.Count == 0)
        {
            Row(result, null, null);
            return;
        }
        foreach (var m in result.Matches)
            Row(result, m, result.AllowListHits.FirstOrDefault(h => ReferenceEquals(h.Match, m)));
        foreach (var h in result.Suppressed) Row(result, h.Match, h);
        if (result.Matches.Count == 0 && !result.Suppressed.Any()) Row(result, null, null);
    }

    private void Row(ScreeningResult result, ScreeningMatch? m, AllowListHit? decision)
    {
        Field(result.RequestId);
        output.Write(',');
        Field(result.Query);
        output.Write(result.IsHit ? ",true," : ",false,");
        if (m is not null)
        {
            Field(m.ListId);
            output.Write(',');
            Field(m.EntryId);
            output.Write(',');
            Field(m.MatchedName);
            output.Write(',');
            output.Write(m.Score.ToString("R", CultureInfo.InvariantCulture));
        }
        else output.Write(",,,");
        if (_c.Identifiers)
        {
            output.Write(',');
            Field(m is null ? null : string.Join("; ", m.IdentifierEvidence.Select(e => e.ToString())));
            output.Write(',');
            Field(string.Join("; ", result.Identifiers.Select(ScreenCommand.Describe)));
        }
        if (_c.Allow)
        {
            output.Write(',');
            Field(decision is null ? null : JsonlResultWriter.Camel(decision.Outcome.ToString()));
            output.Write(',');
            Field(decision?.Decision.DecidedBy);
            output.Write(',');
            Field(decision?.Decision.DecidedAt.ToString("O", CultureInfo.InvariantCulture));
            output.Write(',');
            Field(decision?.Decision.Reason);
        }
        if (_c.Threshold)
        {
            output.Write(',');
            output.Write(result.Threshold.ToString("R", CultureInfo.InvariantCulture));
        }
        if (_c.Filters)
        {
            output.Write(',');
            Field(JsonlResultWriter.FiltersText(result));
        }
        output.Write('\n');
    }

    /// <summary>Writes one field, quoted when it must be.</summary>
    public void Cell(string? value) => Field(value);

    private void Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            output.Write(value);
            return;
        }
        output.Write('"');
        output.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        output.Write('"');
    }
}

/// <summary>A progress bar (or, on standard input, a counter) redrawn on standard error a few times a second.</summary>
internal sealed class Progress(TextWriter stderr, Stream? input)
{
    private const int Width = 24;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;

    public void Report(long rows, long hits)
    {
        if ((rows & 255) != 0) return;
        var now = _clock.ElapsedMilliseconds;
        if (now - _lastDraw < 250) return;
        _lastDraw = now;
        Draw(rows, hits, final: false);
    }

    public void Done(long rows, long hits)
    {
        Draw(rows, hits, final: true);
        stderr.WriteLine();
        stderr.Flush();
    }

    private void Draw(long rows, long hits, bool final)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        var sb = new StringBuilder("\r");
        if (input is { CanSeek: true, Length: > 0 })
        {
            var fraction = final ? 1.0 : Math.Clamp((double)input.Position / input.Length, 0, 1);
            var filled = (int)(fraction * Width);
            sb.Append('[').Append('#', filled).Append('-', Width - filled).Append(CultureInfo.InvariantCulture, $"] {fraction,4:P0} ");
        }
        sb.Append(CultureInfo.InvariantCulture, $"{rows:N0} names, {hits:N0} hits, {rows / seconds:N0} names/s");
        if (final) sb.Append(CultureInfo.InvariantCulture, $", {seconds:0.0} s");
        sb.Append("   ");
        stderr.Write(sb.ToString());
        stderr.Flush();
    }
}
