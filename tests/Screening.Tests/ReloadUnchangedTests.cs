using Screening.Watchlists;

namespace Screening.Tests;

public class ReloadUnchangedTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public async Task ReloadAsync_SameSourceBytes_KeepsTheSnapshotWithoutRebuild()
    {
        var dir = Directory.CreateTempSubdirectory("screening-reload-");
        try
        {
            var file = Path.Combine(dir.FullName, "list.json");
            File.Copy(Fixture("json/sample.json"), file);
            var s = await new ScreenerBuilder().AddProvider(new JsonWatchlistProvider(file)).BuildAsync();
            var engine = s.Engine;

            var same = await s.ReloadAsync();
            Assert.True(same.Succeeded);
            Assert.True(same.Unchanged);
            Assert.Same(engine, s.Engine);

            File.WriteAllText(file, File.ReadAllText(file).Replace("SHENZHEN EXAMPLE", "SHENZHEN OTHER", StringComparison.Ordinal));
            var changed = await s.ReloadAsync();
            Assert.True(changed.Succeeded);
            Assert.False(changed.Unchanged);
            Assert.NotSame(engine, s.Engine);
            Assert.True(s.Screen("Shenzhen Other Electronics").IsHit);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReloadAsync_ListWithoutHash_AlwaysRebuilds()
    {
        var s = await new ScreenerBuilder().AddWatchlist(Matching.ScreenerSmokeTests.Sample()).BuildAsync();
        var engine = s.Engine;
        var r = await s.ReloadAsync();
        Assert.True(r.Succeeded);
        Assert.False(r.Unchanged);
        Assert.NotSame(engine, s.Engine);
    }

    [Fact]
    public void SourceFiles_OfacSdn_NamesTheFourFilesInHashOrder()
    {
        var p = new OfacSdnProvider(Fixture("ofac_sdn"));
        var names = p.SourceFiles.Select(Path.GetFileName).ToArray();
        Assert.Equal(["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"], names, StringComparer.OrdinalIgnoreCase);
        Assert.All(p.SourceFiles, f => Assert.True(Path.IsPathFullyQualified(f)));
    }

    [Fact]
    public void SourceFiles_StreamProvider_IsEmpty()
    {
        var p = new JsonWatchlistProvider(() => File.OpenRead(Fixture("json/sample.json")), "stream");
        Assert.Empty(p.SourceFiles);
        var mapped = new MappedCsvProvider("list.csv");
        Assert.Equal(2, mapped.SourceFiles.Count);
        Assert.EndsWith(".mapping.json", mapped.SourceFiles[1], StringComparison.Ordinal);
    }
}

public class ReloadMappingChangeTests
{
    [Fact]
    public async Task ReloadAsync_MappingFileChangedCsvNot_RebuildsWithTheNewMapping()
    {
        var dir = Directory.CreateTempSubdirectory("screening-mapping-");
        try
        {
            var csv = Path.Combine(dir.FullName, "list.csv");
            File.WriteAllText(csv, "ref,company,other\nA1,Kupol Plant,Shenzhen Example Electronics\n");
            var mapping = csv + MappedCsvProvider.MappingSuffix;
            File.WriteAllText(mapping, "{ \"listId\": \"mapped\", \"id\": \"ref\", \"name\": \"company\" }");
            var s = await new ScreenerBuilder().AddProvider(new MappedCsvProvider(csv)).BuildAsync();
            Assert.False(s.Screen("Shenzhen Example Electronics").IsHit);

            // Only the mapping changes: the CSV's SHA-256 (the list's Version.Sha256) stays the same.
            File.WriteAllText(mapping, "{ \"listId\": \"mapped\", \"id\": \"ref\", \"name\": \"other\" }");
            var r = await s.ReloadAsync();
            Assert.True(r.Succeeded, r.Error);
            Assert.False(r.Unchanged);
            Assert.True(s.Screen("Shenzhen Example Electronics").IsHit);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
