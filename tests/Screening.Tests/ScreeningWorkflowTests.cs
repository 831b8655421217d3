using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Screening.AllowLists;
using Screening.Audit;
using Screening.Identifiers;
using Screening.Tests.Allow;
using Screening.Watchlists;

namespace Screening.Tests;

/// <summary>
/// The acceptance of the compliance workflow as the screen itself carries it (issue #14): identifiers as evidence,
/// an allow-list that re-alerts on a changed entry, per-request thresholds and filters recorded in the result and the
/// audit record, and audit records that round-trip through System.Text.Json.
/// </summary>
public class ScreeningWorkflowTests
{
    private static readonly DateTimeOffset Reviewed = new(2026, 5, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Collects the records the screens write.</summary>
    private sealed class MemorySink : IScreeningAuditSink
    {
        public ConcurrentQueue<ScreeningAuditRecord> Records { get; } = new();

        public ValueTask WriteAsync(ScreeningAuditRecord record, CancellationToken cancellationToken = default)
        {
            Records.Enqueue(record);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FailingSink : IScreeningAuditSink
    {
        public ValueTask WriteAsync(ScreeningAuditRecord record, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("audit.jsonl: disk full"));
    }

    private static WatchlistEntry Shenzhen() => new()
    {
        Id = "CN-1", Type = EntityType.Organization, Names = [new EntryName("SHENZHEN KUPOL ELECTRONICS CO., LIMITED")], Countries = ["CN"],
        Programs = ["RUSSIA-EO14024"], Tags = ["role:third-country-supplier"],
    };

    private static Task<Screener> Build(Action<ScreeningOptions>? configure = null, params WatchlistEntry[] entries) =>
        new ScreenerBuilder()
            .AddWatchlist(new Watchlist("test", "Test", new WatchlistVersion("v1"), entries.Length == 0 ? [EntryContentHashTests.Kupol(), Shenzhen()] : entries))
            .Configure(o =>
            {
                o.UseBuiltInWatchlist = false;
                configure?.Invoke(o);
            })
            .BuildAsync();

    [Fact]
    public async Task Screen_BuiltInListInnOnly_FindsKupolNearCertain()
    {
        var screener = await new ScreenerBuilder().BuildAsync();

        var result = screener.Screen(new ScreeningRequest("") { Identifiers = [new ScreeningIdentifier("INN", "1831083343")] });

        var match = Assert.Single(result.Matches);
        Assert.Equal("SDN-46431", match.EntryId);
        Assert.True(match.Score >= 0.95, $"score {match.Score}");
        Assert.Contains("INN 1831083343 matches the entry's Tax ID No. 1831083343: near-certain evidence, score at least 0.95", match.Explanation, StringComparison.Ordinal);
        Assert.Contains("No name was screened, only identifiers", match.Explanation, StringComparison.Ordinal);
        Assert.Equal(IdentifierEvidenceKind.Match, Assert.Single(match.IdentifierEvidence).Kind);
        var screened = Assert.Single(result.Identifiers);
        Assert.Equal((IdentifierKind.Inn, IdentifierStatus.Valid), (screened.Check.Kind, screened.Check.Status));
        Assert.True(result.IsHit);
    }

    [Fact]
    public async Task Screen_BuiltInListBareInnAsName_FindsKupol()
    {
        var screener = await new ScreenerBuilder().BuildAsync();
        var result = screener.Screen("ИНН 1831083343");
        Assert.Equal("SDN-46431", result.Matches[0].EntryId);
        Assert.True(result.Matches[0].Score >= 0.95);
    }

    [Fact]
    public async Task Screen_NoNameNoIdentifier_Throws()
    {
        var screener = await Build();
        Assert.ThrowsAny<ArgumentException>(() => screener.Screen(new ScreeningRequest("")));
    }

    [Fact]
    public async Task Screen_InvalidIdentifierOnly_ReportedNeverMatched()
    {
        var screener = await Build();
        // The INN of the Kupol plant with its check digit changed.
        var result = screener.Screen(new ScreeningRequest("") { Identifiers = [new ScreeningIdentifier("INN", "1831083344")] });
        Assert.Empty(result.Matches);
        Assert.Equal(IdentifierStatus.Invalid, Assert.Single(result.Identifiers).Check.Status);
    }

    [Fact]
    public async Task Screen_AllowListedPair_StopsAlertingThenAlertsAgainWhenEntryChanges()
    {
        // Version 1: the customer's name matches the plant; a reviewer records a false positive.
        var v1 = await Build();
        var first = v1.Screen("Kupol Izhevsk Electromechanical Plant JSC").Matches.Single(m => m.EntryId == "46431");
        var allow = AllowList.Create([AllowDecision.For("C-1042", first, "j.doe", Reviewed, "Different company")]);
        var request = new ScreeningRequest("Kupol Izhevsk Electromechanical Plant JSC") { CustomerKey = "C-1042" };

        var quiet = (await Build(o => o.AllowList = allow)).Screen(request);
        Assert.False(quiet.IsHit);
        Assert.Empty(quiet.Matches);
        var suppressed = Assert.Single(quiet.Suppressed);
        Assert.Equal(("46431", "j.doe", "Different company"), (suppressed.Match.EntryId, suppressed.Decision.DecidedBy, suppressed.Decision.Reason));
        Assert.Equal("C-1042", quiet.CustomerKey);

        // Another customer with the same name is not covered.
        Assert.True((await Build(o => o.AllowList = allow)).Screen(request with { CustomerKey = "C-9" }).IsHit);

        // Version 2 of the list: the entry gains an alias, so the reviewed pair alerts again and says why.
        var changed = EntryContentHashTests.Copy(EntryContentHashTests.Kupol(), names: [.. EntryContentHashTests.Kupol().Names, new EntryName("KUPOL PLANT", NameStrength.Strong)]);
        var loud = (await Build(o => o.AllowList = allow, changed, Shenzhen())).Screen(request);
        Assert.True(loud.IsHit);
        Assert.Equal("46431", loud.Matches[0].EntryId);
        var hit = Assert.Single(loud.AllowListHits);
        Assert.Equal(AllowOutcome.EntryChanged, hit.Outcome);
        Assert.Same(loud.Matches[0], hit.Match);
        Assert.Empty(loud.Suppressed);
    }

    [Fact]
    public async Task Screen_SuppressedMatches_DoNotCrowdOutOthers()
    {
        // MaxMatches 1: the suppressed best match must leave room for the next one.
        var works = new WatchlistEntry { Id = "W-1", Type = EntityType.Organization, Names = [new EntryName("IZHEVSK ELECTROMECHANICAL WORKS")], Countries = ["RU"] };
        var v1 = await Build(null, EntryContentHashTests.Kupol(), works);
        var best = v1.Screen("Kupol Izhevsk Electromechanical Plant").Matches[0];
        Assert.Equal("46431", best.EntryId);
        var allow = AllowList.Create([AllowDecision.For("C-1", best, "j.doe", Reviewed, "x")]);
        var screener = await Build(o => { o.AllowList = allow; o.MaxMatches = 1; o.Threshold = 0.4; }, EntryContentHashTests.Kupol(), works);
        var result = screener.Screen(new ScreeningRequest("Kupol Izhevsk Electromechanical Plant") { CustomerKey = "C-1" });
        Assert.Equal("W-1", Assert.Single(result.Matches).EntryId);
        Assert.Single(result.Suppressed);
    }

    [Fact]
    public async Task Screen_PerRequestThresholdAndFilter_AppliedAndRecordedInResultAndAudit()
    {
        var sink = new MemorySink();
        var screener = await Build(o => { o.AuditSink = sink; o.Filter = new ScreeningFilter { Programs = ["RUSSIA-EO14024"] }; });
        const string fuzzy = "Izhevsk Electromechanical Plant Kupal";

        var plain = screener.Screen(new ScreeningRequest(fuzzy, "r1"));
        Assert.Equal("46431", plain.Matches[0].EntryId);
        Assert.True(plain.Matches[0].Score is > 0.9 and < 0.99);

        var strict = screener.Screen(new ScreeningRequest(fuzzy, "r2") { Threshold = 0.99 });
        Assert.Empty(strict.Matches);
        Assert.Equal(0.99, strict.Threshold);

        var filter = new ScreeningFilter { Countries = ["CN"], Tags = ["role:third-country-supplier"] };
        var filtered = screener.Screen(new ScreeningRequest("Kupol", "r3") { Filter = filter, Threshold = 0.3 });
        Assert.All(filtered.Matches, m => Assert.Equal("CN-1", m.EntryId));
        Assert.NotEmpty(filtered.Matches);
        Assert.Same(filter, filtered.RequestFilter);
        Assert.Equal(["RUSSIA-EO14024"], filtered.ScreenerFilter!.Programs!);

        // The screen wrote one audit record each, with the threshold and the filters in force.
        var records = sink.Records.ToDictionary(r => r.RequestId!);
        Assert.Equal(3, records.Count);
        Assert.Equal(0.99, records["r2"].Engine.Threshold);
        Assert.False(records["r2"].Hit);
        Assert.Equal(0.8, records["r1"].Engine.Threshold);
        Assert.Equal(["CN"], records["r3"].Filters["request.countries"]);
        Assert.Equal(["role:third-country-supplier"], records["r3"].Filters["request.tags"]);
        Assert.Equal(["RUSSIA-EO14024"], records["r3"].Filters["screener.programs"]);
        Assert.False(records["r1"].Filters.ContainsKey("request.countries"));
    }

    [Fact]
    public async Task Screen_ThresholdOutOfRange_Throws()
    {
        var screener = await Build();
        Assert.ThrowsAny<ArgumentException>(() => screener.Screen(new ScreeningRequest("Kupol") { Threshold = 1.5 }));
        Assert.ThrowsAny<ArgumentException>(() => screener.Screen(new ScreeningRequest("Kupol") { Threshold = 0 }));
    }

    [Fact]
    public async Task Screen_FilterExcludesEntryAnIdentifierFinds()
    {
        var screener = await Build();
        var request = new ScreeningRequest("") { Identifiers = [new ScreeningIdentifier("INN", "1831083343")] };
        Assert.Single(screener.Screen(request).Matches);
        Assert.Empty(screener.Screen(request with { Filter = new ScreeningFilter { Countries = ["CN"] } }).Matches);
    }

    [Fact]
    public async Task Screen_FailingAuditSink_FailsTheScreen()
    {
        var screener = await Build(o => o.AuditSink = new FailingSink());
        var ex = Assert.Throws<IOException>(() => screener.Screen("Kupol"));
        Assert.Contains("disk full", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreenMany_PerRequestWorkflow_EachRowItsOwn()
    {
        var sink = new MemorySink();
        var screener = await Build(o => o.AuditSink = sink);
        ScreeningRequest[] rows =
        [
            new("Unrelated Firm", "a") { Identifiers = [new ScreeningIdentifier("Tax ID No.", "1831083343", "RU")] },
            new("Izhevsk Electromechanical Plant Kupal", "b") { Threshold = 0.99 },
            new("Kupol", "c") { Threshold = 0.3, Filter = new ScreeningFilter { Countries = ["CN"] } },
            new("", "d"),
        ];
        var results = screener.ScreenMany(rows).ToList();
        Assert.Equal(["a", "b", "c", "d"], results.Select(r => r.RequestId));
        Assert.Equal(("46431", 0.95), (results[0].Matches[0].EntryId, results[0].Matches[0].Score));
        Assert.Empty(results[1].Matches);
        Assert.Equal(0.99, results[1].Threshold);
        Assert.All(results[2].Matches, m => Assert.Equal("CN-1", m.EntryId));
        Assert.NotNull(results[3].Error);
        // Every row is audited, in input order; the row that could not be screened with its error.
        Assert.Equal(["a", "b", "c", "d"], sink.Records.Select(r => r.RequestId));
        Assert.Equal(results[3].Error, sink.Records.Last().Error);
    }

    [Fact]
    public async Task ScreenMany_ParallelBatch_AuditRecordsInInputOrder()
    {
        var sink = new MemorySink();
        var screener = await Build(o => o.AuditSink = sink);
        string[] names = ["IEMZ Kupol", "Unrelated Firm Ltd", "Shenzhen Kupol Electronics", "", "Izhevsk Electromechanical Plant"];
        var rows = Enumerable.Range(0, 3000).Select(i => new ScreeningRequest(names[i % names.Length], "r" + i)).ToList();

        // Small chunks on four workers: rows finish out of order, records must not.
        var results = screener.ScreenMany(rows, maxDegreeOfParallelism: 4, chunkSize: 256).ToList();

        Assert.Equal(rows.Select(r => r.Id), results.Select(r => r.RequestId));
        Assert.Equal(rows.Select(r => r.Id), sink.Records.Select(r => r.RequestId));
        Assert.All(sink.Records.Where((_, i) => i % names.Length == 3), r => Assert.NotNull(r.Error));
    }

    [Fact]
    public async Task ScreenManyAsync_AuditRecordsInInputOrder()
    {
        var sink = new MemorySink();
        var screener = await Build(o => o.AuditSink = sink);
        static async IAsyncEnumerable<ScreeningRequest> Rows()
        {
            for (var i = 0; i < 1000; i++)
            {
                if (i % 100 == 0) await Task.Yield();
                yield return new ScreeningRequest(i % 2 == 0 ? "IEMZ Kupol" : "Unrelated Firm Ltd", "r" + i);
            }
        }
        var ids = new List<string?>();
        await foreach (var r in screener.ScreenManyAsync(Rows(), maxDegreeOfParallelism: 4, chunkSize: 128)) ids.Add(r.RequestId);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => "r" + i), ids);
        Assert.Equal(ids, sink.Records.Select(r => r.RequestId));
    }

    [Fact]
    public async Task ScreenMany_FailedRow_AuditedWithErrorIdentifiersCustomerKeyAndFilters()
    {
        var sink = new MemorySink();
        var screener = await Build(o => { o.AuditSink = sink; o.Filter = new ScreeningFilter { Programs = ["RUSSIA-EO14024"] }; });
        var filter = new ScreeningFilter { Countries = ["RU"] };
        ScreeningRequest[] rows =
        [
            new(new string('A', 1001), "too-long") { CustomerKey = " C-7 ", Identifiers = [new ScreeningIdentifier("INN", "1831083343")], Filter = filter, Threshold = 0.9 },
            new("\u0001\u0002", "control") { CustomerKey = "C-8" },
        ];

        var results = screener.ScreenMany(rows).ToList();

        var failed = results[0];
        Assert.NotNull(failed.Error);
        Assert.Equal("C-7", failed.CustomerKey);
        Assert.Equal((IdentifierKind.Inn, IdentifierStatus.Valid), (Assert.Single(failed.Identifiers).Check.Kind, failed.Identifiers[0].Check.Status));
        Assert.Same(filter, failed.RequestFilter);
        Assert.Equal(["RUSSIA-EO14024"], failed.ScreenerFilter!.Programs!);
        Assert.Equal(0.9, failed.Threshold);
        Assert.NotNull(results[1].Error);

        var records = sink.Records.ToList();
        Assert.Equal(["too-long", "control"], records.Select(r => r.RequestId));
        Assert.Equal(failed.Error, records[0].Error);
        Assert.Equal("C-7", records[0].Input.CustomerKey);
        Assert.Equal(new ScreeningIdentifier("INN", "1831083343"), Assert.Single(records[0].Input.Identifiers));
        Assert.Equal(["RU"], records[0].Filters["request.countries"]);
        Assert.Equal(["RUSSIA-EO14024"], records[0].Filters["screener.programs"]);
        Assert.False(records[0].Hit);
        Assert.Equal("C-8", records[1].Input.CustomerKey);
        Assert.NotNull(records[1].Error);
    }

    [Fact]
    public async Task Screen_CustomerKeyWithoutAllowList_RecordedInResultAndAudit()
    {
        var sink = new MemorySink();
        var screener = await Build(o => o.AuditSink = sink);

        var keyed = screener.Screen(new ScreeningRequest("IEMZ Kupol", "r1") { CustomerKey = " C-1042 " });
        var unkeyed = screener.Screen(new ScreeningRequest("IEMZ Kupol", "r2"));

        Assert.Equal("C-1042", keyed.CustomerKey);
        Assert.Null(unkeyed.CustomerKey); // no key given and no allow-list: nothing to look decisions up under
        Assert.Equal(["C-1042", null], sink.Records.Select(r => r.Input.CustomerKey));
        Assert.Contains("\"customerKey\":\"C-1042\"", sink.Records.First().ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_BareIdentifierAsName_ExplainedAsIdentifierMatchAndReportedAsItsScheme()
    {
        var screener = await new ScreenerBuilder().BuildAsync();

        var result = screener.Screen("1831083343");

        var match = result.Matches[0];
        Assert.Equal("SDN-46431", match.EntryId);
        Assert.Contains("The name is an identifier (1831083343), matched on the identifier, not as a name", match.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("missing from the query", match.Explanation, StringComparison.Ordinal);
        Assert.Contains("INN 1831083343 matches the entry's", match.Explanation, StringComparison.Ordinal);
        Assert.Empty(match.Alignment);
        // Reported as the scheme it matched, validated as one, like the evidence says.
        var evidence = Assert.Single(match.IdentifierEvidence);
        var screened = Assert.Single(result.Identifiers);
        Assert.Equal((IdentifierKind.Inn, IdentifierKind.Inn, IdentifierStatus.Valid), (evidence.Scheme, screened.Check.Kind, screened.Check.Status));
        Assert.Equal("1831083343", result.NormalizedQuery);
    }

    [Fact]
    public async Task Screen_BareNumberMatchingNothing_StaysUnclassified()
    {
        var screener = await new ScreenerBuilder().BuildAsync();
        var result = screener.Screen("1234567890");
        Assert.Empty(result.Matches);
        var screened = Assert.Single(result.Identifiers);
        Assert.Equal((IdentifierKind.Other, IdentifierStatus.NotValidated), (screened.Check.Kind, screened.Check.Status));
    }

    [Fact]
    public async Task Screen_NamesOnly_DoNotBuildTheIdentifierIndex()
    {
        var screener = await Build();
        screener.Screen("IEMZ Kupol");
        Assert.Single(screener.ScreenMany([new ScreeningRequest("Shenzhen Kupol", "a")]));
        Assert.False(screener.CurrentSnapshot.IdentifierIndexBuilt);

        screener.Screen(new ScreeningRequest("") { Identifiers = [new ScreeningIdentifier("INN", "1831083343")] });
        Assert.True(screener.CurrentSnapshot.IdentifierIndexBuilt);
    }

    [Fact]
    public async Task AuditRecord_FromIntegratedScreen_RoundTripsThroughSystemTextJson()
    {
        var sink = new MemorySink();
        var v1 = await Build();
        var match = v1.Screen("IEMZ Kupol").Matches[0];
        var allow = AllowList.Create([AllowDecision.For("C-1", match, "j.doe", Reviewed, "Kupol LLC, Novosibirsk")]);
        var screener = await Build(o => { o.AuditSink = sink; o.AllowList = allow; o.Filter = new ScreeningFilter { Lists = ["test"] }; });
        screener.Screen(new ScreeningRequest("IEMZ Kupol", "r-1", "RU", EntityType.Organization)
        {
            CustomerKey = "C-1",
            Identifiers = [new ScreeningIdentifier("INN", "1831083343"), new ScreeningIdentifier("LEI", "253400VTMXV2UE7XNN67")],
            Filter = new ScreeningFilter { EntityTypes = [EntityType.Organization] },
        });
        var record = Assert.Single(sink.Records);
        Assert.False(record.Hit);
        Assert.Equal(AllowOutcome.Suppressed, Assert.Single(record.Suppressions).Outcome);

        var json = JsonSerializer.Serialize(record, new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new JsonStringEnumConverter() },
        });
        var back = JsonSerializer.Deserialize<ScreeningAuditRecord>(json, new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new JsonStringEnumConverter() },
        })!;
        Assert.Equal(record.ToJson(), back.ToJson());
        Assert.Equal(record.Input.Identifiers, back.Input.Identifiers);
        Assert.Equal(record.Matches.Single().Identifiers, back.Matches.Single().Identifiers);
        Assert.Equal(record.Suppressions[0].Decision, back.Suppressions[0].Decision);
        Assert.Equal(["test"], back.Filters["screener.lists"]);
        Assert.Equal(["Organization"], back.Filters["request.entityTypes"]);
        Assert.Equal(record.ToJson(), ScreeningAuditRecord.FromJson(record.ToJson()).ToJson());
    }
}
