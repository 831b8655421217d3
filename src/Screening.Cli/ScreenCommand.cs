using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        var screener = await ListLoading.BuildScreenerAsync(args, stderr, cancellationToken).ConfigureAwait(false);
        var identifiers = new List<PreparedIdentifier>(IdentifierIndex.Prepare(args.Identifiers));
        // A name that is an identifier (1831083343, ИНН 1831083343) is also looked up as one.
        if (IdentifierRecognizer.TryRecognize(args.Name, out var recognized)) identifiers.Add(recognized);
        var result = args.Name is null ? null : screener.Screen(args.Name, args.Country, args.Type);
        RowOutcome outcome;
        await using (var workflow = await Workflow.CreateAsync(screener, args.Allow, args.Audit, identifiers.Count > 0, cancellationToken).ConfigureAwait(false))
            outcome = await workflow.ProcessAsync(result, identifiers, args.Customer, cancellationToken).ConfigureAwait(false);

        if (args.Format == "json")
            await stdout.WriteLineAsync(FormatJson(result, outcome)).ConfigureAwait(false);
        else
            await stdout.WriteAsync(result is null ? FormatIdentifiersOnly(screener, outcome) : FormatText(result, outcome)).ConfigureAwait(false);
        return args.FailOnHit && outcome.IsAlert(result) ? ExitCodes.Hit : ExitCodes.Success;
    }

    // The result as the library serializes it, plus what the options added (only when they were given).
    private static string FormatJson(ScreeningResult? result, RowOutcome outcome)
    {
        var node = result is null ? new JsonObject() : JsonSerializer.SerializeToNode(result, JsonOptions)!.AsObject();
        if (outcome.Identifiers.Count > 0)
        {
            node["identifiers"] = JsonSerializer.SerializeToNode(outcome.Identifiers.Select(i => new
            {
                type = i.Source.Type.Length == 0 ? null : i.Source.Type, value = i.Source.Value, scheme = i.Check.Kind, normalized = i.Check.Value, status = i.Check.Status, problem = i.Check.Problem,
            }), JsonOptions);
            if (result is not null)
            {
                var matches = node["matches"]!.AsArray();
                for (var i = 0; i < result.Matches.Count; i++)
                    if (outcome.Evidence.TryGetValue(result.Matches[i], out var ev)) matches[i]!["identifierEvidence"] = JsonSerializer.SerializeToNode(ev, JsonOptions);
            }
            node["foundByIdentifier"] = JsonSerializer.SerializeToNode(outcome.FoundByIdentifier.Select(h => new
            {
                listId = h.ListId, entryId = h.Entry.Id, name = h.Entry.PrimaryName, evidence = h.Evidence, entry = h.Entry,
            }), JsonOptions);
        }
        if (outcome.Allow is { } allow && result is not null)
        {
            node["alert"] = outcome.IsAlert(result);
            node["allowList"] = JsonSerializer.SerializeToNode(allow.Hits.Select(h => new { listId = h.Match.ListId, entryId = h.Match.EntryId, outcome = h.Outcome, decision = h.Decision }), JsonOptions);
        }
        return node.ToJsonString(JsonOptions);
    }

    private static string FormatIdentifiersOnly(Screener screener, RowOutcome outcome)
    {
        var sb = new StringBuilder();
        Field(sb, "Query", "(no name: identifiers only)");
        Lists(sb, screener.Lists);
        IdentifierLines(sb, outcome);
        FoundByIdentifier(sb, outcome, 0);
        return sb.ToString();
    }

    internal static string FormatText(ScreeningResult result) => FormatText(result, RowOutcome.None);

    internal static string FormatText(ScreeningResult result, RowOutcome outcome)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        Field(sb, "Query", result.Query);
        Field(sb, "Normalized", result.NormalizedQuery);
        Field(sb, "Threshold", result.Threshold.ToString("0.00##", inv));
        if (!string.IsNullOrEmpty(result.CountryHint)) Field(sb, "Country hint", result.CountryHint);
        if (result.EntityTypeHint is { } type) Field(sb, "Type hint", Lower(type));
        Lists(sb, result.Lists);
        IdentifierLines(sb, outcome);
        sb.AppendLine();
        if (result.Matches.Count == 0)
        {
            sb.Append(inv, $"No match at or above the threshold {result.Threshold.ToString("0.00##", inv)}.").AppendLine();
            FoundByIdentifier(sb, outcome, 0);
            return sb.ToString();
        }
        var suppressed = outcome.Allow?.Suppressed.Count() ?? 0;
        sb.Append(inv, $"{result.Matches.Count} match{(result.Matches.Count == 1 ? "" : "es")}");
        if (outcome.Allow is not null) sb.Append(inv, $", {suppressed} suppressed by the allow-list");
        sb.Append(':').AppendLine();
        var n = 0;
        foreach (var m in result.Matches)
        {
            sb.AppendLine();
            sb.Append(inv, $"#{++n}  score {m.Score:0.0000}  list {m.ListId}  entry {m.EntryId}").AppendLine();
            var e = m.Entry;
            Item(sb, "Primary name", m.PrimaryName);
            Item(sb, "Matched name", $"{m.MatchedName} ({Describe(m.MatchedNameStrength)})");
            Item(sb, "Explanation", m.Explanation);
            if (outcome.AllowFor(m) is { } allowed) Item(sb, "Allow-list", allowed.ToString());
            if (outcome.Evidence.TryGetValue(m, out var evidence))
                foreach (var ev in evidence) Item(sb, "Id evidence", ev.ToString());
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
        FoundByIdentifier(sb, outcome, n);
        return sb.ToString();
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

    private static void IdentifierLines(StringBuilder sb, RowOutcome outcome)
    {
        for (var i = 0; i < outcome.Identifiers.Count; i++)
        {
            var id = outcome.Identifiers[i];
            var scheme = id.Check.Kind == IdentifierKind.Other ? "any scheme, compared exactly:" : IdentifierNames.Of(id.Check.Kind);
            var status = id.Check.Status switch
            {
                IdentifierStatus.Valid => "valid",
                IdentifierStatus.WellFormed => "well formed (no check digit)",
                IdentifierStatus.Invalid => $"INVALID ({id.Check.Problem}): not compared",
                _ => "not validated",
            };
            var label = id.Source.Type.Length == 0 ? "" : id.Source.Type + " ";
            Field(sb, i == 0 ? "Identifiers" : "", $"{label}{id.Source.Value} -> {scheme} {id.Check.Value}, {status}");
        }
    }

    // Entries an identifier finds that the name screen did not return: shown, and an alert for --fail-on-hit.
    private static void FoundByIdentifier(StringBuilder sb, RowOutcome outcome, int numbered)
    {
        if (outcome.Identifiers.Count == 0) return;
        var inv = CultureInfo.InvariantCulture;
        if (outcome.FoundByIdentifier.Count == 0)
        {
            if (numbered == 0) sb.AppendLine().AppendLine("No entry holds these identifiers.");
            return;
        }
        sb.AppendLine();
        sb.Append(inv, $"{outcome.FoundByIdentifier.Count} entr{(outcome.FoundByIdentifier.Count == 1 ? "y" : "ies")} found by identifier (not scored: the name screen does not weigh identifiers yet):").AppendLine();
        foreach (var h in outcome.FoundByIdentifier)
        {
            sb.AppendLine();
            sb.Append(inv, $"#{++numbered}  identifier  list {h.ListId}  entry {h.Entry.Id}").AppendLine();
            Item(sb, "Primary name", h.Entry.PrimaryName);
            foreach (var ev in h.Evidence) Item(sb, "Id evidence", ev.ToString());
            Item(sb, "Type", Lower(h.Entry.Type));
            if (h.Entry.Programs.Count > 0) Item(sb, "Programs", string.Join(", ", h.Entry.Programs));
            if (h.Entry.Countries.Count > 0) Item(sb, "Countries", string.Join(", ", h.Entry.Countries));
        }
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
