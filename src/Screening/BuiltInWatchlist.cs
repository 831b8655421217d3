using Screening.Watchlists.Formats.Json;

namespace Screening;

/// <summary>
/// The curated watchlist embedded in the package: firms tied to Russia's defense procurement and their
/// third-country suppliers, generated from public-domain US-government lists. It ages: load the official
/// files through the providers when you need today's designations.
/// </summary>
public static class BuiltInWatchlist
{
    /// <summary>The list id of the built-in watchlist.</summary>
    public const string Id = "screening-russia-defense";

    internal const string ResourceName = "Screening.BuiltIn." + Id + ".json";

    /// <summary>Creates a provider of the built-in list.</summary>
    /// <param name="filter">Keeps only the entries it accepts (e.g. by role tag, country or program); all when null.</param>
    public static IWatchlistProvider CreateProvider(Func<WatchlistEntry, bool>? filter = null) => new Provider(filter);

    /// <summary>Loads the built-in list.</summary>
    public static Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default) => new Provider(null).LoadAsync(cancellationToken);

    private sealed class Provider(Func<WatchlistEntry, bool>? filter) : IWatchlistProvider
    {
        public string Source => "builtin:" + Id;

        public async Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default)
        {
            var json = new JsonWatchlistProvider(
                () => typeof(BuiltInWatchlist).Assembly.GetManifestResourceStream(ResourceName)
                      ?? throw new InvalidOperationException($"The built-in watchlist resource '{ResourceName}' is missing from the assembly."),
                Source);
            var list = await json.LoadAsync(cancellationToken).ConfigureAwait(false);
            if (filter is null) return list;
            var kept = new List<WatchlistEntry>();
            foreach (var e in list.Entries)
                if (filter(e)) kept.Add(e);
            return new Watchlist(list.Id, list.DisplayName, list.Version, kept, list.Report);
        }
    }
}
