using Screening.Normalization;

namespace Screening.Matching;

internal sealed partial class MatchEngine
{
    /// <summary>Fast path: candidates from the index, each scored with the prepared query.</summary>
    public IReadOnlyList<ScreeningMatch> Match(NormalizedName name, MatchRequest request) => MatchReadings(name, request, fast: true);

    /// <summary>Reference path: every name scored, with similarities computed directly. Slow; for tests and evaluation.</summary>
    public IReadOnlyList<ScreeningMatch> MatchExhaustive(NormalizedName name, MatchRequest request) => MatchReadings(name, request, fast: false);

    // The query as typed, and where an unknown word is two listed words run together (BUREAUFAKEL, PREDPRIYATIEISTOCHNIK),
    // the query with it split, normalized again so that phrases re-form; the better score per entry wins.
    private IReadOnlyList<ScreeningMatch> MatchReadings(NormalizedName name, MatchRequest request, bool fast)
    {
        var q = Prepare(name, withHits: fast);
        var split = SplitReading(q);
        var result = MatchPrepared(q, request, fast);
        if (split is not { } s) return result;
        // Prepared only now: the fast path's hits live in a per-thread buffer that the first reading used.
        var r = Prepare(s.Name, withHits: fast, Weights.SplitJoinSimilarity, s.Note, s.Halves);
        return Merge(result, MatchPrepared(r, request, fast), request.Limit);
    }

    private IReadOnlyList<ScreeningMatch> MatchPrepared(PreparedQuery q, MatchRequest request, bool fast)
    {
        var scratch = GetScratch();
        if (fast)
        {
            CollectCandidates(q, request.Threshold, scratch);
            return Rank(q, scratch.Candidates, request, scratch);
        }
        var all = new List<int>(_names.Length);
        for (var i = 0; i < _names.Length; i++) all.Add(i);
        return Rank(q, all, request, scratch);
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

    /// <summary>How many names the fast path scores for this query (for benchmarks and tests).</summary>
    public int CandidateCount(NormalizedName name, double threshold)
    {
        var q = Prepare(name, withHits: true);
        var scratch = GetScratch();
        CollectCandidates(q, threshold, scratch);
        return scratch.Candidates.Count;
    }

    private void CollectCandidates(PreparedQuery q, double threshold, Scratch scratch)
    {
        if (scratch.Stamp.Length < _names.Length || scratch.VocabStamp.Length < _vocab.Count)
        {
            scratch.Stamp = new int[_names.Length];
            scratch.VocabStamp = new int[_vocab.Count];
            scratch.HitIndex = new int[_vocab.Count];
            scratch.Marks = new VocabMark[_vocab.Count];
            scratch.StampValue = 0;
        }
        if (++scratch.StampValue == int.MaxValue)
        {
            Array.Clear(scratch.Stamp);
            Array.Clear(scratch.VocabStamp);
            Array.Clear(scratch.Marks);
            scratch.StampValue = 1;
        }
        var stamp = scratch.StampValue;
        var candidates = scratch.Candidates;
        candidates.Clear();
        var hits = q.Hits!;
        var m = q.TokenCount;

        // Mark every vocabulary id the query meets, so scoring reads arrays instead of a dictionary.
        for (var slot = 0; slot < hits.Count; slot++)
        {
            var v = hits.VocabAt(slot);
            scratch.VocabStamp[v] = stamp;
            scratch.HitIndex[v] = slot;
            scratch.Marks[v] = new VocabMark(stamp, _vocab.Classes[v] != TokenClass.LegalForm ? _vocab.Weights[v] : 0f);
        }

        // Bound on the best score a name can reach through common keys alone (see README, "Candidate generation").
        Span<float> commonMax = stackalloc float[m];
        commonMax.Clear();
        var anyCommon = false;
        for (var slot = 0; slot < hits.Count; slot++)
        {
            var v = hits.VocabAt(slot);
            // Generic keys count here too: their postings only hold all-generic names (CandidatePostings).
            if (_vocab.DocumentFrequency[v] <= _commonCutoff && !_generic[v]) continue;
            anyCommon = true;
            foreach (var h in hits.At(slot))
            {
                // A join unit covers two query tokens: either may be reached through it.
                var first = h.Unit < m ? h.Unit : h.Unit - m;
                var last = h.Unit < m ? first : first + 1;
                for (var i = first; i <= last; i++) commonMax[i] = Math.Max(commonMax[i], _vocab.Weights[v]);
            }
        }
        var readCommon = false;
        if (anyCommon)
        {
            float reachable = 0, unreachable = 0;
            for (var i = 0; i < m; i++)
            {
                switch (q.Classes[i])
                {
                    case TokenClass.LegalForm: reachable += Weights.LegalForm; continue;
                    case TokenClass.Stop: reachable += Weights.Stop; continue;
                }
                // A word of a phrase may be met as part of it (PartialPhrases): count it reachable.
                if (commonMax[i] > 0 || q.PhrasePart[i]) reachable += Math.Max(commonMax[i], q.TokenWeights[i]);
                else unreachable += Weights.UnmatchedQuery * q.TokenWeights[i];
            }
            var bound = reachable / (reachable + unreachable) + Weights.MaxBonus;
            readCommon = bound >= threshold;
        }

        for (var slot = 0; slot < hits.Count; slot++)
        {
            var v = hits.VocabAt(slot);
            if (hits.At(slot).Count == 0) continue; // a split half: reached through the split below
            if (!readCommon && _vocab.DocumentFrequency[v] > _commonCutoff) continue;
            foreach (var n in CandidatePostings(v))
            {
                if (scratch.Stamp[n] == stamp) continue;
                scratch.Stamp[n] = stamp;
                candidates.Add(n);
            }
        }
        foreach (var (_, left, right) in q.Splits)
        {
            var rarer = _vocab.DocumentFrequency[left] <= _vocab.DocumentFrequency[right] ? left : right;
            foreach (var n in Postings(rarer))
            {
                if (scratch.Stamp[n] == stamp) continue;
                scratch.Stamp[n] = stamp;
                candidates.Add(n);
            }
        }
    }

    // An upper bound on a name's score from the weights of its tokens the query meets at all:
    // score <= (a + legal) / (a + legal + UnmatchedList * (W - a)), increasing in a, with a <= the met weight.
    private float Bound(int name, float legal, Scratch scratch)
    {
        var tokens = _tokenPool.AsSpan(_tokenStart[name], _tokenStart[name + 1] - _tokenStart[name]);
        var nameWeight = _nameWeight[name];
        float met = 0;
        var stamp = scratch.StampValue;
        var marks = scratch.Marks;
        // One read per token (legal forms carry 0, and adding 0 leaves the sum as it was).
        foreach (var v in tokens)
        {
            var mark = marks[v];
            if (mark.Stamp == stamp) met += mark.Met;
        }
        var top = met + legal;
        if (top <= 0) return 0;
        return top / (top + Weights.UnmatchedList * Math.Max(0, nameWeight - met));
    }

    private IReadOnlyList<ScreeningMatch> Rank(PreparedQuery q, List<int> candidates, MatchRequest request, Scratch scratch)
    {
        // Best name per entry, then the best entries.
        var best = scratch.Best;
        best.Clear();
        var floor = request.Threshold - Weights.MaxBonus;
        var fast = q.Hits is not null;
        var organization = QueryFacts.NamesOrganization(q.Name);
        float legal = 0;
        for (var i = 0; i < q.TokenCount; i++)
            if (q.Classes[i] == TokenClass.LegalForm) legal += Weights.LegalForm;
        foreach (var n in candidates)
        {
            if (fast && Bound(n, legal, scratch) < floor) continue;
            var prepared = _names[n];
            var raw = ScoreName(q, prepared.Tokens, _normalized[prepared.Normalized].Tokens, scratch, aligned: null);
            if (raw < floor) continue;
            var score = Adjust(raw, prepared, request, organization);
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
        for (var i = 0; i < count; i++) result[i] = Explain(q, ordered[i].Entry, ordered[i].Name, ordered[i].Score, request, scratch);
        return result;
    }
}
