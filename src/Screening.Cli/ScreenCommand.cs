using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Screening.Identifiers;
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

    public static async Task<int> RunAsync(Arguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ScreeningResult result;
        var audit = ListLoading.OpenAudit(args);
        try
        {
            var screener = await ListLoading.BuildScreenerAsync(args, stderr, cancellationToken, audit).ConfigureAwait(false);
            // No name with --id: a lookup by identifier, which the library screens like any request.
            result = screener.Screen(new ScreeningRequest(args.Name ?? "", null, args.Country, args.Type)
            {
                Identifiers = args.Identifiers,
                CustomerKey = args.Customer,
            });
        }
        finally
        {
            // Written out and flushed before the verdict is shown: a screen the audit trail failed to record fails.
            if (audit is not null) await audit.DisposeAsync().ConfigureAwait(false);
        }

        if (args.Format == "json")
            await stdout.WriteLineAsync(FormatJson(result)).ConfigureAwait(false);
        else
            await stdout.WriteAsync(FormatText(result)).ConfigureAwait(false);
        return args.FailOnHit && result.IsHit ? ExitCodes.Hit : ExitCodes.Success;
    }

    // The result as the library serializes it; the suppressed matches are in allowListHits already.
    internal static string FormatJson(ScreeningResult result)
    {
        var node = JsonSerializer.SerializeToNode(result, JsonOptions)!.AsObject();
        node.Remove("suppressed");
        return node.ToJsonString(JsonOptions);
    }

    internal static string FormatText(ScreeningResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var byIdOnly = result.Query.Length == 0;
        Field(sb, "Query", byIdOnly ? "(no name: identifiers only)" : result.Query);
        if (!byIdOnly) Field(sb, "Normalized", result.NormalizedQuery);
        Field(sb, "Threshold", result.Threshold.ToString("0.00##", inv));
        if (!string.IsNullOrEmpty(result.CountryHint)) Field(sb, "Country hint", result.CountryHint);
        if (result.EntityTypeHint is { } type) Field(sb, "Type hint", Lower(type));
        Filters(sb, result);
        if (result.CustomerKey is { } key) Field(sb, "Customer key", key);
        Lists(sb, result.Lists);
        IdentifierLines(sb, result.Identifiers);
        sb.AppendLine();
        var suppressed = result.Suppressed.ToList();
        var n = 0;
        if (result.Matches.Count == 0)
        {
            sb.Append(inv, $"No match at or above the threshold {result.Threshold.ToString("0.00##", inv)}");
            sb.Append(suppressed.Count > 0 ? " that the allow-list does not suppress." : ".").AppendLine();
        }
        else
        {
            sb.Append(inv, $"{result.Matches.Count} match{(result.Matches.Count == 1 ? "" : "es")}:").AppendLine();
            foreach (var m in result.Matches)
            {
                sb.AppendLine();
                sb.Append(inv, $"#{++n}  score {m.Score:0.0000}  list {m.ListId}  entry {m.EntryId}").AppendLine();
                var e = m.Entry;
                Item(sb, "Primary name", m.PrimaryName);
                Item(sb, "Matched name", $"{m.MatchedName} ({Describe(m.MatchedNameStrength)})");
                Item(sb, "Explanation", m.Explanation);
                foreach (var ev in m.IdentifierEvidence) Item(sb, "Id evidence", ev.ToString());
                // A decision that no longer applies (the entry changed, or it expired): the match alerts again.
                foreach (var h in result.AllowListHits)
                    if (ReferenceEquals(h.Match, m)) Item(sb, "Allow-list", h.ToString());
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
        }
        if (suppressed.Count > 0)
        {
            sb.AppendLine();
            sb.Append(inv, $"{suppressed.Count} match{(suppressed.Count == 1 ? "" : "es")} suppressed by the allow-list (not alerts):").AppendLine();
            foreach (var h in suppressed)
            {
                var m = h.Match;
                sb.AppendLine();
                sb.Append(inv, $"#{++n}  score {m.Score:0.0000}  list {m.ListId}  entry {m.EntryId}  suppressed").AppendLine();
                Item(sb, "Primary name", m.PrimaryName);
                Item(sb, "Matched name", $"{m.MatchedName} ({Describe(m.MatchedNameStrength)})");
                Item(sb, "Explanation", m.Explanation);
                foreach (var ev in m.IdentifierEvidence) Item(sb, "Id evidence", ev.ToString());
                Item(sb, "Allow-list", h.ToString());
                if (h.Decision.ExpiresAt is { } expires) Item(sb, "Expires", expires.ToString("yyyy-MM-dd", inv));
            }
        }
        return sb.ToString();
    }

    // The screener's filter (the --only-* options) and the request's, as one line each.
    internal static void Filters(StringBuilder sb, ScreeningResult result)
    {
        if (result.ScreenerFilter is null && result.RequestFilter is null) return;
        var first = true;
        if (result.ScreenerFilter is { } s)
        {
            Field(sb, "Filters", s.ToString());
            first = false;
        }
        if (result.RequestFilter is { } r) Field(sb, first ? "Filters" : "", r + " (request)");
    }

    private static void Lists(StringBuilder sb, IReadOnlyList<WatchlistInfo> lists)
    {
        var inv = CultureInfo.InvariantCulture;
        for (var i = 0; i < lists.Count; i++)
        {
            var l = lists[i];
            var line = new StringBuilder();
            line.Append(inv, $"{l.Id} ({l.DisplayName}) version {l.Version.Label}");
            if (l.Version.PublishedAt is { } p) line.Append(inv, $", published {p:yyyy-MM-dd}");
            line.Append(inv, $", {l.EntryCount:N0} entries");
            if (l.RowsRejected > 0) line.Append(inv, $" ({l.RowsRejected:N0} of {l.RowsRead:N0} rows rejected)");
            if (l.MissingFiles.Count > 0) line.Append(inv, $", files missing: {string.Join(", ", l.MissingFiles.Select(Path.GetFileName))}");
            if (l.TruncatedFiles.Count > 0) line.Append(inv, $", may be cut short: {string.Join(", ", l.TruncatedFiles.Select(Path.GetFileName))}");
            if (l.Version.Sha256 is { } sha) line.Append(inv, $", sha256 {sha}");
            Field(sb, i == 0 ? "Lists" : "", line.ToString());
        }
    }

    private static void IdentifierLines(StringBuilder sb, IReadOnlyList<ScreenedIdentifier> identifiers)
    {
        for (var i = 0; i < identifiers.Count; i++)
            Field(sb, i == 0 ? "Identifiers" : "", Describe(identifiers[i]));
    }

    /// <summary>One identifier as given, its scheme and normalized value, and whether it is valid.</summary>
    internal static string Describe(ScreenedIdentifier id)
    {
        var scheme = id.Check.Kind == IdentifierKind.Other ? "any scheme, compared exactly:" : IdentifierNames.Of(id.Check.Kind);
        var label = id.Given.Type.Length == 0 ? "" : id.Given.Type + " ";
        return $"{label}{id.Given.Value} -> {scheme} {id.Check.Value}, {Status(id.Check)}";
    }

    internal static string Status(IdentifierCheck check) => check.Status switch
    {
        IdentifierStatus.Valid => "valid",
        IdentifierStatus.WellFormed => "well formed (no check digit)",
        IdentifierStatus.Invalid => $"INVALID ({check.Problem}): not compared",
        _ => "not validated",
    };

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
