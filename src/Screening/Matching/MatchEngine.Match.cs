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
        if (scratch.Stamp.Length < _names.Length || scratch.Marks.Length < _vocab.Count)
        {
            scratch.Stamp = new int[_names.Length];
            scratch.HitIndex = new int[_vocab.Count];
            scratch.Marks = new VocabMark[_vocab.Count];
            scratch.StampValue = 0;
        }
        if (++scratch.StampValue == int.MaxValue)
        {
            Array.Clear(scratch.Stamp);
            Array.Clear(scratch.Marks);
            scratch.StampValue = 1;
        }
        var stamp = scratch.StampValue;
        scratch.Candidates.Clear();
        var hits = q.Hits!;
        var m = q.TokenCount;

        // Mark every vocabulary id the query meets, so scoring reads arrays instead of a dictionary.
        for (var slot = 0; slot < hits.Count; slot++)
        {
            var v = hits.VocabAt(slot);
            scratch.HitIndex[v] = slot;
            scratch.Marks[v] = new VocabMark(stamp, _vocab.Classes[v] != TokenClass.LegalForm ? _vocab.Weights[v] : 0f);
        }

        // Which postings to read (MaxScore, as in search engines). A name scores only through a content pair: a query
        // word or number met by a non-generic key (ScoreName). Keys that never make one (OF, DES, generic words) bring
        // no candidates of their own, except generic keys for names made only of generic words. Content keys are then
        // skipped from the most common down for as long as a name met only through skipped keys, function words,
        // generic words and phrase parts cannot reach the threshold (see README, "Candidate generation").
        var order = scratch.Order;
        order.Clear();
        Span<float> reach = stackalloc float[m];
        reach.Clear();
        for (var slot = 0; slot < hits.Count; slot++)
        {
            var v = hits.VocabAt(slot);
            if (IsContentKey(q, v, hits.At(slot))) order.Add(slot);
            else Reach(reach, hits.At(slot), _vocab.Weights[v], m);
        }
        // A word read as two listed words (split) is content too, found through its rarer half: entry ~index.
        for (var k = 0; k < q.Splits.Count; k++) order.Add(~k);
        // Most common first (insertion sort: a handful of keys, and no delegate per query).
        var frequency = order.Count <= 256 ? stackalloc int[order.Count] : new int[order.Count];
        for (var a = 0; a < order.Count; a++)
        {
            var entry = order[a];
            var df = _vocab.DocumentFrequency[entry >= 0 ? hits.VocabAt(entry) : RarerHalf(q.Splits[~entry])];
            var b = a - 1;
            for (; b >= 0 && frequency[b] < df; b--)
            {
                order[b + 1] = order[b];
                frequency[b + 1] = frequency[b];
            }
            order[b + 1] = entry;
            frequency[b + 1] = df;
        }
        var floor = (float)(threshold - Weights.MaxBonus);
        var skipped = 0;
        Span<float> trial = stackalloc float[m];
        while (skipped < order.Count)
        {
            reach.CopyTo(trial);
            var entry = order[skipped];
            if (entry >= 0) Reach(trial, hits.At(entry), _vocab.Weights[hits.VocabAt(entry)], m);
            else
            {
                var (token, left, right) = q.Splits[~entry];
                trial[token] = Math.Max(trial[token], _vocab.Weights[left] + _vocab.Weights[right]);
            }
            if (ReachBound(q, trial) >= floor) break;
            trial.CopyTo(reach);
            skipped++;
        }

        for (var o = skipped; o < order.Count; o++)
        {
            var entry = order[o];
            AddPostings(Postings(entry >= 0 ? hits.VocabAt(entry) : RarerHalf(q.Splits[~entry])), scratch);
        }
        // With no content key skipped, every name with content is a candidate but for names of generic words only.
        if (skipped == 0)
        {
            for (var slot = 0; slot < hits.Count; slot++)
            {
                var v = hits.VocabAt(slot);
                if (_generic[v] && hits.At(slot).Count > 0) AddPostings(CandidatePostings(v), scratch);
            }
        }
    }

    private int RarerHalf((int Token, int Left, int Right) split) =>
        _vocab.DocumentFrequency[split.Left] <= _vocab.DocumentFrequency[split.Right] ? split.Left : split.Right;

    private static void AddPostings(ReadOnlySpan<int> postings, Scratch scratch)
    {
        var stamp = scratch.StampValue;
        var marks = scratch.Stamp;
        var candidates = scratch.Candidates;
        foreach (var n in postings)
        {
            if (marks[n] == stamp) continue;
            marks[n] = stamp;
            candidates.Add(n);
        }
    }

    // Whether a key can give a name its content pair for this query: non-generic, meeting a query word or number
    // (a join unit covers two words). Split halves (no hits) are reached through the split instead.
    private bool IsContentKey(PreparedQuery q, int v, List<Hit> hits)
    {
        if (_generic[v]) return false;
        foreach (var h in hits)
            if (h.Unit >= q.TokenCount || q.Classes[h.Unit] is TokenClass.Word or TokenClass.Number) return true;
        return false;
    }

    // The heaviest list weight through which each query token may be met (a join unit reaches both of its tokens).
    private static void Reach(Span<float> reach, List<Hit> hits, float weight, int m)
    {
        foreach (var h in hits)
        {
            var first = h.Unit < m ? h.Unit : h.Unit - m;
            var last = h.Unit < m ? first : first + 1;
            for (var i = first; i <= last; i++) reach[i] = Math.Max(reach[i], weight);
        }
    }

    // Upper bound on the score of a name met only through the given reach: tokens met weigh at most their heaviest
    // key, the others cost UnmatchedQuery of their weight. A word of a phrase may be met as part of it (PartialPhrases),
    // and that pair weighs what the listed phrase weighs: count the heaviest such phrase.
    private static float ReachBound(PreparedQuery q, ReadOnlySpan<float> reach)
    {
        float reachable = 0, unreachable = 0;
        for (var i = 0; i < q.TokenCount; i++)
        {
            switch (q.Classes[i])
            {
                case TokenClass.LegalForm: reachable += Weights.LegalForm; continue;
                case TokenClass.Stop: reachable += Weights.Stop; continue;
            }
            if (q.PhrasePart[i]) reachable += Math.Max(Math.Max(reach[i], q.TokenWeights[i]), q.PhraseReach[i]);
            else if (reach[i] > 0) reachable += Math.Max(reach[i], q.TokenWeights[i]);
            else unreachable += Weights.UnmatchedQuery * q.TokenWeights[i];
        }
        return reachable / (reachable + unreachable);
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
