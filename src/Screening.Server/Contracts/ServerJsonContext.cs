using System.Text.Json;
using System.Text.Json.Serialization;

namespace Screening.Server.Contracts;

// Compile-time JSON metadata and serialization code for every body the service reads or writes: no reflection on the
// request path, and responses take the generated fast path (ServerJsonContext.Default.X). Web defaults (camelCase,
// case-insensitive reading), nulls omitted: the shapes docs/server.md documents. Enums are camelCase strings through
// [JsonConverter] on their properties, not through the options: converters in the options turn the fast path off.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScreenRequest))]
[JsonSerializable(typeof(ScreenRequest[]))]
[JsonSerializable(typeof(ScreenResponse))]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(ListsResponse))]
[JsonSerializable(typeof(MatchQuery))]
[JsonSerializable(typeof(MatchResponseSet))]
[JsonSerializable(typeof(HealthResponse))]
// Runtime types of HealthResponse's data values (object-typed).
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;

/// <summary>An enum as a camelCase string (<c>"organization"</c>, <c>"strong"</c>); numbers are still read.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;

/// <summary>A list of enums as camelCase strings (<c>["organization","vessel"]</c>); numbers are still read.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class CamelCaseEnumListConverter<TEnum> : JsonConverter<IReadOnlyList<TEnum>>
    where TEnum : struct, Enum
{
    private static readonly JsonConverter<TEnum> Element =
        (JsonConverter<TEnum>)new CamelCaseEnumConverter<TEnum>().CreateConverter(typeof(TEnum), JsonSerializerOptions.Default);

    public override IReadOnlyList<TEnum>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"Expected an array of {typeof(TEnum).Name} values.");
        var values = new List<TEnum>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            values.Add(Element.Read(ref reader, typeof(TEnum), options));
        return values;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<TEnum> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var v in value) Element.Write(writer, v, options);
        writer.WriteEndArray();
    }
}
