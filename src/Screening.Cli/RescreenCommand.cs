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

        var oldList = await Load(args.Old!, "--old", cancellationToken).ConfigureAwait(false);
        var newList = await Load(args.New!, "--new", cancellationToken).ConfigureAwait(false);
        if (oldList.Id != newList.Id)
            throw new InputException($"--old is list '{oldList.Id}' and --new is list '{newList.Id}': give two versions of one list");
        var rescreener = await Rescreener.CreateAsync(oldList, newList, o =>
        {
            if (args.Threshold is { } t) o.Threshold = t;
            if (args.Limit is { } n) o.MaxMatches = n;
            o.Filter = args.Filter;
        }, cancellationToken).ConfigureAwait(false);
        ListLoading.CheckFilter(args.Filter, [newList], stderr);
        var d = rescreener.Delta;
        var inv = CultureInfo.InvariantCulture;

        using var output = OutputFile.Open(args.Output, stdout);
        var jsonl = args.Format == "jsonl" ? new JsonlResultWriter(output.Writer) : null;
        if (jsonl is null) output.Writer.Write(CsvResultWriter.Header + ",change\n");
        var csvOut = jsonl is null ? new CsvResultWriter(output.Writer) : null;

        var pending = new Queue<BatchCommand.Row>();
        long read = 0, hitRows = 0, failed = 0;
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
            else hitRows++;
            if (jsonl is not null) jsonl.WriteObject(w => WriteRow(w, r, columns.Threshold >= 0));
            else WriteCsv(csvOut!, output.Writer, r);
        }
        await output.CommitAsync(cancellationToken).ConfigureAwait(false);

        await stderr.WriteLineAsync(string.Create(inv,
            $"{d.ListId} {d.OldVersion.Label} -> {d.NewVersion.Label}: {d.Added.Count:N0} added, {d.Changed.Count:N0} changed, {d.Removed.Count:N0} removed, {d.Unchanged:N0} unchanged; " +
            $"{read:N0} rows read, {hitRows:N0} hit added or changed entries")).ConfigureAwait(false);
        if (failed > 0)
            throw new InputException($"{csv.File}, field 'name': {firstError} ({failed:N0} row{(failed == 1 ? "" : "s")} could not be screened and {(failed == 1 ? "is" : "are")} written with an error)");
        return ExitCodes.Success;
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

    private static void WriteRow(System.Text.Json.Utf8JsonWriter w, RescreenResult r, bool writeThreshold)
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
            w.WriteString("change", m.Change == EntryChangeKind.Added ? "added" : "changed");
            JsonlResultWriter.WriteEvidence(w, m.Match.IdentifierEvidence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        JsonlResultWriter.WriteWorkflow(w, r.Result, writeThreshold);
        if (r.Result.Error is { } e) w.WriteString("error", CleanError(e));
        w.WriteEndObject();
    }

    private static void WriteCsv(CsvResultWriter csv, TextWriter output, RescreenResult r)
    {
        if (r.Matches.Count == 0)
        {
            // A row that could not be screened: kept, as batch keeps it.
            csv.Cell(r.Result.RequestId);
            output.Write(',');
            csv.Cell(r.Result.Query);
            output.Write(",false,,,,,\n");
            return;
        }
        foreach (var m in r.Matches)
        {
            csv.Cell(r.Result.RequestId);
            output.Write(',');
            csv.Cell(r.Result.Query);
            output.Write(",true,");
            csv.Cell(m.Match.ListId);
            output.Write(',');
            csv.Cell(m.Match.EntryId);
            output.Write(',');
            csv.Cell(m.Match.MatchedName);
            output.Write(',');
            output.Write(m.Match.Score.ToString("R", CultureInfo.InvariantCulture));
            output.Write(m.Change == EntryChangeKind.Added ? ",added\n" : ",changed\n");
        }
    }
}
