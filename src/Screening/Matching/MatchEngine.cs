using Screening.Matching.Candidates;
using Screening.Matching.Explain;
using Screening.Matching.Index;
using Screening.Matching.Query;
using Screening.Matching.Scoring;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Matching;

/// <summary>
/// Screens prepared queries against one immutable <see cref="MatchIndex"/>: prepare the query once, take candidates from
/// a source, score each with the cutoff passed down, keep the best name per entry, explain only what is returned.
/// </summary>
/// <remarks>
/// Rooms: <c>Index/</c> (the immutable index and its builder), <c>Query/</c> (preparation, fuzzy neighbours, split
/// readings), <c>Candidates/</c> (the indexed MaxScore source and the exhaustive reference behind one interface),
/// <c>Scoring/</c> (the scoring model, the name scorer, the bounds, the hint rules), <c>Explain/</c> (rendering).
/// Thread-safe: all per-screen state is in the <see cref="MatchContext"/> passed in.
/// </remarks>
internal sealed class MatchEngine
{
    private readonly QueryPreparer _preparer;
    private readonly SplitReadings _splits;
    private readonly RespelledReadings _respelled;
    private readonly PlaceReadings _places;
    private readonly NameScorer _scorer;
    private readonly Explainer _explainer;
    private readonly IndexedCandidateSource _indexed;
    private readonly ExhaustiveCandidateSource _exhaustive;
    private readonly TokenSimilarity _similarity;

    private MatchEngine(MatchIndex index)
    {
        Index = index;
        var similarity = _similarity = new TokenSimilarity(index.Vocab);
        _splits = new SplitReadings(index);
        _respelled = new RespelledReadings(index);
        _places = new PlaceReadings(index);
        _preparer = new QueryPreparer(index, _splits);
        _scorer = new NameScorer(index);
        _explainer = new Explainer(index, _scorer);
        _indexed = new IndexedCandidateSource(index, similarity, new NeighbourFinder(index, similarity));
        _exhaustive = new ExhaustiveCandidateSource(index, similarity);
    }

    /// <summary>Builds the index of these lists and an engine over it; honours cancellation.</summary>
    public static MatchEngine Build(IReadOnlyList<Watchlist> lists, CancellationToken cancellationToken = default) =>
        new(MatchIndexBuilder.Build(lists, cancellationToken));

    public MatchIndex Index { get; }

    public int NameCount => Index.NameCount;
    public int EntryCount => Index.Entries.Length;
    public int VocabularySize => Index.Vocab.Count;
    public int DeletionIndexSize => Index.Deletions.Size;

    /// <summary>Fast path: candidates from the index, each scored with the prepared query.</summary>
    public IReadOnlyList<ScreeningMatch> Match(NormalizedName name, MatchRequest request, MatchContext? context = null) =>
        Run(name, request, _indexed, context);

    /// <summary>Reference path: every name scored, every key compared. Slow; for tests and evaluation.</summary>
    public IReadOnlyList<ScreeningMatch> MatchExhaustive(NormalizedName name, MatchRequest request, MatchContext? context = null) =>
        Run(name, request, _exhaustive, context);

    /// <summary>
    /// Fast path for a field that holds several names (<see cref="NameReadings"/>): each reading screened, the best match
    /// per entry kept (ties keep the earlier reading, the whole name first).
    /// </summary>
    public IReadOnlyList<ScreeningMatch> Match(IReadOnlyList<NameReading> readings, MatchRequest request, MatchContext context) =>
        MatchFieldReadings(readings, request, _indexed, context);

    /// <summary>Reference path for a field that holds several names.</summary>
    public IReadOnlyList<ScreeningMatch> MatchExhaustive(IReadOnlyList<NameReading> readings, MatchRequest request, MatchContext context) =>
        MatchFieldReadings(readings, request, _exhaustive, context);

    /// <summary>A candidate source over the names of the given entries only (by entry index): delta re-screening.</summary>
    public DeltaCandidateSource DeltaSource(bool[] entries) =>
        new(new DeltaIndex(Index, entries), _similarity, _splits, _respelled, new NeighbourFinder(Index, _similarity));

    /// <summary>
    /// Delta re-screening (<paramref name="request"/> restricted to the source's entries): each reading the
    /// <see cref="DeltaPrefilter"/> cannot rule out is screened through the delta source, the others are skipped. The
    /// matches are those of <see cref="Match(IReadOnlyList{NameReading}, MatchRequest, MatchContext)"/>. Identifiers
    /// (which bring their entries whatever the name says) and a floor at or below 0 (where names without content pass)
    /// take the indexed path.
    /// </summary>
    public IReadOnlyList<ScreeningMatch> MatchDelta(IReadOnlyList<NameReading> readings, MatchRequest request, DeltaCandidateSource source, MatchContext ctx)
    {
        if (readings.Count == 0 || request.Identifiers is not null || request.Threshold - ScoringModel.MaxBonus <= 0)
            return readings.Count == 0 ? Run(new NormalizedName([]), request, _indexed, ctx) : MatchFieldReadings(readings, request, _indexed, ctx);
        var cache = source.CacheFor(ctx);
        IReadOnlyList<ScreeningMatch> result = [];
        // As MatchFieldReadings, with the matches of a reading ruled out empty (Merge dedupes by list and entry id, so
        // even a first reading ruled out goes through it as there).
        for (var i = 0; i < readings.Count; i++)
        {
            var matches = source.Prefilter.MayMatch(readings[i].Name, request, cache, ctx)
                ? MatchReadings(readings[i].Name, request, source, ctx, i == 0 ? null : readings[i])
                : [];
            result = i == 0 ? matches : Merge(result, matches, request.Limit);
        }
        return result;
    }

    /// <summary>Reads a raw name (its readings) and screens it: for evaluation tools, which work below the screener.</summary>
    public IReadOnlyList<ScreeningMatch> MatchText(string name, MatchRequest request, bool exhaustive = false)
    {
        var ctx = MatchContext.Rent();
        try
        {
            var readings = NameReadings.Read(name, ctx.Normalizer);
            return MatchFieldReadings(readings, request, exhaustive ? _exhaustive : _indexed, ctx);
        }
        finally
        {
            MatchContext.Return(ctx);
        }
    }

    private IReadOnlyList<ScreeningMatch> MatchFieldReadings(IReadOnlyList<NameReading> readings, MatchRequest request, ICandidateSource source, MatchContext ctx)
    {
        var result = MatchReadings(readings[0].Name, request, source, ctx, null);
        for (var i = 1; i < readings.Count; i++)
            result = Merge(result, MatchReadings(readings[i].Name, request, source, ctx, readings[i]), request.Limit);
        return result;
    }

    /// <summary>How many names the fast path collects for this query before the name bound (for benchmarks and tests).</summary>
    public int CandidateCount(NormalizedName name, double threshold)
    {
        var ctx = MatchContext.Rent();
        try
        {
            var q = _preparer.Prepare(name, _indexed, ctx);
            ctx.MarkHits(Index, q.Hits);
            _indexed.Collect(q, threshold, ctx);
            return ctx.Candidates.Count;
        }
        finally
        {
            MatchContext.Return(ctx);
        }
    }

    /// <summary>
    /// For tests of the pruning: every name's score against the query (prepared by the indexed source), its name bound,
    /// and whether the indexed source collected it at this threshold.
    /// </summary>
    internal List<(int Name, float Score, float Bound, bool Collected)> DiagnosePruning(NormalizedName name, double threshold)
    {
        var ctx = MatchContext.Rent();
        try
        {
            var q = _preparer.Prepare(name, _indexed, ctx);
            ctx.MarkHits(Index, q.Hits);
            _indexed.Collect(q, threshold, ctx);
            var collected = new HashSet<int>(ctx.Candidates);
            float legal = 0;
            for (var i = 0; i < q.TokenCount; i++)
                if (q.Classes[i] == TokenClass.LegalForm) legal += ScoringModel.LegalFormWeight;
            var result = new List<(int, float, float, bool)>(Index.NameCount);
            for (var n = 0; n < Index.NameCount; n++)
            {
                var prepared = Index.Names[n];
                var score = _scorer.Score(q, prepared.Tokens, Index.Normalized[prepared.Normalized].Tokens, ctx, aligned: null);
                var bound = ScoreBound.ForName(Index.TokensOf(n), Index.NameWeight[n], legal, ctx.Marks, ctx.StampValue);
                result.Add((n, score, bound, collected.Contains(n)));
            }
            return result;
        }
        finally
        {
            MatchContext.Return(ctx);
        }
    }

    private IReadOnlyList<ScreeningMatch> Run(NormalizedName name, MatchRequest request, ICandidateSource source, MatchContext? context)
    {
        if (context is not null) return MatchReadings(name, request, source, context, null);
        var ctx = MatchContext.Rent();
        try
        {
            return MatchReadings(name, request, source, ctx, null);
        }
        finally
        {
            MatchContext.Return(ctx);
        }
    }

    // The query as typed, and where an unknown word is two listed words run together (BUREAUFAKEL, PREDPRIYATIEISTOCHNIK),
    // the query with it split, normalized again so that phrases re-form; the better score per entry wins.
    private IReadOnlyList<ScreeningMatch> MatchReadings(NormalizedName name, MatchRequest request, ICandidateSource source, MatchContext ctx, NameReading? field)
    {
        var q = _preparer.Prepare(name, source, ctx, fieldReading: field);
        var split = _splits.Reading(q, ctx);
        var respelled = _respelled.Reading(q, ctx);
        var place = _places.Reading(q);
        var result = MatchPrepared(q, request, source, ctx);
        // Prepared only now: the first reading's hits live in the context, which each further reading reuses.
        if (split is { } s)
        {
            var r = _preparer.Prepare(s.Name, source, ctx, ScoringModel.SplitJoinSimilarity, s.Note, s.Halves, field);
            result = Merge(result, MatchPrepared(r, request, source, ctx), request.Limit);
        }
        if (respelled is { } t)
        {
            var r = _preparer.Prepare(t.Name, source, ctx, ScoringModel.RespelledReadingFactor, t.Note, null, field);
            result = Merge(result, MatchPrepared(r, request, source, ctx), request.Limit);
        }
        if (place is { } p)
        {
            var r = _preparer.Prepare(p.Name, source, ctx, ScoringModel.PlaceReadingFactor, p.Note, null, field);
            var tied = request with { Allowed = _places.Allowed(p.Country, request.Allowed) };
            result = Merge(result, MatchPrepared(r, tied, source, ctx), request.Limit);
        }
        return result;
    }

    private IReadOnlyList<ScreeningMatch> MatchPrepared(PreparedQuery q, in MatchRequest request, ICandidateSource source, MatchContext ctx)
    {
        ctx.MarkHits(Index, q.Hits);
        source.Collect(q, request.Threshold, ctx);
        return Rank(q, request, source, ctx);
    }

    // Best name per entry, then the best entries; explanations for those returned only. Entries outside the filters are
    // skipped; entries an identifier finds are scored whatever their name says (never pruned).
    private IReadOnlyList<ScreeningMatch> Rank(PreparedQuery q, in MatchRequest request, ICandidateSource source, MatchContext ctx)
    {
        var best = ctx.Best;
        best.Clear();
        var floor = request.Threshold - ScoringModel.MaxBonus;
        var organization = HintRules.QueryNamesOrganization(q.Name);
        float legal = 0;
        for (var i = 0; i < q.TokenCount; i++)
            if (q.Classes[i] == TokenClass.LegalForm) legal += ScoringModel.LegalFormWeight;
        var ids = request.Identifiers;
        var forced = ids is null ? null : AddIdentifierCandidates(ids, ctx);
        var allowed = request.Allowed;
        foreach (var n in ctx.Candidates)
        {
            var prepared = Index.Names[n];
            if (allowed is not null && !allowed[prepared.Entry]) continue;
            var isForced = forced is not null && forced.Contains(prepared.Entry);
            if (!isForced && !source.Admits(n, legal, floor, ctx)) continue;
            var raw = _scorer.Score(q, prepared.Tokens, Index.Normalized[prepared.Normalized].Tokens, ctx, aligned: null);
            if (!isForced && raw < floor) continue;
            var entry = Index.Entries[prepared.Entry].Entry;
            var evidence = ids?.EvidenceFor(entry);
            var strength = entry.Names[prepared.NameIndex].Strength;
            var shared = strength == NameStrength.Weak && legal > 0 && Index.SharesLegalForm(prepared.Entry, q.Keys, q.Classes, q.TokenCount);
            var score = HintRules.Apply(raw, entry, strength, request, organization, evidence, applied: null, shared);
            if (score < request.Threshold) continue;
            if (!best.TryGetValue(prepared.Entry, out var current) || score > current.Score || (score == current.Score && n < current.Name))
                best[prepared.Entry] = (score, n);
        }
        if (best.Count == 0) return [];
        var ordered = new List<(int Entry, double Score, int Name)>(best.Count);
        foreach (var (e, (s, n)) in best) ordered.Add((e, s, n));
        ordered.Sort((a, b) =>
        {
            var c = b.Score.CompareTo(a.Score);
            return c != 0 ? c : a.Entry.CompareTo(b.Entry);
        });
        var count = Math.Min(request.Limit, ordered.Count);
        var result = new ScreeningMatch[count];
        for (var i = 0; i < count; i++) result[i] = _explainer.Explain(q, ordered[i].Name, ordered[i].Score, request, ctx);
        return result;
    }

    // The names of every entry an identifier finds join the candidates; returns those entries' indices.
    private HashSet<int>? AddIdentifierCandidates(IdentifierQuery ids, MatchContext ctx)
    {
        if (ids.Found.Count == 0) return null;
        var forced = new HashSet<int>();
        foreach (var hit in ids.Found)
        {
            var e = Index.EntryIndexOf(hit.Entry);
            if (e < 0 || !forced.Add(e)) continue;
            var (start, end) = Index.NamesOf(e);
            for (var n = start; n < end; n++) ctx.AddCandidate(n);
        }
        return forced;
    }

    // Best score per entry over two readings; ties keep the first reading's match.
    private static IReadOnlyList<ScreeningMatch> Merge(IReadOnlyList<ScreeningMatch> first, IReadOnlyList<ScreeningMatch> second, int limit)
    {
        if (second.Count == 0) return first;
        var merged = new List<(ScreeningMatch Match, int Order)>(first.Count + second.Count);
        for (var i = 0; i < first.Count; i++) merged.Add((first[i], i));
        for (var j = 0; j < second.Count; j++)
        {
            var m = second[j];
            var at = -1;
            for (var i = 0; i < merged.Count && at < 0; i++)
                if (merged[i].Match.EntryId == m.EntryId && merged[i].Match.ListId == m.ListId) at = i;
            if (at < 0) merged.Add((m, first.Count + j));
            else if (m.Score > merged[at].Match.Score) merged[at] = (m, merged[at].Order);
        }
        merged.Sort((a, b) =>
        {
            var c = b.Match.Score.CompareTo(a.Match.Score);
            return c != 0 ? c : a.Order.CompareTo(b.Order);
        });
        var count = Math.Min(limit, merged.Count);
        var result = new ScreeningMatch[count];
        for (var i = 0; i < count; i++) result[i] = merged[i].Match;
        return result;
    }
}
