using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Time.Testing;
using Screening.Watchlists;
using Screening.AllowLists;
using Screening.Audit;
using Screening.Identifiers;

namespace Screening.Tests.Audit;

public class ScreeningAuditRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 14, 8, 0, 0, TimeSpan.Zero);

    internal static async Task<Screener> Build(double threshold = 0.8, AllowList? allow = null, ScreeningFilter? filter = null, IScreeningAuditSink? sink = null) =>
        await new ScreenerBuilder()
            .AddWatchlist(new Watchlist("test", "Test list", new WatchlistVersion("v1", Now.AddDays(-1), new string('b', 64)),
                [Screening.Tests.Allow.EntryContentHashTests.Kupol(), new WatchlistEntry { Id = "B1", Names = [new EntryName("KUPOL TRADING LLC")] }]))
            .Configure(o => { o.UseBuiltInWatchlist = false; o.Threshold = threshold; o.AllowList = allow; o.Filter = filter; o.AuditSink = sink; })
            .UseTimeProvider(new FakeTimeProvider(Now))
            .BuildAsync();

    // A decision about entry 46431 for customer C-1042, taken on a screen without an allow-list.
    private static async Task<AllowDecision> Reviewed(DateTimeOffset? expires = null)
    {
        var plain = await Build();
        var match = plain.Screen("Kupol Izhevsk Electromechanical Plant JSC").Matches.First(m => m.EntryId == "46431");
        return AllowDecision.For("C-1042", match, "j.doe", Now.AddDays(-3), "Different company", expires);
    }

    [Fact]
    public async Task Create_ResultWithSuppression_RecordsEverything()
    {
        var screener = await Build(allow: AllowList.Create([await Reviewed()]));
        var result = screener.Screen(new ScreeningRequest("Kupol Izhevsk Electromechanical Plant JSC", "req-7", "RU", EntityType.Organization)
        {
            CustomerKey = "C-1042",
            Identifiers = [new ScreeningIdentifier("INN", "1831083343")],
        });

        var record = ScreeningAuditRecord.Create(screener, result);

        Assert.Equal("screening-audit/1", record.Format);
        Assert.Matches("^[0-9a-f]{32}$", record.RecordId);
        Assert.Equal("req-7", record.RequestId);
        Assert.Equal(Now, record.ScreenedAt);
        Assert.Equal(("Kupol Izhevsk Electromechanical Plant JSC", "RU", EntityType.Organization, "C-1042"),
            (record.Input.Name, record.Input.CountryHint, record.Input.EntityTypeHint, record.Input.CustomerKey));
        Assert.Equal(new ScreeningIdentifier("INN", "1831083343"), Assert.Single(record.Input.Identifiers));
        Assert.Equal(result.NormalizedQuery, record.NormalizedQuery);
        Assert.StartsWith("0.1.0", record.Engine.LibraryVersion, StringComparison.Ordinal);
        Assert.Contains("threshold=0.8", record.Engine.Options);
        Assert.Contains("allowListDecisions=1", record.Engine.Options);
        Assert.Matches("^[0-9a-f]{16}$", record.Engine.OptionsFingerprint);
        var list = Assert.Single(record.Lists);
        Assert.Equal(("test", "v1", new string('b', 64), 2), (list.Id, list.Version.Label, list.Version.Sha256, list.EntryCount));
        // The suppressed match leaves the result's matches, but the auditor sees it, with its evidence.
        Assert.DoesNotContain(result.Matches, x => x.EntryId == "46431");
        var suppressed = Assert.Single(result.Suppressed).Match;
        var m = record.Matches.Single(x => x.EntryId == "46431");
        Assert.Equal(EntryContentHash.Compute(suppressed.Entry), m.EntryContentHash);
        Assert.Equal(suppressed.Explanation, m.Explanation);
        Assert.NotEmpty(m.Alignment);
        Assert.Equal(IdentifierEvidenceKind.Match, Assert.Single(m.Identifiers).Kind);
        var s = Assert.Single(record.Suppressions);
        Assert.Equal((AllowOutcome.Suppressed, "46431", "j.doe"), (s.Outcome, s.EntryId, s.Decision.DecidedBy));
        Assert.Equal(result.IsHit, record.Hit);
        Assert.Empty(record.Filters);
    }

    [Fact]
    public async Task ToJson_FromJson_RoundTripsWithEnumsAsStrings()
    {
        var screener = await Build(allow: AllowList.Create([await Reviewed(expires: Now.AddDays(-1))]), filter: new ScreeningFilter { Countries = ["RU"] });
        var result = screener.Screen(new ScreeningRequest("Kupol Izhevsk Electromechanical Plant", "r1", null, EntityType.Organization)
        {
            CustomerKey = "C-1042",
            Identifiers = [new ScreeningIdentifier("OGRN", "1021801143374"), new ScreeningIdentifier("LEI", "253400VTMXV2UE7XNN67")],
            Filter = new ScreeningFilter { EntityTypes = [EntityType.Organization], Tags = ["role:defense-industry"] },
            Threshold = 0.9,
        });
        var record = ScreeningAuditRecord.Create(screener, result);

        var json = record.ToJson();
        Assert.DoesNotContain('\n', json);
        Assert.Contains("\"entityTypeHint\":\"Organization\"", json, StringComparison.Ordinal);
        Assert.Contains("\"matchedNameStrength\":\"", json, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"Expired\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"Match\"", json, StringComparison.Ordinal);     // identifier evidence
        Assert.Contains("\"kind\":\"Lei\",\"value\":\"253400VTMXV2UE7XNN67\",\"status\":\"Invalid\"", json, StringComparison.Ordinal);
        Assert.Contains("\"request.entityTypes\":[\"Organization\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"screener.countries\":[\"RU\"]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"outcome\":2", json, StringComparison.Ordinal);
        Assert.Equal(0.9, record.Engine.Threshold);

        var back = ScreeningAuditRecord.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(record.Matches[0].Alignment, back.Matches[0].Alignment);
        Assert.Equal(record.Matches[0].Identifiers, back.Matches[0].Identifiers);
        Assert.Equal(record.Input.Identifiers, back.Input.Identifiers);
        Assert.Equal(record.Input.IdentifierChecks, back.Input.IdentifierChecks);
        Assert.Equal(IdentifierStatus.Invalid, back.Input.IdentifierChecks[1].Status);
        Assert.Equal(record.Suppressions[0].Decision, back.Suppressions[0].Decision);
        Assert.Equal(record.Filters.Keys.Order(), back.Filters.Keys.Order());

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
