using System.Globalization;
using Screening.Watchlists;

namespace Screening.Cli;

/// <summary>
/// <c>screening rescreen BOOK.csv --old SPEC --new SPEC</c>: the rows of a stored book that hit an entry added or
/// changed between two versions of a list, in the batch output formats plus the change kind.
/// </summary>
internal static class RescreenCommand
{
    public static async Task<int> RunAsync(Arguments args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var fromStdin = args.Input == "-";
        using var csv = fromStdin ? new CsvReader(stdin, "<stdin>") : CsvReader.Open(args.Input);
        var columns = BatchCommand.ReadHeader(csv);

        var allow = await ListLoading.LoadAllowListAsync(args.Allow, cancellationToken).ConfigureAwait(false);
        var oldList = await Load(args.Old!, "--old", cancellationToken).ConfigureAwait(false);
        var newList = await Load(args.New!, "--new", cancellationToken).ConfigureAwait(false);
        if (oldList.Id != newList.Id)
            throw new InputException($"--old is list '{oldList.Id}' and --new is list '{newList.Id}': give two versions of one list");
        var audit = ListLoading.OpenAudit(args);
        try
        {
            var rescreener = await Rescreener.CreateAsync(oldList, newList, o =>
            {
                if (args.Threshold is { } t) o.Threshold = t;
                if (args.Limit is { } n) o.MaxMatches = n;
                o.Filter = args.Filter;
                o.AllowList = allow;
                o.AuditSink = audit;
            }, cancellationToken).ConfigureAwait(false);
            ListLoading.CheckFilter(args.Filter, [newList], stderr);
            var d = rescreener.Delta;
            var inv = CultureInfo.InvariantCulture;

            using var output = OutputFile.Open(args.Output, stdout);
            var withAllow = allow is not null;
            // The change kind of a suppressed match: the entry is one of the delta's added or changed records.
            var changes = new Dictionary<WatchlistEntry, EntryChangeKind>(ReferenceEqualityComparer.Instance);
            foreach (var c in d.Changes)
                if (c.New is not null) changes.TryAdd(c.New, c.Kind);
            string? ChangeOf(ScreeningMatch m) => changes.TryGetValue(m.Entry, out var kind) ? Change(kind) : null;
            var jsonl = args.Format == "jsonl" ? new JsonlResultWriter(output.Writer) : null;
            if (jsonl is null) output.Writer.Write(CsvResultWriter.Header + (withAllow ? ",change,allow\n" : ",change\n"));
            var csvOut = jsonl is null ? new CsvResultWriter(output.Writer) : null;

            var pending = new Queue<BatchCommand.Row>();
            long read = 0, hitRows = 0, suppressedRows = 0, failed = 0;
            string? firstError = null;
            IEnumerable<ScreeningRequest> Book()
            {
                foreach (var r in BatchCommand.Requests(csv, columns, pending, cancellationToken))
                {
                    pending.Dequeue(); // the line numbers are not used here: errors name the row id
                    read++;
                    yield return r;
                }
            }
            foreach (var r in rescreener.Rescreen(Book(), cancellationToken: cancellationToken))
            {
                if (r.Result.Error is { } error)
                {
                    if (failed++ == 0) firstError = $"row id {r.Result.RequestId}: {CleanError(error)}";
                }
                else if (r.Matches.Count > 0) hitRows++;
                else suppressedRows++;
                if (jsonl is not null) jsonl.WriteObject(w => WriteRow(w, r, columns.Threshold >= 0, withAllow, ChangeOf));
                else WriteCsv(csvOut!, output.Writer, r, withAllow, ChangeOf);
            }
            // Every audit record is in its file before the report is: a re-screen the audit trail missed is not committed.
            if (audit is not null)
            {
                await audit.DisposeAsync().ConfigureAwait(false);
                audit = null;
            }
            await output.CommitAsync(cancellationToken).ConfigureAwait(false);

            var suppressed = withAllow ? $", {suppressedRows:N0} only by matches the allow-list suppressed" : "";
            await stderr.WriteLineAsync(string.Create(inv,
                $"{d.ListId} {d.OldVersion.Label} -> {d.NewVersion.Label}: {d.Added.Count:N0} added, {d.Changed.Count:N0} changed, {d.Removed.Count:N0} removed, {d.Unchanged:N0} unchanged; " +
                $"{read:N0} rows read, {hitRows:N0} hit added or changed entries{suppressed}")).ConfigureAwait(false);
            if (failed > 0)
                throw new InputException($"{csv.File}, field 'name': {firstError} ({failed:N0} row{(failed == 1 ? "" : "s")} could not be screened and {(failed == 1 ? "is" : "are")} written with an error)");
            return ExitCodes.Success;
        }
        finally
        {
            if (audit is not null) await audit.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string CleanError(string error) => Cli.OneLine(error.Replace(" (Parameter 'name')", "", StringComparison.Ordinal));

    private static async Task<Watchlist> Load(string spec, string option, CancellationToken ct)
    {
        try
        {
            return await WatchlistSpec.CreateProvider(spec).LoadAsync(ct).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw new InputException($"{option} {spec}: {ex.Message}", ex);
        }
    }

    private static void WriteRow(System.Text.Json.Utf8JsonWriter w, RescreenResult r, bool writeThreshold, bool withAllow, Func<ScreeningMatch, string?> changeOf)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Result.RequestId);
        w.WriteString("name", r.Result.Query);
        w.WriteBoolean("hit", r.Matches.Count > 0);
        w.WriteStartArray("matches");
        foreach (var m in r.Matches)
        {
            w.WriteStartObject();
            JsonlResultWriter.WriteMatch(w, m.Match);
            w.WriteString("change", Change(m.Change));
            JsonlResultWriter.WriteEvidence(w, m.Match.IdentifierEvidence);
            foreach (var h in r.Result.AllowListHits)
                if (ReferenceEquals(h.Match, m.Match)) JsonlResultWriter.WriteDecision(w, h);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        JsonlResultWriter.WriteWorkflow(w, r.Result, writeThreshold, withAllow, changeOf);
        if (r.Result.Error is { } e) w.WriteString("error", CleanError(e));
        w.WriteEndObject();
    }

    private static string Change(EntryChangeKind kind) => kind == EntryChangeKind.Added ? "added" : "changed";

    // One row per match (alerting, then suppressed with allow = suppressed), or one row with empty match fields for a
    // row that could not be screened.
    private static void WriteCsv(CsvResultWriter csv, TextWriter output, RescreenResult r, bool withAllow, Func<ScreeningMatch, string?> changeOf)
    {
        var suppressed = r.Result.Suppressed.ToList();
        if (r.Matches.Count == 0 && suppressed.Count == 0)
        {
            csv.Cell(r.Result.RequestId);
            output.Write(',');
            csv.Cell(r.Result.Query);
            output.Write(withAllow ? ",false,,,,,,\n" : ",false,,,,,\n");
            return;
        }
        foreach (var m in r.Matches)
        {
            var decision = r.Result.AllowListHits.FirstOrDefault(h => ReferenceEquals(h.Match, m.Match));
            CsvMatch(csv, output, r, m.Match, true, Change(m.Change), withAllow ? decision is null ? "" : JsonlResultWriter.Camel(decision.Outcome.ToString()) : null);
        }
        // What the allow-list suppressed comes from the same restricted screen: added or changed entries only.
        foreach (var h in suppressed)
            CsvMatch(csv, output, r, h.Match, r.Matches.Count > 0, changeOf(h.Match) ?? "", "suppressed");
    }

    private static void CsvMatch(CsvResultWriter csv, TextWriter output, RescreenResult r, ScreeningMatch m, bool hit, string change, string? allow)
    {
        csv.Cell(r.Result.RequestId);
        output.Write(',');
        csv.Cell(r.Result.Query);
        output.Write(hit ? ",true," : ",false,");
        csv.Cell(m.ListId);
        output.Write(',');
        csv.Cell(m.EntryId);
        output.Write(',');
        csv.Cell(m.MatchedName);
        output.Write(',');
        output.Write(m.Score.ToString("R", CultureInfo.InvariantCulture));
        output.Write(',');
        output.Write(change);
        if (allow is not null)
        {
            output.Write(',');
            output.Write(allow);
        }
        output.Write('\n');
    }
}
