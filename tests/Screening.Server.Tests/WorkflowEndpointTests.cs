using System.Net;
using Microsoft.Extensions.Configuration;
using System.Text;
using System.Text.Json.Nodes;
using Screening.AllowLists;
using Screening.Audit;
using Screening.Watchlists;

namespace Screening.Server.Tests;

// The compliance workflow over HTTP: identifiers, customer key, threshold and filter in the requests; identifier
// evidence, suppressions and filters in the responses; the allow-list and the audit file from the service's settings.
public sealed class WorkflowEndpointTests : IDisposable
{
    private static readonly DateTimeOffset Reviewed = new(2026, 5, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly ListFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<(ServerFactory Factory, HttpClient Client)> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var factory = new ServerFactory(_folder.ListFile, settings);
        var client = factory.CreateClient();
        await Json.WaitReadyAsync(client);
        return (factory, client);
    }

    private async Task<string> AllowFileAsync()
    {
        var list = await new JsonWatchlistProvider(_folder.ListFile).LoadAsync();
        var path = Path.Combine(_folder.Folder, "allow.json");
        await JsonFileAllowListStore.WriteAsync(path,
        [
            new AllowDecision
            {
                CustomerKey = "C-1", ListId = "in-house", EntryId = "IH-1", EntryContentHash = EntryContentHash.Compute(list.Entries[0]),
                DecidedBy = "j.doe", DecidedAt = Reviewed, Reason = "Kupol LLC of Novosibirsk",
            },
        ]);
        return path;
    }

    [Fact]
    public async Task Screen_IdentifierOnly_MatchesWithEvidence()
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            var response = await Json.PostAsync(client, "/screen", new { identifiers = new[] { new { type = "INN", value = "1831083343" } }, id = "r1" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await Json.ReadAsync(response);
            Assert.True(body["hit"]!.GetValue<bool>());
            var match = body["matches"]![0]!;
            Assert.Equal("IH-1", Json.Str(match["entryId"]));
            Assert.Equal(0.95, match["score"]!.GetValue<double>());
            Assert.Equal("match", Json.Str(match["identifierEvidence"]![0]!["kind"]));
            Assert.Equal("inn", Json.Str(match["identifierEvidence"]![0]!["scheme"]));
            var id = body["identifiers"]![0]!;
            Assert.Equal(("INN", "inn", "valid"), (Json.Str(id["type"]), Json.Str(id["scheme"]), Json.Str(id["status"])));
            Assert.Null(body["suppressed"]);
            Assert.Null(body["filters"]);
        }
    }

    [Fact]
    public async Task Screen_InvalidIdentifier_ReportedAndNotCompared()
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            var body = await Json.ReadAsync(await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol", identifiers = new[] { new { type = "OGRN", value = "1021801434617" } } }));
            Assert.Equal("invalid", Json.Str(body["identifiers"]![0]!["status"]));
            Assert.Contains("check digit", Json.Str(body["identifiers"]![0]!["problem"]), StringComparison.Ordinal);
            Assert.True(body["hit"]!.GetValue<bool>()); // the name still matches
        }
    }

    [Fact]
    public async Task Screen_ThresholdAndFilter_AppliedAndEchoed()
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            var filtered = await Json.ReadAsync(await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol", filter = new { countries = new[] { "China" }, entityTypes = new[] { "organization" } } }));
            Assert.False(filtered["hit"]!.GetValue<bool>());
            Assert.Equal("CN", Json.Str(filtered["filters"]!["request"]!["countries"]![0]));
            Assert.Equal("organization", Json.Str(filtered["filters"]!["request"]!["entityTypes"]![0]));
            Assert.Null(filtered["filters"]!["service"]);

            var strict = await Json.ReadAsync(await Json.PostAsync(client, "/screen", new { name = "Izhevsk Electromechanical Plant Kupal", threshold = 0.99 }));
            Assert.False(strict["hit"]!.GetValue<bool>());
            Assert.Equal(0.99, strict["threshold"]!.GetValue<double>());
            var loose = await Json.ReadAsync(await Json.PostAsync(client, "/screen", new { name = "Izhevsk Electromechanical Plant Kupal" }));
            Assert.True(loose["hit"]!.GetValue<bool>());
        }
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"threshold\":1.5}", "threshold must be greater than 0")]
    [InlineData("{\"identifiers\":[{\"type\":\"INN\"}]}", "identifiers[0]: type and value are required")]
    [InlineData("{\"country\":\"RU\"}", "name is required")]
    [InlineData("{\"name\":\"x\",\"filter\":{\"countries\":[\"Atlantis\"]}}", "filter.countries")]
    public async Task Screen_BadWorkflowInput_IsAProblemDocument(string body, string expected)
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            var response = await client.PostAsync("/screen", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(expected, Json.Str((await Json.ReadAsync(response))["detail"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AllowListAndAuditFile_FromSettings_SuppressAndRecord()
    {
        var audit = Path.Combine(_folder.Folder, "audit.jsonl");
        var (factory, client) = await StartAsync(new()
        {
            ["Screening:Server:AllowListFile"] = await AllowFileAsync(),
            ["Screening:Server:AuditFile"] = audit,
        });
        using (factory)
        {
            var quiet = await Json.ReadAsync(await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol", customerKey = "C-1", id = "q" }));
            Assert.False(quiet["hit"]!.GetValue<bool>());
            Assert.Empty(quiet["matches"]!.AsArray());
            Assert.Equal("C-1", Json.Str(quiet["customerKey"]));
            var suppressed = quiet["suppressed"]![0]!;
            Assert.Equal("IH-1", Json.Str(suppressed["entryId"]));
            Assert.Equal(("suppressed", "j.doe", "Kupol LLC of Novosibirsk"),
                (Json.Str(suppressed["allowList"]!["outcome"]), Json.Str(suppressed["allowList"]!["decidedBy"]), Json.Str(suppressed["allowList"]!["reason"])));

            var loud = await Json.ReadAsync(await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol", customerKey = "C-2", id = "l" }));
            Assert.True(loud["hit"]!.GetValue<bool>());

            // The batch applies them per row too.
            var batch = await Json.ReadAsync(await Json.PostAsync(client, "/screen/batch", new object[]
            {
                new { name = "IEMZ Kupol", customerKey = "C-1", id = "b1" },
                new { name = "IEMZ Kupol", id = "b2" },
            }));
            Assert.False(batch["results"]![0]!["hit"]!.GetValue<bool>());
            Assert.True(batch["results"]![1]!["hit"]!.GetValue<bool>());
        }
        // Stopping the service flushes the audit file: one record per screen.
        var records = File.ReadAllLines(audit).Select(ScreeningAuditRecord.FromJson).ToDictionary(r => r.RequestId!);
        Assert.Equal(["b1", "b2", "l", "q"], records.Keys.Order(StringComparer.Ordinal));
        Assert.False(records["q"].Hit);
        Assert.Equal(AllowOutcome.Suppressed, Assert.Single(records["q"].Suppressions).Outcome);
        Assert.Equal("C-1", records["q"].Input.CustomerKey);
        Assert.True(records["l"].Hit);
    }

    // Started directly rather than through WebApplicationFactory, whose entry-point thread raced the failed start
    // (once in CI the factory reported an ObjectDisposedException instead of the start's own error).
    [Fact]
    public async Task AllowListFile_Missing_StopsTheStart()
    {
        var settings = ServerFactory.Defaults(_folder.ListFile);
        settings["Screening:Server:AllowListFile"] = Path.Combine(_folder.Folder, "none.json");
        settings["urls"] = "http://127.0.0.1:0";
        var ex = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            // The options are checked when the app is built (or, failing that, when it starts): either refuses.
            await using var app = ScreeningServer.Build([], b => b.Configuration.AddInMemoryCollection(settings));
            await app.StartAsync();
        });
        Assert.Contains("AllowListFile: file not found", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceFilter_FromSettings_AppliesAndIsEchoed()
    {
        var (factory, client) = await StartAsync(new() { ["Screening:Filter:Countries:0"] = "CN" });
        using (factory)
        {
            var body = await Json.ReadAsync(await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol" }));
            Assert.False(body["hit"]!.GetValue<bool>());
            Assert.Equal("CN", Json.Str(body["filters"]!["service"]!["countries"]![0]));
            var shenzhen = await Json.ReadAsync(await Json.PostAsync(client, "/screen", new { name = "Shenzhen Example Electronics Co Ltd" }));
            Assert.True(shenzhen["hit"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Batch_JsonAndNdjson_CarryIdentifiersThresholdsAndFilters()
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            var body = await Json.ReadAsync(await Json.PostAsync(client, "/screen/batch", new object[]
            {
                new { id = "a", identifiers = new[] { new { type = "Tax ID No.", value = "1831083343", country = "RU" } } },
                new { id = "b", name = "Izhevsk Electromechanical Plant Kupal", threshold = 0.99 },
                new { id = "c", name = "IEMZ Kupol", filter = new { lists = new[] { "in-house" }, tags = new[] { "sector:drones" } } },
                new { id = "d", name = "x", threshold = 7 },
            }));
            var results = body["results"]!.AsArray();
            Assert.Equal(["a", "b", "c", "d"], results.Select(r => Json.Str(r!["id"])));
            Assert.Equal("match", Json.Str(results[0]!["matches"]![0]!["identifierEvidence"]![0]!["kind"]));
            Assert.False(results[1]!["hit"]!.GetValue<bool>());
            Assert.True(results[2]!["hit"]!.GetValue<bool>());
            Assert.Equal("sector:drones", Json.Str(results[2]!["filters"]!["request"]!["tags"]![0]));
            Assert.Contains("threshold", Json.Str(results[3]!["error"]), StringComparison.Ordinal);

            var ndjson = "{\"id\":\"n1\",\"identifiers\":[{\"type\":\"INN\",\"value\":\"1831083343\"}]}\n{\"id\":\"n2\",\"name\":\"IEMZ Kupol\",\"filter\":{\"countries\":[\"CN\"]}}\n";
            var stream = await client.PostAsync("/screen/batch", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
            var rows = (await stream.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.True(rows[0]["hit"]!.GetValue<bool>());
            Assert.Equal("IH-1", Json.Str(rows[0]["matches"]![0]!["entryId"]));
            Assert.False(rows[1]["hit"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task YenteMatch_IdentifierProperties_ScreenedAsIdentifiers()
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            var request = new
            {
                queries = new Dictionary<string, object>
                {
                    ["byInn"] = new { schema = "Company", properties = new Dictionary<string, object> { ["innCode"] = "1831083343" } },
                    ["byRegistration"] = new { schema = "Company", properties = new Dictionary<string, object> { ["name"] = "Some Renamed Firm", ["taxNumber"] = "1831083343", ["jurisdiction"] = "ru" } },
                    ["wrongInn"] = new { schema = "Company", properties = new Dictionary<string, object> { ["name"] = "IEMZ Kupol", ["innCode"] = "5406123450" } },
                },
            };
            var response = await Json.PostAsync(client, "/match/default", request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await Json.ReadAsync(response);
            foreach (var key in new[] { "byInn", "byRegistration" })
            {
                var top = body["responses"]![key]!["results"]![0]!;
                Assert.Equal("in-house-IH-1", Json.Str(top["id"]));
                Assert.Equal(0.95, top["score"]!.GetValue<double>());
                Assert.True(top["match"]!.GetValue<bool>());
                var feature = top["explanations"]!["screening_identifier"]!;
                Assert.Equal(1, feature["score"]!.GetValue<double>());
                Assert.Contains("1831083343 matches", Json.Str(feature["detail"]), StringComparison.Ordinal);
            }
            var wrong = body["responses"]!["wrongInn"]!["results"]![0]!;
            Assert.InRange(wrong["score"]!.GetValue<double>(), 0.8, 0.9); // (name + type hint) x 0.85
            Assert.Equal(0, wrong["explanations"]!["screening_identifier"]!["score"]!.GetValue<double>());

            var none = await Json.PostAsync(client, "/match/default", new { queries = new { q = new { schema = "Company", properties = new { country = "ru" } } } });
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        }
    }

    [Fact]
    public async Task OpenApi_DescribesTheWorkflowMembers()
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            var openApi = (await client.GetStringAsync("/openapi/v1.json"));
            foreach (var member in new[] { "identifiers", "customerKey", "filter", "identifierEvidence", "suppressed", "allowList", "entityTypes" })
                Assert.Contains($"\"{member}\"", openApi, StringComparison.Ordinal);
        }
    }
}
