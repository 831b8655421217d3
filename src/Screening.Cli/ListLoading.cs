using Screening.Watchlists;

namespace Screening.Cli;

/// <summary>Turns the <c>--list</c> SPECs into providers and loads them; the library does all the work.</summary>
internal static class ListLoading
{
    /// <summary>The providers the SPECs name; the built-in list when there are none.</summary>
    public static IReadOnlyList<IWatchlistProvider> Providers(Arguments args)
    {
        var providers = new List<IWatchlistProvider>(args.Lists.Count);
        foreach (var spec in args.Lists) providers.Add(WatchlistSpec.CreateProvider(spec));
        return providers;
    }

    /// <summary>Builds a screener over the lists (the library's built-in list when no SPEC is given).</summary>
    public static async Task<Screener> BuildScreenerAsync(Arguments args, CancellationToken cancellationToken)
    {
        var builder = new ScreenerBuilder();
        foreach (var p in Providers(args)) builder.AddProvider(p);
        builder.Configure(o =>
        {
            if (args.Threshold is { } t) o.Threshold = t;
            if (args.Limit is { } n) o.MaxMatches = n;
        });
        try
        {
            return await builder.BuildAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            // Two lists with one id, or the built-in list missing from this build: the user's setup, not a bug.
            throw new InputException(Hint(args, ex.Message), ex);
        }
    }

    /// <summary>Loads every list without building a match index (for lists and export).</summary>
    public static async Task<IReadOnlyList<(IWatchlistProvider Provider, Watchlist List)>> LoadAsync(Arguments args, CancellationToken cancellationToken)
    {
        var providers = Providers(args);
        if (providers.Count == 0) providers = [BuiltInWatchlist.CreateProvider()];
        var loaded = new List<(IWatchlistProvider, Watchlist)>(providers.Count);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in providers)
        {
            Watchlist list;
            try
            {
                list = await p.LoadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                throw new InputException(Hint(args, ex.Message), ex);
            }
            if (ids.TryGetValue(list.Id, out var other))
                throw new InputException($"two lists share the id '{list.Id}': {other} and {p.Source}");
            ids.Add(list.Id, p.Source);
            loaded.Add((p, list));
        }
        return loaded;
    }

    private static string Hint(Arguments args, string message) =>
        args.Lists.Count == 0 ? message + " Name the lists to screen with --list KIND:PATH." : message;
}
