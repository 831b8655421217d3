namespace Screening.Watchlists;

/// <summary>Serves a list that is already in memory.</summary>
public sealed class InMemoryWatchlistProvider : IWatchlistProvider
{
    private readonly Watchlist _watchlist;

    /// <summary>Creates the provider.</summary>
    public InMemoryWatchlistProvider(Watchlist watchlist)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        _watchlist = watchlist;
    }

    /// <inheritdoc />
    public string Source => $"memory:{_watchlist.Id}";

    /// <inheritdoc />
    public Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_watchlist);
    }
}
