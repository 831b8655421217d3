using System.Runtime.InteropServices;
using Screening.Matching.Index;
using Screening.Matching.Scoring;
using Screening.Normalization;

namespace Screening.Matching.Query;

/// <summary>
/// The vocabulary keys a query word meets fuzzily, found through the deletion indexes (over keys, then over typed
/// spellings) without touching the rest of the vocabulary; memoized per listed spelling, and per batch for the rest.
/// </summary>
internal sealed class NeighbourFinder(MatchIndex index, TokenSimilarity similarity)
{
    private readonly Vocabulary _vocab = index.Vocab;

    // Per listed spelling (form id): the fuzzy neighbours of a query word spelt exactly so, filled on first use.
    // Most query words (LIMITED, TRADING, surnames) are listed words, and their neighbours depend on the word
    // alone, so the deletion-index lookups and edit distances run once per engine instead of once per query.
    // Bounded by the number of listed spellings; words no list spells go through the indexes every time.
    private readonly Neighbour[]?[] _formNeighbours = new Neighbour[]?[index.Vocab.FormTexts.Length];

    /// <summary>Adds every key query token <paramref name="i"/> meets, other than its exact key, as hits.</summary>
    public void AddNeighbours(PreparedQuery q, int i, HitSet hits, MatchContext ctx)
    {
        if (KnownNeighbours(q, i, ctx) is { } known)
        {
            Add(hits, i, known);
            return;
        }
        // A word no list spells: its neighbours depend on its spelling and key alone (the key fixes the exact id).
        var batch = q.Texts[i] is not null && ctx.Words is { } c && ReferenceEquals(c.Index, index) ? c : null;
        if (batch is not null && batch.Neighbours.TryGet((q.Texts[i]!, q.Keys[i]), out var cached))
        {
            Add(hits, i, cached);
            return;
        }
        var found = ctx.Neighbours;
        found.Clear();
        Find(q.Keys[i], q.Texts[i], q.TextLengths[i], q.Classes[i], q.Vocab[i], found, ctx);
        Add(hits, i, CollectionsMarshal.AsSpan(found));
        batch?.Neighbours.Add((q.Texts[i]!, q.Keys[i]), found.Count == 0 ? [] : found.ToArray());
    }

    private static void Add(HitSet hits, int unit, ReadOnlySpan<Neighbour> neighbours)
    {
        foreach (var nb in neighbours) hits.Add(nb.Vocab, new Hit(unit, nb.Similarity, nb.Distance, nb.Abbreviation));
    }

    // The memoized neighbours of query token i, or null when its spelling is not a listed one with the same key.
    private Neighbour[]? KnownNeighbours(PreparedQuery q, int i, MatchContext ctx)
    {
        if (q.Texts[i] is not { } text || q.Vocab[i] < 0) return null;
        var f = q.Forms[i];
        if (f < 0 || _vocab.FormVocab[f] != q.Vocab[i]) return null;
        var known = Volatile.Read(ref _formNeighbours[f]);
        if (known is not null) return known;
        var found = ctx.Neighbours;
        found.Clear();
        Find(q.Keys[i], text, q.TextLengths[i], q.Classes[i], q.Vocab[i], found, ctx);
        // Racing threads compute the same array; either may win.
        known = found.Count == 0 ? [] : found.ToArray();
        Volatile.Write(ref _formNeighbours[f], known);
        return known;
    }

    // Every vocabulary key other than `exact` that the query word meets: through the deletion indexes (over keys, then
    // over typed spellings), then the ordinary words it may abbreviate; in the order found.
    private void Find(string key, string? text, int textLength, TokenClass cls, int exact, List<Neighbour> output, MatchContext ctx)
    {
        if (cls != TokenClass.Word) return;
        var seen = ctx.Seen;
        seen.Clear();
        if (textLength >= ScoringModel.MinFuzzyLength) FindMisspelt(key, text, textLength, cls, exact, output, ctx);
        if (text is not null) FindAbbreviated(key, text, textLength, cls, exact, seen, output);
    }

    private void FindMisspelt(string key, string? text, int textLength, TokenClass cls, int exact, List<Neighbour> output, MatchContext ctx)
    {
        // Depth 0 still looks the word itself up: longer listed words reach it through their own deletions.
        var depth = ScoringModel.AllowedEdits(textLength, key.Length);
        var variants = ctx.Variants;
        var seen = ctx.Seen;
        variants.Clear();
        // No listed word is within two edits of a word longer than the longest listed one by three or more (a
        // 1,000-letter run would otherwise expand into half a million deletion variants).
        if (key.Length <= index.LongestKey + 2) DeletionIndex.Variants(key, depth, variants);
        foreach (var h in variants)
        {
            foreach (var v in index.Deletions.Lookup(h))
            {
                if (v == exact || !seen.Add(v)) continue;
                var s = similarity.Unit(key, text, textLength, cls, v, out var d, out var abbreviation);
                if (s > 0) output.Add(new Neighbour(v, s, d, abbreviation));
            }
        }
        if (text is null || text.Length > index.LongestForm + 2) return;
        var textDepth = ScoringModel.MaxDistance(text.Length);
        if (text.Length < ScoringModel.MinFuzzyLength) return;
        variants.Clear();
        DeletionIndex.Variants(text, textDepth, variants);
        foreach (var h in variants)
        {
            foreach (var f in index.FormDeletions.Lookup(h))
            {
                var v = _vocab.FormVocab[f];
                if (v == exact || !seen.Add(v)) continue;
                var s = similarity.Unit(key, text, textLength, cls, v, out var d, out var abbreviation);
                if (s > 0) output.Add(new Neighbour(v, s, d, abbreviation));
            }
        }
    }

    // The ordinary listed words a word no list spells may abbreviate: those with a spelling that starts with its first
    // letter (TokenSimilarity decides; this only narrows the words it is asked about).
    private void FindAbbreviated(string key, string text, int textLength, TokenClass cls, int exact, HashSet<int> seen, List<Neighbour> output)
    {
        if (cls != TokenClass.Word || text.Length < ScoringModel.AbbreviationMinLength || text.Length > ScoringModel.AbbreviationMaxLength) return;
        var words = index.OrdinaryWordsStartingWith(text[0]);
        var masks = index.OrdinaryWordMasksStartingWith(text[0]);
        var mask = Text.LetterMask.Of(text);
        for (var i = 0; i < words.Length; i++)
        {
            var v = words[i];
            // Not within reach of the misspelling lookups (those found every listed word a typo away), so only an
            // abbreviation could meet it, and an abbreviation uses only the word's letters.
            if ((mask & ~masks[i]) != 0 || v == exact || !seen.Add(v)) continue;
            var s = similarity.Unit(key, text, textLength, cls, v, out var d, out var abbreviation);
            if (s > 0) output.Add(new Neighbour(v, s, d, abbreviation));
        }
    }
}
