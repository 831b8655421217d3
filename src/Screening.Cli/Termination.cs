using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Screening.Cli;

/// <summary>
/// Standard output as the tool writes it: bytes reach the reader only up to the last complete line, so however the run
/// ends (a signal, a crash) the output ends on a whole line; and a reader that went away (EPIPE) surfaces as
/// <see cref="OutputClosedException"/> instead of being ignored while the batch screens on.
/// </summary>
internal sealed class LineSafeStream(Stream inner) : Stream
{
    private readonly Lock _gate = new();
    private byte[] _pending = new byte[1 << 16];
    private int _count;
    private bool _sealed;

    /// <summary>Opens the process's standard output. On Unix a plain file stream on fd 1: the console stream swallows EPIPE.</summary>
    public static Stream OpenStandardOutput() =>
        OperatingSystem.IsWindows()
            ? Console.OpenStandardOutput()
            : new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_gate)
        {
            if (_sealed) return;
            var lastNewline = buffer.LastIndexOf((byte)'\n');
            if (lastNewline < 0)
            {
                Hold(buffer);
                return;
            }
            // The held partial line, then everything up to the last line end, go out; the rest waits for its end.
            Emit(_pending.AsSpan(0, _count));
            _count = 0;
            Emit(buffer[..(lastNewline + 1)]);
            Hold(buffer[(lastNewline + 1)..]);
        }
    }

    /// <summary>Writes everything held, a partial last line included: the normal end of a run.</summary>
    public override void Flush()
    {
        lock (_gate)
        {
            if (_sealed) return;
            Emit(_pending.AsSpan(0, _count));
            _count = 0;
            Guard(inner.Flush);
        }
    }

    /// <summary>Stops all further output once no write is under way (waits at most <paramref name="timeout"/>): before a forced exit.</summary>
    public void Seal(TimeSpan timeout)
    {
        if (!_gate.TryEnter(timeout)) return;
        _sealed = true;
        // Keep the lock: no write may start between here and the exit.
    }

    private void Hold(ReadOnlySpan<byte> bytes)
    {
        if (_count + bytes.Length > _pending.Length) Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _count + bytes.Length));
        bytes.CopyTo(_pending.AsSpan(_count));
        _count += bytes.Length;
    }

    private void Emit(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        try
        {
            inner.Write(bytes);
        }
        catch (IOException ex) when (IsBrokenPipe(ex))
        {
            _sealed = true;
            throw new OutputClosedException(ex);
        }
    }

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (IOException ex) when (IsBrokenPipe(ex))
        {
            _sealed = true;
            throw new OutputClosedException(ex);
        }
    }

    // EPIPE is 32 on Linux and macOS; .NET puts the errno in HResult. A full disk (ENOSPC) stays an error.
    private static bool IsBrokenPipe(IOException ex) => ex.HResult is 32 || ex.HResult == unchecked((int)0x800700E8) || ex.HResult == unchecked((int)0x8007006D);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM stop a run cleanly: the first cancels it, so the batch stops between rows, the
/// temporary output file is deleted and standard output ends on a whole line; exit 130 or 143. A run that cannot stop
/// by itself within the grace period (blocked reading standard input) is ended for it, with the same cleanup. A
/// second signal ends it at once, also with the cleanup.
/// </summary>
internal sealed class Termination : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);
    private readonly CancellationTokenSource _cts;
    private readonly LineSafeStream _stdout;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;
    private volatile int _exitCode;
    private volatile bool _finished;

    public Termination(CancellationTokenSource cts, LineSafeStream stdout)
    {
        _cts = cts;
        _stdout = stdout;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>The exit code the signal asks for (130 or 143), or 0 when no signal came.</summary>
    public int ExitCode => _exitCode;

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true; // the default would end the process before the cleanup
        var code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;
        if (Interlocked.Increment(ref _signals) > 1)
        {
            ForceExit(code);
            return;
        }
        _exitCode = code;
        _cts.Cancel();
        _ = Task.Delay(Grace).ContinueWith(_ => ForceExit(code), TaskScheduler.Default);
    }

    /// <summary>The run has ended and its output is flushed: a pending forced exit has nothing left to do.</summary>
    public void Finish() => _finished = true;

    private void ForceExit(int code)
    {
        if (_finished) return;
        OutputFile.DeletePending();
        _stdout.Seal(TimeSpan.FromSeconds(1));
        Console.Error.WriteLine($"{Cli.Tool}: error: {(code == ExitCodes.Terminated ? "terminated" : "cancelled")}");
        Environment.Exit(code);
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
    }
}
