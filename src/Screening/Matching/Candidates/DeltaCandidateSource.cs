using Screening.Matching.Index;
using Screening.Matching.Query;
using Screening.Matching.Scoring;
using Screening.Normalization;

namespace Screening.Matching.Candidates;

/// <summary>
/// Candidates from the names of some entries only (delta re-screening: the added and changed ones), with every score the
/// indexed source would give them. Query words are looked up among those names' keys (<see cref="DeltaWords"/>), so the
/// hits on those keys are the indexed source's hits on them, and only those names are collected. Everything else a score
/// reads is the full index's: token weights and classes, the bound, and the weight of a word no list has, which is
/// its nearest listed word's anywhere in the list (for such a word the full neighbour search still runs: rows reach
/// this source only through the <see cref="DeltaPrefilter"/>, which rejects almost all of them first).
/// </summary>
internal sealed class DeltaCandidateSource : ICandidateSource
{
    // Words memoized per worker: a book repeats its words.
    private const int CacheCapacity = 200_000;

    private readonly MatchIndex _index;
    private readonly DeltaIndex _delta;
    private readonly DeltaWords _words;
    private readonly NeighbourFinder _neighbours;

    public DeltaCandidateSource(DeltaIndex delta, TokenSimilarity similarity, SplitReadings splits, RespelledReadings respelled, NeighbourFinder neighbours)
    {
        _index = delta.Full;
        _delta = delta;
        _words = new DeltaWords(delta, similarity, splits);
        _neighbours = neighbours;
        Prefilter = new DeltaPrefilter(delta, _words, splits, respelled);
    }

    /// <summary>The names screened.</summary>
    public DeltaIndex Delta => _delta;

    /// <summary>The check that skips a reading before preparation when no delta name can reach the threshold.</summary>
    public DeltaPrefilter Prefilter { get; }

    /// <summary>This worker's memory for this delta (made on first use, and again when the context served another delta).</summary>
    public DeltaWordCache CacheFor(MatchContext ctx)
    {
        if (ctx.DeltaWords is { } cache && ReferenceEquals(cache.Delta, _delta)) return cache;
        cache = new DeltaWordCache(_delta, CacheCapacity);
        ctx.DeltaWords = cache;
        return cache;
    }

    public void FindHits(PreparedQuery q, MatchContext ctx)
    {
        var cache = CacheFor(ctx);
        var acc = ctx.Hits;
        acc.Clear();
        var m = q.TokenCount;
        var found = cache.Found;
        for (var i = 0; i < m; i++)
        {
            var cls = q.Classes[i];
            if (cls == TokenClass.LegalForm) continue;
            if (q.Vocab[i] < 0)
            {
                // An unknown word weighs what its nearest listed word weighs (QueryPreparer.QueryWeight): all its
                // neighbours, as the indexed source finds them (those among the delta's keys included).
                _neighbours.AddNeighbours(q, i, acc, ctx);
                continue;
            }
            if (q.Texts[i] is { } text)
            {
                foreach (var h in _words.Word(text, q.Keys[i], cache, ctx).Hits) acc.Add(h.Vocab, new Hit(i, h.Similarity, h.Distance, h.Abbreviation));
                continue;
            }
            found.Clear();
            _words.AddHits(q.Keys[i], null, q.TextLengths[i], cls, q.Vocab[i], found, cache);
            foreach (var h in found) acc.Add(h.Vocab, new Hit(i, h.Similarity, h.Distance, h.Abbreviation));
        }
        for (var j = 0; j < q.JoinVocab.Length; j++)
        {
            if (q.JoinVocab[j] >= 0 && _delta.InDelta[q.JoinVocab[j]]) acc.Add(q.JoinVocab[j], new Hit(m + j, ScoringModel.SplitJoinSimilarity, 0));
        }
        // As the indexed source: split halves and phrases met in part get a slot without hits (the bound sees them).
        foreach (var (_, left, right) in q.Splits)
        {
            if (_delta.InDelta[left]) acc.Touch(left);
            if (_delta.InDelta[right]) acc.Touch(right);
        }
        TouchPhrases(q, acc);
        q.Hits = acc;
    }

    // As IndexedCandidateSource.TouchPhrases, among the delta's keys.
    private void TouchPhrases(PreparedQuery q, HitSet acc)
    {
        for (var i = 0; i < q.TokenCount; i++)
        {
            if (!q.PhrasePart[i]) continue;
            if (q.Name.Tokens[i].Parts is { } parts)
            {
                foreach (var part in parts)
                {
                    if (_delta.Find(part) is var v && v >= 0) acc.Touch(v);
                    foreach (var p in _delta.PhrasesWith(part)) acc.Touch(p);
                }
            }
            foreach (var v in _delta.PhrasesWith(q.Keys[i])) acc.Touch(v);
            if (!ReferenceEquals(q.PlainKeys[i], q.Keys[i]))
                foreach (var v in _delta.PhrasesWith(q.PlainKeys[i])) acc.Touch(v);
        }
    }

    // Every delta name a content pair can reach: through a key met by a query word or number (not abbreviated) or a
    // join, and through a word split into two adjacent keys. Names without one score 0 (NameScorer's content rule).
    public void Collect(PreparedQuery q, double threshold, MatchContext ctx)
    {
        var hits = q.Hits;
        var m = q.TokenCount;
        for (var slot = 0; slot < hits.Count; slot++)
        {
            var v = hits.VocabAt(slot);
            if (!_delta.InDelta[v] || !HasContentHit(q, hits.At(slot), m)) continue;
            foreach (var p in _delta.CandidatesOf(v)) ctx.AddCandidate(_delta.Names[p]);
        }
        foreach (var (_, left, right) in q.Splits)
            foreach (var p in _delta.PairCandidates(left, right)) ctx.AddCandidate(_delta.Names[p]);
    }

    private static bool HasContentHit(PreparedQuery q, List<Hit> hits, int m)
    {
        foreach (var h in hits)
            if (h.Unit >= m || (q.Classes[h.Unit] is TokenClass.Word or TokenClass.Number && !h.Abbreviation)) return true;
        return false;
    }

    public bool Admits(int name, float queryLegalWeight, double floor, MatchContext ctx) =>
        !(ScoreBound.ForName(_index.TokensOf(name), _index.NameWeight[name], queryLegalWeight, ctx.Marks, ctx.StampValue) < floor);
}
