using System.Runtime.InteropServices;
using Screening.Matching.Index;
using Screening.Matching.Query;
using Screening.Normalization;

namespace Screening.Matching.Scoring;

/// <summary>One pairing of the alignment: query tokens [Q, Q+QLen) with list tokens [L, L+LLen).</summary>
internal readonly record struct Pair(int Q, int QLen, int L, int LLen, float Similarity, float Weight, int Distance, bool Partial = false, bool Abbreviation = false)
{
    public float Gain => Similarity * Weight;
}

/// <summary>
/// Scores one prepared name against the prepared query: greedy one-to-one alignment by gain (exact pairs first), partial
/// credit for phrases broken up on the other side, then the formula of <see cref="ScoringModel"/>.
/// </summary>
internal sealed class NameScorer(MatchIndex index)
{
    private readonly Vocabulary _vocab = index.Vocab;

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

    /// <summary>The name score (0 to 1) of listed name <paramref name="tokens"/>; the pairs kept go to <paramref name="aligned"/> when given.</summary>
    public float Score(PreparedQuery q, int[] tokens, NameToken[] listTokens, MatchContext ctx, List<Pair>? aligned)
    {
        var pairs = ctx.Pairs;
        CollectPairs(q, tokens, listTokens, ctx, pairs);
        if (pairs.Count > 1) CollectionsMarshal.AsSpan(pairs).Sort(ByGain);
        ulong qUsed = 0, lUsed = 0, qSolid = 0;
        float matched = 0, pairWeight = 0;
        var content = false;
        foreach (var p in pairs)
        {
            var qm = Mask(p.Q, p.QLen);
            var lm = Mask(p.L, p.LLen);
            if ((qUsed & qm) != 0 || (lUsed & lm) != 0) continue;
            qUsed |= qm;
            lUsed |= lm;
            if (!p.Abbreviation && q.Classes[p.Q] != TokenClass.LegalForm) qSolid |= qm;
            matched += p.Gain;
            pairWeight += p.Weight;
            // Content: a pair on a word that identifies something (not a legal form, function word or generic word).
            // A listed name of generic words only (GLOBAL TRADING LLC) matches on them, but only as spelled (INTEL is not INTL).
            // An abbreviated descriptor (DSGN for DESIGN) is never content either.
            content |= q.Classes[p.Q] is TokenClass.Word or TokenClass.Number && !p.Abbreviation &&
                       (p.LLen == 2 || !index.Generic[tokens[p.L]] || (p.Similarity >= 1f && index.AllGeneric(tokens)));
            aligned?.Add(p);
        }
        // Legal forms, function words and generic words never make a match on their own.
        if (!content || matched <= 0) return 0;
        var beforePartial = qUsed;
        PartialPhrases(q, tokens, listTokens, ref qUsed, ref lUsed, ref matched, ref pairWeight, aligned);
        // The halves of a word read as two must each be met as a word of the name: MAN POWER (MANPOWER) is not POWER
        // MACHINES through MAN for MACHINES, and YAN COM not IAN LIMITED through COM LIMITED as a legal form.
        qSolid |= qUsed & ~beforePartial;
        if ((qSolid & q.RequiredMask) != q.RequiredMask) return 0;

        var denominator = pairWeight;
        for (var i = 0; i < q.TokenCount; i++)
        {
            if ((qUsed & (1UL << i)) != 0) continue;
            denominator += ScoringModel.UnmatchedQueryCost(q.Classes[i], q.TokenWeights[i]);
        }
        for (var k = 0; k < tokens.Length; k++)
        {
            if ((lUsed & (1UL << k)) != 0) continue;
            denominator += ScoringModel.UnmatchedListCost(_vocab.Classes[tokens[k]], _vocab.Weights[tokens[k]]);
        }
        return Math.Min(1f, matched / denominator) * q.ReadingFactor;
    }

    // Every pairing the hits allow: legal forms of the same class, query units met by a list token's key, split words.
    private void CollectPairs(PreparedQuery q, int[] tokens, NameToken[] listTokens, MatchContext ctx, List<Pair> pairs)
    {
        pairs.Clear();
        var m = q.TokenCount;
        var hits = q.Hits;
        for (var k = 0; k < tokens.Length; k++)
        {
            var v = tokens[k];
            var vw = _vocab.Weights[v];
            if (_vocab.Classes[v] == TokenClass.LegalForm)
            {
                for (var i = 0; i < m; i++)
                    if (q.Classes[i] == TokenClass.LegalForm && q.Keys[i] == _vocab.Keys[v]) pairs.Add(new Pair(i, 1, k, 1, 1f, vw, 0));
                continue;
            }
            if (!ctx.IsMarked(v)) continue;
            foreach (var h in hits.At(ctx.HitIndex[v])) AddHitPair(pairs, ShortWordOccurrence(q, h, listTokens[k]), m, k, vw);
        }
        foreach (var (i, left, right) in q.Splits)
        {
            for (var k = 0; k + 1 < tokens.Length; k++)
                if (tokens[k] == left && tokens[k + 1] == right)
                    pairs.Add(new Pair(i, 1, k, 2, ScoringModel.SplitJoinSimilarity, _vocab.Weights[left] + _vocab.Weights[right], 0));
        }
    }

    // A phrase broken up on the other side (CENTRAL INSTITUTE against CENTRAL RESEARCH INSTITUTE, EXPERIMENTAL DESIGN
    // FAKEL against EXPERIMENTAL DESIGN BUREAU FAKEL): the words of it found there, among tokens left unmatched,
    // earn the phrase's weight in proportion to theirs. Never content on its own.
    private void PartialPhrases(PreparedQuery q, int[] tokens, NameToken[] listTokens, ref ulong qUsed, ref ulong lUsed,
        ref float matched, ref float pairWeight, List<Pair>? aligned)
    {
        // No query word belongs to any listed phrase and the query has no phrase: nothing can meet in part.
        if (!q.AnyPhrasePart) return;
        for (var k = 0; k < tokens.Length; k++)
        {
            // Legal forms are made of words too (LIMITED LIABILITY COMPANY) but never earn partial credit.
            if ((lUsed & (1UL << k)) != 0 || listTokens[k].Parts is not { } parts || _vocab.Classes[tokens[k]] == TokenClass.LegalForm) continue;
            var (mask, covered) = QueryWordsOfListPhrase(q, parts, qUsed);
            if (mask == 0) continue;
            var weight = _vocab.Weights[tokens[k]];
            Credit(parts, covered, weight, ref matched, ref pairWeight);
            qUsed |= mask;
            lUsed |= 1UL << k;
            if (aligned is null) continue;
            var similarity = PartialSimilarity(parts, covered);
            for (var i = 0; i < q.TokenCount; i++)
                if ((mask & (1UL << i)) != 0) aligned.Add(new Pair(i, 1, k, 1, similarity, weight / BitCount(mask), 0, Partial: true));
        }
        for (var i = 0; i < q.TokenCount; i++)
        {
            if ((qUsed & (1UL << i)) != 0 || q.Name.Tokens[i].Parts is not { } parts || q.Classes[i] == TokenClass.LegalForm) continue;
            var (mask, covered) = ListWordsOfQueryPhrase(tokens, parts, lUsed);
            if (mask == 0) continue;
            var weight = q.TokenWeights[i];
            Credit(parts, covered, weight, ref matched, ref pairWeight);
            qUsed |= 1UL << i;
            lUsed |= mask;
            if (aligned is null) continue;
            var similarity = PartialSimilarity(parts, covered);
            for (var k = 0; k < tokens.Length; k++)
                if ((mask & (1UL << k)) != 0) aligned.Add(new Pair(i, 1, k, 1, similarity, weight / BitCount(mask), 0, Partial: true));
        }
    }

    // Unmatched query words covering words of a listed phrase: a word of the phrase, once; or a shorter phrase of the
    // query (DESIGN BUREAU in SPECIAL DESIGN BUREAU).
    private static (ulong Mask, ulong Covered) QueryWordsOfListPhrase(PreparedQuery q, string[] parts, ulong qUsed)
    {
        ulong mask = 0, covered = 0;
        for (var p = 0; p < parts.Length && p < 64; p++)
        {
            var part = parts[p];
            for (var i = 0; i < q.TokenCount; i++)
            {
                if ((qUsed & (1UL << i)) != 0) continue;
                var covers = q.Name.Tokens[i].Parts is { } queryParts
                    ? q.Classes[i] != TokenClass.LegalForm && Array.IndexOf(queryParts, part) >= 0
                    : (mask & (1UL << i)) == 0 && q.Classes[i] is TokenClass.Word or TokenClass.Stop && (q.Keys[i] == part || q.PlainKeys[i] == part);
                if (!covers) continue;
                mask |= 1UL << i;
                covered |= 1UL << p;
                break;
            }
        }
        return (mask, covered);
    }

    // Unmatched listed words covering words of a query phrase, each once.
    private (ulong Mask, ulong Covered) ListWordsOfQueryPhrase(int[] tokens, string[] parts, ulong lUsed)
    {
        ulong mask = 0, covered = 0;
        for (var p = 0; p < parts.Length && p < 64; p++)
        {
            for (var k = 0; k < tokens.Length; k++)
            {
                if (((lUsed | mask) & (1UL << k)) != 0 || _vocab.Classes[tokens[k]] != TokenClass.Word || _vocab.Keys[tokens[k]] != parts[p]) continue;
                mask |= 1UL << k;
                covered |= 1UL << p;
                break;
            }
        }
        return (mask, covered);
    }

    private void Credit(string[] parts, ulong covered, float weight, ref float matched, ref float pairWeight)
    {
        matched += PartialSimilarity(parts, covered) * weight;
        pairWeight += weight;
    }

    // The phrase's similarity when the covered words are found: the weight of the covered words over all of its words.
    private float PartialSimilarity(string[] parts, ulong covered)
    {
        float got = 0, all = 0;
        for (var p = 0; p < parts.Length && p < 64; p++)
        {
            var w = index.PartWeight(parts[p]);
            all += w;
            if ((covered & (1UL << p)) != 0) got += w;
        }
        return ScoringModel.PartialPhraseSimilarity * got / all;
    }

    private static int BitCount(ulong mask) => System.Numerics.BitOperations.PopCount(mask);

    // A key stands for every spelling listed under it (K for K and Q): a short query word that meets a key exactly is
    // checked against this name's own spelling, so Q TECH does not meet K TECHNOLOGIES as if it were spelled Q.
    private static Hit ShortWordOccurrence(PreparedQuery q, Hit h, NameToken listToken)
    {
        if (h.Similarity < 1f || h.Unit >= q.TokenCount || q.Texts[h.Unit] is not { } text || q.Keys[h.Unit].Length > ScoringModel.ShortKeyLength ||
            listToken.Class != TokenClass.Word || listToken.Text.Contains(' ', StringComparison.Ordinal) || Romanization.ShortFoldEquals(text, listToken.Text))
            return h;
        // Both words read as the same term (TULSKIY and TULA, a place and its adjective): the table met them, not the key's folds.
        if (listToken.Origin == KeyOrigin.Term && q.Name.Tokens[h.Unit].Origin == KeyOrigin.Term) return h;
        var s = TokenSimilarity.Typed(text, listToken.Text, out var d);
        return new Hit(h.Unit, s, d, h.Abbreviation);
    }

    private static void AddHitPair(List<Pair> pairs, Hit h, int m, int k, float vw)
    {
        if (h.Similarity <= 0) return;
        if (h.Unit < m) pairs.Add(new Pair(h.Unit, 1, k, 1, h.Similarity, vw, h.Distance, Abbreviation: h.Abbreviation));
        else pairs.Add(new Pair(h.Unit - m, 2, k, 1, h.Similarity, vw, 0));
    }

    /// <summary>The bits of a pair's tokens (one, or two for a split or joined pair).</summary>
    public static ulong Mask(int start, int length) => (length == 2 ? 3UL : 1UL) << start;
}
