using System.Globalization;
using System.Text;
using Screening.Watchlists;

namespace Screening.Cli;

/// <summary>
/// <c>screening batch INPUT.csv</c>: streams rows through <see cref="Screener.ScreenMany"/> (all cores, input order,
/// bounded memory) and streams the results out, so memory stays flat however long the file is.
/// </summary>
internal static class BatchCommand
{
    private sealed record Columns(int Name, int Id, int Country);

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
        try
        {
            var columns = ReadHeader(csv);
            var screener = await ListLoading.BuildScreenerAsync(args, stderr, cancellationToken).ConfigureAwait(false);
            using var output = OutputFile.Open(args.Output, stdout);
            var writer = args.Format == "csv" ? (IResultWriter)new CsvResultWriter(output.Writer) : new JsonlResultWriter(output.Writer);
            var progress = settings.ShowProgress ? new Progress(stderr, stream) : null;

            var lines = new Queue<long>();
            long rows = 0, hits = 0, failed = 0, firstFailedLine = 0;
            string? firstError = null;
            writer.WriteHeader();
            foreach (var result in screener.ScreenMany(Requests(csv, columns, lines, cancellationToken), cancellationToken: cancellationToken))
            {
                var line = lines.Dequeue();
                rows++;
                if (result.IsHit) hits++;
                var error = result.Error is null ? null : CleanError(result.Error);
                if (error is not null && failed++ == 0)
                {
                    firstError = error;
                    firstFailedLine = line;
                }
                writer.Write(result, error);
                progress?.Report(rows, hits);
            }
            progress?.Done(rows, hits);
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
        }
    }

    private static Columns ReadHeader(CsvReader csv)
    {
        if (!csv.TryReadRecord(out var header))
            throw new InputException($"{csv.File}: the file is empty; expected a header row with a 'name' column");
        int name = -1, id = -1, country = -1;
        for (var i = 0; i < header.Count; i++)
        {
            var h = header[i].Trim().TrimStart('\uFEFF');
            if (h.Equals("name", StringComparison.OrdinalIgnoreCase)) name = Column(csv, "name", name, i);
            else if (h.Equals("id", StringComparison.OrdinalIgnoreCase)) id = Column(csv, "id", id, i);
            else if (h.Equals("country", StringComparison.OrdinalIgnoreCase)) country = Column(csv, "country", country, i);
        }
        if (name < 0)
        {
            var found = header.Count <= 8 ? string.Join(", ", header) : string.Join(", ", header.Take(8)) + ", ...";
            throw new InputException($"{csv.File}, row {csv.RecordLine}: the header has no 'name' column (found: {found})");
        }
        return new Columns(name, id, country);
    }

    private static int Column(CsvReader csv, string column, int previous, int index) =>
        previous < 0 ? index : throw new InputException($"{csv.File}, row {csv.RecordLine}: the header has two '{column}' columns (#{previous + 1} and #{index + 1})");

    // Runs on the consumer's thread (ScreenMany pulls it between chunks), so the queue needs no lock; it holds at
    // most one chunk of line numbers.
    private static IEnumerable<ScreeningRequest> Requests(CsvReader csv, Columns c, Queue<long> lines, CancellationToken cancellationToken)
    {
        long row = 0;
        while (csv.TryReadRecord(out var f))
        {
            cancellationToken.ThrowIfCancellationRequested();
            row++;
            var name = c.Name < f.Count ? f[c.Name] : "";
            var id = c.Id >= 0 && c.Id < f.Count && !string.IsNullOrWhiteSpace(f[c.Id]) ? f[c.Id].Trim() : row.ToString(CultureInfo.InvariantCulture);
            var country = c.Country >= 0 && c.Country < f.Count && !string.IsNullOrWhiteSpace(f[c.Country]) ? f[c.Country].Trim() : null;
            lines.Enqueue(csv.RecordLine);
            yield return new ScreeningRequest(name, id, country);
        }
    }

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
