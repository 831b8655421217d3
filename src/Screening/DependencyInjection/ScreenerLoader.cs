using Screening.Watchlists;

namespace Screening;

/// <summary>
/// Builds the <see cref="Screener"/> of a service collection once, asynchronously, and shares it. A failed build is
/// not kept: the next request builds again. Registered by <c>AddSanctionsScreening</c>; a hosted service (see the
/// Screening.Hosting package) awaits it at start so that no request waits for the lists.
/// </summary>
public sealed class ScreenerLoader
{
    private readonly ScreenerBuilder _builder;
    private readonly Lock _gate = new();
    private Task<Screener>? _load;

    internal ScreenerLoader(ScreenerBuilder builder) => _builder = builder;

    /// <summary>The providers the screener loads from (without the built-in list, which the options add).</summary>
    public IReadOnlyList<IWatchlistProvider> Providers => _builder.Providers;

    /// <summary>Whether the screener has been built.</summary>
    public bool IsLoaded => Volatile.Read(ref _load) is { IsCompletedSuccessfully: true };

    /// <summary>
    /// Returns the screener, building it on the first call. Concurrent callers share one build; after a failed build,
    /// the next call starts a new one.
    /// </summary>
    /// <param name="cancellationToken">Stops this caller's wait; the shared build goes on.</param>
    /// <exception cref="WatchlistFormatException">A list is malformed.</exception>
    public Task<Screener> GetScreenerAsync(CancellationToken cancellationToken = default)
    {
        var load = Volatile.Read(ref _load);
        if (load is null || load.IsFaulted || load.IsCanceled)
        {
            lock (_gate)
            {
                load = _load;
                // List loading is I/O: it runs off the caller's synchronization context.
                if (load is null || load.IsFaulted || load.IsCanceled)
                    Volatile.Write(ref _load, load = Task.Run(() => _builder.BuildAsync()));
            }
        }
        return cancellationToken.CanBeCanceled ? load.WaitAsync(cancellationToken) : load;
    }

    // For a synchronous resolution of Screener; the build runs on the thread pool.
    internal Screener GetScreener() => GetScreenerAsync().GetAwaiter().GetResult();
}
