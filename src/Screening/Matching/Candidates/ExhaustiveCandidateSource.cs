using Screening.Matching.Index;
using Screening.Matching.Query;
using Screening.Matching.Scoring;

namespace Screening.Matching.Candidates;

/// <summary>
/// The slow, obviously correct reference: every query unit compared with every vocabulary key, every name scored. For
/// tests and the evaluation's agreement check, never for screening.
/// </summary>
internal sealed class ExhaustiveCandidateSource(MatchIndex index, TokenSimilarity similarity) : ICandidateSource
{
    public void FindHits(PreparedQuery q, MatchContext ctx)
    {
        var hits = ctx.Hits;
        hits.Clear();
        var vocab = index.Vocab;
        var m = q.TokenCount;
        for (var v = 0; v < vocab.Count; v++)
        {
            for (var i = 0; i < m; i++)
            {
                var s = similarity.Unit(q.Keys[i], q.Texts[i], q.TextLengths[i], q.Classes[i], v, out var d, out var abbreviation);
                if (s > 0) hits.Add(v, new Hit(i, s, d, abbreviation));
            }
            for (var j = 0; j < q.JoinKeys.Length; j++)
            {
                if (q.JoinKeys[j] is { } jk && jk == vocab.Keys[v]) hits.Add(v, new Hit(m + j, ScoringModel.SplitJoinSimilarity, 0));
            }
        }
        q.Hits = hits;
    }

    public void Collect(PreparedQuery q, double threshold, MatchContext ctx)
    {
        var candidates = ctx.Candidates;
        candidates.Clear();
        for (var n = 0; n < index.NameCount; n++) candidates.Add(n);
    }

    public bool Admits(int name, float queryLegalWeight, double floor, MatchContext ctx) => true;
}
