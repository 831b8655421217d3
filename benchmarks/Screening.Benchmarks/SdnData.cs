using Screening.Watchlists;

namespace Screening.Benchmarks;

// The real list every benchmark screens against: the full OFAC SDN legacy CSV set under <data>/ofac_sdn.
internal static class SdnData
{
    private static readonly Lazy<Watchlist> Cached = new(LoadFresh, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IWatchlistProvider CreateProvider()
    {
        var folder = BenchSettings.SdnFolder;
        if (!File.Exists(Path.Combine(folder, "sdn.csv")))
            throw new InvalidOperationException($"No OFAC SDN data at {folder} (expected sdn.csv there); pass --data PATH to the folder holding ofac_sdn/.");
        return new OfacSdnProvider(folder);
    }

    /// <summary>The list, loaded once per process.</summary>
    public static Watchlist List => Cached.Value;

    public static Watchlist LoadFresh() => CreateProvider().LoadAsync().GetAwaiter().GetResult();

    public static Screener BuildScreener(Watchlist list) =>
        new ScreenerBuilder().AddWatchlist(list).BuildAsync().GetAwaiter().GetResult();

    /// <summary>Every non-empty name of every entry (primary names and aliases), in list order.</summary>
    public static string[] AllNames(Watchlist list)
    {
        var names = new List<string>();
        foreach (var e in list.Entries)
            foreach (var n in e.Names)
                if (!string.IsNullOrWhiteSpace(n.Value)) names.Add(n.Value);
        return [.. names];
    }
}
