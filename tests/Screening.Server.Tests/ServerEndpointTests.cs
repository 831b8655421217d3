using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Screening.Watchlists;

namespace Screening.Server.Tests;

// The service in process (WebApplicationFactory): every endpoint, its errors, and the refresh behind it.
public sealed class ServerEndpointTests : IDisposable
{
    private readonly ListFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<(ServerFactory Factory, HttpClient Client)> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var factory = new ServerFactory(_folder.ListFile, settings);
        var client = factory.CreateClient();
        await Json.WaitReadyAsync(client);
        return (factory, client);
    }

    [Fact]
    public async Task Screen_ListedName_ReturnsTheHitWithListVersions()
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            var response = await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol", country = "RU", type = "organization", id = "ref-1" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await Json.ReadAsync(response);
            Assert.True(body["hit"]!.GetValue<bool>());
            Assert.Equal("ref-1", Json.Str(body["id"]));
            var match = body["matches"]![0]!;
            Assert.Equal("IH-1", Json.Str(match["entryId"]));
            Assert.Equal("strong", Json.Str(match["matchedNameStrength"]));
            Assert.Equal("organization", Json.Str(match["entityType"]));
            var list = body["lists"]![0]!;
            Assert.Equal("in-house", Json.Str(list["id"]));
            Assert.Equal("2026-11-01", Json.Str(list["version"]));
            Assert.Equal(64, Json.Str(list["sha256"]).Length);
        }
    }

    [Fact]
    public async Task Screen_BadInput_IsAProblemDocument()
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            var empty = await Json.PostAsync(client, "/screen", new { name = "   " });
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
            Assert.Contains("empty", Json.Str((await Json.ReadAsync(empty))["detail"]), StringComparison.Ordinal);

            var missing = await Json.PostAsync(client, "/screen", new { country = "RU" });
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

            var badType = await client.PostAsync("/screen", new StringContent("{\"name\":\"x\",\"type\":\"banana\"}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
            Assert.Equal("application/problem+json", badType.Content.Headers.ContentType?.MediaType);

            var notJson = await client.PostAsync("/screen", new StringContent("{name", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        }
    }

    [Fact]
    public async Task Batch_JsonArray_ReturnsResultsInInputOrderWithTheListsOnce()
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            var response = await Json.PostAsync(client, "/screen/batch", new object[]
            {
                new { name = "Acme Bakery", id = "a" },
                new { name = "JSC IEMZ Kupol", id = "b" },
                new { name = "", id = "c" },
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await Json.ReadAsync(response);
            Assert.Equal("in-house", Json.Str(body["lists"]![0]!["id"]));
            var results = body["results"]!.AsArray();
            Assert.Equal(["a", "b", "c"], results.Select(r => Json.Str(r!["id"])));
            Assert.False(results[0]!["hit"]!.GetValue<bool>());
            Assert.True(results[1]!["hit"]!.GetValue<bool>());
            Assert.NotNull(results[2]!["error"]);
            Assert.Null(results[1]!["lists"]);
        }
    }

    [Fact]
    public async Task Batch_OverTheLimit_IsRefusedWithAHintToStream()
    {
        var (factory, client) = await StartAsync(new() { ["Screening:Server:MaxBatchSize"] = "2" });
        using (factory)
        {
            var response = await Json.PostAsync(client, "/screen/batch", new object[] { new { name = "a" }, new { name = "b" }, new { name = "c" } });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("x-ndjson", Json.Str((await Json.ReadAsync(response))["detail"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Batch_Ndjson_StreamsOneResultPerLineInOrder()
    {
        var (factory, client) = await StartAsync(new() { ["Screening:Server:MaxBatchSize"] = "2" });
        using (factory)
        {
            var lines = new StringBuilder();
            for (var i = 0; i < 600; i++) lines.Append(i == 300 ? "not json\n" : $"{{\"id\":\"r{i}\",\"name\":\"{(i % 2 == 0 ? "IEMZ Kupol" : "Acme Bakery")}\"}}\n");
            var response = await client.PostAsync("/screen/batch", new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
            var rows = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(600, rows.Count);
            Assert.Equal("r0", Json.Str(rows[0]["id"]));
            Assert.True(rows[0]["hit"]!.GetValue<bool>());
            Assert.False(rows[1]["hit"]!.GetValue<bool>());
            Assert.Contains("line 301", Json.Str(rows[300]["error"]), StringComparison.Ordinal);
            Assert.Equal("r599", Json.Str(rows[599]["id"]));
            Assert.All(rows, r => Assert.Equal("in-house", Json.Str(r["lists"]![0]!["id"])));
        }
    }

    [Fact]
    public async Task Lists_ReturnsIdsVersionsAndCounts()
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            var body = await Json.ReadAsync(await client.GetAsync("/lists"));
            var list = body["lists"]![0]!;
            Assert.Equal("in-house", Json.Str(list["id"]));
            Assert.Equal(2, list["entries"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Health_BeforeAndAfterTheLoad()
    {
        var held = new CountingProvider(new JsonWatchlistProvider(_folder.ListFile), holdFirstLoad: true);
        using var factory = new ServerFactory(null, services: s => s.AddSanctionsScreening().AddProvider(held));
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var notReady = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("Unhealthy", Json.Str((await Json.ReadAsync(notReady))["status"]));
        var screen = await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, screen.StatusCode);
        Assert.Equal("application/problem+json", screen.Content.Headers.ContentType?.MediaType);

        held.Release();
        var ready = await Json.WaitReadyAsync(client);
        Assert.Equal("Healthy", Json.Str(ready["status"]));
        Assert.Equal(HttpStatusCode.OK, (await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol" })).StatusCode);
    }

    [Fact]
    public async Task Refresh_ChangedFile_IsServedAndAFailedRefreshKeepsServing()
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            _folder.Publish("HANGZHOU NEWLY LISTED TRADING", "2026-12-01");
            await Eventually.TrueAsync(() => Json.Str(Json.ReadAsync(client.GetAsync("/lists").Result).Result["lists"]![0]!["version"]) == "2026-12-01",
                "the changed file is served");
            var hit = await Json.ReadAsync(await Json.PostAsync(client, "/screen", new { name = "Hangzhou Newly Listed Trading" }));
            Assert.True(hit["hit"]!.GetValue<bool>());

            _folder.Corrupt();
            await Eventually.TrueAsync(() => Json.Str(Json.ReadAsync(client.GetAsync("/readyz").Result).Result["status"]) == "Degraded",
                "the failed refresh shows as Degraded");
            var still = await Json.ReadAsync(await Json.PostAsync(client, "/screen", new { name = "Hangzhou Newly Listed Trading" }));
            Assert.True(still["hit"]!.GetValue<bool>());
            Assert.Equal("2026-12-01", Json.Str(still["lists"]![0]!["version"]));
        }
    }

    [Fact]
    public async Task ApiKey_Configured_RefusesRequestsWithoutIt()
    {
        var (factory, client) = await StartAsync(new() { ["Screening:Server:ApiKey"] = "s3cret-key" });
        using (factory)
        {
            var refused = await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol" });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/lists")).StatusCode);

            client.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
            Assert.Equal(HttpStatusCode.Unauthorized, (await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol" })).StatusCode);
            client.DefaultRequestHeaders.Remove("X-Api-Key");
            client.DefaultRequestHeaders.Add("X-Api-Key", "s3cret-key");
            Assert.Equal(HttpStatusCode.OK, (await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol" })).StatusCode);

            using var bearer = factory.CreateClient();
            bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-key");
            Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/lists")).StatusCode);
        }
    }

    [Fact]
    public async Task OversizedBody_IsRefusedWith413()
    {
        var (factory, client) = await StartAsync(new() { ["Screening:Server:MaxRequestBodyBytes"] = "2048" });
        using (factory)
        {
            var response = await Json.PostAsync(client, "/screen", new { name = new string('A', 5000) });
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Metrics_AndOpenApi_AreServed()
    {
        var (factory, client) = await StartAsync();
        using (factory)
        {
            await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol" });
            var metrics = await client.GetStringAsync("/metrics");
            Assert.Contains("screening_screens_total", metrics, StringComparison.Ordinal);
            Assert.Contains("screening_list_entries", metrics, StringComparison.Ordinal);
            var openApi = await Json.ReadAsync(await client.GetAsync("/openapi/v1.json"));
            var paths = openApi["paths"]!.AsObject().Select(p => p.Key).ToList();
            Assert.Contains("/screen", paths);
            Assert.Contains("/screen/batch", paths);
            Assert.Contains("/match/{dataset}", paths);
        }
    }
}
