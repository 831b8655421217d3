using Screening.Watchlists;

namespace Screening.Server.Contracts;

internal static class Mapping
{
    private static MappedLists? s_last;

    // Lists change only on a reload, so the mapped form of the serving lists is kept and shared (one reference, so a
    // reader never pairs one snapshot's lists with another's mapping).
    public static IReadOnlyList<ListResponse> Lists(IReadOnlyList<WatchlistInfo> lists)
    {
        var last = Volatile.Read(ref s_last);
        if (last is not null && ReferenceEquals(last.Source, lists)) return last.Mapped;
        var mapped = lists.Select(l => new ListResponse
        {
            Id = l.Id, Name = l.DisplayName, Version = l.Version.Label, PublishedAt = l.Version.PublishedAt, Sha256 = l.Version.Sha256,
            Entries = l.EntryCount,
        }).ToArray();
        Volatile.Write(ref s_last, new MappedLists(lists, mapped));
        return mapped;
    }

    private sealed record MappedLists(IReadOnlyList<WatchlistInfo> Source, IReadOnlyList<ListResponse> Mapped);

    public static ScreenResponse Result(ScreeningResult r, bool withLists) => new()
    {
        Id = r.RequestId,
        Query = r.Query,
        NormalizedQuery = r.Error is null ? r.NormalizedQuery : null,
        Hit = r.IsHit,
        Error = r.Error,
        Threshold = r.Threshold,
        ScreenedAt = r.ScreenedAt,
        Matches = r.Matches.Count == 0 ? [] : r.Matches.Select(Match).ToArray(),
        Lists = withLists ? Lists(r.Lists) : null,
    };

    public static ScreenResponse Error(string? id, string query, string error, double threshold, DateTimeOffset at, IReadOnlyList<ListResponse>? lists) => new()
    {
        Id = id, Query = query, Error = error, Threshold = threshold, ScreenedAt = at, Lists = lists,
    };

    private static MatchResponse Match(ScreeningMatch m) => new()
    {
        ListId = m.ListId,
        EntryId = m.EntryId,
        PrimaryName = m.PrimaryName,
        MatchedName = m.MatchedName,
        MatchedNameStrength = m.MatchedNameStrength,
        Score = Math.Round(m.Score, 4),
        Explanation = m.Explanation,
        EntityType = m.Entry.Type,
        Countries = m.Entry.Countries,
        Programs = m.Entry.Programs,
    };
}
