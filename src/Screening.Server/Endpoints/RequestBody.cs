using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Screening.Server.Endpoints;

/// <summary>
/// Reads a small JSON request body whole from Kestrel's pipe and parses it synchronously with generated code: a body
/// that came in with the headers (the usual case) costs no await and no incremental-parse state, unlike the framework's
/// streaming binding. Bodies are bounded by Kestrel's request-body limit (413 beyond it).
/// </summary>
internal static class RequestBody
{
    public static async ValueTask<(T? Value, IResult? Error)> ReadJsonAsync<T>(HttpContext http, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!http.Request.HasJsonContentType())
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "Send the request as application/json."));
        var reader = http.Request.BodyReader;
        ReadResult read;
        try
        {
            while (true)
            {
                read = await reader.ReadAsync(http.RequestAborted);
                if (read.IsCompleted || read.IsCanceled) break;
                // Nothing consumed, everything examined: the next read returns once more of the body is in.
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException ex)
        {
            return (null, TypedResults.Problem(statusCode: ex.StatusCode, detail: ex.Message));
        }
        try
        {
            var body = read.Buffer;
            // Parsing a span validates the whole body (trailing content included); a multi-segment body is rare.
            var value = body.IsSingleSegment ? JsonSerializer.Deserialize(body.FirstSpan, typeInfo) : JsonSerializer.Deserialize(body.ToArray(), typeInfo);
            return value is null
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body is not a valid request: " + ex.Message));
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
    }
}
