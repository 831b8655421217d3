using System.Text.Json;

namespace Screening.Cli.Tests;

public class ScreenCommandTests
{
    [Fact]
    public async Task Screen_KnownAlias_PrintsExplainedHitAndExits0()
    {
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList);
        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Err);
        Assert.Contains("Query:        IEMZ Kupol", run.Out);
        Assert.Contains("Normalized:   IEMZ KUPOL", run.Out);
        Assert.Contains("Threshold:    0.80", run.Out);
        Assert.Contains("in-house (In-house watchlist) version 2026-11-01, published 2026-11-01, 2 entries, sha256 ", run.Out);
        Assert.Contains("1 match:", run.Out);
        Assert.Contains("list in-house  entry IH-1", run.Out);
        Assert.Contains("Primary name:  JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL", run.Out);
        Assert.Contains("Matched name:  JSC IEMZ KUPOL (strong alias)", run.Out);
        Assert.Contains("Explanation:   Matched alias \"JSC IEMZ KUPOL\"", run.Out);
        Assert.Contains("Programs:      RUSSIA-EO14024", run.Out);
        Assert.Contains("Countries:     RU", run.Out);
        Assert.Contains("Identifier:    INN 1831083343 (RU)", run.Out);
        Assert.Contains("Tags:          role:defense-industry, sector:drones", run.Out);
    }

    [Fact]
    public async Task Screen_CyrillicName_FindsEntry()
    {
        var run = await CliHarness.RunAsync("screen", "АО ИЭМЗ Купол", "--list", CliHarness.FixtureList);
        Assert.Equal(0, run.Code);
        Assert.Contains("entry IH-1", run.Out);
    }

    [Fact]
    public async Task Screen_UnrelatedName_SaysNoMatchAndExits0()
    {
        var run = await CliHarness.RunAsync("screen", "Bank of America", "--list", CliHarness.FixtureList, "--fail-on-hit");
        Assert.Equal(0, run.Code);
        Assert.Contains("No match at or above the threshold 0.80.", run.Out);
        Assert.DoesNotContain("#1", run.Out);
    }

    [Fact]
    public async Task Screen_HitWithFailOnHit_Exits3()
    {
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--fail-on-hit");
        Assert.Equal(3, run.Code);
        Assert.Contains("entry IH-1", run.Out);
    }

    [Fact]
    public async Task Screen_JsonFormat_SerializesWholeResult()
    {
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--format", "json", "--country", "RU", "--type", "organization");
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("IEMZ Kupol", root.GetProperty("query").GetString());
        Assert.Equal("IEMZ KUPOL", root.GetProperty("normalizedQuery").GetString());
        Assert.Equal(0.8, root.GetProperty("threshold").GetDouble());
        Assert.True(root.GetProperty("isHit").GetBoolean());
        Assert.Equal("RU", root.GetProperty("countryHint").GetString());
        Assert.Equal("organization", root.GetProperty("entityTypeHint").GetString());
        var list = root.GetProperty("lists")[0];
        Assert.Equal("in-house", list.GetProperty("id").GetString());
        Assert.Equal(64, list.GetProperty("version").GetProperty("sha256").GetString()!.Length);
        var m = root.GetProperty("matches")[0];
        Assert.Equal("IH-1", m.GetProperty("entryId").GetString());
        Assert.Equal("strong", m.GetProperty("matchedNameStrength").GetString());
        Assert.True(m.GetProperty("alignment").GetArrayLength() > 0);
        Assert.Equal("exact", m.GetProperty("alignment")[0].GetProperty("kind").GetString());
        var entry = m.GetProperty("entry");
        Assert.Equal("organization", entry.GetProperty("type").GetString());
        Assert.Equal("role:defense-industry", entry.GetProperty("tags")[0].GetString());
        Assert.Equal("АО ИЭМЗ Купол", entry.GetProperty("names")[2].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Screen_JsonFormatNoHit_HasEmptyMatches()
    {
        var run = await CliHarness.RunAsync("screen", "Bank of America", "--list", CliHarness.FixtureList, "--format", "json");
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.False(doc.RootElement.GetProperty("isHit").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public async Task Screen_HighThreshold_DropsFuzzyMatch()
    {
        // A one-letter typo matches at the default threshold but not when only exact names are wanted.
        var loose = await CliHarness.RunAsync("screen", "IEMZ Kuprol", "--list", CliHarness.FixtureList, "--format", "json");
        var strict = await CliHarness.RunAsync("screen", "IEMZ Kuprol", "--list", CliHarness.FixtureList, "--format", "json", "--threshold", "1");
        using var l = JsonDocument.Parse(loose.Out);
        using var s = JsonDocument.Parse(strict.Out);
        Assert.True(l.RootElement.GetProperty("isHit").GetBoolean());
        Assert.False(s.RootElement.GetProperty("isHit").GetBoolean());
        Assert.Equal(1.0, s.RootElement.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task Screen_LimitOne_ReturnsAtMostOneMatch()
    {
        using var dir = new TempDir();
        var list = dir.Write("l.json", """
            {"id":"t","entries":[{"id":"1","names":["ACME TRADING LLC"]},{"id":"2","names":["ACME TRADING LIMITED"]},{"id":"3","names":["ACME TRADING CO"]}]}
            """);
        var all = await CliHarness.RunAsync("screen", "Acme Trading", "--list", "json:" + list, "--format", "json");
        var one = await CliHarness.RunAsync("screen", "Acme Trading", "--list", "json:" + list, "--format", "json", "--limit", "1");
        using var a = JsonDocument.Parse(all.Out);
        using var o = JsonDocument.Parse(one.Out);
        Assert.True(a.RootElement.GetProperty("matches").GetArrayLength() > 1);
        Assert.Equal(1, o.RootElement.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public async Task Screen_TwoLists_ScreensBoth()
    {
        using var dir = new TempDir();
        var other = dir.Write("other.json", """{"id":"other","name":"Other","entries":[{"id":"O-1","names":["KUPOL IEMZ HOLDING"]}]}""");
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--list", "json:" + other, "--format", "json");
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("lists").GetArrayLength());
    }

    [Fact]
    public async Task Screen_CountryHint_AppearsInTextAndExplanation()
    {
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--country", "Russia");
        Assert.Equal(0, run.Code);
        Assert.Contains("Country hint: Russia", run.Out);
        Assert.Contains("country hint RU matches", run.Out);
    }

    [Fact]
    public async Task Screen_EmptyName_Exits2WithMessage()
    {
        var run = await CliHarness.RunAsync("screen", "   ", "--list", CliHarness.FixtureList);
        var line = CliHarness.AssertInputError(run, "empty");
        Assert.DoesNotContain("Parameter", line);
    }

    [Fact]
    public async Task Screen_NameWithoutLetters_Exits2()
    {
        var run = await CliHarness.RunAsync("screen", "---", "--list", CliHarness.FixtureList);
        // "---" is an unknown option: it has to go after "--"; then the library rejects it.
        CliHarness.AssertInputError(run, "unknown option '---'");
        run = await CliHarness.RunAsync("screen", "--list", CliHarness.FixtureList, "--", "---");
        CliHarness.AssertInputError(run, "no letters or digits");
    }

    [Fact]
    public async Task Screen_NoList_UsesBuiltInOrSaysItIsMissing()
    {
        // The built-in list is generated by a separate step; whichever state this build is in, the outcome is clear.
        var run = await CliHarness.RunAsync("screen", "Joint Stock Company Izhevsk Electromechanical Plant Kupol");
        if (run.Code == 0)
        {
            Assert.Contains("screening-russia-defense", run.Out);
            Assert.Equal("", run.Err);
        }
        else
        {
            var line = CliHarness.AssertInputError(run, "built-in watchlist");
            Assert.Contains("--list KIND:PATH", line);
        }
    }
}
