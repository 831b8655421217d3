using Microsoft.Extensions.DependencyInjection;
using Screening.Identifiers;
using Screening.Watchlists;

namespace Screening.Tests;

// The README's C# examples, compiled and run. A test below checks that the README shows exactly this code.
public class ReadmeExamplesTests
{
    private static string OfacFixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ofac_sdn");

    [Fact]
    public async Task QuickStart_BuiltInList_FindsKupol()
    {
        var lines = new List<string>();
        void WriteLine(string s) => lines.Add(s);

        // README: quick-start
        var screener = await new ScreenerBuilder()          // no provider: the built-in watchlist
            .Configure(o => o.Threshold = 0.80)
            .BuildAsync();

        ScreeningResult result = screener.Screen("IEMZ Kupol", country: "RU");
        foreach (var match in result.Matches)
            WriteLine($"{match.Score:0.00} {match.ListId}/{match.EntryId} {match.PrimaryName}");
        WriteLine(result.Matches[0].Explanation);
        // README: end

        Assert.True(result.IsHit);
        Assert.Contains("KUPOL", result.Matches[0].PrimaryName, StringComparison.Ordinal);
        Assert.Equal(BuiltInWatchlist.Id, result.Matches[0].ListId);
        Assert.NotEmpty(lines);
    }

    [Fact]
    public async Task DependencyInjection_OfacList_ResolvesScreener()
    {
        var dataFolder = OfacFixture;

        // README: dependency-injection
        var services = new ServiceCollection();
        services.AddSanctionsScreening(o => o.Threshold = 0.85)
                .AddProvider(new OfacSdnProvider(dataFolder));   // the folder holding sdn.csv, alt.csv, add.csv

        using var provider = services.BuildServiceProvider();
        var screener = provider.GetRequiredService<Screener>(); // a singleton, loaded on first use
        var hit = screener.Screen("Izhevsk Electromechanical Plant Kupol").IsHit;
        // README: end

        Assert.True(hit);
    }

    [Fact]
    public async Task Compliance_InnOnly_FindsKupol()
    {
        var lines = new List<string>();
        void WriteLine(string s) => lines.Add(s);

        // README: compliance
        var screener = await new ScreenerBuilder().BuildAsync();   // the built-in watchlist
        var result = screener.Screen(new ScreeningRequest("") { Identifiers = [new ScreeningIdentifier("INN", "1831083343")] });
        WriteLine($"{result.Matches[0].EntryId} {result.Matches[0].Score:0.00}");   // SDN-46431 0.95
        WriteLine(result.Matches[0].IdentifierEvidence[0].ToString());           // INN 1831083343 matches the entry's Tax ID No. 1831083343
        // README: end

        Assert.Equal(["SDN-46431 0.95", "INN 1831083343 matches the entry's Tax ID No. 1831083343"], lines);
    }

    [Fact]
    public void Readme_CodeBlocks_AreTheseTests()
    {
        var root = RepoRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var source = File.ReadAllText(Path.Combine(root, "tests", "Screening.Tests", "ReadmeExamplesTests.cs"));
        foreach (var name in new[] { "quick-start", "dependency-injection", "compliance" })
        {
            var start = source.IndexOf($"// README: {name}\n", StringComparison.Ordinal);
            Assert.True(start >= 0, $"marker {name} missing");
            start = source.IndexOf('\n', start) + 1;
            var end = source.IndexOf("// README: end", start, StringComparison.Ordinal);
            var code = Dedent(source[start..end]).Replace("WriteLine(", "Console.WriteLine(", StringComparison.Ordinal);
            Assert.Contains(Normalize(code), Normalize(readme), StringComparison.Ordinal);
        }
    }

    private static string Normalize(string s) => string.Join('\n', s.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));

    private static string Dedent(string block)
    {
        var lines = block.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Screening.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Screening.sln not found above " + AppContext.BaseDirectory);
    }
}
