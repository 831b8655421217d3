using Screening.Watchlists;

namespace Screening;

/// <summary>
/// The curated watchlist embedded in the package: firms tied to Russia's defense procurement and their
/// third-country suppliers, generated from public-domain US-government lists. It ages: load the official
/// files through the providers when you need today's designations.
/// </summary>
public static class BuiltInWatchlist
{
    /// <summary>The list id of the built-in watchlist.</summary>
    public const string Id = "screening-russia-defense";

    internal const string ResourceName = "Screening.BuiltIn." + Id + ".json";

    /// <summary>Role of Russian and Belarusian defense-industrial firms, research institutes and state bodies (tag <c>role:defense-industry</c>).</summary>
    public const string DefenseIndustry = "defense-industry";

    /// <summary>Role of Russian and Belarusian traders and procurement agents (tag <c>role:procurement-agent</c>).</summary>
    public const string ProcurementAgent = "procurement-agent";

    /// <summary>Role of firms outside Russia and Belarus designated under the Russia programs (tag <c>role:third-country-supplier</c>).</summary>
    public const string ThirdCountrySupplier = "third-country-supplier";

    /// <summary>Role of banks and other financial institutions, in Russia, Belarus or elsewhere (tag <c>role:financial-facilitator</c>).</summary>
    public const string FinancialFacilitator = "financial-facilitator";

    /// <summary>
    /// A filter for <see cref="ScreeningOptions.BuiltInWatchlistFilter"/> or <see cref="CreateProvider"/> that keeps the
    /// entries with any of the given roles (<see cref="DefenseIndustry"/>, <see cref="ProcurementAgent"/>,
    /// <see cref="ThirdCountrySupplier"/>, <see cref="FinancialFacilitator"/>; the <c>role:</c> prefix is optional; case is ignored).
    /// </summary>
    /// <example><c>o.BuiltInWatchlistFilter = BuiltInWatchlist.Roles(BuiltInWatchlist.ThirdCountrySupplier);</c></example>
    public static Func<WatchlistEntry, bool> Roles(params string[] roles) => TagFilter("role:", roles, nameof(roles));

    /// <summary>A filter that keeps the entries with any of the given sectors (e.g. <c>electronics</c>, <c>machine-tools</c>; the <c>sector:</c> prefix is optional; case is ignored).</summary>
    public static Func<WatchlistEntry, bool> Sectors(params string[] sectors) => TagFilter("sector:", sectors, nameof(sectors));

    /// <summary>A filter that keeps the entries tied to any of the given countries (ISO 3166 alpha-2 codes such as <c>CN</c>, <c>HK</c>; case is ignored).</summary>
    public static Func<WatchlistEntry, bool> Countries(params string[] countries)
    {
        var set = ValueSet(countries, "", nameof(countries));
        return e =>
        {
            foreach (var c in e.Countries)
                if (set.Contains(c)) return true;
            return false;
        };
    }

    /// <summary>A filter that keeps the entries designated under any of the given sanctions programs (e.g. <c>RUSSIA-EO14024</c>; case is ignored).</summary>
    public static Func<WatchlistEntry, bool> Programs(params string[] programs)
    {
        var set = ValueSet(programs, "", nameof(programs));
        return e =>
        {
            foreach (var p in e.Programs)
                if (set.Contains(p)) return true;
            return false;
        };
    }

    private static Func<WatchlistEntry, bool> TagFilter(string prefix, string[] values, string parameter)
    {
        var set = ValueSet(values, prefix, parameter);
        return e =>
        {
            foreach (var t in e.Tags)
                if (set.Contains(t)) return true;
            return false;
        };
    }

    private static HashSet<string> ValueSet(string[] values, string prefix, string parameter)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        if (values.Length == 0) throw new ArgumentException("Give at least one value.", parameter);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in values)
        {
            if (string.IsNullOrWhiteSpace(v)) throw new ArgumentException("Values must not be empty.", parameter);
            var t = v.Trim();
            set.Add(prefix.Length > 0 && !t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? prefix + t : t);
        }
        return set;
    }

    /// <summary>Creates a provider of the built-in list.</summary>
    /// <param name="filter">Keeps only the entries it accepts (e.g. by role tag, country or program); all when null.</param>
    public static IWatchlistProvider CreateProvider(Func<WatchlistEntry, bool>? filter = null) => new Provider(filter);

    /// <summary>Loads the built-in list.</summary>
    public static Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default) => new Provider(null).LoadAsync(cancellationToken);

    private sealed class Provider(Func<WatchlistEntry, bool>? filter) : IWatchlistProvider
    {
        public string Source => "builtin:" + Id;

        public async Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default)
        {
            var json = new JsonWatchlistProvider(
                () => typeof(BuiltInWatchlist).Assembly.GetManifestResourceStream(ResourceName)
                      ?? throw new InvalidOperationException($"The built-in watchlist resource '{ResourceName}' is missing from the assembly."),
                Source);
            var list = await json.LoadAsync(cancellationToken).ConfigureAwait(false);
            if (filter is null) return list;
            var kept = new List<WatchlistEntry>();
            foreach (var e in list.Entries)
                if (filter(e)) kept.Add(e);
            // The report describes the list as loaded: its entries, and how many the filter left out.
            var report = list.Report with { EntriesLoaded = kept.Count, EntriesFiltered = list.Report.EntriesFiltered + list.Entries.Count - kept.Count };
            return new Watchlist(list.Id, list.DisplayName, list.Version, kept, report);
        }
    }
}
