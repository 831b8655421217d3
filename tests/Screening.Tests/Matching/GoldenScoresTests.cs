using System.Globalization;
using System.Text;
using Screening.Tests.BuiltIn;
using Screening.Watchlists;

namespace Screening.Tests.Matching;

/// <summary>
/// Pins the score of each scoring rule on a real pair (the built-in watchlist, which only US-government data makes),
/// one line per rule in <c>golden-scores.txt</c>. A change to a constant of the scoring model shows here as a diff of
/// scores, not only as a flipped hit. To accept an intended change, run the tests with
/// <c>SCREENING_UPDATE_GOLDEN=1</c>: the file is rewritten with the new scores, and the diff goes with the commit.
/// </summary>
public class GoldenScoresTests
{
    private static readonly string FilePath = Path.Combine(RepoPaths.Root, "tests", "Screening.Tests", "Matching", "golden-scores.txt");

    private sealed record Golden(string Rule, string Query, string? Country, EntityType? Type, string EntryId, double Score);

    [Fact]
    public async Task Screen_GoldenPairs_ScoresAsPinned()
    {
        var lines = File.ReadAllLines(FilePath);
        var screener = await new ScreenerBuilder().Configure(o => { o.Threshold = 0.3; o.MaxMatches = 50; }).BuildAsync();
        var diffs = new List<string>();
        var rewritten = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                rewritten.AppendLine(line);
                continue;
            }
            var g = Parse(line);
            var match = screener.Screen(g.Query, g.Country, g.Type).Matches.FirstOrDefault(m => m.EntryId == g.EntryId);
            var actual = match is null ? 0 : Math.Round(match.Score, 3);
            if (Math.Abs(actual - g.Score) > 0.0005) diffs.Add($"{g.Rule}: '{g.Query}' -> {g.EntryId} pinned {g.Score:0.000}, now {actual:0.000}");
            rewritten.AppendLine(string.Join(" | ", g.Rule, g.Query, g.Country ?? "", g.Type?.ToString() ?? "", g.EntryId,
                actual.ToString("0.000", CultureInfo.InvariantCulture)));
        }
        if (diffs.Count > 0 && Environment.GetEnvironmentVariable("SCREENING_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(FilePath, rewritten.ToString());
            return;
        }
        Assert.True(diffs.Count == 0, "Scores moved (set SCREENING_UPDATE_GOLDEN=1 to accept):\n" + string.Join('\n', diffs));
    }

    [Fact]
    public void GoldenFile_EveryRuleOnce_AndEveryLineWellFormed()
    {
        var rules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(FilePath))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            Assert.True(rules.Add(Parse(line).Rule), $"rule pinned twice: {line}");
        }
        Assert.True(rules.Count >= 20, $"{rules.Count} rules");
    }

    private static Golden Parse(string line)
    {
        var p = line.Split('|').Select(s => s.Trim()).ToArray();
        Assert.True(p.Length == 6, $"expected 6 fields: {line}");
        return new Golden(p[0], p[1], p[2].Length == 0 ? null : p[2], p[3].Length == 0 ? null : Enum.Parse<EntityType>(p[3]), p[4],
            double.Parse(p[5], CultureInfo.InvariantCulture));
    }
}
