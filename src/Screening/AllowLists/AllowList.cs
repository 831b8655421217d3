using Screening.Watchlists;

namespace Screening.AllowLists;

/// <summary>
/// Reviewed false positives, indexed for lookup: immutable and thread-safe. <see cref="Apply"/> is the pure function
/// that tells, for the matches of one screen and one customer, which are suppressed, which alert again and why.
/// </summary>
public sealed class AllowList
{
    internal const string NamePrefix = "name:";
    private readonly Dictionary<(string Key, string List, string Entry), AllowDecision[]> _decisions;

    private AllowList(Dictionary<(string, string, string), AllowDecision[]> decisions, int count)
    {
        _decisions = decisions;
        Count = count;
    }

    /// <summary>An allow-list without decisions.</summary>
    public static AllowList Empty { get; } = new([], 0);

    /// <summary>The number of decisions.</summary>
    public int Count { get; }

    /// <summary>Indexes decisions (later decisions about the same customer and entry do not replace earlier ones; the newest applicable one wins).</summary>
    /// <exception cref="ArgumentException">A decision lacks a key, list, entry or content hash.</exception>
    public static AllowList Create(IEnumerable<AllowDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var map = new Dictionary<(string, string, string), List<AllowDecision>>();
        var count = 0;
        foreach (var d in decisions)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(decisions));
            if (string.IsNullOrWhiteSpace(d.CustomerKey) || string.IsNullOrWhiteSpace(d.ListId) || string.IsNullOrWhiteSpace(d.EntryId) || string.IsNullOrWhiteSpace(d.EntryContentHash))
                throw new ArgumentException($"Decision {count} lacks a customer key, list id, entry id or content hash.", nameof(decisions));
            var k = (d.CustomerKey.Trim(), d.ListId, d.EntryId);
            if (!map.TryGetValue(k, out var l)) map[k] = l = [];
            l.Add(d);
            count++;
        }
        var frozen = new Dictionary<(string, string, string), AllowDecision[]>(map.Count);
        // Newest first, so the first applicable decision is the newest.
        foreach (var (k, l) in map) frozen[k] = [.. l.OrderByDescending(d => d.DecidedAt)];
        return new AllowList(frozen, count);
    }

    /// <summary>Loads every decision of a store.</summary>
    public static async Task<AllowList> LoadAsync(IAllowListStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Create(await store.LoadAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>How many (list, entry) pairs have decisions under <paramref name="customerKey"/>.</summary>
    internal int CountFor(string customerKey)
    {
        if (_decisions.Count == 0) return 0;
        if (_countByKey is null)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (key, _, _) in _decisions.Keys) counts[key] = counts.GetValueOrDefault(key) + 1;
            _countByKey = counts;
        }
        return _countByKey.GetValueOrDefault(customerKey.Trim());
    }

    private Dictionary<string, int>? _countByKey;

    /// <summary>
    /// The customer key decisions are recorded and looked up under: <paramref name="customerKey"/> when given, else
    /// <c>name:</c> and the result's normalized name (so the same name, however typed, finds its decisions).
    /// </summary>
    public static string KeyFor(ScreeningResult result, string? customerKey = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.IsNullOrWhiteSpace(customerKey) ? NamePrefix + result.NormalizedQuery : customerKey.Trim();
    }

    /// <summary>
    /// Applies the decisions about <paramref name="customerKey"/> to <paramref name="matches"/>: a match is suppressed
    /// by a decision on the same list and entry whose content hash equals the entry's current one and which has not
    /// expired at <paramref name="now"/>; a decision whose entry changed or which expired is reported and the match
    /// alerts again. Pure: the same input gives the same output.
    /// </summary>
    /// <param name="matches">The matches of one screen.</param>
    /// <param name="customerKey">The key from <see cref="KeyFor"/>.</param>
    /// <param name="now">The time decisions expire against (the screen's time).</param>
    public AllowListResult Apply(IReadOnlyList<ScreeningMatch> matches, string customerKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(customerKey);
        if (_decisions.Count == 0 || matches.Count == 0) return new AllowListResult(matches, []);
        var key = customerKey.Trim();
        List<ScreeningMatch>? alerts = null;
        List<AllowListHit>? hits = null;
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            var hit = _decisions.TryGetValue((key, m.ListId, m.EntryId), out var ds) ? Decide(m, ds, now) : null;
            if (hit is not null) (hits ??= []).Add(hit);
            if (hit?.Outcome == AllowOutcome.Suppressed)
            {
                alerts ??= [.. matches.Take(i)];
                continue;
            }
            alerts?.Add(m);
        }
        return new AllowListResult(alerts ?? matches, hits ?? (IReadOnlyList<AllowListHit>)[]);
    }

    private static AllowListHit Decide(ScreeningMatch m, AllowDecision[] newestFirst, DateTimeOffset now)
    {
        var hash = EntryContentHash.Compute(m.Entry);
        foreach (var d in newestFirst)
        {
            if (IsLive(d, now) && string.Equals(d.EntryContentHash, hash, StringComparison.OrdinalIgnoreCase))
                return new AllowListHit(m, d, AllowOutcome.Suppressed);
        }
        var newest = newestFirst[0];
        return new AllowListHit(m, newest, IsLive(newest, now) ? AllowOutcome.EntryChanged : AllowOutcome.Expired);
    }

    private static bool IsLive(AllowDecision d, DateTimeOffset now) => d.ExpiresAt is not { } e || now < e;
}

/// <summary>Where reviewed decisions are kept: a JSON file (<see cref="JsonFileAllowListStore"/>), or your database.</summary>
public interface IAllowListStore
{
    /// <summary>Every decision.</summary>
    Task<IReadOnlyList<AllowDecision>> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a decision durably; earlier decisions are kept (the audit trail needs them).</summary>
    Task AddAsync(AllowDecision decision, CancellationToken cancellationToken = default);
}
