using Screening.Matching.Index;
using Screening.Matching.Query;
using Screening.Matching.Scoring;
using Screening.Normalization;

namespace Screening.Matching.Candidates;

/// <summary>
/// The fast path. Hits come from exact lookups and the deletion indexes; candidates from postings chosen as search
/// engines choose documents (MaxScore): a name scores only through a content pair (a query word or number met by a
/// non-generic key), so keys that never make one (OF, DES, generic words) bring no candidates of their own, and content
/// keys are skipped from the most common down for as long as a name met only through skipped keys cannot reach the
/// threshold (<see cref="ScoreBound.ForReach"/>). Each candidate then passes the name bound (<see cref="ScoreBound.ForName"/>)
/// before it is scored.
/// </summary>
internal sealed class IndexedCandidateSource(MatchIndex index, TokenSimilarity similarity, NeighbourFinder neighbours) : ICandidateSource
{
    private readonly Vocabulary _vocab = index.Vocab;

    public void FindHits(PreparedQuery q, MatchContext ctx)
    {
        var acc = ctx.Hits;
        acc.Clear();
        var m = q.TokenCount;
        for (var i = 0; i < m; i++)
        {
            var cls = q.Classes[i];
            if (cls == TokenClass.LegalForm) continue;
            if (q.Vocab[i] >= 0)
            {
                var s = similarity.Unit(q.Keys[i], q.Texts[i], q.TextLengths[i], cls, q.Vocab[i], out var d, out var abbreviation);
                if (s > 0) acc.Add(q.Vocab[i], new Hit(i, s, d, abbreviation));
            }
            neighbours.AddNeighbours(q, i, acc, ctx);
        }
        for (var j = 0; j < q.JoinVocab.Length; j++)
        {
            if (q.JoinVocab[j] >= 0) acc.Add(q.JoinVocab[j], new Hit(m + j, ScoringModel.SplitJoinSimilarity, 0));
        }
        // Split halves and the phrases a query word belongs to get a slot without hits of their own: the bound and the
        // partial-phrase rule must see them (see NameScorer.PartialPhrases).
        foreach (var (_, left, right) in q.Splits)
        {
            acc.Touch(left);
            acc.Touch(right);
        }
        TouchPhrases(q, acc);
        q.Hits = acc;
    }

    // Phrases a query word belongs to, and the words of a query phrase and the listed phrases that share one of them:
    // met in part. A one-word term has its own key as its part, so both lookups run for every phrase part.
    private void TouchPhrases(PreparedQuery q, HitSet acc)
    {
        for (var i = 0; i < q.TokenCount; i++)
        {
            if (!q.PhrasePart[i]) continue;
            if (q.Name.Tokens[i].Parts is { } parts)
            {
                foreach (var part in parts)
                {
                    if (_vocab.Find(part) is var v && v >= 0) acc.Touch(v);
                    TouchPhrasesWith(part, acc);
                }
            }
            TouchPhrasesWith(q.Keys[i], acc);
            if (!ReferenceEquals(q.PlainKeys[i], q.Keys[i])) TouchPhrasesWith(q.PlainKeys[i], acc);
        }
    }

    private void TouchPhrasesWith(string key, HitSet acc)
    {
        if (!index.PhrasesByPart.TryGetValue(key, out var phrases)) return;
        foreach (var v in phrases) acc.Touch(v);
    }

    public void Collect(PreparedQuery q, double threshold, MatchContext ctx)
    {
        var hits = q.Hits;
        var m = q.TokenCount;
        var order = ctx.Order;
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
        SortMostCommonFirst(q, order);
        var skipped = Skippable(q, order, reach, (float)(threshold - ScoringModel.MaxBonus));
        for (var o = skipped; o < order.Count; o++)
        {
            var entry = order[o];
            AddPostings(index.Postings(entry >= 0 ? hits.VocabAt(entry) : RarerHalf(q.Splits[~entry])), ctx);
        }
        // With no content key skipped, every name with content is a candidate but for names of generic words only.
        if (skipped == 0)
        {
            for (var slot = 0; slot < hits.Count; slot++)
            {
                var v = hits.VocabAt(slot);
                if (index.Generic[v] && hits.At(slot).Count > 0) AddPostings(index.CandidatePostings(v), ctx);
            }
        }
    }

    // Insertion sort by document frequency, most common first: a handful of keys, and no delegate per query.
    private void SortMostCommonFirst(PreparedQuery q, List<int> order)
    {
        var hits = q.Hits;
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
    }

    // How many of the ordered content keys may be skipped: while a name met only through them (and through function
    // words, generic words and phrase parts, already in reach) cannot reach the floor.
    private int Skippable(PreparedQuery q, List<int> order, Span<float> reach, float floor)
    {
        var hits = q.Hits;
        var m = q.TokenCount;
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
            if (ScoreBound.ForReach(q, trial) >= floor) break;
            trial.CopyTo(reach);
            skipped++;
        }
        return skipped;
    }

    private int RarerHalf((int Token, int Left, int Right) split) =>
        _vocab.DocumentFrequency[split.Left] <= _vocab.DocumentFrequency[split.Right] ? split.Left : split.Right;

    private static void AddPostings(ReadOnlySpan<int> postings, MatchContext ctx)
    {
        var stamp = ctx.StampValue;
        var marks = ctx.Stamp;
        var candidates = ctx.Candidates;
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
        if (index.Generic[v]) return false;
        foreach (var h in hits)
            if (h.Unit >= q.TokenCount || (q.Classes[h.Unit] is TokenClass.Word or TokenClass.Number && !h.Abbreviation)) return true;
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

    public bool Admits(int name, float queryLegalWeight, double floor, MatchContext ctx) =>
        !(ScoreBound.ForName(index.TokensOf(name), index.NameWeight[name], queryLegalWeight, ctx.Marks, ctx.StampValue) < floor);
}
