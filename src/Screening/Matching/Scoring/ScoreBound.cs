using Screening.Matching.Query;
using Screening.Normalization;

namespace Screening.Matching.Scoring;

/// <summary>
/// Upper bounds on a name score (<see cref="NameScorer"/>), derived from <see cref="ScoringModel"/>: the fast path
/// prunes with them, so they must never be below the score (tests hold them to it on random queries).
/// </summary>
/// <remarks>
/// The score is <c>matched / (pairs + unmatched costs)</c>, with <c>matched &lt;= pairs</c> (similarities are at most 1) and
/// every unmatched cost at least zero. Raising <c>matched</c> to the pairs' weight and dropping costs can only raise it,
/// and <c>a / (a + c)</c> grows with <c>a</c>: so counting every token that might pair at its heaviest weight, and only
/// the costs that surely remain, bounds the score from above. The reading factor is at most 1.
/// </remarks>
internal static class ScoreBound
{
    /// <summary>
    /// The bound of one listed name from the weights of its tokens the query meets at all: its met tokens at most pair
    /// at their weight, the query's legal forms at most all pair, and the rest of the name costs
    /// <see cref="ScoringModel.UnmatchedList"/> of its weight (legal forms, which cost nothing, are left out of both).
    /// </summary>
    /// <param name="tokens">The name's vocabulary ids.</param>
    /// <param name="nameWeight">The weight of its tokens but legal forms (<see cref="ScoringModel.MetWeight"/>).</param>
    /// <param name="queryLegalWeight">The query's legal forms, each at <see cref="ScoringModel.LegalFormWeight"/>.</param>
    /// <param name="marks">Per vocabulary id, the current query's stamp and met weight.</param>
    /// <param name="stamp">The current query's stamp.</param>
    public static float ForName(ReadOnlySpan<int> tokens, float nameWeight, float queryLegalWeight, VocabMark[] marks, int stamp)
    {
        float met = 0;
        // One read per token (legal forms carry 0, and adding 0 leaves the sum as it was).
        foreach (var v in tokens)
        {
            var mark = marks[v];
            if (mark.Stamp == stamp) met += mark.Met;
        }
        var top = met + queryLegalWeight;
        if (top <= 0) return 0;
        return top / (top + ScoringModel.UnmatchedList * Math.Max(0, nameWeight - met));
    }

    /// <summary>
    /// The bound of any name met only through the given reach (per query token, the heaviest key it may be met through):
    /// tokens met weigh at most their heaviest key, the others cost <see cref="ScoringModel.UnmatchedQuery"/> of their
    /// weight. A word of a phrase may be met as part of it (partial phrases), and that pair weighs what the listed phrase
    /// weighs: count the heaviest such phrase. Legal forms and function words count as met.
    /// </summary>
    public static float ForReach(PreparedQuery q, ReadOnlySpan<float> reach)
    {
        float reachable = 0, unreachable = 0;
        for (var i = 0; i < q.TokenCount; i++)
        {
            switch (q.Classes[i])
            {
                case TokenClass.LegalForm: reachable += ScoringModel.LegalFormWeight; continue;
                case TokenClass.Stop: reachable += ScoringModel.StopWordWeight; continue;
            }
            if (q.PhrasePart[i]) reachable += Math.Max(Math.Max(reach[i], q.TokenWeights[i]), q.PhraseReach[i]);
            else if (reach[i] > 0) reachable += Math.Max(reach[i], q.TokenWeights[i]);
            else unreachable += ScoringModel.UnmatchedQueryCost(q.Classes[i], q.TokenWeights[i]);
        }
        return reachable / (reachable + unreachable);
    }
}
