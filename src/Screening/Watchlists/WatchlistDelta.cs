namespace Screening.Watchlists;

/// <summary>How an entry differs between two versions of a list.</summary>
public enum EntryChangeKind
{
    /// <summary>In the new version only (a new id, or one more record under an id already listed).</summary>
    Added = 0,

    /// <summary>In both, with different content (<see cref="EntryContentHash"/>).</summary>
    Changed,

    /// <summary>In the old version only.</summary>
    Removed,
}

/// <summary>One entry that differs between two versions of a list.</summary>
/// <param name="Kind">Added, changed or removed.</param>
/// <param name="Old">The entry in the old version (null when added).</param>
/// <param name="New">The entry in the new version (null when removed).</param>
public sealed record EntryChange(EntryChangeKind Kind, WatchlistEntry? Old, WatchlistEntry? New)
{
    /// <summary>The entry's id.</summary>
    public string EntryId => (New ?? Old)!.Id;
}

/// <summary>
/// What changed between two versions of one list: entries added, changed (same id, different
/// <see cref="EntryContentHash"/>) and removed. Entries are matched by id; where a list repeats an id (the CSL lists a
/// party once per source list), the records under that id are paired by content first, and only what is left over
/// counts as changed, added or removed.
/// </summary>
public sealed class WatchlistDelta
{
    private WatchlistDelta(Watchlist oldList, Watchlist newList, List<EntryChange> changes, int unchanged)
    {
        ListId = newList.Id;
        OldVersion = oldList.Version;
        NewVersion = newList.Version;
        Changes = changes;
        Unchanged = unchanged;
        Added = [.. changes.Where(c => c.Kind == EntryChangeKind.Added).Select(c => c.New!)];
        Changed = [.. changes.Where(c => c.Kind == EntryChangeKind.Changed)];
        Removed = [.. changes.Where(c => c.Kind == EntryChangeKind.Removed).Select(c => c.Old!)];
    }

    /// <summary>The list's id.</summary>
    public string ListId { get; }

    /// <summary>The old version.</summary>
    public WatchlistVersion OldVersion { get; }

    /// <summary>The new version.</summary>
    public WatchlistVersion NewVersion { get; }

    /// <summary>Every difference, in the new list's order, then the removed entries in the old list's order.</summary>
    public IReadOnlyList<EntryChange> Changes { get; }

    /// <summary>Entries of the new version that the old one does not have.</summary>
    public IReadOnlyList<WatchlistEntry> Added { get; }

    /// <summary>Entries whose content changed, old and new.</summary>
    public IReadOnlyList<EntryChange> Changed { get; }

    /// <summary>Entries of the old version that the new one does not have.</summary>
    public IReadOnlyList<WatchlistEntry> Removed { get; }

    /// <summary>Entries identical in both.</summary>
    public int Unchanged { get; }

    /// <summary>Compares two versions of one list.</summary>
    /// <exception cref="ArgumentException">The lists have different ids.</exception>
    public static WatchlistDelta Compute(Watchlist oldList, Watchlist newList)
    {
        ArgumentNullException.ThrowIfNull(oldList);
        ArgumentNullException.ThrowIfNull(newList);
        if (!string.Equals(oldList.Id, newList.Id, StringComparison.Ordinal))
            throw new ArgumentException($"A delta compares two versions of one list; got '{oldList.Id}' and '{newList.Id}'.", nameof(newList));

        // Old records by id, each with its content hash; paired records are taken out.
        var old = new Dictionary<string, List<(WatchlistEntry Entry, string Hash)>>(StringComparer.Ordinal);
        foreach (var e in oldList.Entries)
        {
            if (!old.TryGetValue(e.Id, out var group)) old[e.Id] = group = [];
            group.Add((e, EntryContentHash.Compute(e)));
        }
        var changes = new List<EntryChange>();
        var unchanged = 0;
        var pending = new List<(WatchlistEntry Entry, string Hash)>();
        foreach (var e in newList.Entries)
        {
            var hash = EntryContentHash.Compute(e);
            if (!old.TryGetValue(e.Id, out var group))
            {
                changes.Add(new EntryChange(EntryChangeKind.Added, null, e));
                continue;
            }
            var same = group.FindIndex(g => g.Hash == hash);
            if (same >= 0)
            {
                group.RemoveAt(same);
                unchanged++;
            }
            else pending.Add((e, hash));
        }
        // What is left under a shared id pairs up as changed; extra new records are added, extra old ones removed.
        foreach (var (e, _) in pending)
        {
            var group = old[e.Id];
            if (group.Count > 0)
            {
                changes.Add(new EntryChange(EntryChangeKind.Changed, group[0].Entry, e));
                group.RemoveAt(0);
            }
            else changes.Add(new EntryChange(EntryChangeKind.Added, null, e));
        }
        foreach (var e in oldList.Entries)
        {
            if (old.TryGetValue(e.Id, out var group) && group.Exists(g => ReferenceEquals(g.Entry, e)))
                changes.Add(new EntryChange(EntryChangeKind.Removed, e, null));
        }
        return new WatchlistDelta(oldList, newList, changes, unchanged);
    }
}
