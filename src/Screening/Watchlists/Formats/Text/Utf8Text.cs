using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Screening.Watchlists;

/// <summary>
/// Strict UTF-8: text that is not valid UTF-8 is an error naming the file, the line and the byte offset, never
/// U+FFFD replacement characters that make a listed name (or a screened one) silently unmatchable.
/// </summary>
internal static class Utf8Text
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The offset of the first byte that is not valid UTF-8, or -1 when all are valid.</summary>
    public static long FindInvalid(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return -1;
        Span<char> chars = stackalloc char[1024];
        long offset = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status != OperationStatus.DestinationTooSmall) return status == OperationStatus.Done ? -1 : offset + read;
            bytes = bytes[read..];
            offset += read;
        }
    }

    /// <summary>Throws when <paramref name="bytes"/> is not valid UTF-8 (a BOM is fine).</summary>
    /// <param name="bytes">The whole source.</param>
    /// <param name="file">The name used in messages.</param>
    /// <param name="hint">What to do about it, appended to the message.</param>
    public static void Validate(ReadOnlySpan<byte> bytes, string file, string hint)
    {
        var at = FindInvalid(bytes);
        if (at < 0) return;
        var lines = new LineCounter();
        lines.Add(bytes[..(int)at]);
        throw Error(file, lines.Line, at, bytes[(int)at..], hint);
    }

    /// <summary>The error for invalid UTF-8 at <paramref name="offset"/>; <paramref name="rest"/> starts there.</summary>
    public static WatchlistFormatException Error(string file, long line, long offset, ReadOnlySpan<byte> rest, string hint)
    {
        var shown = rest[..Math.Min(rest.Length, 4)];
        var hex = new StringBuilder();
        foreach (var b in shown) hex.Append(CultureInfo.InvariantCulture, $"{(hex.Length == 0 ? "" : " ")}0x{b:X2}");
        return new WatchlistFormatException(file, line, null,
            string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 at byte offset {offset} ({hex}...): the text is not UTF-8{hint}"));
    }

    /// <summary>
    /// A reader over <paramref name="stream"/>: a UTF-8 BOM is skipped, a UTF-16 BOM switches to UTF-16, and otherwise the
    /// bytes are strict UTF-8 when <paramref name="encoding"/> is null, or decoded with <paramref name="encoding"/>
    /// (Latin-1 or Windows-1252, where every byte is a character).
    /// </summary>
    public static TextReader Open(Stream stream, string file, Encoding? encoding, string hint)
    {
        var head = new byte[3];
        var n = 0;
        while (n < 3)
        {
            var k = stream.Read(head, n, 3 - n);
            if (k <= 0) break;
            n += k;
        }
        var start = new ReadOnlySpan<byte>(head, 0, n);
        if (start.StartsWith(Bom)) return new StrictUtf8Reader(stream, [], file, hint, bomLength: 3);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new StreamReader(new PrefixedStream(head[..n], stream), Encoding.Unicode, detectEncodingFromByteOrderMarks: true);
        if (encoding is null) return new StrictUtf8Reader(stream, head[..n], file, hint, bomLength: 0);
        return new StreamReader(new PrefixedStream(head[..n], stream), encoding, detectEncodingFromByteOrderMarks: false);
    }

    /// <summary>Counts line ends as <see cref="CsvReader"/> does: LF, CRLF, or a lone CR.</summary>
    internal struct LineCounter
    {
        private long _ends;
        private bool _pendingCr;

        /// <summary>The 1-based line after the bytes added so far.</summary>
        public readonly long Line => _ends + (_pendingCr ? 1 : 0) + 1;

        public void Add(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty) return;
            if (_pendingCr)
            {
                // A CR ending the previous block: a line end of its own, or the first half of a CRLF.
                _ends++;
                _pendingCr = false;
                if (bytes[0] == (byte)'\n') bytes = bytes[1..];
            }
            _ends += bytes.Count((byte)'\n');
            var cr = bytes.Count((byte)'\r');
            if (cr == 0) return;
            // A CR is its own line end unless an LF (already counted) follows it.
            for (var i = bytes.IndexOf((byte)'\r'); i >= 0; i = NextCr(bytes, i))
            {
                if (i == bytes.Length - 1) _pendingCr = true;
                else if (bytes[i + 1] != (byte)'\n') _ends++;
            }
        }

        private static int NextCr(ReadOnlySpan<byte> bytes, int i)
        {
            var k = bytes[(i + 1)..].IndexOf((byte)'\r');
            return k < 0 ? -1 : i + 1 + k;
        }
    }

    // Decodes strict UTF-8 block by block, keeping the absolute byte offset and the line for the error message.
    private sealed class StrictUtf8Reader : TextReader
    {
        private readonly Stream _stream;
        private readonly string _file;
        private readonly string _hint;
        private readonly byte[] _bytes = new byte[1 << 16];
        private readonly char[] _chars = new char[1 << 16];
        private int _start;
        private int _end;
        private long _offset; // of _bytes[0] in the stream
        private LineCounter _lines;
        private bool _eof;
        private int _charPos;
        private int _charLen;

        public StrictUtf8Reader(Stream stream, byte[] initial, string file, string hint, int bomLength)
        {
            _stream = stream;
            _file = file;
            _hint = hint;
            _offset = bomLength;
            initial.CopyTo(_bytes, 0);
            _end = initial.Length;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (_charPos == _charLen && !Decode()) return 0;
            var n = Math.Min(buffer.Length, _charLen - _charPos);
            _chars.AsSpan(_charPos, n).CopyTo(buffer);
            _charPos += n;
            return n;
        }

        public override int Peek() => _charPos == _charLen && !Decode() ? -1 : _chars[_charPos];

        public override int Read() => _charPos == _charLen && !Decode() ? -1 : _chars[_charPos++];

        private bool Decode()
        {
            _charPos = _charLen = 0;
            var needMore = _start == _end;
            while (true)
            {
                if (needMore && !_eof) Fill();
                if (_start == _end) return false;
                var src = _bytes.AsSpan(_start, _end - _start);
                var status = Utf8.ToUtf16(src, _chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: _eof);
                _lines.Add(src[..read]);
                _start += read;
                _charLen = written;
                if (written > 0) return true; // an error after good text surfaces on the next read
                if (status == OperationStatus.InvalidData)
                    throw Error(_file, _lines.Line, _offset + _start, _bytes.AsSpan(_start, _end - _start), _hint);
                needMore = true; // a character split across blocks
            }
        }

        private void Fill()
        {
            // Keep the undecoded tail (at most a partial character) at the front.
            if (_start > 0)
            {
                Array.Copy(_bytes, _start, _bytes, 0, _end - _start);
                _offset += _start;
                _end -= _start;
                _start = 0;
            }
            var n = _stream.Read(_bytes, _end, _bytes.Length - _end);
            if (n <= 0) _eof = true;
            else _end += n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _stream.Dispose();
            base.Dispose(disposing);
        }
    }

    // The bytes read to sniff a BOM, put back in front of the rest of the stream.
    private sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
    {
        private int _pos;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_pos < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _pos);
                prefix.AsSpan(_pos, n).CopyTo(buffer);
                _pos += n;
                return n;
            }
            return inner.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
