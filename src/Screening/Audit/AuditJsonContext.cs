using System.Text.Json.Serialization;

namespace Screening;

/// <summary>The source-generated serializer of audit records: camelCase names, enums as strings, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScreeningAuditRecord))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
