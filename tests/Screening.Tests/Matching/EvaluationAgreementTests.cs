using Screening.Evaluation;
using Screening.Tests.BuiltIn;
using Screening.Watchlists;

namespace Screening.Tests.Matching;

// The issue's check on candidate generation: the evaluation's own generated queries (every category, real OFAC SDN
// names) screened through the indexed path and the exhaustive reference must give the same top match for at least
// 99.9% of them. Runs where the real data is present; the evaluation itself checks 1,000 queries per run.
public class EvaluationAgreementTests
{
    [RealDataFact]
    public async Task Screen_EvaluationQuerySet_SameTopMatchAsExhaustive()
    {
        var list = await new OfacSdnProvider(Path.Combine(RepoPaths.RealData!, "ofac_sdn")).LoadAsync();
        var screener = await new ScreenerBuilder().AddWatchlist(list).BuildAsync();
        var stats = new TokenStats(list.Entries);
        var russiaOrgs = list.Entries.Where(QuerySet.IsRussiaOrganization).ToList();
        var chinaOrgs = list.Entries.Where(e => e.Type == EntityType.Organization && QuerySet.IsChinaLinked(e)).ToList();
        // 20 per category keeps the exhaustive scans (about 60 ms each) to a few seconds on two cores.
        var queries = QuerySet.Generate(russiaOrgs, chinaOrgs, stats, Options.DefaultSeed, 20);
        var listedKeys = list.Entries.SelectMany(e => e.Names).Select(n => Word.KeyOf(n.Value)).ToHashSet(StringComparer.Ordinal);
        var texts = queries.Select(q => q.Text).Concat(QuerySet.NearMisses(russiaOrgs, stats, listedKeys, Options.DefaultSeed, 30).Select(q => q.Text)).ToList();

        var agreement = new Evaluator(screener).CompareWithExhaustive(texts);

        Assert.True(texts.Count >= 300, $"only {texts.Count} queries generated");
        Assert.True(agreement.SameTop >= 0.999 * agreement.Queries,
            $"{agreement.SameTop}/{agreement.Queries} agree: {string.Join("; ", agreement.Disagreements)}");
    }
}
