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

    /// <summary>Builds a screener over the lists (the library's built-in list when no SPEC is given).</summary>
    public static async Task<Screener> BuildScreenerAsync(Arguments args, TextWriter stderr, CancellationToken cancellationToken)
    {
        var builder = new ScreenerBuilder();
        foreach (var p in Providers(args)) builder.AddProvider(p);
        builder.Configure(o =>
        {
            if (args.Threshold is { } t) o.Threshold = t;
            if (args.Limit is { } n) o.MaxMatches = n;
            ApplyLoadRules(args, o);
        });
        try
        {
            var screener = await builder.BuildAsync(cancellationToken).ConfigureAwait(false);
            var sources = builder.Providers.Count == screener.Watchlists.Count ? builder.Providers.Select(p => p.Source).ToList() : null;
            for (var i = 0; i < screener.Watchlists.Count; i++)
                ReportLoad(stderr, sources?[i] ?? screener.Watchlists[i].Id, screener.Watchlists[i]);
            return screener;
        }
        catch (InvalidOperationException ex)
        {
            // Two lists with one id, or the built-in list missing from this build: the user's setup, not a bug.
            throw new InputException(Hint(args, ex.Message), ex);
        }
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
