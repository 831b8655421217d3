using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Screening.Server.Contracts;

namespace Screening.Server.Endpoints;

internal static class ScreenEndpoints
{
    public const string NdjsonContentType = "application/x-ndjson";

    // NDJSON rows screened per step: large enough to use every core, small enough to stream.
    private const int StreamChunk = 256;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/screen", Screen)
            .WithName("Screen")
            .WithSummary("Screens one name (or identifiers), with optional hints, identifiers, customer key, threshold and filter.")
            .Accepts<ScreenRequest>("application/json")
            .Produces<ScreenResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/screen/batch", Batch)
            .WithName("ScreenBatch")
            .WithSummary("Screens many names: a JSON array (up to MaxBatchSize) or an NDJSON stream (one request per line, results streamed as NDJSON).")
            .Accepts<ScreenRequest[]>("application/json", NdjsonContentType)
            .Produces<BatchResponse>(StatusCodes.Status200OK, "application/json")
            .Produces<ScreenResponse>(StatusCodes.Status200OK, NdjsonContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/lists", Lists)
            .WithName("Lists")
            .WithSummary("The lists being screened, with versions and entry counts.")
            .Produces<ListsResponse>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    public static ProblemHttpResult NotReady() => TypedResults.Problem(
        detail: "The screening lists are not loaded yet; see /readyz.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");

    // The hot path: the body read whole and parsed with generated code, the screen run inline (CPU work), the answer
    // serialized into a buffer and sent with its length (Endpoints/RequestBody, Endpoints/JsonBody).
    private static async ValueTask<IResult> Screen(HttpContext http, ScreenerLoader loader)
    {
        if (!TryGetScreener(loader, out var screener)) return NotReady();
        var (request, problem) = await RequestBody.ReadJsonAsync(http, ServerJsonContext.Default.ScreenRequest);
        if (problem is not null) return problem;
        if (Mapping.Request(request!, out var error) is not { } screen) return TypedResults.Problem(detail: error, statusCode: 400, title: "The request cannot be screened");
        ScreeningResult result;
        try
        {
            result = screener.Screen(screen);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(detail: ex.Message, statusCode: 400, title: "The name cannot be screened");
        }
        return new JsonBody<ScreenResponse>(Mapping.Result(result, withLists: true), ServerJsonContext.Default.ScreenResponse);
    }

    private static IResult Lists(ScreenerLoader loader)
    {
        if (!TryGetScreener(loader, out var screener)) return NotReady();
        return new JsonBody<ListsResponse>(new ListsResponse { Lists = Mapping.Lists(screener.Lists) }, ServerJsonContext.Default.ListsResponse);
    }

    // The screener once loaded, without waiting: before the load the endpoints answer 503 rather than block.
    public static bool TryGetScreener(ScreenerLoader loader, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Screener? screener)
    {
        screener = null;
        if (!loader.IsLoaded) return false;
        var load = loader.GetScreenerAsync();
        if (!load.IsCompletedSuccessfully) return false;
        screener = load.Result;
        return true;
    }

    private static async Task<IResult> Batch(HttpContext http, ScreenerLoader loader, IOptions<ServerOptions> options)
    {
        if (!TryGetScreener(loader, out var screener)) return NotReady();
        var contentType = http.Request.ContentType ?? "";
        try
        {
            if (contentType.StartsWith(NdjsonContentType, StringComparison.OrdinalIgnoreCase))
            {
                var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
                if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = options.Value.MaxStreamBodyBytes;
                await StreamAsync(http, screener);
                return TypedResults.Empty;
            }
            if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                return TypedResults.Problem(detail: $"Send application/json (an array of requests) or {NdjsonContentType}.", statusCode: 415);

            ScreenRequest?[]? requests;
            try
            {
                requests = await JsonSerializer.DeserializeAsync(http.Request.Body, ServerJsonContext.Default.ScreenRequestArray, http.RequestAborted);
            }
            catch (JsonException ex)
            {
                return TypedResults.Problem(detail: "The body is not a JSON array of requests: " + ex.Message, statusCode: 400);
            }
            if (requests is null) return TypedResults.Problem(detail: "The body must be a JSON array of requests.", statusCode: 400);
            if (requests.Length > options.Value.MaxBatchSize)
            {
                return TypedResults.Problem(statusCode: 400, detail:
                    $"{requests.Length} requests exceed the batch limit of {options.Value.MaxBatchSize}; send larger batches as {NdjsonContentType}.");
            }
            // A row that is not a request gets an error and the batch goes on, as a name that cannot be screened does.
            var output = new ScreenResponse?[requests.Length];
            var valid = new List<(int Index, ScreeningRequest Request)>(requests.Length);
            for (var i = 0; i < requests.Length; i++)
            {
                var r = requests[i];
                string? error = "the request is null";
                var row = r is null ? null : Mapping.Request(r, out error);
                if (row is not null) valid.Add((i, row));
                else output[i] = Mapping.Error(r?.Id, r?.Name ?? "", error!, screener.Threshold, DateTimeOffset.UtcNow, null);
            }
            // One chunk, so one snapshot: every row is screened against the lists named once in the response.
            var results = valid.Count == 0 ? [] : screener.ScreenMany(valid.Select(v => v.Request), chunkSize: valid.Count, cancellationToken: http.RequestAborted).ToArray();
            for (var k = 0; k < results.Length; k++) output[valid[k].Index] = Mapping.Result(results[k], withLists: false);
            var lists = results.Length > 0 ? results[0].Lists : screener.Lists;
            return new JsonBody<BatchResponse>(new BatchResponse { Lists = Mapping.Lists(lists), Results = output! }, ServerJsonContext.Default.BatchResponse);
        }
        catch (BadHttpRequestException ex)
        {
            if (http.Response.HasStarted) throw;
            return TypedResults.Problem(detail: ex.Message, statusCode: ex.StatusCode);
        }
    }

    // Reads one request per line and writes one result per line, in order, a chunk at a time: memory stays flat
    // whatever the body's size. A line that is not a request yields a row with an error; the stream goes on.
    private static async Task StreamAsync(HttpContext http, Screener screener)
    {
        var ct = http.RequestAborted;
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var lines = new List<(long Line, string Text)>(StreamChunk);
        long lineNo = 0;
        var buffer = new MemoryStream();
        // Headers go out with the first write, after the first chunk is read: a body over the limit is still a 413.
        http.Response.ContentType = NdjsonContentType;
        while (true)
        {
            lines.Clear();
            string? text;
            while (lines.Count < StreamChunk && (text = await reader.ReadLineAsync(ct)) is not null)
            {
                lineNo++;
                if (!string.IsNullOrWhiteSpace(text)) lines.Add((lineNo, text));
            }
            if (lines.Count == 0) break;
            buffer.SetLength(0);
            foreach (var row in ScreenChunk(screener, lines))
            {
                JsonSerializer.Serialize(buffer, row, ServerJsonContext.Default.ScreenResponse);
                buffer.WriteByte((byte)'\n');
            }
            await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
            await http.Response.Body.FlushAsync(ct);
        }
    }

    private static ScreenResponse[] ScreenChunk(Screener screener, List<(long Line, string Text)> lines)
    {
        var output = new ScreenResponse[lines.Count];
        var valid = new List<(int Index, ScreeningRequest Request)>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            ScreenRequest? r = null;
            ScreeningRequest? request = null;
            string? error;
            try
            {
                r = JsonSerializer.Deserialize(lines[i].Text, ServerJsonContext.Default.ScreenRequest);
                error = "the line is null";
                if (r is not null) request = Mapping.Request(r, out error);
            }
            catch (JsonException ex)
            {
                error = "not a JSON request: " + ex.Message;
            }
            if (request is not null) valid.Add((i, request));
            else output[i] = Mapping.Error(r?.Id, r?.Name ?? "", $"line {lines[i].Line}: {error}", screener.Threshold, DateTimeOffset.UtcNow, Mapping.Lists(screener.Lists));
        }
        if (valid.Count > 0)
        {
            var k = 0;
            foreach (var result in screener.ScreenMany(valid.Select(v => v.Request), chunkSize: valid.Count))
                output[valid[k++].Index] = Mapping.Result(result, withLists: true);
        }
        return output;
    }
}
