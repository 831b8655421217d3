using Screening.AllowLists;
using Screening.Audit;
using Screening.Watchlists;

namespace Screening.Cli;

/// <summary>Turns the <c>--list</c> SPECs into providers and loads them; the library does all the work.</summary>
internal static class ListLoading
{
    /// <summary>The providers the SPECs name; the built-in list when there are none.</summary>
    public static IReadOnlyList<IWatchlistProvider> Providers(Arguments args)
    {
        var providers = new List<IWatchlistProvider>(args.Lists.Count);
        foreach (var spec in args.Lists) providers.Add(WatchlistSpec.CreateProvider(spec));
        return providers;
    }

    /// <summary>
    /// Builds a screener over the lists (the library's built-in list when no SPEC is given), with what the options add
    /// to every screen: the <c>--only-*</c> filter, the <c>--allow</c> allow-list and the audit sink.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="stderr">Where load warnings go.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <param name="audit">The <c>--audit</c> sink (<see cref="OpenAudit"/>), owned and disposed by the command.</param>
    public static async Task<Screener> BuildScreenerAsync(Arguments args, TextWriter stderr, CancellationToken cancellationToken, IScreeningAuditSink? audit = null)
    {
        var allow = await LoadAllowListAsync(args.Allow, cancellationToken).ConfigureAwait(false);
        var builder = new ScreenerBuilder();
        foreach (var p in Providers(args)) builder.AddProvider(p);
        builder.Configure(o =>
        {
            if (args.Threshold is { } t) o.Threshold = t;
            if (args.Limit is { } n) o.MaxMatches = n;
            o.Filter = args.Filter;
            o.AllowList = allow;
            o.AuditSink = audit;
            ApplyLoadRules(args, o);
        });
        try
        {
            var screener = await builder.BuildAsync(cancellationToken).ConfigureAwait(false);
            var sources = builder.Providers.Count == screener.Watchlists.Count ? builder.Providers.Select(p => p.Source).ToList() : null;
            for (var i = 0; i < screener.Watchlists.Count; i++)
                ReportLoad(stderr, sources?[i] ?? screener.Watchlists[i].Id, screener.Watchlists[i]);
            CheckFilter(args.Filter, screener.Watchlists, stderr);
            return screener;
        }
        catch (InvalidOperationException ex)
        {
            // Two lists with one id, or the built-in list missing from this build: the user's setup, not a bug.
            throw new InputException(Hint(args, ex.Message), ex);
        }
    }

    /// <summary>The <c>--allow</c> file's decisions, or null when none is given.</summary>
    public static async Task<AllowList?> LoadAllowListAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null) return null;
        if (!File.Exists(path)) throw new InputException($"--allow {path}: file not found");
        return await AllowList.LoadAsync(new JsonFileAllowListStore(path), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens the <c>--audit</c> file for appending, before the lists load (a folder that does not exist fails at
    /// once); null when the option is not given. The command disposes it, which writes out and flushes every record.
    /// </summary>
    public static JsonlFileAuditSink? OpenAudit(Arguments args)
    {
        if (args.Audit is not { } path) return null;
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new InputException($"--audit {path} is a directory");
        var dir = Path.GetDirectoryName(full);
        if (dir is not null && !Directory.Exists(dir)) throw new InputException($"--audit {path}: the folder does not exist");
        return new JsonlFileAuditSink(path);
    }

    /// <summary>
    /// Fail closed on a filter that cannot be what was meant: a list id that is not loaded, or criteria that together
    /// let no entry through (every screen would say "no match"), are errors; a value no loaded entry carries is a
    /// warning (a country with no listed party is plausible, a mistyped tag is not).
    /// </summary>
    public static void CheckFilter(ScreeningFilter? filter, IReadOnlyList<Watchlist> lists, TextWriter stderr)
    {
        if (filter is null) return;
        foreach (var id in filter.Lists ?? [])
        {
            if (!lists.Any(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase)))
                throw new InputException($"--only-list {id}: no list with that id is loaded (loaded: {string.Join(", ", lists.Select(l => l.Id))})");
        }
        if (!lists.Any(l => l.Entries.Any(e => filter.Allows(l.Id, e))))
            throw new InputException($"the filters ({filter}) let no entry of the loaded lists through: every screen would report no match");
        var entries = lists.SelectMany(l => l.Entries).ToList();
        void Warn(string option, IReadOnlyList<string>? values, Func<WatchlistEntry, IReadOnlyList<string>> of)
        {
            foreach (var v in values ?? [])
            {
                if (entries.Exists(e => of(e).Contains(v, StringComparer.OrdinalIgnoreCase))) continue;
                stderr.WriteLine($"{Cli.Tool}: warning: {option} {v}: no entry of the loaded lists has it");
            }
        }
        Warn("--only-country", filter.Countries, e => e.Countries);
        Warn("--only-program", filter.Programs, e => e.Programs);
        Warn("--only-tag", filter.Tags, e => e.Tags);
        stderr.Flush();
    }

    /// <summary>The fail-closed flags as library options: --allow-empty, --min-entries, --strict.</summary>
    public static ScreeningOptions ApplyLoadRules(Arguments args, ScreeningOptions o)
    {
        if (args.AllowEmpty) o.MinEntriesPerList = 0;
        if (args.MinEntries is { } min) o.MinEntriesPerList = min;
        foreach (var (id, n) in args.MinEntriesByList) o.MinEntriesByList[id] = n;
        o.StrictLoading = args.Strict;
        return o;
    }

    /// <summary>
    /// One line on standard error for a list whose load was not clean: loaded, rejected, files missing or cut short.
    /// Every command prints it, so a partial list can never pass unnoticed.
    /// </summary>
    public static void ReportLoad(TextWriter stderr, string source, Watchlist list)
    {
        var r = list.Report;
        var missing = LoadPolicy.Files(r, LoadIssueKind.MissingFile);
        var truncated = LoadPolicy.Files(r, LoadIssueKind.Truncated);
        if (r.RowsRejected == 0 && missing.Count == 0 && truncated.Count == 0) return;
        var sb = new System.Text.StringBuilder();
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{Cli.Tool}: warning: list '{list.Id}' ({source}): {LoadPolicy.Accounting(list)}");
        if (missing.Count > 0) sb.Append("; files missing: ").AppendJoin(", ", missing.Select(Path.GetFileName));
        if (truncated.Count > 0) sb.Append("; files that may be cut short: ").AppendJoin(", ", truncated.Select(Path.GetFileName));
        sb.Append(" (details: screening lists --verbose; --strict makes this an error)");
        stderr.WriteLine(Cli.OneLine(sb.ToString()));
        stderr.Flush();
    }

    /// <summary>Loads every list without building a match index (for lists and export).</summary>
    public static async Task<IReadOnlyList<(IWatchlistProvider Provider, Watchlist List)>> LoadAsync(Arguments args, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = ApplyLoadRules(args, new ScreeningOptions());
        var providers = Providers(args);
        if (providers.Count == 0) providers = [BuiltInWatchlist.CreateProvider()];
        var loaded = new List<(IWatchlistProvider, Watchlist)>(providers.Count);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in providers)
        {
            Watchlist list;
            try
            {
                list = await p.LoadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                throw new InputException(Hint(args, ex.Message), ex);
            }
            if (ids.TryGetValue(list.Id, out var other))
                throw new InputException($"two lists share the id '{list.Id}': {other} and {p.Source}");
            ids.Add(list.Id, p.Source);
            // The same rules as a screen: lists and export must not present an empty or partial list as fine.
            LoadPolicy.CheckLoaded(list, p.Source, options);
            ReportLoad(stderr, p.Source, list);
            loaded.Add((p, list));
        }
        return loaded;
    }

    private static string Hint(Arguments args, string message) =>
        args.Lists.Count == 0 ? message + " Name the lists to screen with --list KIND:PATH." : message;
}
