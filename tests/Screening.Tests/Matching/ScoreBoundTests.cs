using System.Globalization;
using Screening.Matching.Scoring;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Tests.Matching;

// The fast path prunes with bounds derived from the scoring model: a bound below a name's score, or a name that could
// reach the threshold left out of the candidates, would lose a match silently. Random lists and queries, fixed seeds.
public class ScoreBoundTests
{
    private static readonly string[] Syllables = ["KA", "RO", "ZAV", "TEK", "MASH", "PRIBOR", "ELEK", "TRON", "NOV", "GRAD", "SIB", "AVIA", "TSENTR", "YA"];
    private static readonly string[] Words = ["TRADING", "GROUP", "PLANT", "HOLDING", "RUS", "BANK", "OF", "AND", "LLC", "OOO", "JSC", "CO LTD",
        "DESIGN", "BUREAU", "CENTRAL", "RESEARCH", "INSTITUTE", "KB", "NII", "SCIENTIFIC", "LOGISTICS", "7", "Q"];

    private static string Word(Random rnd) => string.Concat(Enumerable.Range(0, rnd.Next(1, 4)).Select(_ => Syllables[rnd.Next(Syllables.Length)]));

    private static string Name(Random rnd) =>
        string.Join(' ', Enumerable.Range(0, rnd.Next(1, 6)).Select(_ => rnd.Next(3) == 0 ? Words[rnd.Next(Words.Length)] : Word(rnd)));

    private static string Mutate(Random rnd, string name)
    {
        var c = name.ToList();
        switch (rnd.Next(5))
        {
            case 0: if (c.Count > 3) c.RemoveAt(rnd.Next(c.Count)); break;
            case 1: c.Insert(rnd.Next(c.Count + 1), (char)('A' + rnd.Next(26))); break;
            case 2: { var i = c.IndexOf(' '); if (i > 0) c.RemoveAt(i); break; }
            case 3: return name + " " + Words[rnd.Next(Words.Length)];
        }
        return new string([.. c]);
    }

    [Theory]
    [InlineData(3, 0.8)]
    [InlineData(5, 0.7)]
    [InlineData(9, 0.6)]
    public async Task Prune_RandomQueries_BoundNeverBelowScoreAndNoReachableNameLeftOut(int seed, double threshold)
    {
        var rnd = new Random(seed);
        var entries = Enumerable.Range(0, 1500).Select(i => new WatchlistEntry
        {
            Id = i.ToString(CultureInfo.InvariantCulture),
            Names = [new(Name(rnd))],
            Type = EntityType.Organization,
        }).ToList();
        var screener = await new ScreenerBuilder().AddWatchlist(new Watchlist("r", "R", new WatchlistVersion("1"), entries)).BuildAsync();
        var engine = screener.Engine;
        var floor = threshold - ScoringModel.MaxBonus;
        var scored = 0;
        for (var k = 0; k < 150; k++)
        {
            var query = rnd.Next(4) == 0 ? Name(rnd) : Mutate(rnd, entries[rnd.Next(entries.Count)].Names[0].Value);
            var normalized = NameNormalizer.Normalize(query);
            if (normalized.Tokens.Length == 0) continue;
            foreach (var (name, score, bound, collected) in engine.DiagnosePruning(normalized, threshold))
            {
                Assert.True(bound >= score - 1e-6f, $"'{query}': name {name} scores {score} above its bound {bound}");
                if (score < floor) continue;
                scored++;
                Assert.True(collected, $"'{query}': name {name} scores {score} >= {floor} but was not collected");
            }
        }
        Assert.True(scored > 100, $"only {scored} names reached the floor: the test would prove little");
    }
}
