using Screening.Matching.Query;

namespace Screening.Matching.Candidates;

/// <summary>
/// Where a screen's candidates come from. The indexed source (<see cref="IndexedCandidateSource"/>) finds the keys a
/// query meets through the deletion indexes and reads only the postings that can reach the threshold; the exhaustive
/// source (<see cref="ExhaustiveCandidateSource"/>) compares the query with every key and scores every name. Both give
/// the same hits, so every name they both score gets the same score: the tests hold the fast one to the slow one.
/// </summary>
internal interface ICandidateSource
{
    /// <summary>Fills the context's hit set with every vocabulary key each query unit meets, and sets <c>q.Hits</c>.</summary>
    void FindHits(PreparedQuery q, MatchContext ctx);

    /// <summary>Puts the names worth scoring at this threshold in <c>ctx.Candidates</c> (after <see cref="MatchContext.MarkHits"/>).</summary>
    void Collect(PreparedQuery q, double threshold, MatchContext ctx);

    /// <summary>Whether a candidate may still reach <paramref name="floor"/>: false only when its score provably cannot.</summary>
    bool Admits(int name, float queryLegalWeight, double floor, MatchContext ctx);
}
