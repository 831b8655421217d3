using Screening.Watchlists;

namespace Screening;

/// <summary>A match of a re-screen on an entry that was added or changed.</summary>
/// <param name="Match">The match.</param>
/// <param name="Change">Whether the entry was added or changed.</param>
public sealed record RescreenMatch(ScreeningMatch Match, EntryChangeKind Change);

/// <summary>
/// One book row that hits an added or changed entry (or could not be screened). A row whose only such matches the
/// allow-list suppressed comes too, with no <paramref name="Matches"/>: its decisions are in the result's
/// <see cref="ScreeningResult.Suppressed"/>.
/// </summary>
/// <param name="Result">The screen of the row against the new list.</param>
/// <param name="Matches">Its matches on added or changed entries that alert, best first.</param>
public sealed record RescreenResult(ScreeningResult Result, IReadOnlyList<RescreenMatch> Matches);

/// <summary>
/// Delta re-screening: when a list is republished, screens a stored book of names against only what changed, and
/// returns the rows that hit an added or changed entry. Scores use the whole new list (token rarity), so a row gets
/// the score a full screen would give it.
/// </summary>
/// <remarks>
/// Each row is screened against the new list restricted to the added and changed entries: the candidates of every
/// other entry are skipped before scoring, and an entry's score is the one a full screen gives it. A row's matches are
/// its best ones among the added and changed entries (up to <see cref="ScreeningOptions.MaxMatches"/>), so a match a
/// full screen would cut behind better matches on unchanged entries is still reported. A delta without added or
/// changed entries skips the book entirely. Identifiers, filters and the allow-list of the options apply as in any
/// screen.
/// </remarks>
public sealed class Rescreener
{
    private readonly Screener _screener;
    private readonly Dictionary<(string, string), List<(WatchlistEntry Entry, EntryChangeKind Kind)>> _targets;

    private Rescreener(Screener screener, WatchlistDelta delta)
    {
        _screener = screener;
        Delta = delta;
        _targets = [];
        foreach (var c in delta.Changes)
        {
            if (c.New is null) continue;
            var key = (delta.ListId, c.New.Id);
            if (!_targets.TryGetValue(key, out var l)) _targets[key] = l = [];
            l.Add((c.New, c.Kind));
        }
    }

    /// <summary>What changed between the two versions.</summary>
    public WatchlistDelta Delta { get; }

    /// <summary>The screener over the new version (its options and lists).</summary>
    public Screener Screener => _screener;

    /// <summary>Computes the delta and builds a screener over the new version.</summary>
    /// <param name="oldList">The version the book was last screened against.</param>
    /// <param name="newList">The new version.</param>
    /// <param name="configure">Options of the screen (threshold, matches per row); the built-in list is never added.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static async Task<Rescreener> CreateAsync(Watchlist oldList, Watchlist newList, Action<ScreeningOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var delta = WatchlistDelta.Compute(oldList, newList);
        var screener = await new ScreenerBuilder()
            .AddWatchlist(newList)
            .Configure(o =>
            {
                configure?.Invoke(o);
                o.UseBuiltInWatchlist = false;
                o.AlwaysIncludeBuiltInWatchlist = false;
            })
            .BuildAsync(cancellationToken).ConfigureAwait(false);
        return new Rescreener(screener, delta);
    }

    /// <summary>
    /// Re-screens a book: yields, in input order, the rows that hit an added or changed entry (those whose hits the
    /// allow-list suppressed included), and the rows that could not be screened (with <see cref="ScreeningResult.Error"/>).
    /// Memory stays bounded as in <see cref="Screener.ScreenMany"/>; with an audit sink, every row screened is recorded,
    /// in input order.
    /// </summary>
    public IEnumerable<RescreenResult> Rescreen(IEnumerable<ScreeningRequest> book, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(book);
        return _targets.Count == 0 ? [] : Iterate(book, maxDegreeOfParallelism, cancellationToken);
    }

    private IEnumerable<RescreenResult> Iterate(IEnumerable<ScreeningRequest> book, int dop, CancellationToken ct)
    {
        foreach (var result in _screener.ScreenRestricted(book, Restriction, dop, ct))
        {
            var hits = Filter(result);
            if (hits.Count > 0 || result.Error is not null || result.Suppressed.Any()) yield return new RescreenResult(result, hits);
        }
    }

    // The engine's entries a re-screen may match: the added and changed ones, found by reference in this snapshot.
    private bool[] Restriction(Snapshot snapshot)
    {
        var index = snapshot.Engine.Index;
        var allowed = new bool[index.Entries.Length];
        foreach (var targets in _targets.Values)
        {
            foreach (var (entry, _) in targets)
            {
                var e = index.EntryIndexOf(entry);
                if (e >= 0) allowed[e] = true;
            }
        }
        return allowed;
    }

    /// <summary>The matches that fall on added or changed entries, with the change kind.</summary>
    internal IReadOnlyList<RescreenMatch> Filter(ScreeningResult result)
    {
        List<RescreenMatch>? hits = null;
        foreach (var m in result.Matches)
        {
            if (!_targets.TryGetValue((m.ListId, m.EntryId), out var candidates)) continue;
            // Under a repeated id only the records that changed count.
            foreach (var (entry, kind) in candidates)
            {
                if (!ReferenceEquals(entry, m.Entry)) continue;
                (hits ??= []).Add(new RescreenMatch(m, kind));
                break;
            }
        }
        return hits ?? (IReadOnlyList<RescreenMatch>)[];
    }
}
