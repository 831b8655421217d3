using System.Globalization;
using System.Text;
using Screening.Watchlists;

namespace Screening;

/// <summary>
/// The fail-closed rules every load and reload passes, in one place: a list must have entries (and at least its
/// minimum), strict loading refuses any rejected row, truncated or missing file, and a reload may not shrink a list
/// by more than <see cref="ScreeningOptions.MaxReloadShrink"/>. The CLI applies the same rules to <c>lists</c> and
/// <c>export</c>.
/// </summary>
internal static class LoadPolicy
{
    /// <summary>Throws <see cref="WatchlistLoadException"/> when a freshly loaded list may not be screened.</summary>
    public static void CheckLoaded(Watchlist list, string source, ScreeningOptions options)
    {
        var r = list.Report;
        var count = list.Entries.Count;
        var min = MinEntries(list.Id, options, out var perList);
        if (count < min)
        {
            var empty = count == 0;
            var detail = empty
                ? $"List '{list.Id}' ({source}) loaded no entries ({Accounting(list)}){FirstRejection(r)}: an empty list would report \"no match\" for every name."
                : $"List '{list.Id}' ({source}) loaded {N(count)} entries, fewer than its minimum of {N(min)} ({Accounting(list)}){FirstRejection(r)}.";
            var hint = empty && !perList
                ? " Fix the source, or accept empty lists with ScreeningOptions.MinEntriesPerList = 0."
                : perList ? $" The minimum is ScreeningOptions.MinEntriesByList[\"{list.Id}\"]." : " The minimum is ScreeningOptions.MinEntriesPerList.";
            throw new WatchlistLoadException(list.Id, source, detail, detail + hint, empty ? LoadFailure.Empty : LoadFailure.BelowMinimum);
        }
        if (!options.StrictLoading) return;
        var missing = Files(r, LoadIssueKind.MissingFile);
        var truncated = Files(r, LoadIssueKind.Truncated);
        if (r.RowsRejected == 0 && missing.Count == 0 && truncated.Count == 0) return;
        var problems = new List<string>(3);
        if (r.RowsRejected > 0) problems.Add($"{N(r.RowsRejected)} of {N(r.RowsRead)} rows rejected{FirstRejection(r)}");
        if (truncated.Count > 0) problems.Add("truncated: " + string.Join(", ", truncated.Select(Path.GetFileName)));
        if (missing.Count > 0) problems.Add("missing: " + string.Join(", ", missing.Select(Path.GetFileName)));
        var message = $"List '{list.Id}' ({source}) did not load completely: {string.Join("; ", problems)}.";
        throw new WatchlistLoadException(list.Id, source, message, message + " Strict loading (ScreeningOptions.StrictLoading) refuses it.", LoadFailure.Strict);
    }

    /// <summary>Throws <see cref="WatchlistReloadException"/> when a reload would shrink a list beyond the guard.</summary>
    public static void CheckReload(IReadOnlyList<Watchlist> previous, IReadOnlyList<Watchlist> next, ScreeningOptions options)
    {
        var limit = options.MaxReloadShrink;
        foreach (var old in previous)
        {
            Watchlist? now = null;
            foreach (var l in next)
            {
                if (l.Id == old.Id) now = l;
            }
            long oldEntries = old.Entries.Count, oldNames = CountNames(old);
            long newEntries = now?.Entries.Count ?? 0, newNames = now is null ? 0 : CountNames(now);
            var entriesDrop = Drop(oldEntries, newEntries);
            var namesDrop = Drop(oldNames, newNames);
            // The epsilon keeps an exact 10% drop (200 to 180) inside a 0.10 guard despite rounding.
            if (entriesDrop <= limit + 1e-12 && namesDrop <= limit + 1e-12) continue;
            var what = now is null
                ? $"List '{old.Id}' is missing from the reload (it had {N(oldEntries)} entries and {N(oldNames)} names)"
                : $"List '{old.Id}' would shrink from {N(oldEntries)} to {N(newEntries)} entries ({Percent(entriesDrop)}) " +
                  $"and from {N(oldNames)} to {N(newNames)} names ({Percent(namesDrop)})";
            throw new WatchlistReloadException(
                $"{what}; the reload guard refuses a drop of more than {(limit * 100).ToString("0.##", CultureInfo.InvariantCulture)}% " +
                "(ScreeningOptions.MaxReloadShrink), so the previous version keeps serving.");
        }
    }

    /// <summary>What a result records about a list: its version, counts and load accounting.</summary>
    public static WatchlistInfo Describe(Watchlist list) => new(list.Id, list.DisplayName, list.Version, list.Entries.Count)
    {
        RowsRead = list.Report.RowsRead,
        RowsRejected = list.Report.RowsRejected,
        MissingFiles = Files(list.Report, LoadIssueKind.MissingFile),
        TruncatedFiles = Files(list.Report, LoadIssueKind.Truncated),
    };

    /// <summary>The files named by issues of one kind, each once, in report order.</summary>
    public static IReadOnlyList<string> Files(WatchlistLoadReport report, LoadIssueKind kind)
    {
        List<string>? files = null;
        foreach (var issue in report.Issues)
        {
            if (issue.Kind != kind) continue;
            files ??= [];
            if (!files.Contains(issue.File)) files.Add(issue.File);
        }
        return files ?? (IReadOnlyList<string>)[];
    }

    /// <summary>"N rows read, N loaded, N rejected", the accounting in a message.</summary>
    public static string Accounting(Watchlist list) =>
        $"{N(list.Report.RowsRead)} rows read, {N(list.Entries.Count)} loaded, {Filtered(list.Report)}{N(list.Report.RowsRejected)} rejected";

    /// <summary>", N left out by the filter, " when a filter left entries out; empty otherwise.</summary>
    public static string Filtered(WatchlistLoadReport report) =>
        report.EntriesFiltered > 0 ? $"{N(report.EntriesFiltered)} left out by the filter, " : "";

    private static int MinEntries(string listId, ScreeningOptions options, out bool perList)
    {
        perList = options.MinEntriesByList.TryGetValue(listId, out var min);
        return perList ? min : options.MinEntriesPerList;
    }

    private static string FirstRejection(WatchlistLoadReport report)
    {
        foreach (var issue in report.Issues)
        {
            if (issue.Kind == LoadIssueKind.Rejected) return "; first rejected: " + issue;
        }
        return "";
    }

    private static long CountNames(Watchlist list)
    {
        long n = 0;
        foreach (var e in list.Entries) n += e.Names.Count;
        return n;
    }

    // The fraction lost, 0 when the count held or grew.
    private static double Drop(long before, long after) => before <= 0 || after >= before ? 0 : (before - after) / (double)before;

    private static string Percent(double drop) => drop == 0 ? "no drop" : "-" + (drop * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
