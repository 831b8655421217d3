using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Time.Testing;
using Screening.Watchlists;
using Screening.AllowLists;
using Screening.Audit;

namespace Screening.Tests.Audit;

public class ScreeningAuditRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 14, 8, 0, 0, TimeSpan.Zero);

    internal static async Task<Screener> Build(double threshold = 0.8) =>
        await new ScreenerBuilder()
            .AddWatchlist(new Watchlist("test", "Test list", new WatchlistVersion("v1", Now.AddDays(-1), new string('b', 64)),
                [Screening.Tests.Allow.EntryContentHashTests.Kupol(), new WatchlistEntry { Id = "B1", Names = [new EntryName("KUPOL TRADING LLC")] }]))
            .Configure(o => { o.UseBuiltInWatchlist = false; o.Threshold = threshold; })
            .UseTimeProvider(new FakeTimeProvider(Now))
            .BuildAsync();

    [Fact]
    public async Task Create_ResultWithSuppression_RecordsEverything()
    {
        var screener = await Build();
        var result = screener.Screen(new ScreeningRequest("Kupol Izhevsk Electromechanical Plant JSC", "req-7", "RU", EntityType.Organization));
        var key = AllowList.KeyFor(result, "C-1042");
        var match = result.Matches.First(m => m.EntryId == "46431");
        var allow = AllowList.Create([AllowDecision.For(key, match, "j.doe", Now.AddDays(-3), "Different company")]).Apply(result.Matches, key, Now);

        var record = ScreeningAuditRecord.Create(screener, result, allow, key);

        Assert.Equal("screening-audit/1", record.Format);
        Assert.Matches("^[0-9a-f]{32}$", record.RecordId);
        Assert.Equal("req-7", record.RequestId);
        Assert.Equal(Now, record.ScreenedAt);
        Assert.Equal(("Kupol Izhevsk Electromechanical Plant JSC", "RU", EntityType.Organization, "C-1042"),
            (record.Input.Name, record.Input.CountryHint, record.Input.EntityTypeHint, record.Input.CustomerKey));
        Assert.Equal(result.NormalizedQuery, record.NormalizedQuery);
        Assert.StartsWith("0.1.0", record.Engine.LibraryVersion, StringComparison.Ordinal);
        Assert.Contains("threshold=0.8", record.Engine.Options);
        Assert.Matches("^[0-9a-f]{16}$", record.Engine.OptionsFingerprint);
        var list = Assert.Single(record.Lists);
        Assert.Equal(("test", "v1", new string('b', 64), 2), (list.Id, list.Version.Label, list.Version.Sha256, list.EntryCount));
        var m = record.Matches.Single(x => x.EntryId == "46431");
        Assert.Equal(EntryContentHash.Compute(match.Entry), m.EntryContentHash);
        Assert.Equal(match.Explanation, m.Explanation);
        Assert.NotEmpty(m.Alignment);
        var s = Assert.Single(record.Suppressions);
        Assert.Equal((AllowOutcome.Suppressed, "46431", "j.doe"), (s.Outcome, s.EntryId, s.Decision.DecidedBy));
        Assert.Equal(allow.IsHit, record.Hit);
        Assert.Empty(record.Filters);
    }

    [Fact]
    public async Task ToJson_FromJson_RoundTripsWithEnumsAsStrings()
    {
        var screener = await Build();
        var result = screener.Screen(new ScreeningRequest("Kupol Izhevsk Electromechanical Plant", "r1", null, EntityType.Organization));
        var key = AllowList.KeyFor(result);
        var allow = AllowList.Create([AllowDecision.For(key, result.Matches[0], "j.doe", Now.AddDays(-3), "x", Now.AddDays(-1))]).Apply(result.Matches, key, Now);
        var record = ScreeningAuditRecord.Create(screener, result, allow, key);

        var json = record.ToJson();
        Assert.DoesNotContain('\n', json);
        Assert.Contains("\"entityTypeHint\":\"Organization\"", json, StringComparison.Ordinal);
        Assert.Contains("\"matchedNameStrength\":\"", json, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"Expired\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"", json, StringComparison.Ordinal);   // token alignment kinds
        Assert.DoesNotContain("\"outcome\":2", json, StringComparison.Ordinal);

        var back = ScreeningAuditRecord.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(record.Matches[0].Alignment, back.Matches[0].Alignment);
        Assert.Equal(record.Suppressions[0].Decision, back.Suppressions[0].Decision);

        // Reflection-based System.Text.Json with the same conventions reads it too.
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new JsonStringEnumConverter() } };
        var viaReflection = JsonSerializer.Deserialize<ScreeningAuditRecord>(json, options)!;
        Assert.Equal(json, viaReflection.ToJson());
    }

    [Fact]
    public async Task OptionsFingerprint_SameOptionsSame_DifferentThresholdDifferent()
    {
        var a = await Build(0.8);
        var b = await Build(0.8);
        var c = await Build(0.85);
        string F(Screener s) => ScreeningAuditRecord.Create(s, s.Screen("Kupol")).Engine.OptionsFingerprint;
        Assert.Equal(F(a), F(b));
        Assert.NotEqual(F(a), F(c));
    }

    [Fact]
    public void FromJson_NotARecord_Throws() =>
        Assert.ThrowsAny<JsonException>(() => ScreeningAuditRecord.FromJson("{\"recordId\":1}"));
}
