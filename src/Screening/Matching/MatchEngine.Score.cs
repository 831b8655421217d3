using System.Runtime.InteropServices;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Matching;

internal sealed partial class MatchEngine
{
    // One candidate pairing: query tokens [Q, Q+QLen) with list tokens [L, L+LLen).
    internal readonly record struct Pair(int Q, int QLen, int L, int LLen, float Similarity, float Weight, int Distance, bool Partial = false)
    {
        public float Gain => Similarity * Weight;
    }

    // Per-thread scratch so that scoring a candidate allocates nothing.
    private sealed class Scratch
    {
        public readonly List<Pair> Pairs = new(32);
        public readonly List<Hit> Hits = new(8);
        public int[] Stamp = [];
        public int StampValue;
        public readonly List<int> Candidates = new(256);
        public readonly List<int> Order = new(32);   // hit slots of content keys, most common first
        // Per-vocabulary marks of the current query: Marks[v].Stamp == StampValue when v has hits (at HitIndex[v]),
        // with the weight the key adds to Bound, in one read.
        public int[] HitIndex = [];
        public VocabMark[] Marks = [];
        public readonly Dictionary<int, (double Score, int Name)> Best = [];
    }

    private readonly record struct VocabMark(int Stamp, float Met);

    [ThreadStatic] private static Scratch? t_scratch;

    private static Scratch GetScratch() => t_scratch ??= new Scratch();

    // Exact pairs first (BANK = BANK before BANK ~ BLANC, however rare BLANC is), then by gain.
    private static readonly Comparison<Pair> ByGain = (a, b) =>
    {
        var c = (b.Similarity >= 1f).CompareTo(a.Similarity >= 1f);
        if (c != 0) return c;
        c = b.Gain.CompareTo(a.Gain);
        if (c != 0) return c;
        c = a.Q.CompareTo(b.Q);
        return c != 0 ? c : a.L.CompareTo(b.L);
    };

    // Scores one prepared name: greedy one-to-one alignment by gain, then
    // score = matched / (matched weight + discounted weight of what is left over on either side).
    private float ScoreName(PreparedQuery q, int[] tokens, NameToken[] listTokens, Scratch scratch, List<Pair>? aligned)
    {
        var pairs = scratch.Pairs;
        pairs.Clear();
        var m = q.TokenCount;
        var n = tokens.Length;
        for (var k = 0; k < n; k++)
        {
            var v = tokens[k];
            var vw = _vocab.Weights[v];
            if (_vocab.Classes[v] == TokenClass.LegalForm)
            {
                for (var i = 0; i < m; i++)
                    if (q.Classes[i] == TokenClass.LegalForm && q.Keys[i] == _vocab.Keys[v]) pairs.Add(new Pair(i, 1, k, 1, 1f, vw, 0));
                continue;
            }
            if (q.Hits is { } hits)
            {
                if (scratch.Marks[v].Stamp != scratch.StampValue) continue;
                foreach (var h in hits.At(scratch.HitIndex[v])) AddHitPair(pairs, ShortWordOccurrence(q, h, listTokens[k]), m, k, vw);
            }
            else
            {
                scratch.Hits.Clear();
                ReferenceHits(q, v, scratch.Hits);
                foreach (var h in scratch.Hits) AddHitPair(pairs, ShortWordOccurrence(q, h, listTokens[k]), m, k, vw);
            }
        }
        foreach (var (i, left, right) in q.Splits)
        {
            for (var k = 0; k + 1 < n; k++)
                if (tokens[k] == left && tokens[k + 1] == right)
                    pairs.Add(new Pair(i, 1, k, 2, Weights.SplitJoinSimilarity, _vocab.Weights[left] + _vocab.Weights[right], 0));
        }

        if (pairs.Count > 1) CollectionsMarshal.AsSpan(pairs).Sort(ByGain);
        ulong qUsed = 0, lUsed = 0;
        float matched = 0, pairWeight = 0;
        var content = false;
        foreach (var p in pairs)
        {
            var qm = Mask(p.Q, p.QLen);
            var lm = Mask(p.L, p.LLen);
            if ((qUsed & qm) != 0 || (lUsed & lm) != 0) continue;
            qUsed |= qm;
            lUsed |= lm;
            matched += p.Gain;
            pairWeight += p.Weight;
            // Content: a pair on a word that identifies something (not a legal form, function word or generic word).
            // A listed name of generic words only (GLOBAL TRADING LLC) matches on them, but only as spelled (INTEL is not INTL).
            content |= q.Classes[p.Q] is TokenClass.Word or TokenClass.Number && (p.LLen == 2 || !_generic[tokens[p.L]] || (p.Similarity >= 1f && AllGeneric(tokens)));
            aligned?.Add(p);
        }
        // Legal forms, function words and generic words never make a match on their own.
        if (!content || matched <= 0) return 0;
        PartialPhrases(q, tokens, listTokens, ref qUsed, ref lUsed, ref matched, ref pairWeight, aligned);
        if ((qUsed & q.RequiredMask) != q.RequiredMask) return 0;

        var denominator = pairWeight;
        for (var i = 0; i < m; i++)
        {
            if ((qUsed & (1UL << i)) != 0 || q.Classes[i] == TokenClass.LegalForm) continue;
            denominator += Weights.UnmatchedQuery * q.TokenWeights[i];
        }
        for (var k = 0; k < n; k++)
        {
            if ((lUsed & (1UL << k)) != 0 || _vocab.Classes[tokens[k]] == TokenClass.LegalForm) continue;
            denominator += Weights.UnmatchedList * _vocab.Weights[tokens[k]];
        }
        return Math.Min(1f, matched / denominator) * q.ReadingFactor;
    }

    // A phrase broken up on the other side (CENTRAL INSTITUTE against CENTRAL RESEARCH INSTITUTE, EXPERIMENTAL DESIGN
    // FAKEL against EXPERIMENTAL DESIGN BUREAU FAKEL): the words of it found there, among tokens left unmatched,
    // earn the phrase's weight in proportion to theirs. Never content on its own.
    private void PartialPhrases(PreparedQuery q, int[] tokens, NameToken[] listTokens, ref ulong qUsed, ref ulong lUsed, ref float matched, ref float pairWeight, List<Pair>? aligned)
    {
        // No query word belongs to any listed phrase and the query has no phrase: nothing can meet in part.
        if (!q.AnyPhrasePart) return;
        var m = q.TokenCount;
        var n = tokens.Length;
        for (var k = 0; k < n; k++)
        {
            // Legal forms are made of words too (LIMITED LIABILITY COMPANY) but never earn partial credit.
            if ((lUsed & (1UL << k)) != 0 || listTokens[k].Parts is not { } parts || _vocab.Classes[tokens[k]] == TokenClass.LegalForm) continue;
            ulong mask = 0, coveredParts = 0;
            for (var p = 0; p < parts.Length && p < 64; p++)
            {
                var part = parts[p];
                for (var i = 0; i < m; i++)
                {
                    if ((qUsed & (1UL << i)) != 0) continue;
                    // A word of the phrase, once; or a shorter phrase of the query (DESIGN BUREAU in SPECIAL DESIGN BUREAU).
                    var covers = q.Name.Tokens[i].Parts is { } queryParts
                        ? q.Classes[i] != TokenClass.LegalForm && Array.IndexOf(queryParts, part) >= 0
                        : (mask & (1UL << i)) == 0 && q.Classes[i] is TokenClass.Word or TokenClass.Stop && (q.Keys[i] == part || q.PlainKeys[i] == part);
                    if (!covers) continue;
                    mask |= 1UL << i;
                    coveredParts |= 1UL << p;
                    break;
                }
            }
            if (mask == 0) continue;
            var (got, all) = PartShare(parts, coveredParts);
            var weight = _vocab.Weights[tokens[k]];
            var similarity = Weights.PartialPhraseSimilarity * got / all;
            qUsed |= mask;
            lUsed |= 1UL << k;
            matched += similarity * weight;
            pairWeight += weight;
            if (aligned is null) continue;
            for (var i = 0; i < m; i++)
                if ((mask & (1UL << i)) != 0) aligned.Add(new Pair(i, 1, k, 1, similarity, weight / BitCount(mask), 0, Partial: true));
        }
        for (var i = 0; i < m; i++)
        {
            if ((qUsed & (1UL << i)) != 0 || q.Name.Tokens[i].Parts is not { } parts || q.Classes[i] == TokenClass.LegalForm) continue;
            ulong mask = 0, coveredParts = 0;
            for (var p = 0; p < parts.Length && p < 64; p++)
            {
                for (var k = 0; k < n; k++)
                {
                    if (((lUsed | mask) & (1UL << k)) != 0 || _vocab.Classes[tokens[k]] != TokenClass.Word || _vocab.Keys[tokens[k]] != parts[p]) continue;
                    mask |= 1UL << k;
                    coveredParts |= 1UL << p;
                    break;
                }
            }
            if (mask == 0) continue;
            var (got, all) = PartShare(parts, coveredParts);
            var weight = q.TokenWeights[i];
            var similarity = Weights.PartialPhraseSimilarity * got / all;
            qUsed |= 1UL << i;
            lUsed |= mask;
            matched += similarity * weight;
            pairWeight += weight;
            if (aligned is null) continue;
            for (var k = 0; k < n; k++)
                if ((mask & (1UL << k)) != 0) aligned.Add(new Pair(i, 1, k, 1, similarity, weight / BitCount(mask), 0, Partial: true));
        }
    }

    private static int BitCount(ulong mask) => System.Numerics.BitOperations.PopCount(mask);

    // The weight of the covered words of a phrase, and of all its words (looked up only once something is covered).
    private (float Got, float All) PartShare(string[] parts, ulong covered)
    {
        float got = 0, all = 0;
        for (var p = 0; p < parts.Length && p < 64; p++)
        {
            var w = PartWeight(parts[p]);
            all += w;
            if ((covered & (1UL << p)) != 0) got += w;
        }
        return (got, all);
    }

    // How much a word of a phrase counts: its own rarity where it also stands alone, else its rarity inside phrases.
    private float PartWeight(string key)
    {
        var v = _vocab.Find(key);
        if (v >= 0 && _vocab.Classes[v] is TokenClass.Word or TokenClass.Number) return _vocab.Weights[v];
        return _componentWeights.TryGetValue(key, out var w) ? w : _unknownWeight;
    }

    // A listed name made only of generic words (GLOBAL TRADING LLC) can only match on them.
    private bool AllGeneric(int[] tokens)
    {
        foreach (var v in tokens)
            if (_vocab.Classes[v] is TokenClass.Word or TokenClass.Number && !_generic[v]) return false;
        return true;
    }

    // A key stands for every spelling listed under it (K for K and Q): a short query word that meets a key exactly is
    // checked against this name's own spelling, so Q TECH does not meet K TECHNOLOGIES as if it were spelled Q.
    private static Hit ShortWordOccurrence(PreparedQuery q, Hit h, NameToken listToken)
    {
        if (h.Similarity < 1f || h.Unit >= q.TokenCount || q.Texts[h.Unit] is not { } text || q.Keys[h.Unit].Length > ShortKeyLength ||
            listToken.Class != TokenClass.Word || listToken.Text.Contains(' ', StringComparison.Ordinal) || Romanization.ShortFoldEquals(text, listToken.Text))
            return h;
        var s = TypedSimilarity(text, listToken.Text, out var d);
        return new Hit(h.Unit, s, d);
    }

    private static void AddHitPair(List<Pair> pairs, Hit h, int m, int k, float vw)
    {
        if (h.Similarity <= 0) return;
        if (h.Unit < m) pairs.Add(new Pair(h.Unit, 1, k, 1, h.Similarity, vw, h.Distance));
        else pairs.Add(new Pair(h.Unit - m, 2, k, 1, h.Similarity, vw, 0));
    }

    private static ulong Mask(int start, int length) => (length == 2 ? 3UL : 1UL) << start;

    // Final score of a name for an entry: weak aliases count less; hints nudge, never exclude.
    private double Adjust(double score, in PreparedName name, in MatchRequest request, bool inferredOrganization)
    {
        var entry = _entries[name.Entry].Entry;
        if (entry.Names[name.NameIndex].Strength == NameStrength.Weak) score *= Weights.WeakAliasFactor;
        if (request.Country is { } country && entry.Countries.Count > 0)
        {
            var found = false;
            foreach (var c in entry.Countries) found |= string.Equals(c, country, StringComparison.OrdinalIgnoreCase);
            score += found ? Weights.CountryBonus : -Weights.CountryPenalty;
        }
        if (request.Type is { } type && type != EntityType.Unknown && entry.Type != EntityType.Unknown)
            score += entry.Type == type ? Weights.TypeBonus : -Weights.TypePenalty;
        else if (request.Type is null && inferredOrganization && entry.Type is EntityType.Person or EntityType.Vessel or EntityType.Aircraft)
            score -= Weights.InferredTypePenalty;
        return Math.Clamp(score, 0, 1);
    }
}
