using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Screening.Server.Tests;

// The same service over real Kestrel on a loopback port chosen by the system.
public sealed class KestrelTests : IDisposable
{
    private readonly ListFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private WebApplication Build(string url, Dictionary<string, string?>? settings = null)
    {
        var all = ServerFactory.Defaults(_folder.ListFile);
        foreach (var (k, v) in settings ?? []) all[k] = v;
        return ScreeningServer.Build(["--urls", url], b => b.Configuration.AddInMemoryCollection(all));
    }

    private static HttpClient Client(WebApplication app) => new() { BaseAddress = new Uri(app.Urls.First()) };

    [Fact]
    public async Task Kestrel_ScreenBatchListsAndHealth()
    {
        await using var app = Build("http://127.0.0.1:0");
        await app.StartAsync();
        using var client = Client(app);
        Assert.NotEqual(0, new Uri(app.Urls.First()).Port);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        await Json.WaitReadyAsync(client);

        var screen = await Json.ReadAsync(await client.PostAsJsonAsync("/screen", new { name = "IEMZ Kupol" }));
        Assert.True(screen["hit"]!.GetValue<bool>());
        var batch = await Json.ReadAsync(await client.PostAsJsonAsync("/screen/batch", new[] { new { name = "IEMZ Kupol" }, new { name = "Acme Bakery" } }));
        Assert.Equal(2, batch["results"]!.AsArray().Count);
        var lists = await Json.ReadAsync(await client.GetAsync("/lists"));
        Assert.Equal("in-house", Json.Str(lists["lists"]![0]!["id"]));
        await app.StopAsync();
    }

    [Fact]
    public async Task Kestrel_Screen_IsSentWithContentLengthNotChunked()
    {
        await using var app = Build("http://127.0.0.1:0");
        await app.StartAsync();
        using var client = Client(app);
        await Json.WaitReadyAsync(client);
        foreach (var body in (string[])["{\"name\":\"IEMZ Kupol\"}", "{\"name\":\"Acme Bakery\"}"])
        {
            var response = await client.PostAsync("/screen", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
            Assert.Equal((await response.Content.ReadAsByteArrayAsync()).Length, response.Content.Headers.ContentLength);
        }
        await app.StopAsync();
    }

    [Fact]
    public async Task Kestrel_RefreshPicksUpAChangedFile()
    {
        await using var app = Build("http://127.0.0.1:0");
        await app.StartAsync();
        using var client = Client(app);
        await Json.WaitReadyAsync(client);
        _folder.Publish("HANGZHOU NEWLY LISTED TRADING", "2026-12-01");
        await Eventually.TrueAsync(() => Json.Str(Json.ReadAsync(client.GetAsync("/lists").Result).Result["lists"]![0]!["version"]) == "2026-12-01",
            "the changed file is served");
        await app.StopAsync();
    }

    [Fact]
    public async Task Kestrel_ApiKeyRequired_AndNetworkBindWithoutKeyRefused()
    {
        await using (var app = Build("http://127.0.0.1:0", new() { ["Screening:Server:ApiKey"] = "k-123" }))
        {
            await app.StartAsync();
            using var client = Client(app);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/screen", new { name = "IEMZ Kupol" })).StatusCode);
            client.DefaultRequestHeaders.Add("X-Api-Key", "k-123");
            await Eventually.TrueAsync(() => client.PostAsJsonAsync("/screen", new { name = "IEMZ Kupol" }).Result.StatusCode == HttpStatusCode.OK, "the key is accepted");
            await app.StopAsync();
        }

        await using var open = Build("http://0.0.0.0:0");
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => open.StartAsync());
        Assert.Contains("without an API key", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kestrel_OversizedBodies_AreRefusedWith413()
    {
        await using var app = Build("http://127.0.0.1:0", new()
        {
            ["Screening:Server:MaxRequestBodyBytes"] = "2048",
            ["Screening:Server:MaxStreamBodyBytes"] = "4096",
        });
        await app.StartAsync();
        using var client = Client(app);
        await Json.WaitReadyAsync(client);

        var big = await client.PostAsJsonAsync("/screen", new { name = new string('A', 5000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);

        // Chunked, so no Content-Length: Kestrel counts the bytes as they are read.
        var lines = string.Concat(Enumerable.Repeat("{\"name\":\"IEMZ Kupol\"}\n", 400));
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(lines)));
        content.Headers.ContentType = new("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/screen/batch") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var stream = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, stream.StatusCode);
        await app.StopAsync();
    }
}
