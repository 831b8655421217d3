using System.Security.Cryptography;
using System.Text;
using Screening.Tests.BuiltIn;
using Screening.Watchlists;

namespace Screening.WatchlistGenerator.Tests;

public class GeneratorTests
{
    private static string ExpectedJson => Path.Combine(GeneratorPaths.Fixtures, "expected", "screening-russia-defense.json");
    private static string ExpectedSummary => Path.Combine(GeneratorPaths.Fixtures, "expected", "SUMMARY.md");

    private static Task<GeneratorOutput> RunOnFixtures() => Generator.RunAsync(GeneratorPaths.Fixtures);

    [Fact]
    public async Task RunAsync_Fixtures_MatchesGoldenOutput()
    {
        var output = await RunOnFixtures();
        if (Environment.GetEnvironmentVariable("SCREENING_UPDATE_GOLDEN") == "1")
        {
            // Regenerates the golden files in the source tree after a deliberate rule change.
            var dir = Path.Combine(GeneratorPaths.SourceFixtures, "expected");
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "screening-russia-defense.json"), output.Json);
            File.WriteAllText(Path.Combine(dir, "SUMMARY.md"), output.Summary);
        }
        Assert.Equal(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(ExpectedJson)), Encoding.UTF8.GetString(output.Json));
        Assert.Equal(await File.ReadAllTextAsync(ExpectedSummary), output.Summary);
    }

    [Fact]
    public async Task RunAsync_Twice_SameBytes()
    {
        var a = await RunOnFixtures();
        var b = await RunOnFixtures();
        Assert.Equal(a.Json, b.Json);
        Assert.Equal(a.Summary, b.Summary);
        Assert.Equal(a.Sha256, Convert.ToHexStringLower(SHA256.HashData(a.Json)));
    }

    [Fact]
    public async Task Render_RecordsInAnyOrder_SameBytes()
    {
        var (records, dates) = await SourceLoader.LoadAsync(GeneratorPaths.Fixtures);
        var forward = Generator.Render(records, dates);
        var reversed = Generator.Render(records.Reverse().ToList(), dates);
        Assert.Equal(forward.Json, reversed.Json);
    }

    [Fact]
    public async Task RunAsync_Fixtures_SelectsOrganizationsOnly()
    {
        var list = (await RunOnFixtures()).Result.Watchlist;
        var ids = list.Entries.Select(e => e.Id).ToHashSet();
        Assert.Contains("SDN-46431", ids);                         // Kupol
        Assert.DoesNotContain("SDN-16659", ids);                   // a person
        Assert.DoesNotContain("SDN-34940", ids);                   // a vessel
        Assert.DoesNotContain("SDN-10933", ids);                   // a Syria program entity
        Assert.DoesNotContain("SDN-25182", ids);                   // a Crimean resort (EO 13685, not tied)
        Assert.DoesNotContain("SDN-32678", ids);                   // a Belarusian tobacco factory
        Assert.DoesNotContain(list.Entries, e => e.PrimaryName.Contains("Shillin", StringComparison.Ordinal)); // a person on the Entity List
        Assert.DoesNotContain(list.Entries, e => e.PrimaryName.StartsWith("SMIC", StringComparison.Ordinal));  // a Chinese-rule entity
        Assert.DoesNotContain(list.Entries, e => e.PrimaryName.StartsWith("AECC", StringComparison.Ordinal));  // a Chinese MEU entity
        Assert.All(list.Entries, e => Assert.Equal(EntityType.Organization, e.Type));
    }

    [Fact]
    public async Task RunAsync_Fixtures_MergesAcrossListsOnly()
    {
        var list = (await RunOnFixtures()).Result.Watchlist;
        var vtb = Assert.Single(list.Entries, e => e.Id == "SDN-17013");
        Assert.Equal(["OFAC SDN", "OFAC Non-SDN"], vtb.Sources.Select(s => s.List));
        Assert.Contains(BuiltInTags.Role(BuiltInWatchlist.FinancialFacilitator), vtb.Tags);
        // OFAC's shared registration number does not merge two SDN entries.
        Assert.Contains(list.Entries, e => e.Id == "SDN-35864");
        Assert.Contains(list.Entries, e => e.Id == "SDN-35865");
        // The Entity List's "United Aircraft Corporation" joins SDN 36431 by exact name and country.
        var uac = Assert.Single(list.Entries, e => e.Id == "SDN-36431");
        Assert.Contains(uac.Sources, s => s.List == "BIS Entity List" && s.Citation == "87 FR 12240");
    }

    [Fact]
    public async Task RunAsync_Fixtures_VersionIsNewestSourceDate()
    {
        var list = (await RunOnFixtures()).Result.Watchlist;
        Assert.Equal("2025-12-19", list.Version.Label);
        Assert.Equal(new DateTimeOffset(2025, 12, 19, 0, 0, 0, TimeSpan.Zero), list.Version.PublishedAt);
    }

    [Fact]
    public async Task Write_Outputs_ResourceManifestSummary()
    {
        var output = await RunOnFixtures();
        var dir = Path.Combine(Path.GetTempPath(), "screening-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var resource = Path.Combine(dir, "BuiltIn", "screening-russia-defense.json");
            Generator.Write(output, resource, Path.Combine(dir, "SUMMARY.md"));
            Assert.Equal(output.Json, await File.ReadAllBytesAsync(resource));
            Assert.Equal(output.Sha256 + "  screening-russia-defense.json\n", await File.ReadAllTextAsync(Path.Combine(dir, "BuiltIn", "screening-russia-defense.sha256")));
            Assert.DoesNotContain("\r", await File.ReadAllTextAsync(Path.Combine(dir, "SUMMARY.md")));
            // The resource reads back through the JSON provider.
            var back = JsonWatchlistProvider.Parse(output.Json, resource);
            Assert.Equal(output.Result.Watchlist.Entries.Count, back.Entries.Count);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TryFolderDate_DayAndMonthFolders()
    {
        Assert.True(SourceLoader.TryFolderDate("2025-12-19", out var d));
        Assert.Equal(new DateTimeOffset(2025, 12, 19, 0, 0, 0, TimeSpan.Zero), d);
        Assert.True(SourceLoader.TryFolderDate("2022-05", out d));
        Assert.Equal(new DateTimeOffset(2022, 5, 1, 0, 0, 0, TimeSpan.Zero), d);
        Assert.False(SourceLoader.TryFolderDate("2025-01-10_enhanced_xml", out _));
    }

    [Fact]
    public async Task RunAsync_MissingData_Throws() =>
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Generator.RunAsync(Path.Combine(GeneratorPaths.Fixtures, "missing")));

    [RealDataFact]
    public async Task RunAsync_RealData_ReproducesCommittedResourceByteForByte()
    {
        var output = await Generator.RunAsync(RepoPaths.RealData!);
        var committed = await File.ReadAllBytesAsync(RepoPaths.Resource);
        Assert.True(committed.AsSpan().SequenceEqual(output.Json),
            "The committed resource differs from a regeneration; run the generator (see SUMMARY.md) and commit its outputs.");
        Assert.Equal(await File.ReadAllTextAsync(GeneratorPaths.Summary), output.Summary);
        Assert.Equal(await File.ReadAllTextAsync(RepoPaths.Manifest), output.Manifest);
    }

    [RealDataFact]
    public async Task RussiaRelatedNotices_MatchTheMajorityRuleOnRealData()
    {
        // Recomputes Rule 5's table: notices whose first-listed Entity List/MEU records are mostly in Russia, Belarus or occupied Ukraine.
        var (records, _) = await SourceLoader.LoadAsync(RepoPaths.RealData!);
        var counts = new Dictionary<string, (int Russian, int All)>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (r.List is not (SourceList.BisEntityList or SourceList.BisMeu)) continue;
            if (SelectionRules.FirstNotice(r.Citation) is not { } notice) continue;
            var russian = SelectionRules.HasRussianOrBelarusianAddress(r.Entry) || SelectionRules.IsInOccupiedTerritory(r.Entry);
            var (ru, all) = counts.GetValueOrDefault(notice);
            counts[notice] = (ru + (russian ? 1 : 0), all + 1);
        }
        var majority = counts.Where(kv => kv.Value.Russian * 2 > kv.Value.All).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(SelectionRules.RussiaRelatedNotices.Keys.Order(StringComparer.Ordinal).ToList(), majority);
        foreach (var notice in majority)
        {
            var (ru, all) = counts[notice];
            Assert.StartsWith($"{ru} of {all} records", SelectionRules.RussiaRelatedNotices[notice], StringComparison.Ordinal);
        }
    }
}

internal static class BuiltInTags
{
    public static string Role(string role) => "role:" + role;
}
