using System.Collections.Concurrent;
using Screening.Identifiers;
using Screening.Matching;
using Screening.Watchlists;

namespace Screening;

// Everything one screen reads, built off the hot path and swapped atomically on reload.
internal sealed class Snapshot
{
    private Snapshot(IReadOnlyList<Watchlist> lists, MatchEngine engine)
    {
        Lists = lists;
        Engine = engine;
        _identifiers = new Lazy<IdentifierIndex>(() => IdentifierIndex.Build(lists), LazyThreadSafetyMode.ExecutionAndPublication);
        var infos = new WatchlistInfo[lists.Count];
        for (var i = 0; i < lists.Count; i++) infos[i] = LoadPolicy.Describe(lists[i]);
        Infos = infos;
    }

    public IReadOnlyList<Watchlist> Lists { get; }
    public IReadOnlyList<WatchlistInfo> Infos { get; }
    public MatchEngine Engine { get; }

    /// <summary>
    /// Every identifier of the lists, classified and validated, by value: built by the first screen that carries an
    /// identifier, so screens of names alone never pay for it.
    /// </summary>
    public IdentifierIndex Identifiers => _identifiers.Value;

    private readonly Lazy<IdentifierIndex> _identifiers;

    /// <summary>Whether a screen has needed the identifier index yet (tests).</summary>
    internal bool IdentifierIndexBuilt => _identifiers.IsValueCreated;

    public static Snapshot Create(IReadOnlyList<Watchlist> lists, CancellationToken ct = default) => new(lists, MatchEngine.Build(lists, ct));

    // The entries each distinct filter (or pair of filters) allows: computed once per snapshot, not per screen.
    private readonly ConcurrentDictionary<string, bool[]> _allowed = new(StringComparer.Ordinal);

    /// <summary>Per entry index of the engine, whether every given filter allows it; null when no filter is given.</summary>
    public bool[]? Allowed(ScreeningFilter? screener, ScreeningFilter? request)
    {
        if (screener is null && request is null) return null;
        var key = $"{screener}|{request}";
        if (_allowed.TryGetValue(key, out var cached)) return cached;
        var entries = Engine.Index.Entries;
        var allowed = new bool[entries.Length];
        for (var e = 0; e < entries.Length; e++)
        {
            var (list, entry) = entries[e];
            allowed[e] = (screener?.Allows(list.Id, entry) ?? true) && (request?.Allows(list.Id, entry) ?? true);
        }
        // Bounded: requests that each bring a new filter pay for theirs, and do not grow the memory.
        if (_allowed.Count < MaxCachedFilters) _allowed.TryAdd(key, allowed);
        return allowed;
    }

    private const int MaxCachedFilters = 256;

    public static async Task<Snapshot> LoadAsync(IReadOnlyList<IWatchlistProvider> providers, Snapshot? previous, ScreeningOptions options, CancellationToken ct)
    {
        var tasks = new Task<Watchlist>[providers.Count];
        for (var i = 0; i < providers.Count; i++) tasks[i] = LoadOne(providers[i], options, ct);
        var lists = await Task.WhenAll(tasks).ConfigureAwait(false);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            if (!ids.Add(list.Id))
                throw new InvalidOperationException($"Two lists share the id '{list.Id}'; give each provider a distinct list id.");
        }

        if (previous is not null) LoadPolicy.CheckReload(previous.Lists, lists, options);
        // The same source bytes and the same entries as the lists serving: the index would come out the same, so keep it.
        if (previous is not null && SameSources(previous.Lists, lists)) return previous;
        return await Task.Run(() => Create(lists, ct), ct).ConfigureAwait(false);
    }

    private static bool SameSources(IReadOnlyList<Watchlist> serving, IReadOnlyList<Watchlist> loaded)
    {
        if (serving.Count != loaded.Count) return false;
        for (var i = 0; i < loaded.Count; i++)
        {
            var (a, b) = (serving[i], loaded[i]);
            if (a.Version.Sha256 is null || a.Version.Sha256 != b.Version.Sha256 || !WatchlistContent.Same(a, b)) return false;
        }
        return true;
    }

    private static async Task<Watchlist> LoadOne(IWatchlistProvider provider, ScreeningOptions options, CancellationToken ct)
    {
        var list = await provider.LoadAsync(ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Provider '{provider.Source}' returned no list.");
        LoadPolicy.CheckLoaded(list, provider.Source, options);
        return list;
    }
}

/// <summary>A reload was refused; the previous lists keep serving.</summary>
public sealed class WatchlistReloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WatchlistReloadException(string message) : base(message) { }
}
