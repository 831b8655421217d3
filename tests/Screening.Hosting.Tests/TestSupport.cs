using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Screening.Watchlists;

namespace Screening.Hosting.Tests;

// A temporary folder holding a copy of the sample JSON list, deleted at the end of the test.
internal sealed class ListFolder : IDisposable
{
    public ListFolder()
    {
        Folder = Directory.CreateTempSubdirectory("screening-hosting-").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sample.json"), ListFile);
    }

    public string Folder { get; }

    public string ListFile => Path.Combine(Folder, "list.json");

    // Renames the second entry, as a new publication of the list would.
    public void Publish(string newName, string version)
    {
        var text = File.ReadAllText(ListFile)
            .Replace("SHENZHEN EXAMPLE ELECTRONICS", newName, StringComparison.Ordinal)
            .Replace("\"version\": \"2026-11-01\"", $"\"version\": \"{version}\"", StringComparison.Ordinal);
        ReplaceAtomically(text);
    }

    public void Corrupt() => ReplaceAtomically("{ \"id\": \"in-house\", \"entries\": [ { \"id\": ");

    private void ReplaceAtomically(string text)
    {
        var tmp = ListFile + ".tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, ListFile, overwrite: true);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

// Counts loads and can hold the first one until released, to observe the service before the lists are loaded.
internal sealed class CountingProvider(IWatchlistProvider inner, bool holdFirstLoad = false) : IWatchlistProvider, IWatchlistFileSource
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    public string Source => inner.Source;

    public IReadOnlyList<string> SourceFiles => inner is IWatchlistFileSource f ? f.SourceFiles : [];

    public void Release() => _release.TrySetResult();

    public async Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _loads) == 1 && holdFirstLoad) await _release.Task.WaitAsync(cancellationToken);
        return await inner.LoadAsync(cancellationToken);
    }
}

internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(EventId Id, LogLevel Level, string Message)> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CollectingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Events.Enqueue((eventId, logLevel, formatter(state, exception)));
    }
}

internal static class Eventually
{
    // Polls until the condition holds; the timeout only bounds a failing test, it asserts nothing about speed.
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting until " + what);
            await Task.Delay(25);
        }
    }
}
