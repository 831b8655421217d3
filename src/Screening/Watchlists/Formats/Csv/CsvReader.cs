using System.Buffers;
using System.Text;

namespace Screening.Watchlists;

/// <summary>
/// A streaming RFC 4180 reader: quoted fields with embedded separators, quotes and newlines; CRLF, LF or CR line ends;
/// a trailing 0x1A (DOS end-of-file) byte ignored; a leading byte-order mark (U+FEFF) skipped. Malformed quoting is a
/// <see cref="WatchlistFormatException"/> naming the file, the record's line and the field.
/// </summary>
internal sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly string _file;
    private readonly char _separator;
    private readonly SearchValues<char> _unquotedSpecials;
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();
    private char[] _buffer = new char[1 << 16];
    private int _pos;
    private int _len;
    private long _line = 1;
    private long _record;
    private bool _started;

    /// <summary>Creates a reader over a text reader.</summary>
    /// <param name="reader">The text; disposed with this reader.</param>
    /// <param name="file">The file name used in messages.</param>
    /// <param name="separator">The field separator. Default comma.</param>
    public CsvReader(TextReader reader, string file, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _file = file;
        _separator = separator;
        _unquotedSpecials = SearchValues.Create([separator, '"', '\r', '\n', '\u001A']);
    }

    /// <summary>
    /// Opens a file, detecting a UTF-8 or UTF-16 BOM; without one, bytes are strict UTF-8 (invalid UTF-8 is a
    /// <see cref="WatchlistFormatException"/> naming the line and byte offset) or decoded with <paramref name="fallback"/>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="fallback">The encoding when there is no BOM: null (the default) or UTF-8 for strict UTF-8; OFAC's legacy files are Latin-1.</param>
    /// <param name="separator">The field separator. Default comma.</param>
    /// <param name="hint">Appended to an invalid-UTF-8 message: what the user can do about it.</param>
    public static CsvReader Open(string path, Encoding? fallback = null, char separator = ',', string hint = "")
    {
        var stream = ListFiles.OpenRead(path);
        return new CsvReader(Utf8Text.Open(stream, path, fallback is UTF8Encoding ? null : fallback, hint), path, separator);
    }

    /// <summary>The line on which the current record starts (1-based).</summary>
    public long RecordLine { get; private set; }

    /// <summary>The number of records read so far (the current one included).</summary>
    public long RecordNumber => _record;

    /// <summary>The file name used in messages.</summary>
    public string File => _file;

    /// <summary>
    /// Column names (usually the header) used to name the field in error messages; when unset or too short, fields
    /// are named by their 1-based position (<c>#3</c>).
    /// </summary>
    public IReadOnlyList<string>? FieldNames { get; set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end. Blank lines are skipped.</summary>
    public bool TryReadRecord(out IReadOnlyList<string> fields)
    {
        fields = _fields;
        while (true)
        {
            _fields.Clear();
            _field.Clear();
            if (!Fill()) return false;
            if (!_started)
            {
                _started = true;
                if (_buffer[_pos] == '\uFEFF' && ++_pos >= _len && !Fill()) return false; // a BOM the decoder left in
            }
            RecordLine = _line;
            if (!ReadFields()) continue; // blank line
            _record++;
            return true;
        }
    }

    // What ended a field.
    private enum FieldEnd
    {
        Separator,
        LineEnd,
        DataEnd,
    }

    // Reads the fields of one record into _fields; false when the line holds nothing at all.
    private bool ReadFields()
    {
        while (true)
        {
            var end = ReadField(out var quoted);
            if (end != FieldEnd.Separator && _fields.Count == 0 && _field.Length == 0 && !quoted) return false;
            _fields.Add(_field.ToString());
            _field.Clear();
            if (end != FieldEnd.Separator) return true;
        }
    }

    // Reads one field into _field: unquoted text, or blanks then a quoted section then blanks.
    private FieldEnd ReadField(out bool quoted)
    {
        quoted = false;
        while (true)
        {
            if (_pos >= _len && !Fill()) return FieldEnd.DataEnd;
            // Copy the run of ordinary characters up to the next one that matters in one go.
            var run = _buffer.AsSpan(_pos, _len - _pos);
            var k = run.IndexOfAny(_unquotedSpecials);
            if (k != 0)
            {
                if (k < 0) k = run.Length;
                _field.Append(run[..k]);
                _pos += k;
                continue;
            }
            var c = _buffer[_pos++];
            if (c == _separator) return FieldEnd.Separator;
            if (c is '\r' or '\n') return EndLine(c);
            if (c == '\u001A')
            {
                if (OnlyEndOfFileMarksRemain()) return EndData();
                _field.Append(c);
                continue;
            }
            // A quote: it opens the field, after blanks at most.
            if (!IsBlank(_field)) throw Error("a quote inside an unquoted field (bad quoting)");
            _field.Clear();
            quoted = true;
            ReadQuoted();
            return AfterClosingQuote();
        }
    }

    // Reads a quoted section from after its opening quote to past its closing quote; "" is a quote.
    private void ReadQuoted()
    {
        while (true)
        {
            if (_pos >= _len && !Fill()) throw Error("unterminated quoted field (the file may be truncated)");
            var run = _buffer.AsSpan(_pos, _len - _pos);
            var k = run.IndexOfAny('"', '\r', '\n');
            if (k != 0)
            {
                if (k < 0) k = run.Length;
                _field.Append(run[..k]);
                _pos += k;
                continue;
            }
            var c = _buffer[_pos++];
            if (c == '"')
            {
                if (_pos >= _len) Fill();
                if (_pos < _len && _buffer[_pos] == '"') { _field.Append('"'); _pos++; continue; }
                return;
            }
            if (c == '\n') _line++;
            else
            {
                // A CR of a CRLF pair may end the buffer: look at the next block before counting.
                if (_pos >= _len) Fill();
                if (!(_pos < _len && _buffer[_pos] == '\n')) _line++;
            }
            _field.Append(c);
        }
    }

    // After a closing quote only blanks may come before the separator or the line end.
    private FieldEnd AfterClosingQuote()
    {
        while (true)
        {
            if (_pos >= _len && !Fill()) return FieldEnd.DataEnd;
            var c = _buffer[_pos++];
            if (c == _separator) return FieldEnd.Separator;
            if (c is '\r' or '\n') return EndLine(c);
            if (c == '\u001A' && OnlyEndOfFileMarksRemain()) return EndData();
            if (c == '"') throw Error("a second quoted section after a closing quote (bad quoting)");
            if (c is ' ' or '\t') continue; // OFAC writes `"x" ,` in places
            throw Error($"unexpected '{c}' after a closing quote (bad quoting)");
        }
    }

    // Consumes a line end (CR, LF or CRLF) whose first character was just read.
    private FieldEnd EndLine(char c)
    {
        if (c == '\r')
        {
            if (_pos >= _len) Fill();
            if (_pos < _len && _buffer[_pos] == '\n') _pos++;
        }
        _line++;
        return FieldEnd.LineEnd;
    }

    // Only end-of-file marks and line ends remain: they end the data.
    private FieldEnd EndData()
    {
        _pos = _len;
        return FieldEnd.DataEnd;
    }

    private static bool IsBlank(StringBuilder sb)
    {
        for (var i = 0; i < sb.Length; i++) if (sb[i] is not (' ' or '\t')) return false;
        return true;
    }

    private string FieldName()
    {
        var i = _fields.Count;
        var names = FieldNames;
        return names is not null && i < names.Count && !string.IsNullOrEmpty(names[i]) ? names[i] : $"#{i + 1}";
    }

    // Names the record's first line; a multi-line record also names the line where the fault is.
    private WatchlistFormatException Error(string reason) =>
        new(_file, RecordLine, FieldName(), _line == RecordLine ? reason : $"{reason}, at line {_line}");

    // Whether only 0x1A and line ends follow _pos. Consumes nothing: an 0x1A inside the data is kept, and the line
    // ends after it still end the record. Reads ahead by compacting (and, for a pathological run, growing) the buffer.
    private bool OnlyEndOfFileMarksRemain()
    {
        var i = _pos;
        while (true)
        {
            for (; i < _len; i++)
            {
                if (_buffer[i] is not ('\u001A' or '\r' or '\n')) return false;
            }
            if (_pos > 0)
            {
                Array.Copy(_buffer, _pos, _buffer, 0, _len - _pos);
                i -= _pos;
                _len -= _pos;
                _pos = 0;
            }
            if (_len == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            var n = _reader.Read(_buffer, _len, _buffer.Length - _len);
            if (n <= 0) return true;
            _len += n;
        }
    }

    private bool Fill()
    {
        if (_pos < _len) return true;
        _len = _reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len > 0;
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();
}
