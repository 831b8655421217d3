using Screening.Audit;
using Screening.Identifiers;
using Screening.Matching;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening;

/// <summary>What one screen asks for, and how it runs: passed by reference, so a batch row costs no copy of its fields.</summary>
/// <param name="Request">The request (a name screened alone is wrapped in one).</param>
/// <param name="Restrict">Internal narrowing by entry index (delta re-screening); null: none.</param>
/// <param name="DeferAudit">The caller writes the audit record itself (a batch, in input order).</param>
/// <param name="Delta">The candidate source over the entries of <paramref name="Restrict"/> (delta re-screening); null: the indexed path.</param>
internal readonly record struct ScreenInput(ScreeningRequest Request, bool[]? Restrict = null, bool DeferAudit = false,
    Matching.Candidates.DeltaCandidateSource? Delta = null);

/// <summary>
/// One screen from start to end against one snapshot: check the input, read the name (its readings) and its
/// identifiers, apply the filters, match, apply the allow-list, build the result and hand it to the audit sink.
/// A plain screen (a name, no identifiers, filters, allow-list or sink) takes no step of the workflow beyond a check.
/// </summary>
internal static class ScreenRunner
{
    public static ScreeningResult Run(in ScreenInput input, Snapshot snapshot, ScreeningOptions options, MatchContext context)
    {
        var r = input.Request;
        var identifiers = IdentifierIndex.Prepare(r.Identifiers);
        var readings = Read(r.Name, identifiers.Count > 0, options, context);
        var query = readings.Count > 0 ? readings[0].Name : NoName;
        var threshold = ThresholdOf(r, options);

        // A name that is itself an identifier (1831083343, ИНН 1831083343) is looked up as one; when it is nothing
        // else, it is not matched as a name too.
        PreparedIdentifier? bare = null;
        if (IdentifierRecognizer.TryRecognize(r.Name, out var recognized))
        {
            identifiers = [.. identifiers, recognized];
            bare = recognized;
        }
        var nameIsIdentifier = bare is not null && IdentifierRecognizer.StandsAlone(bare);
        var ids = identifiers.Count > 0 ? new IdentifierQuery(identifiers, snapshot.Identifiers, nameIsIdentifier ? bare : null) : null;

        string? countryCode = null;
        if (!string.IsNullOrWhiteSpace(r.Country))
            countryCode = CountryCodes.TryGetCode(r.Country, out var cc) ? cc : r.Country.Trim().ToUpperInvariant();

        var allow = options.AllowList;
        var key = KeyOf(r, allow is null ? null : query);
        // Suppressed matches must not crowd out the others: ask for as many more as the key has decisions.
        var limit = options.MaxMatches + (allow is null ? 0 : allow.CountFor(key!));
        var request = new MatchRequest(threshold, limit, countryCode, r.Type)
        {
            Allowed = Restrict(snapshot.Allowed(options.Filter, r.Filter), input.Restrict),
            Identifiers = ids,
        };
        var engine = snapshot.Engine;
        var matches = nameIsIdentifier ? engine.Match(NoName, request, context)
            : input.Delta is { } delta ? engine.MatchDelta(readings, request, delta, context)
            : readings.Count > 1 ? engine.Match(readings, request, context)
            : engine.Match(query, request, context);

        var now = options.TimeProvider.GetUtcNow();
        IReadOnlyList<AllowLists.AllowListHit> hits = [];
        if (allow is not null)
        {
            var applied = allow.Apply(matches, key!, now);
            (matches, hits) = (applied.Alerts, applied.Hits);
        }
        if (matches.Count > options.MaxMatches) matches = [.. matches.Take(options.MaxMatches)];

        var result = new ScreeningResult
        {
            Query = r.Name ?? "",
            RequestId = r.Id,
            NormalizedQuery = query.ToString(),
            Truncated = query.Truncated || query.Tokens.Length > Matching.Scoring.ScoringModel.MaxTokens,
            Threshold = threshold,
            Matches = matches,
            Lists = snapshot.Infos,
            ScreenedAt = now,
            CountryHint = r.Country,
            EntityTypeHint = r.Type,
            ScreenerFilter = options.Filter,
            RequestFilter = r.Filter,
            Identifiers = Screened(identifiers, bare, matches, hits),
            CustomerKey = key,
            AllowListHits = hits,
        };
        if (!input.DeferAudit && options.AuditSink is { } sink) Write(sink, AuditRecord(result, options, sink));
        return result;
    }

    /// <summary>
    /// The result of a batch row that could not be screened: the error, and what the row asked for (identifiers as
    /// read, customer key, threshold, filters), so that its audit record says what was not screened.
    /// </summary>
    public static ScreeningResult Error(ScreeningRequest? r, string error, Snapshot snapshot, ScreeningOptions options) => new()
    {
        Query = r?.Name ?? "",
        RequestId = r?.Id,
        NormalizedQuery = "",
        Threshold = r?.Threshold is { } t && InRange(t) ? t : options.Threshold,
        Matches = [],
        Lists = snapshot.Infos,
        ScreenedAt = options.TimeProvider.GetUtcNow(),
        CountryHint = r?.Country,
        EntityTypeHint = r?.Type,
        ScreenerFilter = options.Filter,
        RequestFilter = r?.Filter,
        Identifiers = r is null ? [] : Screened(IdentifierIndex.Prepare(r.Identifiers), null, [], []),
        CustomerKey = r is null ? null : KeyOf(r, null),
        Error = error,
    };

    /// <summary>
    /// The audit record of a result. For a JSONL file sink the line is written here too, so a batch serializes its
    /// records on its workers and hands them to the sink in input order.
    /// </summary>
    public static ScreeningAuditRecord AuditRecord(ScreeningResult result, ScreeningOptions options, IScreeningAuditSink sink)
    {
        var record = ScreeningAuditRecord.Create(result, options);
        if (sink is JsonlFileAuditSink) record.PrepareJson();
        return record;
    }

    // The sink's queue is bounded: a full queue makes the screen wait. A sink that failed fails the screen: a screen
    // the audit trail cannot record is not one to act on.
    public static void Write(IScreeningAuditSink sink, ScreeningAuditRecord record)
    {
        var pending = sink.WriteAsync(record);
        if (!pending.IsCompletedSuccessfully) pending.AsTask().GetAwaiter().GetResult();
    }

    private static readonly NormalizedName NoName = new([]);

    private static double ThresholdOf(ScreeningRequest r, ScreeningOptions options)
    {
        var threshold = r.Threshold ?? options.Threshold;
        if (!InRange(threshold))
            throw new ArgumentOutOfRangeException(nameof(r.Threshold), threshold, "The threshold must be greater than 0 and at most 1.");
        return threshold;
    }

    private static bool InRange(double threshold) => threshold is > 0 and <= 1;

    // The customer key is recorded whenever one is given; without one, decisions are looked up under the normalized
    // name (only when an allow-list is configured: `nameKey` is null otherwise).
    private static string? KeyOf(ScreeningRequest r, NormalizedName? nameKey) =>
        !string.IsNullOrWhiteSpace(r.CustomerKey) ? r.CustomerKey.Trim()
        : nameKey is null ? null : AllowLists.AllowList.NamePrefix + nameKey;

    // The readings of the name: required unless identifiers are given (then an empty name is a lookup by identifier).
    private static List<NameReading> Read(string? name, bool hasIdentifiers, ScreeningOptions options, MatchContext context)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            if (hasIdentifiers) return [];
            ArgumentNullException.ThrowIfNull(name);
            ThrowHelper.ThrowEmptyName(nameof(name));
        }
        if (name.Length > options.MaxNameLength) ThrowHelper.ThrowNameTooLong(nameof(name), name.Length, options.MaxNameLength);
        var readings = NameReadings.Read(name, context.Normalizer);
        if (readings[0].Name.Tokens.Length > 0) return readings;
        if (!hasIdentifiers) ThrowHelper.ThrowNoLetters(nameof(name));
        return [];
    }

    private static bool[]? Restrict(bool[]? allowed, bool[]? restrict)
    {
        if (restrict is null) return allowed;
        if (allowed is null) return restrict;
        var both = new bool[allowed.Length];
        for (var i = 0; i < both.Length; i++) both[i] = allowed[i] && restrict[i];
        return both;
    }

    // Each identifier as read. A bare value typed as the name names no scheme and is compared with every scheme; when
    // what it matched is of one scheme, it is reported as that scheme and validated as such, as the evidence says.
    private static IReadOnlyList<ScreenedIdentifier> Screened(IReadOnlyList<PreparedIdentifier> identifiers, PreparedIdentifier? bare,
        IReadOnlyList<ScreeningMatch> matches, IReadOnlyList<AllowLists.AllowListHit> hits)
    {
        if (identifiers.Count == 0) return [];
        var result = new ScreenedIdentifier[identifiers.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var id = identifiers[i];
            var check = ReferenceEquals(id, bare) && id.Check.Kind == IdentifierKind.Other ? SchemeMatched(id.Check, matches, hits) ?? id.Check : id.Check;
            result[i] = new ScreenedIdentifier(id.Source, check);
        }
        return result;
    }

    private static IdentifierCheck? SchemeMatched(IdentifierCheck bare, IReadOnlyList<ScreeningMatch> matches, IReadOnlyList<AllowLists.AllowListHit> hits)
    {
        IdentifierKind? scheme = null;
        foreach (var m in matches.Concat(hits.Select(h => h.Match)))
        {
            foreach (var e in m.IdentifierEvidence)
            {
                if (e.Kind != IdentifierEvidenceKind.Match || e.RequestValue != bare.Value) continue;
                if (scheme is { } s && s != e.Scheme) return null;
                scheme = e.Scheme;
            }
        }
        if (scheme is not { } kind || kind == IdentifierKind.Other) return null;
        var check = IdentifierValidator.Validate(kind, bare.Value);
        return check.Status == IdentifierStatus.Invalid ? null : check;
    }
}
