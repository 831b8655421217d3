using System.Diagnostics;
using FuzzyProcess = FuzzySharp.Process;
using Screening.Matching;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Evaluation;

/// <summary>What the library's fast path said about one query.</summary>
internal sealed class Outcome
{
    /// <summary>Best score of the expected entry in the sweep run (floor <see cref="Evaluator.SweepMin"/>), 0 when below it or absent.</summary>
    public double Expected { get; set; }

    /// <summary>Best score overall in the sweep run, 0 when nothing reached the floor.</summary>
    public double Top { get; set; }

    public string? TopId { get; set; }

    /// <summary>At the operating threshold (the public <see cref="Screener.Screen(string, string?, EntityType?)"/>): the expected entry is among the matches.</summary>
    public bool Hit { get; set; }

    /// <summary>At the operating threshold: the expected entry is the first match.</summary>
    public bool Top1 { get; set; }

    /// <summary>At the operating threshold: any match at all.</summary>
    public bool Alert { get; set; }

    public string? AlertTopId { get; set; }
    public string? Error { get; set; }
}

/// <summary>What the FuzzySharp baseline said about one query.</summary>
internal readonly record struct BaselineOutcome(int Expected, int Top, string? TopId);

/// <summary>Fast-vs-exhaustive agreement on a sample.</summary>
internal sealed record Agreement(int Queries, int SameTop, int FastMissedHit, int FastExtraHit, double MaxTopScoreDelta, List<string> Disagreements);

/// <summary>Single-thread latency of <see cref="Screener.Screen(string, string?, EntityType?)"/>.</summary>
internal sealed record Latency(int Queries, double P50Us, double P90Us, double P99Us, double MaxUs, double MeanUs);

internal sealed class Evaluator
{
    public const double SweepMin = 0.70;
    public const int SweepLimit = 50;

    private readonly Screener _screener;
    private readonly MatchEngine _engine;

    public Evaluator(Screener screener)
    {
        _screener = screener;
        _engine = screener.Engine;
    }

    /// <summary>Runs every query through the fast path twice: the sweep run (low floor, many matches) and the public Screen at the operating threshold.</summary>
    public Outcome[] RunFast(IReadOnlyList<string> texts, IReadOnlyList<string?> expected)
    {
        var outcomes = new Outcome[texts.Count];
        var request = new MatchRequest(SweepMin, SweepLimit, null, null);
        Parallel.For(0, texts.Count, i =>
        {
            var o = new Outcome();
            outcomes[i] = o;
            var exp = expected[i];
            try
            {
                var sweep = _engine.MatchText(texts[i], request);
                if (sweep.Count > 0)
                {
                    o.Top = sweep[0].Score;
                    o.TopId = sweep[0].EntryId;
                }
                if (exp is not null)
                {
                    foreach (var m in sweep)
                    {
                        if (m.EntryId != exp) continue;
                        o.Expected = m.Score;
                        break;
                    }
                }
                var r = _screener.Screen(texts[i]);
                o.Alert = r.IsHit;
                o.AlertTopId = r.IsHit ? r.Matches[0].EntryId : null;
                if (exp is not null)
                {
                    for (var k = 0; k < r.Matches.Count; k++)
                    {
                        if (r.Matches[k].EntryId != exp) continue;
                        o.Hit = true;
                        o.Top1 = k == 0 || r.Matches[0].Score == r.Matches[k].Score;
                        break;
                    }
                }
            }
            catch (ArgumentException ex)
            {
                o.Error = ex.Message;
            }
        });
        return outcomes;
    }

    /// <summary>The fast path with a chosen floor and limit.</summary>
    public IReadOnlyList<ScreeningMatch> Fast(string text, double floor, int limit) =>
        _engine.MatchText(text, new MatchRequest(floor, limit, null, null));

    /// <summary>The exhaustive reference path with a low floor: where the expected entry really scored and why.</summary>
    public IReadOnlyList<ScreeningMatch> Exhaustive(string text, double floor, int limit) =>
        _engine.MatchText(text, new MatchRequest(floor, limit, null, null), exhaustive: true);

    public Agreement CompareWithExhaustive(IReadOnlyList<string> texts)
    {
        var same = 0;
        var fastMissed = 0;
        var fastExtra = 0;
        var maxDelta = 0.0;
        var disagreements = new List<string>();
        var gate = new object();
        Parallel.For(0, texts.Count, i =>
        {
            ScreeningResult fast, slow;
            try
            {
                fast = _screener.Screen(texts[i]);
                slow = _screener.ScreenExhaustive(texts[i]);
            }
            catch (ArgumentException)
            {
                lock (gate) same++; // neither path screens it
                return;
            }
            var fastTop = fast.IsHit ? fast.Matches[0] : null;
            var slowTop = slow.IsHit ? slow.Matches[0] : null;
            var agree = fastTop?.EntryId == slowTop?.EntryId
                // Equal scores may tie-break differently only if the scores agree too.
                || (fastTop is not null && slowTop is not null && fastTop.Score == slowTop.Score);
            lock (gate)
            {
                if (agree) same++;
                else if (disagreements.Count < 20)
                    disagreements.Add($"fast {fastTop?.EntryId ?? "-"} {fastTop?.Score:0.000} vs exhaustive {slowTop?.EntryId ?? "-"} {slowTop?.Score:0.000}");
                if (fastTop is null && slowTop is not null) fastMissed++;
                if (fastTop is not null && slowTop is null) fastExtra++;
                if (fastTop is not null && slowTop is not null && fastTop.EntryId == slowTop.EntryId)
                    maxDelta = Math.Max(maxDelta, Math.Abs(fastTop.Score - slowTop.Score));
            }
        });
        return new Agreement(texts.Count, same, fastMissed, fastExtra, maxDelta, disagreements);
    }

    public Latency MeasureLatency(IReadOnlyList<string> texts)
    {
        // Warm up the JIT and the per-thread scratch first.
        for (var i = 0; i < Math.Min(500, texts.Count); i++) TryScreen(texts[i]);
        var ticks = new long[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            TryScreen(texts[i]);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        Array.Sort(ticks);
        double Us(long t) => t * 1_000_000.0 / Stopwatch.Frequency;
        double Pct(double p) => Us(ticks[Math.Min(ticks.Length - 1, (int)Math.Ceiling(p * ticks.Length) - 1)]);
        return new Latency(texts.Count, Pct(0.50), Pct(0.90), Pct(0.99), Us(ticks[^1]), ticks.Average(Us));
    }

    private void TryScreen(string text)
    {
        try { _screener.Screen(text); }
        catch (ArgumentException) { /* counted nowhere: the latency loop only times */ }
    }
}

/// <summary>
/// The naive baseline: FuzzySharp's WeightedRatio with its default processor against every name and alias of the list,
/// scored exactly as <c>Process.ExtractOne(query, allNames)</c> scores each choice.
/// </summary>
/// <remarks>
/// A full scan costs about a second per query, so only what the report needs is computed: for a generated query or a
/// near-miss, the best score over the names of its source entry (each choice is scored independently, so this equals
/// what a full scan would give that entry); for a negative, the best score over all names, the scan stopping once a
/// name reaches the highest cut-off of the baseline's sweep.
/// </remarks>
internal sealed class FuzzyBaseline
{
    public const int HitScore = 85;

    private readonly string[] _names;
    private readonly Dictionary<string, string[]> _namesByEntry;

    public FuzzyBaseline(IReadOnlyList<WatchlistEntry> entries)
    {
        var names = new List<string>();
        _namesByEntry = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var own = e.Names.Select(n => n.Value).Where(v => !string.IsNullOrWhiteSpace(v)).ToArray();
            names.AddRange(own);
            _namesByEntry[e.Id] = _namesByEntry.TryGetValue(e.Id, out var prior) ? [.. prior, .. own] : own;
        }
        _names = names.ToArray();
    }

    public int NameCount => _names.Length;

    /// <summary>The best WeightedRatio of the query against the names of one entry (default processor and scorer, as ExtractOne).</summary>
    public int ScoreEntry(string query, string entryId)
    {
        var best = 0;
        if (!_namesByEntry.TryGetValue(entryId, out var names)) return 0;
        foreach (var r in FuzzyProcess.ExtractAll(query, names)) best = Math.Max(best, r.Score);
        return best;
    }

    /// <summary>Cut-offs of the baseline's own sweep; a negative's scan stops once the highest is reached.</summary>
    public static readonly int[] SweepScores = [80, 85, 90, 95];

    /// <summary>ExtractOne's best score over the whole list, exact below the highest sweep cut-off (the scan stops there).</summary>
    public int ScanForAlert(string query)
    {
        var best = 0;
        var stop = SweepScores[^1];
        foreach (var r in FuzzyProcess.ExtractAll(query, _names))
        {
            if (r.Score <= best) continue;
            best = r.Score;
            if (best >= stop) break;
        }
        return best;
    }

    /// <summary>Checks that the full-scan maximum is ExtractOne's score (one query: it costs two full scans).</summary>
    public void SelfCheck(string query)
    {
        var one = FuzzyProcess.ExtractOne(query, _names).Score;
        var max = 0;
        foreach (var r in FuzzyProcess.ExtractAll(query, _names)) max = Math.Max(max, r.Score);
        if (one != max) throw new InvalidOperationException($"FuzzySharp baseline self-check failed: ExtractOne {one}, ExtractAll max {max}");
    }

    public BaselineOutcome[] Run(IReadOnlyList<(string Text, string? Expected)> queries)
    {
        var results = new BaselineOutcome[queries.Count];
        Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (text, expected) = queries[i];
            results[i] = expected is null ? new BaselineOutcome(0, ScanForAlert(text), null) : new BaselineOutcome(ScoreEntry(text, expected), 0, null);
        });
        return results;
    }
}
