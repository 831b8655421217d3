using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Screening.Server.Tests;

internal static class Json
{
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    public static async Task<JsonNode> WaitReadyAsync(HttpClient client)
    {
        JsonNode? body = null;
        await Eventually.TrueAsync(() =>
        {
            var r = client.GetAsync("/readyz").Result;
            if (!r.IsSuccessStatusCode) return false;
            body = JsonNode.Parse(r.Content.ReadAsStringAsync().Result);
            return true;
        }, "/readyz answers 200");
        return body!;
    }

    public static string Str(JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("missing");

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
