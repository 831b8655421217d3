using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Screening.Watchlists;

namespace Screening.Cli;

/// <summary><c>screening screen "NAME"</c>: one name, every match explained.</summary>
internal static class ScreenCommand
{
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Cyrillic and Han names stay readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static async Task<int> RunAsync(Arguments args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var screener = await ListLoading.BuildScreenerAsync(args, cancellationToken).ConfigureAwait(false);
        var result = screener.Screen(args.Name, args.Country, args.Type);
        if (args.Format == "json")
            await stdout.WriteLineAsync(JsonSerializer.Serialize(result, JsonOptions)).ConfigureAwait(false);
        else
            await stdout.WriteAsync(FormatText(result)).ConfigureAwait(false);
        return args.FailOnHit && result.IsHit ? ExitCodes.Hit : ExitCodes.Success;
    }

    internal static string FormatText(ScreeningResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        Field(sb, "Query", result.Query);
        Field(sb, "Normalized", result.NormalizedQuery);
        Field(sb, "Threshold", result.Threshold.ToString("0.00##", inv));
        if (!string.IsNullOrEmpty(result.CountryHint)) Field(sb, "Country hint", result.CountryHint);
        if (result.EntityTypeHint is { } type) Field(sb, "Type hint", Lower(type));
        for (var i = 0; i < result.Lists.Count; i++)
        {
            var l = result.Lists[i];
            var line = new StringBuilder();
            line.Append(inv, $"{l.Id} ({l.DisplayName}) version {l.Version.Label}");
            if (l.Version.PublishedAt is { } p) line.Append(inv, $", published {p:yyyy-MM-dd}");
            line.Append(inv, $", {l.EntryCount:N0} entries");
            if (l.Version.Sha256 is { } sha) line.Append(inv, $", sha256 {sha}");
            Field(sb, i == 0 ? "Lists" : "", line.ToString());
        }
        sb.AppendLine();
        if (result.Matches.Count == 0)
        {
            sb.Append(inv, $"No match at or above the threshold {result.Threshold.ToString("0.00##", inv)}.").AppendLine();
            return sb.ToString();
        }
        sb.Append(inv, $"{result.Matches.Count} match{(result.Matches.Count == 1 ? "" : "es")}:").AppendLine();
        var n = 0;
        foreach (var m in result.Matches)
        {
            sb.AppendLine();
            sb.Append(inv, $"#{++n}  score {m.Score:0.0000}  list {m.ListId}  entry {m.EntryId}").AppendLine();
            var e = m.Entry;
            Item(sb, "Primary name", m.PrimaryName);
            Item(sb, "Matched name", $"{m.MatchedName} ({Describe(m.MatchedNameStrength)})");
            Item(sb, "Explanation", m.Explanation);
            Item(sb, "Type", Lower(e.Type));
            if (e.Programs.Count > 0) Item(sb, "Programs", string.Join(", ", e.Programs));
            if (e.Countries.Count > 0) Item(sb, "Countries", string.Join(", ", e.Countries));
            foreach (var id in e.Identifiers)
                Item(sb, "Identifier", id.Country is null ? $"{id.Type} {id.Value}" : $"{id.Type} {id.Value} ({id.Country})");
            if (e.Tags.Count > 0) Item(sb, "Tags", string.Join(", ", e.Tags));
            foreach (var a in e.Addresses)
                Item(sb, "Address", string.Join(", ", new[] { a.Street, a.City, a.Country ?? a.CountryCode }.Where(s => !string.IsNullOrWhiteSpace(s))));
            if (!string.IsNullOrWhiteSpace(e.Remarks)) Item(sb, "Remarks", e.Remarks);
            foreach (var s in e.Sources)
            {
                var text = new StringBuilder().Append(inv, $"{s.List} {s.EntryId}");
                if (s.Programs.Count > 0) text.Append(inv, $" [{string.Join(", ", s.Programs)}]");
                if (s.Date is not null) text.Append(inv, $" listed {s.Date}");
                if (s.Citation is not null) text.Append(inv, $" ({s.Citation})");
                Item(sb, "Source", text.ToString());
            }
            foreach (var l in e.Links)
                Item(sb, "Link", l.EntryId is null ? $"{l.Relationship}: {l.Name}" : $"{l.Relationship}: {l.Name} (entry {l.EntryId})");
            if (!string.IsNullOrWhiteSpace(e.SourceReference)) Item(sb, "Reference", e.SourceReference);
        }
        return sb.ToString();
    }

    private static void Field(StringBuilder sb, string label, string value) =>
        sb.Append((label.Length == 0 ? "" : label + ":").PadRight(14)).Append(Cli.OneLine(value)).AppendLine();

    private static void Item(StringBuilder sb, string label, string value) =>
        sb.Append("    ").Append((label + ":").PadRight(15)).Append(Cli.OneLine(value)).AppendLine();

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    internal static string Describe(NameStrength s) => s switch
    {
        NameStrength.Primary => "primary name",
        NameStrength.Strong => "strong alias",
        NameStrength.Weak => "weak alias",
        NameStrength.Former => "former name",
        _ => s.ToString().ToLowerInvariant(),
    };
}
