namespace Screening.Watchlists;

// Whether two loads of a list came out the same, field by field. A reload keeps the serving index only when this
// holds: the SHA-256 of the source bytes alone can miss an input it does not cover (a CSV mapping file).
internal static class WatchlistContent
{
    public static bool Same(Watchlist a, Watchlist b)
    {
        if (a.Id != b.Id || a.DisplayName != b.DisplayName || a.Version != b.Version || a.Entries.Count != b.Entries.Count) return false;
        for (var i = 0; i < a.Entries.Count; i++)
        {
            if (!Same(a.Entries[i], b.Entries[i])) return false;
        }
        return true;
    }

    private static bool Same(WatchlistEntry a, WatchlistEntry b) =>
        a.Id == b.Id && a.Type == b.Type && a.Remarks == b.Remarks && a.SourceReference == b.SourceReference
        && a.Names.SequenceEqual(b.Names) && a.Countries.SequenceEqual(b.Countries, StringComparer.Ordinal)
        && a.Identifiers.SequenceEqual(b.Identifiers) && a.Programs.SequenceEqual(b.Programs, StringComparer.Ordinal)
        && a.Addresses.SequenceEqual(b.Addresses) && a.Tags.SequenceEqual(b.Tags, StringComparer.Ordinal)
        && a.Sources.Count == b.Sources.Count && a.Sources.Zip(b.Sources).All(p => Same(p.First, p.Second));

    private static bool Same(EntrySource a, EntrySource b) =>
        a.List == b.List && a.EntryId == b.EntryId && a.Citation == b.Citation && a.Date == b.Date
        && a.Programs.SequenceEqual(b.Programs, StringComparer.Ordinal);
}
