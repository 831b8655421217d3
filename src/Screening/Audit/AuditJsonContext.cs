using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Screening.Audit;

/// <summary>The source-generated serializer of audit records: camelCase names, enums as strings, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScreeningAuditRecord))]
internal sealed partial class AuditJsonContext : JsonSerializerContext
{
    /// <summary>The same, with Cyrillic and Han names (and '+') written as they are rather than as \u escapes.</summary>
    public static AuditJsonContext Relaxed => RelaxedHolder.Context;

    // Built on first use: the order of static initializers across the partial class's files is not defined.
    private static class RelaxedHolder
    {
        public static readonly AuditJsonContext Context = new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
