using System.Globalization;
using System.Text;
using Screening.Watchlists;

namespace Screening.Cli;

/// <summary><c>screening lists</c>: what was loaded, which version, and what the load skipped.</summary>
internal static class ListsCommand
{
    public static async Task<int> RunAsync(Arguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var loaded = await ListLoading.LoadAsync(args, stderr, cancellationToken).ConfigureAwait(false);
        if (args.ReportIdentifiers)
        {
            await stdout.WriteAsync(IdentifierReport.Format(loaded)).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        var sb = new StringBuilder();
        var first = true;
        foreach (var (provider, list) in loaded)
        {
            if (!first) sb.AppendLine();
            first = false;
            Format(sb, provider.Source, list, args.Verbose);
        }
        await stdout.WriteAsync(sb.ToString()).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    internal static void Format(StringBuilder sb, string source, Watchlist list, bool verbose)
    {
        var inv = CultureInfo.InvariantCulture;
        var r = list.Report;
        sb.Append(inv, $"{list.Id}  {Cli.OneLine(list.DisplayName)}").AppendLine();
        Line(sb, "Source", source);
        Line(sb, "Version", list.Version.Label);
        Line(sb, "Published", list.Version.PublishedAt is { } p ? p.ToString("yyyy-MM-dd", inv) : "not stated by the source");
        Line(sb, "SHA-256", list.Version.Sha256 ?? "not computed");
        Line(sb, "Entries", list.Entries.Count.ToString("N0", inv));
        Line(sb, "Load report", string.Create(inv,
            $"{r.RowsRead:N0} rows read, {r.EntriesLoaded:N0} loaded, {LoadPolicy.Filtered(r)}{r.RowsRejected:N0} rejected, {r.Count(LoadIssueKind.Orphan):N0} orphans, " +
            $"{r.Count(LoadIssueKind.Duplicate):N0} duplicates, {r.Count(LoadIssueKind.Warning):N0} warnings{FileProblems(r)}"));
        if (r.Issues.Count == 0) return;
        if (!verbose)
        {
            Line(sb, "", $"(run with --verbose to list the {r.Issues.Count:N0} issue{(r.Issues.Count == 1 ? "" : "s")})");
            return;
        }
        foreach (var issue in r.Issues) sb.Append("    ").Append(Cli.OneLine(issue.ToString())).AppendLine();
    }

    // Only shown when there are any, so a clean load reads as before.
    private static string FileProblems(WatchlistLoadReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        var missing = r.Count(LoadIssueKind.MissingFile);
        var truncated = r.Count(LoadIssueKind.Truncated);
        return (missing > 0 ? string.Create(inv, $", {missing:N0} files missing") : "") + (truncated > 0 ? string.Create(inv, $", {truncated:N0} files cut short") : "");
    }

    private static void Line(StringBuilder sb, string label, string value) =>
        sb.Append("  ").Append((label.Length == 0 ? "" : label + ":").PadRight(14)).Append(Cli.OneLine(value)).AppendLine();
}
