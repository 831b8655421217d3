using System.Reflection;
using System.Text.Json;
using Screening.Watchlists;

namespace Screening.Cli;

/// <summary>Process exit codes; a contract with scripts and CI jobs.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int InputError = 2;
    public const int Hit = 3;
    public const int Cancelled = 130;

    /// <summary>Standard output was closed by its reader (<c>| head</c>): 128 + SIGPIPE, as shells report a process SIGPIPE ended.</summary>
    public const int OutputClosed = 141;

    /// <summary>Stopped by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;
}

/// <summary>The reader of standard output went away (EPIPE): the run stops at once, silently, with <see cref="ExitCodes.OutputClosed"/>.</summary>
internal sealed class OutputClosedException(Exception inner) : IOException("standard output was closed by its reader", inner);

/// <summary>An input the tool cannot use (a file, row or field); the message names it. Exit code 2.</summary>
internal sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>How the process is attached to the terminal.</summary>
/// <param name="ShowProgress">Draw a progress counter on standard error (only when it is a terminal; never in tests).</param>
/// <param name="Stdin">The raw bytes of standard input, decoded strictly (UTF-8 or <c>--encoding</c>); null: use the text reader.</param>
internal sealed record CliSettings(bool ShowProgress = false, Stream? Stdin = null);

/// <summary>The tool's entry point, callable in-process: it writes only to the given writers and returns the exit code.</summary>
internal static class Cli
{
    public const string Tool = "screening";

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        CliSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        settings ??= new CliSettings();

        Arguments parsed;
        try
        {
            parsed = Arguments.Parse(args);
        }
        catch (UsageException ex)
        {
            var help = ex.Command == CommandKind.None ? $"{Tool} --help" : $"{Tool} {Arguments.CommandName(ex.Command)} --help";
            return Fail(stderr, ExitCodes.InputError, $"{ex.Message} (see '{help}')");
        }

        if (parsed.Version)
        {
            await stdout.WriteLineAsync($"{Tool} {Version()}").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        if (parsed.Help)
        {
            await stdout.WriteLineAsync(Usage.For(parsed.Command)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        try
        {
            var code = parsed.Command switch
            {
                CommandKind.Screen => await ScreenCommand.RunAsync(parsed, stdout, stderr, cancellationToken).ConfigureAwait(false),
                CommandKind.Batch => await BatchCommand.RunAsync(parsed, stdin, stdout, stderr, settings, cancellationToken).ConfigureAwait(false),
                CommandKind.Lists => await ListsCommand.RunAsync(parsed, stdout, stderr, cancellationToken).ConfigureAwait(false),
                CommandKind.Export => await ExportCommand.RunAsync(parsed, stdout, stderr, cancellationToken).ConfigureAwait(false),
                CommandKind.Rescreen => await RescreenCommand.RunAsync(parsed, stdin, stdout, stderr, cancellationToken).ConfigureAwait(false),
                _ => throw new UsageException("no command given"),
            };
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            return code;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(stderr, ExitCodes.Cancelled, "cancelled");
        }
        catch (Exception ex) when (Unwrap(ex) is OutputClosedException)
        {
            // `screening batch big.csv | head -1`: the reader has what it wanted; stop screening, say nothing.
            return ExitCodes.OutputClosed;
        }
        catch (Exception ex) when (Describe(Unwrap(ex)) is { } message)
        {
            return Fail(stderr, ExitCodes.InputError, message);
        }
        catch (Exception caught)
        {
            var ex = Unwrap(caught);
            // A bug, not bad input: still one line, but say what it was so it can be reported.
            var trace = Environment.GetEnvironmentVariable("SCREENING_DEBUG") == "1" ? " " + OneLine(ex.ToString()) : "";
            return Fail(stderr, ExitCodes.Unexpected, $"unexpected {ex.GetType().Name}: {ex.Message}{trace}");
        }
    }

    /// <summary>The one-line message for an input or usage error, or null when the exception is not one.</summary>
    internal static string? Describe(Exception ex) => ex switch
    {
        UsageException u => u.Message,
        InvalidDataException d => d.Message,
        InputException i => i.Message,
        WatchlistFormatException w => w.Message,
        WatchlistLoadException l => l.Failure switch
        {
            LoadFailure.Empty => l.Detail + " Fix the source, or pass --allow-empty to accept an empty list.",
            LoadFailure.BelowMinimum => l.Detail + " (--min-entries)",
            LoadFailure.Strict => l.Detail + " (--strict refuses it)",
            _ => l.Message,
        },
        FileNotFoundException f => $"file not found: {f.FileName ?? f.Message}",
        DirectoryNotFoundException d => $"folder not found: {d.Message}",
        UnauthorizedAccessException a => $"access denied: {a.Message}",
        FormatException f => f.Message,
        ArgumentException a => a.ParamName is null ? a.Message : a.Message.Replace($" (Parameter '{a.ParamName}')", "", StringComparison.Ordinal),
        JsonException j => j.Message,
        IOException io => io.Message,
        _ => null,
    };

    // Parallel.For wraps what a worker threw; the user needs the inner exception.
    internal static Exception Unwrap(Exception ex) =>
        ex is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : ex;

    private static int Fail(TextWriter stderr, int code, string message)
    {
        stderr.WriteLine($"{Tool}: error: {OneLine(message)}");
        stderr.Flush();
        return code;
    }

    internal static string OneLine(string s) =>
        s.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Trim();

    private static string Version()
    {
        var a = typeof(Cli).Assembly;
        var v = a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? a.GetName().Version?.ToString() ?? "?";
        var plus = v.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? v : v[..plus];
    }
}
