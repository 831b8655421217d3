using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Screening.Watchlists;

/// <summary>A record exceeded <see cref="XmlReadLimits.MaxRecordBytes"/>.</summary>
internal sealed class RecordTooLargeException(long line, string element) : IOException($"record '{element}' at line {line} is too large")
{
    public long Line { get; } = line;
    public string Element { get; } = element;
}

/// <summary>
/// A read-only pass-through stream that adds every byte it hands out to the load's source hash and, while a record is
/// open, fails once the record has pulled more than the allowed number of bytes.
/// </summary>
internal sealed class GuardedReadStream(Stream inner, long maxRecordBytes, WatchlistAccumulator load) : Stream
{
    private long _total;
    private long _mark = -1;
    private long _markLine;
    private string _markElement = "";

    public void BeginRecord(long line, string element)
    {
        _mark = _total;
        _markLine = line;
        _markElement = element;
    }

    public void EndRecord() => _mark = -1;

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 14];
        while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    private int Account(ReadOnlySpan<byte> data)
    {
        load.AppendSource(data);
        _total += data.Length;
        if (_mark >= 0 && _total - _mark > maxRecordBytes) throw new RecordTooLargeException(_markLine, _markElement);
        return data.Length;
    }

    public override int Read(byte[] buffer, int offset, int count) => Account(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer) => Account(buffer[..inner.Read(buffer)]);

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var n = await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
        return Account(buffer.AsSpan(offset, n));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Account(buffer.Span[..n]);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _total; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
