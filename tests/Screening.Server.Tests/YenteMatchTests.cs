using System.Net;
using System.Text.Json.Nodes;

namespace Screening.Server.Tests;

// A request as yente's clients send it, answered in yente's response shape.
public sealed class YenteMatchTests : IDisposable
{
    private readonly ListFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Match_CompanyQuery_AnsweredInYentesShape()
    {
        using var factory = new ServerFactory(_folder.ListFile);
        var client = factory.CreateClient();
        await Json.WaitReadyAsync(client);
        var request = new
        {
            queries = new Dictionary<string, object>
            {
                ["kupol"] = new { schema = "Company", properties = new Dictionary<string, object> { ["name"] = new[] { "IEMZ Kupol JSC" }, ["jurisdiction"] = "Russia" } },
                ["bakery"] = new { schema = "Organization", properties = new Dictionary<string, object> { ["name"] = "Acme Bakery", ["country"] = new[] { "de" } } },
                ["any"] = new { schema = "LegalEntity", properties = new Dictionary<string, object> { ["name"] = new[] { "Nothing Here", "АО ИЭМЗ Купол" } } },
            },
        };
        var response = await Json.PostAsync(client, "/match/default?limit=3", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", response.Headers.GetValues("x-batch-size").Single());
        var body = await Json.ReadAsync(response);
        Assert.Equal(3, body["limit"]!.GetValue<int>());

        var kupol = body["responses"]!["kupol"]!;
        Assert.Equal(200, kupol["status"]!.GetValue<int>());
        Assert.Equal("eq", Json.Str(kupol["total"]!["relation"]));
        Assert.True(kupol["total"]!["value"]!.GetValue<int>() >= 1, kupol.ToJsonString());
        Assert.Equal("Company", Json.Str(kupol["query"]!["schema"]));
        Assert.Equal("ru", Json.Str(kupol["query"]!["properties"]!["jurisdiction"]![0]));
        var top = kupol["results"]![0]!;
        Assert.Equal("in-house-IH-1", Json.Str(top["id"]));
        Assert.Equal("JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL", Json.Str(top["caption"]));
        Assert.Equal("Organization", Json.Str(top["schema"]));
        Assert.Contains("JSC IEMZ KUPOL", top["properties"]!["alias"]!.AsArray().Select(n => Json.Str(n)));
        Assert.Equal("ru", Json.Str(top["properties"]!["country"]![0]));
        Assert.Equal("in-house", Json.Str(top["datasets"]![0]));
        Assert.True(top["match"]!.GetValue<bool>());
        Assert.True(top["target"]!.GetValue<bool>());
        Assert.InRange(top["score"]!.GetValue<double>(), 0.8, 1.0);
        var feature = top["explanations"]!.AsObject().Single().Value!;
        Assert.Equal(top["score"]!.GetValue<double>(), feature["score"]!.GetValue<double>());
        Assert.NotNull(feature["detail"]);
        Assert.True(top.AsObject().ContainsKey("first_seen"));

        Assert.Empty(body["responses"]!["bakery"]!["results"]!.AsArray());
        Assert.Equal("in-house-IH-1", Json.Str(body["responses"]!["any"]!["results"]![0]!["id"]));
    }

    [Fact]
    public async Task Match_InvalidQueries_AreRefusedAsYenteDoes()
    {
        using var factory = new ServerFactory(_folder.ListFile);
        var client = factory.CreateClient();
        await Json.WaitReadyAsync(client);

        var person = await Json.PostAsync(client, "/match/default", new { queries = new { q = new { schema = "Person", properties = new { name = new[] { "John Doe" } } } } });
        Assert.Equal(HttpStatusCode.BadRequest, person.StatusCode);
        Assert.Contains("Person", Json.Str((await Json.ReadAsync(person))["detail"]), StringComparison.Ordinal);

        var noSchema = await Json.PostAsync(client, "/match/default", new { queries = new { q = new { properties = new { name = "Banana" } } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noSchema.StatusCode);

        var empty = await Json.PostAsync(client, "/match/default", new { queries = new { } });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var unknown = await Json.PostAsync(client, "/match/nosuchlist", new { queries = new { q = new { schema = "Company", properties = new { name = "Kupol" } } } });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var byList = await Json.PostAsync(client, "/match/in-house", new { queries = new { q = new { schema = "Company", properties = new { name = "IEMZ Kupol" } } } });
        Assert.Equal(HttpStatusCode.OK, byList.StatusCode);
    }
}
