using System.Globalization;
using System.Text;
using Screening.Watchlists;

namespace Screening.Cli;

/// <summary><c>screening export --output FILE.json</c>: the loaded lists in the project's JSON watchlist format.</summary>
internal static class ExportCommand
{
    public static async Task<int> RunAsync(Arguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var loaded = await ListLoading.LoadAsync(args, stderr, cancellationToken).ConfigureAwait(false);
        var lists = loaded.Select(l => l.List).ToList();
        var toStdout = args.Output == "-";
        using var output = OutputFile.Open(args.Output, stdout);
        // The writer takes a stream; the document is the size of the lists, which are in memory anyway.
        using (var ms = new MemoryStream())
        {
            if (lists.Count == 1) JsonWatchlistWriter.Write(ms, lists[0]);
            else JsonWatchlistWriter.Write(ms, lists, string.Join("+", lists.Select(l => l.Id)), string.Join(" + ", lists.Select(l => l.DisplayName)));
            ms.Position = 0;
            using var reader = new StreamReader(ms, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            await output.Writer.WriteAsync(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            await output.Writer.WriteAsync('\n').ConfigureAwait(false);
        }
        await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (!toStdout)
        {
            var entries = lists.Sum(l => l.Entries.Count);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {entries:N0} entries from {lists.Count} list{(lists.Count == 1 ? "" : "s")} ({string.Join(", ", lists.Select(l => $"{l.Id}@{l.Version.Label}"))}) to {args.Output}")).ConfigureAwait(false);
        }
        return ExitCodes.Success;
    }
}
