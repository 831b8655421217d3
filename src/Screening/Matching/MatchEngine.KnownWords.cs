using Screening.Normalization;

namespace Screening.Matching;

internal sealed partial class MatchEngine
{
    // A vocabulary key one query word meets fuzzily, with the similarity and distance UnitSimilarity gave.
    internal readonly record struct Neighbour(int Vocab, float Similarity, int Distance);

    /// <summary>
    /// Within one batch (<see cref="Screener.ScreenMany"/>), one per thread: the fuzzy neighbours of query words no list
    /// spells. A customer book repeats its words (surnames, LOGISTICS, SHENZHEN) across millions of
    /// names; a single <c>Screen</c> never uses it, so latency is measured without it. Bounded; dropped with the batch.
    /// </summary>
    internal sealed class WordCache(MatchEngine engine, int capacity)
    {
        public MatchEngine Engine { get; } = engine;

        // Fuzzy neighbours by (spelling, key); split points (FindSplits) and the best cut of a split reading (BestCut).
        public BoundedCache<(string Text, string Key), Neighbour[]> Neighbours { get; } = new(capacity);
        public BoundedCache<string, (int Left, int Right)[]> Splits { get; } = new(capacity, StringComparer.Ordinal);
        public BoundedCache<string, int> Cuts { get; } = new(capacity, StringComparer.Ordinal);
    }

    // The batch cache of the screening in progress on this thread, if any (set by Screener around each batch item).
    [ThreadStatic] internal static WordCache? t_wordCache;

    // This thread's batch cache when it belongs to this engine (a reload mid-batch makes a new engine).
    private WordCache? BatchWords => t_wordCache is { } c && ReferenceEquals(c.Engine, this) ? c : null;

    // Per listed spelling (form id): the fuzzy neighbours of a query word spelt exactly so, filled on first use.
    // Most query words (LIMITED, TRADING, surnames) are listed words, and their neighbours depend on the word
    // alone, so the deletion-index lookups and edit distances run once per engine instead of once per query.
    // Bounded by the number of listed spellings; words no list spells go through the indexes every time.
    private Neighbour[]?[] _formNeighbours = [];

    // Per listed spelling: the points where a query word spelt so splits into two listed words (see Prepare).
    private (int Left, int Right)[]?[] _formSplits = [];

    // The longest vocabulary key and the longest listed spelling, to skip hopeless lookups.
    private int _longestKey;
    private int _longestForm;

    [ThreadStatic] private static List<Neighbour>? t_neighbours;
    [ThreadStatic] private static List<(int, int)>? t_splits;

    // The memoized neighbours of query token i, or null when its spelling is not a listed one with the same key.
    private Neighbour[]? KnownNeighbours(PreparedQuery q, int i)
    {
        if (q.Texts[i] is not { } text || q.Vocab[i] < 0) return null;
        var f = q.Forms[i];
        if (f < 0 || _vocab.FormVocab[f] != q.Vocab[i]) return null;
        var known = Volatile.Read(ref _formNeighbours[f]);
        if (known is not null) return known;
        var found = t_neighbours ??= new List<Neighbour>(32);
        found.Clear();
        FindNeighbours(q.Keys[i], text, q.TextLengths[i], q.Classes[i], q.Vocab[i], found);
        // Racing threads compute the same array; either may win.
        known = found.Count == 0 ? [] : found.ToArray();
        Volatile.Write(ref _formNeighbours[f], known);
        return known;
    }

    // Every vocabulary key other than `exact` that the query word meets through the deletion indexes (over keys,
    // then over typed spellings), in the order found: the order its hits are added to the hit set.
    private void FindNeighbours(string key, string? text, int textLength, TokenClass cls, int exact, List<Neighbour> output)
    {
        // Depth 0 still looks the word itself up: longer listed words reach it through their own deletions.
        var depth = Weights.AllowedEdits(textLength, key.Length);
        if (cls != TokenClass.Word || textLength < 4) return;
        var variants = t_variants ??= new List<ulong>(128);
        var seen = t_seen ??= [];
        variants.Clear();
        seen.Clear();
        // No listed word is within two edits of a word longer than the longest listed one by three or more (a
        // 1,000-letter run would otherwise expand into half a million deletion variants).
        if (key.Length <= _longestKey + 2) DeletionIndex.Variants(key, depth, variants);
        foreach (var h in variants)
        {
            foreach (var v in _deletions.Lookup(h))
            {
                if (v == exact || !seen.Add(v)) continue;
                var s = UnitSimilarity(key, text, textLength, cls, v, out var d);
                if (s > 0) output.Add(new Neighbour(v, s, d));
            }
        }
        if (text is null || _formDeletions is null || text.Length > _longestForm + 2) return;
        var textDepth = Weights.MaxDistance(text.Length);
        if (text.Length < 4) return;
        variants.Clear();
        DeletionIndex.Variants(text, textDepth, variants);
        foreach (var h in variants)
        {
            foreach (var f in _formDeletions.Lookup(h))
            {
                var v = _vocab.FormVocab[f];
                if (v == exact || !seen.Add(v)) continue;
                var s = UnitSimilarity(key, text, textLength, cls, v, out var d);
                if (s > 0) output.Add(new Neighbour(v, s, d));
            }
        }
    }

    // The split points of a word (as token i of the query), memoized when it is a listed spelling (form id f, else -1):
    // they depend on the spelling alone.
    private void AddSplits(int i, string text, int f, List<(int, int, int)> output)
    {
        if (f < 0)
        {
            var batch = BatchWords;
            if (batch is not null && batch.Splits.TryGet(text, out var cached))
            {
                foreach (var (left, right) in cached) output.Add((i, left, right));
                return;
            }
            var found = t_splits ??= [];
            found.Clear();
            FindSplits(text, found);
            foreach (var (left, right) in found) output.Add((i, left, right));
            batch?.Splits.Add(text, found.Count == 0 ? [] : found.ToArray());
            return;
        }
        var known = Volatile.Read(ref _formSplits[f]);
        if (known is null)
        {
            var found = t_splits ??= [];
            found.Clear();
            FindSplits(text, found);
            known = found.Count == 0 ? [] : found.ToArray();
            Volatile.Write(ref _formSplits[f], known);
        }
        foreach (var (left, right) in known) output.Add((i, left, right));
    }
}
