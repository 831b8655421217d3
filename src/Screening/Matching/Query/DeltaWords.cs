using Screening.Matching.Index;
using Screening.Matching.Scoring;
using Screening.Normalization;

namespace Screening.Matching.Query;

/// <summary>What one query word meets among a delta's keys.</summary>
/// <param name="Vocab">Its exact vocabulary id in the full index, or -1.</param>
/// <param name="Form">Its listed spelling id in the full index, or -1.</param>
/// <param name="Hits">Its hits on the delta's keys, in the order the indexed source adds them: the exact key first
/// (when it is the delta's and meets), then fuzzy neighbours and abbreviated words.</param>
/// <param name="Splits">Its cuts into two listed words with a half among the delta's keys.</param>
/// <param name="Content">Whether a hit (not an abbreviation) or a cut can give a delta name its content pair.</param>
internal sealed record DeltaWord(int Vocab, int Form, Neighbour[] Hits, (int Left, int Right)[] Splits, bool Content);

/// <summary>
/// The keys of a <see cref="DeltaIndex"/> a query word meets: the hits the full index's <see cref="NeighbourFinder"/>
/// gives, narrowed to the delta's keys, found without touching the rest of the vocabulary. The search is the same one
/// (the same variants, guards and visiting order; <see cref="TokenSimilarity.Unit"/> decides every pair), over deletion
/// indexes that hold exactly the full ones' entries for these keys, so the result is the full result filtered (the
/// tests compare them on random words).
/// </summary>
internal sealed class DeltaWords(DeltaIndex delta, TokenSimilarity similarity, SplitReadings splits)
{
    private readonly Vocabulary _vocab = delta.Full.Vocab;

    /// <summary>A one-word query token (<see cref="TokenClass.Word"/>, typed spelling <paramref name="text"/>), memoized per worker.</summary>
    public DeltaWord Word(string text, string key, DeltaWordCache cache, MatchContext ctx)
    {
        if (cache.Words.TryGet((text, key), out var known)) return known;
        var exact = _vocab.Find(key);
        var found = cache.Found;
        found.Clear();
        AddHits(key, text, text.Length, TokenClass.Word, exact, found, cache);
        var hits = found.Count == 0 ? [] : found.ToArray();
        var form = _vocab.FindForm(text);
        var cuts = Splits(text, form, cache, ctx);
        var word = new DeltaWord(exact, form, hits, cuts, IsContent(hits, cuts));
        cache.Words.Add((text, key), word);
        return word;
    }

    /// <summary>
    /// The hits of a query token on the delta's keys, as the indexed source finds them: the exact key
    /// (<paramref name="exact"/>, the full id or -1) when it is the delta's and meets, then the neighbours.
    /// </summary>
    public void AddHits(string key, string? text, int textLength, TokenClass cls, int exact, List<Neighbour> output, DeltaWordCache cache)
    {
        if (cls == TokenClass.LegalForm) return;
        if (exact >= 0 && delta.InDelta[exact])
        {
            var s = similarity.Unit(key, text, textLength, cls, exact, out var d, out var abbreviation);
            if (s > 0) output.Add(new Neighbour(exact, s, d, abbreviation));
        }
        AddNeighbours(key, text, textLength, cls, exact, output, cache);
    }

    /// <summary>The neighbours among the delta's keys of a query token, other than <paramref name="exact"/> (NeighbourFinder.Find, narrowed).</summary>
    public void AddNeighbours(string key, string? text, int textLength, TokenClass cls, int exact, List<Neighbour> output, DeltaWordCache cache)
    {
        if (cls != TokenClass.Word) return;
        var seen = cache.Seen;
        seen.Clear();
        if (textLength >= ScoringModel.MinFuzzyLength) FindMisspelt(key, text, textLength, cls, exact, output, cache);
        if (text is not null) FindAbbreviated(key, text, textLength, cls, exact, seen, output);
    }

    /// <summary>The cuts of a word into two listed words (the full index's, <see cref="SplitReadings.AddSplits"/>) with a half among the delta's keys.</summary>
    public (int Left, int Right)[] Splits(string text, int form, DeltaWordCache cache, MatchContext ctx)
    {
        if (text.Length < ScoringModel.SplitMinLength || text.Length > ScoringModel.SplitMaxLength) return [];
        var all = cache.Splits;
        all.Clear();
        splits.AddSplits(0, text, form, all, ctx);
        List<(int, int)>? ofDelta = null;
        foreach (var (_, left, right) in all)
            if (delta.InDelta[left] || delta.InDelta[right]) (ofDelta ??= []).Add((left, right));
        return ofDelta is null ? [] : [.. ofDelta];
    }

    private bool IsContent(Neighbour[] hits, (int Left, int Right)[] cuts)
    {
        foreach (var h in hits)
            if (!h.Abbreviation && delta.CandidatesOf(h.Vocab).Length > 0) return true;
        foreach (var (left, right) in cuts)
            if (delta.PairCandidates(left, right).Length > 0) return true;
        return false;
    }

    private void FindMisspelt(string key, string? text, int textLength, TokenClass cls, int exact, List<Neighbour> output, DeltaWordCache cache)
    {
        var full = delta.Full;
        var depth = ScoringModel.AllowedEdits(textLength, key.Length);
        var variants = cache.Variants;
        var seen = cache.Seen;
        variants.Clear();
        // The full index's guards, so that the same variants are looked up.
        if (key.Length <= full.LongestKey + 2) DeletionIndex.Variants(key, depth, variants);
        foreach (var h in variants)
        {
            foreach (var position in delta.Deletions.Lookup(h))
                Try(delta.VocabOf(position), key, text, textLength, cls, exact, seen, output);
        }
        if (text is null || text.Length > full.LongestForm + 2) return;
        var textDepth = ScoringModel.MaxDistance(text.Length);
        if (text.Length < ScoringModel.MinFuzzyLength) return;
        variants.Clear();
        DeletionIndex.Variants(text, textDepth, variants);
        foreach (var h in variants)
        {
            foreach (var position in delta.FormDeletions.Lookup(h))
                Try(_vocab.FormVocab[delta.FormOf(position)], key, text, textLength, cls, exact, seen, output);
        }
    }

    private void FindAbbreviated(string key, string text, int textLength, TokenClass cls, int exact, HashSet<int> seen, List<Neighbour> output)
    {
        if (cls != TokenClass.Word || text.Length < ScoringModel.AbbreviationMinLength || text.Length > ScoringModel.AbbreviationMaxLength) return;
        foreach (var v in delta.OrdinaryWordsStartingWith(text[0])) Try(v, key, text, textLength, cls, exact, seen, output);
    }

    private void Try(int v, string key, string? text, int textLength, TokenClass cls, int exact, HashSet<int> seen, List<Neighbour> output)
    {
        if (v == exact || !seen.Add(v)) return;
        var s = similarity.Unit(key, text, textLength, cls, v, out var d, out var abbreviation);
        if (s > 0) output.Add(new Neighbour(v, s, d, abbreviation));
    }
}
