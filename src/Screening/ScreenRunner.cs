using Screening.Identifiers;
using Screening.Matching;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening;

/// <summary>What one screen asks for, however it came in (a name, a request, a batch row).</summary>
internal readonly record struct ScreenInput(string? Name, string? Country, EntityType? Type, string? RequestId)
{
    public IReadOnlyList<ScreeningIdentifier> Identifiers { get; init; } = [];
    public string? CustomerKey { get; init; }
    public double? Threshold { get; init; }
    public ScreeningFilter? Filter { get; init; }

    /// <summary>Internal narrowing by entry index (delta re-screening); null: none.</summary>
    public bool[]? Restrict { get; init; }

    /// <summary>The candidate source over the entries of <see cref="Restrict"/> (delta re-screening); null: the indexed path.</summary>
    public Matching.Candidates.DeltaCandidateSource? Delta { get; init; }

    public static ScreenInput From(ScreeningRequest r) => new(r.Name, r.Country, r.Type, r.Id)
    {
        Identifiers = r.Identifiers ?? [],
        CustomerKey = r.CustomerKey,
        Threshold = r.Threshold,
        Filter = r.Filter,
    };
}

/// <summary>
/// One screen from start to end against one snapshot: check the input, read the name (its readings) and its
/// identifiers, apply the filters, match, apply the allow-list, build the result and hand it to the audit sink.
/// </summary>
internal static class ScreenRunner
{
    public static ScreeningResult Run(in ScreenInput input, Snapshot snapshot, ScreeningOptions options, MatchContext context)
    {
        var identifiers = IdentifierIndex.Prepare(input.Identifiers);
        var readings = Read(input.Name, identifiers.Count > 0, options, context);
        var query = readings.Count > 0 ? readings[0].Name : new NormalizedName([]);
        var threshold = input.Threshold ?? options.Threshold;
        if (double.IsNaN(threshold) || threshold <= 0 || threshold > 1)
            throw new ArgumentOutOfRangeException(nameof(input.Threshold), threshold, "The threshold must be greater than 0 and at most 1.");

        // A name that is itself an identifier (1831083343, ИНН 1831083343) is also looked up as one.
        if (IdentifierRecognizer.TryRecognize(input.Name, out var bare)) identifiers = [.. identifiers, bare];
        var ids = identifiers.Count > 0 ? new IdentifierQuery(identifiers, snapshot.Identifiers) : null;

        string? countryCode = null;
        if (!string.IsNullOrWhiteSpace(input.Country))
            countryCode = CountryCodes.TryGetCode(input.Country, out var cc) ? cc : input.Country.Trim().ToUpperInvariant();

        var allow = options.AllowList;
        var key = allow is null ? null : string.IsNullOrWhiteSpace(input.CustomerKey) ? AllowLists.AllowList.NamePrefix + query : input.CustomerKey.Trim();
        // Suppressed matches must not crowd out the others: ask for as many more as the key has decisions.
        var limit = options.MaxMatches + (allow is null ? 0 : allow.CountFor(key!));
        var request = new MatchRequest(threshold, limit, countryCode, input.Type)
        {
            Allowed = Restrict(snapshot.Allowed(options.Filter, input.Filter), input.Restrict),
            Identifiers = ids,
        };
        var engine = snapshot.Engine;
        var matches = input.Delta is { } delta ? engine.MatchDelta(readings, request, delta, context)
            : readings.Count > 1 ? engine.Match(readings, request, context) : engine.Match(query, request, context);

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
            Query = input.Name ?? "",
            RequestId = input.RequestId,
            NormalizedQuery = query.ToString(),
            Truncated = query.Truncated || query.Tokens.Length > Matching.Scoring.ScoringModel.MaxTokens,
            Threshold = threshold,
            Matches = matches,
            Lists = snapshot.Infos,
            ScreenedAt = now,
            CountryHint = input.Country,
            EntityTypeHint = input.Type,
            ScreenerFilter = options.Filter,
            RequestFilter = input.Filter,
            Identifiers = Screened(identifiers),
            CustomerKey = key,
            AllowListHits = hits,
        };
        if (options.AuditSink is { } sink) Audit(sink, result, options);
        return result;
    }

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

    private static IReadOnlyList<ScreenedIdentifier> Screened(IReadOnlyList<PreparedIdentifier> identifiers)
    {
        if (identifiers.Count == 0) return [];
        var result = new ScreenedIdentifier[identifiers.Count];
        for (var i = 0; i < result.Length; i++) result[i] = new ScreenedIdentifier(identifiers[i].Source, identifiers[i].Check);
        return result;
    }

    // The sink's queue is bounded: a full queue makes the screen wait. A sink that failed fails the screen: a screen
    // the audit trail cannot record is not one to act on.
    private static void Audit(Audit.IScreeningAuditSink sink, ScreeningResult result, ScreeningOptions options)
    {
        var record = global::Screening.Audit.ScreeningAuditRecord.Create(result, options);
        var pending = sink.WriteAsync(record);
        if (!pending.IsCompletedSuccessfully) pending.AsTask().GetAwaiter().GetResult();
    }
}
