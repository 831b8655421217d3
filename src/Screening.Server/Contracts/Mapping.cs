using Screening.AllowLists;
using Screening.Identifiers;
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
        Matches = r.Matches.Count == 0 ? [] : r.Matches.Select(m => Match(m, Decision(r, m))).ToArray(),
        Suppressed = r.AllowListHits.Any(h => h.Outcome == AllowOutcome.Suppressed)
            ? r.Suppressed.Select(h => Match(h.Match, h)).ToArray()
            : null,
        Identifiers = r.Identifiers.Count == 0 ? null : r.Identifiers.Select(Identifier).ToArray(),
        CustomerKey = r.CustomerKey,
        Filters = r.ScreenerFilter is null && r.RequestFilter is null ? null : new FiltersResponse { Service = Spec(r.ScreenerFilter), Request = Spec(r.RequestFilter) },
        Lists = withLists ? Lists(r.Lists) : null,
    };

    public static ScreenResponse Error(string? id, string query, string error, double threshold, DateTimeOffset at, IReadOnlyList<ListResponse>? lists) => new()
    {
        Id = id, Query = query, Error = error, Threshold = threshold, ScreenedAt = at, Lists = lists,
    };

    /// <summary>
    /// The library's request for a wire request, or why it cannot be one: a missing name without identifiers, an
    /// identifier without type or value, a threshold out of range, an unknown country in the filter.
    /// </summary>
    public static ScreeningRequest? Request(ScreenRequest r, out string? error)
    {
        var identifiers = new List<ScreeningIdentifier>(r.Identifiers?.Count ?? 0);
        for (var i = 0; i < (r.Identifiers?.Count ?? 0); i++)
        {
            var id = r.Identifiers![i];
            if (id is null || string.IsNullOrWhiteSpace(id.Type) || string.IsNullOrWhiteSpace(id.Value))
            {
                error = $"identifiers[{i}]: type and value are required.";
                return null;
            }
            identifiers.Add(new ScreeningIdentifier(id.Type.Trim(), id.Value.Trim(), string.IsNullOrWhiteSpace(id.Country) ? null : id.Country.Trim()));
        }
        if (r.Name is null && identifiers.Count == 0)
        {
            error = "name is required (or identifiers).";
            return null;
        }
        if (r.Threshold is { } t && !(t > 0 && t <= 1))
        {
            error = $"threshold must be greater than 0 and at most 1, was {t.ToString(System.Globalization.CultureInfo.InvariantCulture)}.";
            return null;
        }
        ScreeningFilter? filter = null;
        if (r.Filter is { } f)
        {
            var countries = new List<string>();
            foreach (var c in f.Countries ?? [])
            {
                if (CountryCodes.TryGetCode(c, out var code)) countries.Add(code);
                else if (c.Trim().Length == 2 && c.Trim().All(char.IsAsciiLetter)) countries.Add(c.Trim().ToUpperInvariant());
                else
                {
                    error = $"filter.countries: '{c}' is not an ISO 3166 alpha-2 code or a country name.";
                    return null;
                }
            }
            filter = new ScreeningFilter
            {
                Lists = NullIfEmpty(f.Lists),
                EntityTypes = f.EntityTypes is { Count: > 0 } types ? types : null,
                Countries = f.Countries is null ? null : countries,
                Programs = NullIfEmpty(f.Programs),
                Tags = NullIfEmpty(f.Tags),
            };
        }
        error = null;
        return new ScreeningRequest(r.Name ?? "", r.Id, r.Country, r.Type)
        {
            Identifiers = identifiers,
            CustomerKey = r.CustomerKey,
            Threshold = r.Threshold,
            Filter = filter,
        };
    }

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string>? values)
    {
        var kept = values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToArray();
        return kept is { Length: > 0 } ? kept : null;
    }

    internal static FilterSpec? Spec(ScreeningFilter? f) => f is null ? null : new FilterSpec
    {
        Lists = f.Lists, EntityTypes = f.EntityTypes, Countries = f.Countries, Programs = f.Programs, Tags = f.Tags,
    };

    private static AllowListHit? Decision(ScreeningResult r, ScreeningMatch m)
    {
        foreach (var h in r.AllowListHits)
            if (ReferenceEquals(h.Match, m)) return h;
        return null;
    }

    private static MatchResponse Match(ScreeningMatch m, AllowListHit? decision) => new()
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
        IdentifierEvidence = m.IdentifierEvidence.Count == 0 ? null : m.IdentifierEvidence.Select(Evidence).ToArray(),
        AllowList = decision is null ? null : new DecisionResponse
        {
            Outcome = Camel(decision.Outcome.ToString()),
            DecidedBy = decision.Decision.DecidedBy,
            DecidedAt = decision.Decision.DecidedAt,
            Reason = decision.Decision.Reason,
            ExpiresAt = decision.Decision.ExpiresAt,
            EntryContentHash = decision.Decision.EntryContentHash,
        },
    };

    internal static EvidenceResponse Evidence(IdentifierEvidence e) => new()
    {
        Kind = Camel(e.Kind.ToString()),
        Scheme = Camel(e.Scheme.ToString()),
        RequestValue = e.RequestValue,
        EntryType = e.EntryType,
        EntryValue = e.EntryValue,
        Problem = e.Problem,
        Explanation = e.ToString(),
    };

    private static IdentifierResponse Identifier(ScreenedIdentifier i) => new()
    {
        Type = i.Given.Type,
        Value = i.Given.Value,
        Country = i.Given.Country,
        Scheme = Camel(i.Check.Kind.ToString()),
        Normalized = i.Check.Value,
        Status = Camel(i.Check.Status.ToString()),
        Problem = i.Check.Problem,
    };

    private static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
