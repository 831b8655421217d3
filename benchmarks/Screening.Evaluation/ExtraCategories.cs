using Screening.Evaluation.HeldOut;
using Screening.Evaluation.RealWorld;

namespace Screening.Evaluation;

/// <summary>
/// A query of the categories added for issue #13: held-out synthetic (with its half) or real cross-list (with its row
/// id). Cross-list text is CC BY-NC: it goes to local files only, never to a committed one.
/// </summary>
/// <param name="Category">The category.</param>
/// <param name="Half">Dev or test for a held-out query; null for a cross-list query (the file is itself the dev half).</param>
/// <param name="RowId">The cross-list row id, or null.</param>
/// <param name="Text">The query.</param>
/// <param name="ExpectedId">The SDN entry it must find.</param>
/// <param name="BaseName">The listed name a held-out query was made from, or null.</param>
/// <param name="How">The edits that made a held-out query, or null.</param>
internal sealed record ExtraQuery(string Category, HeldOutHalf? Half, string? RowId, string Text, string ExpectedId, string? BaseName, string? How)
{
    public bool IsCrosslist => RowId is not null;

    public static ExtraQuery From(HeldOutQuery q) => new(q.Category, q.Half, null, q.Text, q.ExpectedId, q.BaseName, q.How);

    public static ExtraQuery From(CrosslistQuery q) => new(q.Category, null, q.Id, q.Name, q.ExpectedId, null, null);
}

/// <summary>Why a query did not find its entry first at the operating threshold.</summary>
internal enum MissKind
{
    /// <summary>The expected entry is among the matches, but another entry ranks first.</summary>
    RankedBelowAnother,

    /// <summary>Scored below the threshold, and no other entry scored higher.</summary>
    BelowThresholdFirst,

    /// <summary>Scored below the threshold, and another entry scored higher.</summary>
    BelowThresholdBehind,

    /// <summary>Not among the matches at the analysis floor.</summary>
    NotFound,

    /// <summary>The query could not be screened (no letters or digits, too long...).</summary>
    NotScreened,
}

/// <summary>
/// Where the expected entry stood for a query that missed top-1 at the operating threshold: its score and rank in the
/// fast path at floor <see cref="ExtraCategories.AnalysisFloor"/>, the expected entry's best match (with explanation)
/// and the first match.
/// </summary>
internal sealed record MissAnalysis(MissKind Kind, double? Score, int Rank, ScreeningMatch? Expected, ScreeningMatch? Top);

/// <summary>Runs the held-out and cross-list queries: fast path at the threshold, FuzzySharp, miss analysis, agreement.</summary>
internal sealed class ExtraCategories
{
    public const double AnalysisFloor = 0.3;
    public const int AnalysisLimit = 1000;

    private ExtraCategories(List<ExtraQuery> queries, Outcome[] outcomes, int[] fuzzy, MissAnalysis?[] misses, Agreement? agreement, TimeSpan elapsed)
    {
        Queries = queries;
        Outcomes = outcomes;
        Fuzzy = fuzzy;
        Misses = misses;
        Agreement = agreement;
        Elapsed = elapsed;
    }

    public List<ExtraQuery> Queries { get; }

    /// <summary>The fast path at the operating threshold (and the sweep run), per query.</summary>
    public Outcome[] Outcomes { get; }

    /// <summary>FuzzySharp's best WeightedRatio over the expected entry's names, per query.</summary>
    public int[] Fuzzy { get; }

    /// <summary>Per query: null when the expected entry was the first match at the threshold, else where it stood.</summary>
    public MissAnalysis?[] Misses { get; }

    /// <summary>Fast vs exhaustive on a sample of these queries, or null when not run.</summary>
    public Agreement? Agreement { get; }

    public TimeSpan Elapsed { get; }

    public static ExtraCategories Run(Evaluator evaluator, FuzzyBaseline baseline, List<ExtraQuery> queries, double threshold, int agreementSample, int seed)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = evaluator.RunFast(queries.Select(q => q.Text).ToList(), queries.Select(q => (string?)q.ExpectedId).ToList());
        var fuzzy = new int[queries.Count];
        Parallel.For(0, queries.Count, i => fuzzy[i] = baseline.ScoreEntry(queries[i].Text, queries[i].ExpectedId));

        var misses = new MissAnalysis?[queries.Count];
        Parallel.For(0, queries.Count, i =>
        {
            var o = outcomes[i];
            if (o.Top1) return;
            if (o.Error is not null)
            {
                misses[i] = new MissAnalysis(MissKind.NotScreened, null, 0, null, null);
                return;
            }
            IReadOnlyList<ScreeningMatch> all;
            try { all = evaluator.Fast(queries[i].Text, AnalysisFloor, AnalysisLimit); }
            catch (ArgumentException) { all = []; }
            misses[i] = Analyse(all, queries[i].ExpectedId, o, threshold);
        });

        Agreement? agreement = null;
        if (agreementSample > 0)
        {
            var rng = new Random(unchecked(seed * 31 + 4242));
            var sample = queries.Select(q => q.Text).OrderBy(_ => rng.Next()).Take(agreementSample).ToList();
            agreement = evaluator.CompareWithExhaustive(sample);
        }
        return new ExtraCategories(queries, outcomes, fuzzy, misses, agreement, watch.Elapsed);
    }

    /// <summary>Classifies a top-1 miss from the matches at the analysis floor (ordered best first).</summary>
    public static MissAnalysis Analyse(IReadOnlyList<ScreeningMatch> all, string expectedId, Outcome outcome, double threshold)
    {
        var top = all.Count > 0 ? all[0] : null;
        ScreeningMatch? expected = null;
        foreach (var m in all)
        {
            if (m.EntryId != expectedId) continue;
            expected = m;
            break;
        }
        if (expected is null) return new MissAnalysis(MissKind.NotFound, null, 0, null, top);
        // Rank: one more than the number of entries scored strictly higher (ties share a rank).
        var rank = 1 + all.Count(m => m.Score > expected.Score && m.EntryId != expectedId);
        var kind = outcome.Hit || expected.Score >= threshold ? MissKind.RankedBelowAnother
            : rank == 1 ? MissKind.BelowThresholdFirst : MissKind.BelowThresholdBehind;
        return new MissAnalysis(kind, expected.Score, rank, expected, top);
    }
}
