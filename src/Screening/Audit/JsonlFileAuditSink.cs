using System.Text;
using System.Threading.Channels;

namespace Screening.Audit;

/// <summary>Where audit records go: a file (<see cref="JsonlFileAuditSink"/>), a database, a message queue.</summary>
public interface IScreeningAuditSink
{
    /// <summary>Records one screen. May complete asynchronously; a failure must surface, never be swallowed.</summary>
    ValueTask WriteAsync(ScreeningAuditRecord record, CancellationToken cancellationToken = default);
}

/// <summary>
/// Appends audit records to a JSON Lines file, one record per line. Thread-safe: any number of screens write at once
/// into a bounded queue that one background writer drains; when the queue is full, <see cref="WriteAsync"/> waits
/// (memory stays bounded). The file is flushed whenever the queue runs empty and on <see cref="FlushAsync"/> and
/// dispose. A write error (disk full, file gone) fails every later call with it.
/// </summary>
public sealed class JsonlFileAuditSink : IScreeningAuditSink, IAsyncDisposable, IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private readonly Channel<Item> _queue;
    private readonly StreamWriter _writer;
    private readonly Task _drain;
    private Exception? _failure;
    private int _disposed;

    /// <summary>Opens (or creates) <paramref name="path"/> for appending.</summary>
    /// <param name="path">The JSONL file.</param>
    /// <param name="capacity">Records queued at most before writers wait. Default 4,096.</param>
    public JsonlFileAuditSink(string path, int capacity = 4096)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Path = path;
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer = new StreamWriter(stream, Utf8NoBom, 1 << 16) { AutoFlush = false, NewLine = "\n" };
        _queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _drain = Task.Run(DrainAsync);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public ValueTask WriteAsync(ScreeningAuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ThrowIfFailedOrDisposed();
        var line = record.ToJson();
        // The fast path completes synchronously while the queue has room.
        return _queue.Writer.TryWrite(new Item(line, null)) ? ValueTask.CompletedTask : _queue.Writer.WriteAsync(new Item(line, null), cancellationToken);
    }

    /// <summary>Waits until every record written so far is in the file (flushed to the operating system).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFailedOrDisposed();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new Item(null, done), cancellationToken).ConfigureAwait(false);
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfFailed();
    }

    /// <summary>Writes what is queued, flushes to disk and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _queue.Writer.TryComplete();
        await _drain.ConfigureAwait(false);
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // The buffer could not be written out on close: the same failure, already recorded or not.
            _failure ??= ex;
        }
        ThrowIfFailed();
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    // Runs until the queue is completed. After a write error it keeps reading, so writers and flush waiters never
    // hang; they see the failure instead.
    private async Task DrainAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (item.Line is not null) await GuardAsync(() => _writer.WriteLineAsync(item.Line)).ConfigureAwait(false);
                else
                {
                    await GuardAsync(() => _writer.FlushAsync()).ConfigureAwait(false);
                    item.Flushed!.TrySetResult();
                }
            }
            await GuardAsync(() => _writer.FlushAsync()).ConfigureAwait(false);
        }
        await GuardAsync(async () =>
        {
            await _writer.FlushAsync().ConfigureAwait(false);
            ((FileStream)_writer.BaseStream).Flush(flushToDisk: true);
        }).ConfigureAwait(false);
    }

    // A write error is kept, and fails every later call.
    private async Task GuardAsync(Func<Task> action)
    {
        if (_failure is not null) return;
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _failure = ex;
        }
    }

    private void ThrowIfFailedOrDisposed()
    {
        ThrowIfFailed();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } f) throw new IOException($"{Path}: writing the audit trail failed: {f.Message}", f);
    }

    private readonly record struct Item(string? Line, TaskCompletionSource? Flushed);
}
