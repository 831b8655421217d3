using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Screening.Server.Endpoints;

/// <summary>
/// A JSON response serialized with generated code into a buffer first, so it goes out with a Content-Length in one
/// write (no chunked encoding, no second flush) rather than streamed by the serializer.
/// </summary>
internal sealed class JsonBody<T>(T value, JsonTypeInfo<T> typeInfo, int statusCode = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public Task ExecuteAsync(HttpContext http) => JsonBody.WriteAsync(http, value, typeInfo, statusCode);
}

internal static class JsonBody
{
    public const string ContentType = "application/json; charset=utf-8";

    // Bodies above this are flushed at once rather than left for Kestrel to send when the request ends; the buffer of a
    // thread is dropped after one so that a large batch does not pin megabytes per thread.
    private const int LargeBody = 64 * 1024;

    // One buffer and writer per thread: each is used from start to end of a synchronous serialize-and-copy, never
    // across an await, so a thread-pool thread can reuse them for its next response.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    public static Task WriteAsync<T>(HttpContext http, T value, JsonTypeInfo<T> typeInfo, int statusCode = StatusCodes.Status200OK)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer;
        // The writer escapes as the options say (the serializer writes through the writer's settings).
        if (writer is null || writer.Options.Encoder != typeInfo.Options.Encoder)
            t_writer = writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = typeInfo.Options.Encoder, SkipValidation = true });
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, typeInfo);
        writer.Flush();

        var response = http.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = buffer.WrittenCount;
        // Copied into Kestrel's pipe before returning: the buffer is free again once this call is done.
        response.BodyWriter.Write(buffer.WrittenSpan);
        if (buffer.WrittenCount <= LargeBody) return Task.CompletedTask;
        t_buffer = null;
        t_writer = null;
        return response.BodyWriter.FlushAsync(http.RequestAborted).AsTask();
    }
}
