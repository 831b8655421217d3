using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Screening.Server.Contracts;
using Screening.Watchlists;

namespace Screening.Server.Tests;

// The lean single-screen path: generated JSON with the documented shapes, bodies read whole, bad bodies refused with a
// problem naming the fault, no per-request hosting log scope, and metrics that can be turned off.
public sealed class HotPathTests : IDisposable
{
    private readonly ListFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // What the service wrote before its bodies were source-generated: ASP.NET Core's web defaults with reflection.
    private static readonly JsonSerializerOptions s_reflection = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly ListResponse[] s_lists =
    [
        new() { Id = "ofac-sdn", Name = "OFAC SDN List", Version = "sha256:b43fc84ddd47", Sha256 = new string('a', 64), Entries = 14965 },
        new() { Id = "in-house", Name = "In-house \"list\" <ü>", Version = "2026-11-01", PublishedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), Entries = 2 },
    ];

    private static ScreenResponse Sample(string? id) => new()
    {
        Id = id,
        Query = "ООО «Купол» 'JSC' & <co>",
        NormalizedQuery = "OOO KUPOL JSC CO",
        Hit = true,
        Threshold = 0.8,
        ScreenedAt = new DateTimeOffset(2026, 12, 3, 4, 5, 6, 789, TimeSpan.Zero).AddTicks(1234),
        Matches =
        [
            new MatchResponse
            {
                ListId = "ofac-sdn", EntryId = "40989", PrimaryName = "IEMZ KUPOL", MatchedName = "KUPOL", MatchedNameStrength = NameStrength.Strong,
                Score = 0.9512, Explanation = "Matched strong alias \"KUPOL\"; 'KUPOL' = 'КУПОЛ'; score 0.951 >= threshold 0.80.",
                EntityType = EntityType.Organization, Countries = ["RU"], Programs = ["RUSSIA-EO14024", "UKRAINE-EO13662"],
            },
            new MatchResponse
            {
                ListId = "in-house", EntryId = "IH-2", PrimaryName = "X", MatchedName = "Y", MatchedNameStrength = NameStrength.Former,
                Score = 0.8, Explanation = "e", EntityType = EntityType.Unknown,
            },
        ],
        Lists = s_lists,
    };

    [Fact]
    public void GeneratedJson_EveryResponseBody_IsWrittenAsTheReflectionSerializerWroteIt()
    {
        Assert.Equal(JsonSerializer.Serialize(Sample("ref-1"), s_reflection), JsonSerializer.Serialize(Sample("ref-1"), ServerJsonContext.Default.ScreenResponse));
        var error = new ScreenResponse { Query = "", Error = "line 3: name is required", Threshold = 0.8, ScreenedAt = DateTimeOffset.UnixEpoch };
        Assert.Equal(JsonSerializer.Serialize(error, s_reflection), JsonSerializer.Serialize(error, ServerJsonContext.Default.ScreenResponse));
        var batch = new BatchResponse { Lists = s_lists, Results = [Sample(null), error] };
        Assert.Equal(JsonSerializer.Serialize(batch, s_reflection), JsonSerializer.Serialize(batch, ServerJsonContext.Default.BatchResponse));
        var lists = new ListsResponse { Lists = s_lists };
        Assert.Equal(JsonSerializer.Serialize(lists, s_reflection), JsonSerializer.Serialize(lists, ServerJsonContext.Default.ListsResponse));
        var health = new HealthResponse
        {
            Status = "Degraded",
            Checks = new Dictionary<string, HealthCheckResponse>
            {
                ["screening"] = new()
                {
                    Status = "Degraded", Description = null,
                    Data = new Dictionary<string, object> { ["lastRefresh"] = DateTimeOffset.UnixEpoch, ["lastError"] = "boom", ["list:x"] = "v (2 entries)" },
                },
            },
        };
        Assert.Equal(JsonSerializer.Serialize(health, s_reflection), JsonSerializer.Serialize(health, ServerJsonContext.Default.HealthResponse));
        var match = new MatchResponseSet
        {
            Limit = 5,
            Lists = s_lists,
            Responses = new Dictionary<string, EntityMatches>
            {
                ["q1"] = new()
                {
                    Results =
                    [
                        new ScoredEntity
                        {
                            Id = "ofac-sdn-1", Caption = "IEMZ KUPOL", Schema = "Organization", Datasets = ["ofac-sdn"], Referents = ["1"], Score = 0.95, Match = true,
                            Properties = new Dictionary<string, List<string>> { ["name"] = ["IEMZ KUPOL"], ["topics"] = ["sanction"] },
                            Explanations = new Dictionary<string, FeatureResult> { ["screening_name"] = new("why", 0.95) },
                        },
                    ],
                    Total = new TotalSpec(1),
                    Query = new EntityExampleResponse { Schema = "Company", Properties = new Dictionary<string, List<string>> { ["name"] = ["Kupol"] } },
                },
            },
        };
        Assert.Equal(JsonSerializer.Serialize(match, s_reflection), JsonSerializer.Serialize(match, ServerJsonContext.Default.MatchResponseSet));
    }

    [Fact]
    public void GeneratedJson_Requests_ReadCamelCaseEnumsAnyCase()
    {
        var request = JsonSerializer.Deserialize("""{"NAME":"Kupol","type":"organization","Country":"RU","id":"r"}""", ServerJsonContext.Default.ScreenRequest)!;
        Assert.Equal(("Kupol", EntityType.Organization, "RU", "r"), (request.Name, request.Type, request.Country, request.Id));
        Assert.Equal(EntityType.Vessel, JsonSerializer.Deserialize("""{"name":"x","type":"Vessel"}""", ServerJsonContext.Default.ScreenRequest)!.Type);
    }

    [Fact]
    public void GeneratedJson_Responses_TakeTheFastPath()
    {
        // A converter in the context's options switches the generated fast path off for every type: enums get theirs
        // on their properties instead.
        Assert.Empty(ServerJsonContext.Default.Options.Converters);
        Assert.NotNull(ServerJsonContext.Default.ScreenResponse.SerializeHandler);
        Assert.NotNull(ServerJsonContext.Default.ListResponse.SerializeHandler);
        Assert.NotNull(ServerJsonContext.Default.BatchResponse.SerializeHandler);
    }

    [Fact]
    public async Task Screen_MalformedBodies_AreProblemDocumentsNamingTheFault()
    {
        using var factory = new ServerFactory(_folder.ListFile);
        var client = factory.CreateClient();
        await Json.WaitReadyAsync(client);

        async Task<(HttpStatusCode Status, string? Detail)> Post(string body, string contentType = "application/json")
        {
            var response = await client.PostAsync("/screen", new StringContent(body, Encoding.UTF8, contentType));
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (response.StatusCode, (await Json.ReadAsync(response))["detail"]?.GetValue<string>());
        }

        var badType = await Post("""{"name":"x","type":"banana"}""");
        Assert.Equal(HttpStatusCode.BadRequest, badType.Status);
        Assert.Contains("$.type", badType.Detail, StringComparison.Ordinal);
        var trailing = await Post("""{"name":"IEMZ Kupol"} {"name":"x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, trailing.Status);
        Assert.Contains("not a valid request", trailing.Detail, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "The body must be a JSON object."), await Post("null"));
        Assert.Equal(HttpStatusCode.BadRequest, (await Post("")).Status);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Post("""{"name":"IEMZ Kupol"}""", "text/plain")).Status);
    }

    [Fact]
    public async Task Screen_Response_CarriesItsLength()
    {
        using var factory = new ServerFactory(_folder.ListFile);
        var client = factory.CreateClient();
        await Json.WaitReadyAsync(client);
        var response = await client.PostAsync("/screen", new StringContent("""{"name":"IEMZ Kupol"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.True(JsonDocument.Parse(bytes).RootElement.GetProperty("hit").GetBoolean());
    }

    [Fact]
    public async Task Logging_HostingDiagnostics_IsOffSoRequestsCostNoActivityOrLogScope()
    {
        // At any enabled level ASP.NET Core starts an Activity and a log scope for every request (HostingApplicationDiagnostics).
        using var factory = new ServerFactory(_folder.ListFile);
        _ = factory.CreateClient();
        var loggers = factory.Services.GetRequiredService<ILoggerFactory>();
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Critical));
        Assert.True(loggers.CreateLogger("Screening.Hosting.ListRefreshService").IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task Metrics_TurnedOff_ServesNoExporterAndStillScreens()
    {
        using var factory = new ServerFactory(_folder.ListFile, new Dictionary<string, string?> { ["Screening:Server:Metrics"] = "false" });
        var client = factory.CreateClient();
        await Json.WaitReadyAsync(client);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        var screen = await Json.PostAsync(client, "/screen", new { name = "IEMZ Kupol" });
        Assert.True((await Json.ReadAsync(screen))["hit"]!.GetValue<bool>());
    }
}
