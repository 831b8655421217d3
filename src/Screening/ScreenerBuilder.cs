using Screening.Watchlists;

namespace Screening;

/// <summary>Collects watchlist providers and options, loads the lists and builds an immutable, thread-safe <see cref="Screener"/>.</summary>
/// <example>
/// <code>
/// var screener = await new ScreenerBuilder()
///     .AddProvider(new OfacSdnProvider("data/ofac_sdn"))
///     .Configure(o => o.Threshold = 0.85)
///     .BuildAsync();
/// var result = screener.Screen("IEMZ Kupol");
/// </code>
/// </example>
public sealed class ScreenerBuilder
{
    private readonly List<IWatchlistProvider> _providers = [];
    private readonly ScreeningOptions _options = new();

    /// <summary>Creates an empty builder with default options.</summary>
    public ScreenerBuilder() { }

    // From options already configured (dependency injection).
    internal ScreenerBuilder(ScreeningOptions options) => _options = options.Clone();

    /// <summary>The providers added so far.</summary>
    public IReadOnlyList<IWatchlistProvider> Providers => _providers;

    /// <summary>Adds a provider whose list is screened.</summary>
    public ScreenerBuilder AddProvider(IWatchlistProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _providers.Add(provider);
        return this;
    }

    /// <summary>Adds an already loaded list.</summary>
    public ScreenerBuilder AddWatchlist(Watchlist watchlist)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        _providers.Add(new InMemoryWatchlistProvider(watchlist));
        return this;
    }

    /// <summary>Changes the options.</summary>
    public ScreenerBuilder Configure(Action<ScreeningOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_options);
        return this;
    }

    /// <summary>Sets the clock used for result timestamps.</summary>
    public ScreenerBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options.TimeProvider = timeProvider;
        return this;
    }

    /// <summary>Validates the options, loads every list and builds the screener.</summary>
    /// <param name="cancellationToken">Cancels the loads.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="WatchlistFormatException">A list is malformed.</exception>
    /// <exception cref="WatchlistLoadException">A list loaded no entries or fewer than its minimum, or, under
    /// <see cref="ScreeningOptions.StrictLoading"/>, rejected rows or has a truncated or missing file.</exception>
    public async Task<Screener> BuildAsync(CancellationToken cancellationToken = default)
    {
        var options = _options.Clone();
        options.Validate();
        var providers = EffectiveProviders(_providers, options);
        var snapshot = await Snapshot.LoadAsync(providers, previous: null, options, cancellationToken).ConfigureAwait(false);
        return new Screener(providers, options, snapshot);
    }

    internal static IReadOnlyList<IWatchlistProvider> EffectiveProviders(IReadOnlyList<IWatchlistProvider> added, ScreeningOptions options)
    {
        var list = new List<IWatchlistProvider>(added);
        if ((list.Count == 0 && options.UseBuiltInWatchlist) || options.AlwaysIncludeBuiltInWatchlist)
            list.Add(BuiltInWatchlist.CreateProvider(options.BuiltInWatchlistFilter));
        if (list.Count == 0)
            throw new InvalidOperationException("No watchlist: add a provider, or leave ScreeningOptions.UseBuiltInWatchlist on.");
        return list;
    }
}
