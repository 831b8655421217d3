using System.Globalization;
using System.Text;
using Screening.Watchlists;
using Screening.Audit;
using Screening.Identifiers;

namespace Screening.Cli;

/// <summary>
/// <c>screening batch INPUT.csv</c>: streams rows through <see cref="Screener.ScreenMany"/> (all cores, input order,
/// bounded memory) and streams the results out, so memory stays flat however long the file is.
/// </summary>
internal static class BatchCommand
{
    /// <summary>The columns of the input: name, id and country, the identifier columns and a threshold.</summary>
    /// <param name="IdType">The <c>id_type</c> column (with <c>id_value</c>: one identifier per row), or -1.</param>
    /// <param name="IdValue">The <c>id_value</c> column, or -1.</param>
    /// <param name="PerScheme">Columns named after a scheme (<c>inn</c>, <c>ogrn</c>, <c>lei</c>, <c>imo</c>, <c>bic</c>, <c>hk_cr</c>...): the header is the type.</param>
    /// <param name="Threshold">The <c>threshold</c> column (a row's own threshold; empty: the batch's), or -1.</param>
    internal sealed record Columns(int Name, int Id, int Country, int IdType, int IdValue, (int Column, string Type)[] PerScheme, int Threshold = -1)
    {
        public bool HasIdentifiers => IdType >= 0 || PerScheme.Length > 0;
    }

    /// <summary>One input row as the consumer of the results needs it back: where it was, for error messages.</summary>
    internal sealed record Row(long Line);

    private const string EncodingHint = "; if the file is Latin-1 or Windows-1252, pass --encoding latin1 or --encoding windows-1252";

    public static async Task<int> RunAsync(Arguments args, TextReader stdin, TextWriter stdout, TextWriter stderr, CliSettings settings, CancellationToken cancellationToken)
    {
        var fromStdin = args.Input == "-";
        var toStdout = args.Output is null or "-";
        if (!fromStdin && !toStdout && SamePath(args.Input, args.Output!))
            throw new InputException($"--output {args.Output} is the input file; choose another file");

        // Open the input and check its header before loading the lists, which can take seconds.
        FileStream? stream = null;
        CsvReader csv;
        if (fromStdin)
        {
            // The process hands over the raw bytes so that they are checked like a file's; in-process callers give text.
            csv = settings.Stdin is { } bytes
                ? new CsvReader(Utf8Text.Open(bytes, "<stdin>", args.InputEncoding, EncodingHint), "<stdin>")
                : new CsvReader(stdin, "<stdin>");
        }
        else
        {
            if (Directory.Exists(args.Input)) throw new InputException($"{args.Input} is a directory, not a CSV file");
            // Strict UTF-8 (or --encoding) with BOM detection; the stream is kept for the progress fraction.
            stream = new FileStream(args.Input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            csv = new CsvReader(Utf8Text.Open(stream, args.Input, args.InputEncoding, EncodingHint), args.Input);
        }
        JsonlFileAuditSink? audit = null;
        try
        {
            var columns = ReadHeader(csv);
            audit = ListLoading.OpenAudit(args);
            var screener = await ListLoading.BuildScreenerAsync(args, stderr, cancellationToken, audit).ConfigureAwait(false);
            using var output = OutputFile.Open(args.Output, stdout);
            var writer = args.Format == "csv"
                ? (IResultWriter)new CsvResultWriter(output.Writer, new CsvColumns(columns.HasIdentifiers, args.Allow is not null, columns.Threshold >= 0, args.Filter is not null))
                : new JsonlResultWriter(output.Writer, writeThreshold: columns.Threshold >= 0, writeCustomerKey: args.Allow is not null);
            var progress = settings.ShowProgress ? new Progress(stderr, stream) : null;

            var pending = new Queue<Row>();
            long rows = 0, hits = 0, failed = 0, firstFailedLine = 0;
            string? firstError = null;
            writer.WriteHeader();
            foreach (var result in screener.ScreenMany(Requests(csv, columns, pending, cancellationToken), cancellationToken: cancellationToken))
            {
                var row = pending.Dequeue();
                rows++;
                // The library counts only what alerts: a suppressed match is no hit, an identifier-only match is one.
                if (result.IsHit) hits++;
                var error = result.Error is null ? null : CleanError(result.Error);
                if (error is not null && failed++ == 0)
                {
                    firstError = error;
                    firstFailedLine = row.Line;
                }
                writer.Write(result, error);
                progress?.Report(rows, hits);
            }
            progress?.Done(rows, hits);
            // Every audit record is in its file before the report is: a batch the audit trail missed is not committed.
            if (audit is not null)
            {
                await audit.DisposeAsync().ConfigureAwait(false);
                audit = null;
            }
            await output.CommitAsync(cancellationToken).ConfigureAwait(false);

            if (failed > 0)
            {
                var others = failed == 1 ? "" : $"; {failed - 1:N0} more row{(failed == 2 ? "" : "s")} failed";
                throw new InputException(
                    $"{csv.File}, row {firstFailedLine}, field 'name': {firstError} ({failed:N0} of {rows:N0} rows could not be screened and are written without matches{others})");
            }
            return args.FailOnHit && hits > 0 ? ExitCodes.Hit : ExitCodes.Success;
        }
        finally
        {
            if (!fromStdin) csv.Dispose();
            if (audit is not null) await audit.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static Columns ReadHeader(CsvReader csv)
    {
        if (!csv.TryReadRecord(out var header))
            throw new InputException($"{csv.File}: the file is empty; expected a header row with a 'name' column");
        int name = -1, id = -1, country = -1, idType = -1, idValue = -1, threshold = -1;
        var perScheme = new List<(int, string)>();
        for (var i = 0; i < header.Count; i++)
        {
            var h = header[i].Trim().TrimStart('\uFEFF');
            if (h.Equals("name", StringComparison.OrdinalIgnoreCase)) name = Column(csv, "name", name, i);
            else if (h.Equals("id", StringComparison.OrdinalIgnoreCase)) id = Column(csv, "id", id, i);
            else if (h.Equals("country", StringComparison.OrdinalIgnoreCase)) country = Column(csv, "country", country, i);
            else if (h.Equals("id_type", StringComparison.OrdinalIgnoreCase)) idType = Column(csv, "id_type", idType, i);
            else if (h.Equals("id_value", StringComparison.OrdinalIgnoreCase)) idValue = Column(csv, "id_value", idValue, i);
            else if (h.Equals("threshold", StringComparison.OrdinalIgnoreCase)) threshold = Column(csv, "threshold", threshold, i);
            else if (Identifiers.IdentifierTypes.Classify(h.Replace('_', ' '), "", null) != IdentifierKind.Other)
            {
                if (perScheme.Exists(p => p.Item2.Equals(h, StringComparison.OrdinalIgnoreCase)))
                    throw new InputException($"{csv.File}, row {csv.RecordLine}: the header has two '{h}' columns");
                perScheme.Add((i, h));
            }
        }
        if (name < 0)
        {
            var found = header.Count <= 8 ? string.Join(", ", header) : string.Join(", ", header.Take(8)) + ", ...";
            throw new InputException($"{csv.File}, row {csv.RecordLine}: the header has no 'name' column (found: {found})");
        }
        if ((idType < 0) != (idValue < 0))
            throw new InputException($"{csv.File}, row {csv.RecordLine}: the header has '{(idType < 0 ? "id_value" : "id_type")}' without '{(idType < 0 ? "id_type" : "id_value")}'; give both");
        return new Columns(name, id, country, idType, idValue, [.. perScheme], threshold);
    }

    private static int Column(CsvReader csv, string column, int previous, int index) =>
        previous < 0 ? index : throw new InputException($"{csv.File}, row {csv.RecordLine}: the header has two '{column}' columns (#{previous + 1} and #{index + 1})");

    // Runs on the consumer's thread (ScreenMany pulls it between chunks), so the queue needs no lock; it holds at
    // most one chunk of rows.
    internal static IEnumerable<ScreeningRequest> Requests(CsvReader csv, Columns c, Queue<Row> rows, CancellationToken cancellationToken)
    {
        long row = 0;
        while (csv.TryReadRecord(out var f))
        {
            cancellationToken.ThrowIfCancellationRequested();
            row++;
            var name = c.Name < f.Count ? f[c.Name] : "";
            var given = c.Id >= 0 && c.Id < f.Count && !string.IsNullOrWhiteSpace(f[c.Id]) ? f[c.Id].Trim() : null;
            var id = given ?? row.ToString(CultureInfo.InvariantCulture);
            var country = Cell(f, c.Country);
            IReadOnlyList<ScreeningIdentifier> ids = [];
            if (c.HasIdentifiers)
            {
                var list = new List<ScreeningIdentifier>();
                var (type, value) = (Cell(f, c.IdType), Cell(f, c.IdValue));
                if (type is not null && value is not null) list.Add(new ScreeningIdentifier(type, value, country));
                else if ((type is null) != (value is null))
                    throw new InputException($"{csv.File}, row {csv.RecordLine}, field '{(type is null ? "id_type" : "id_value")}': empty while '{(type is null ? "id_value" : "id_type")}' is given");
                foreach (var (column, scheme) in c.PerScheme)
                    if (Cell(f, column) is { } v) list.Add(new ScreeningIdentifier(scheme.Replace('_', ' '), v, country));
                ids = list;
            }
            double? threshold = null;
            if (Cell(f, c.Threshold) is { } t)
            {
                if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !(v > 0 && v <= 1))
                    throw new InputException($"{csv.File}, row {csv.RecordLine}, field 'threshold': '{t}' is not a number greater than 0 and at most 1 (e.g. 0.85)");
                threshold = v;
            }
            rows.Enqueue(new Row(csv.RecordLine));
            // The row's id is its customer key: in the audit record, and for the allow-list (which keys by the
            // normalized name without one).
            yield return new ScreeningRequest(name, id, country) { Identifiers = ids, CustomerKey = given, Threshold = threshold };
        }
    }

    private static string? Cell(IReadOnlyList<string> f, int column) =>
        column >= 0 && column < f.Count && !string.IsNullOrWhiteSpace(f[column]) ? f[column].Trim() : null;

    // The library's ArgumentException messages end with "(Parameter 'name')", which means nothing to a CSV's author.
    private static string CleanError(string error) =>
        Cli.OneLine(error.Replace(" (Parameter 'name')", "", StringComparison.Ordinal));

    private static bool SamePath(string a, string b)
    {
        try
        {
            return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
