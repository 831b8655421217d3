using Screening.Watchlists;

namespace Screening.Benchmarks.Generation;

/// <summary>The query categories of the latency benchmarks.</summary>
internal enum QueryCategory
{
    /// <summary>A listed primary name as written.</summary>
    Exact,
    /// <summary>A listed alias (a.k.a. or f.k.a.).</summary>
    Alias,
    /// <summary>A listed name with one typo.</summary>
    OneTypo,
    /// <summary>A listed name with two typos.</summary>
    TwoTypos,
    /// <summary>A listed Russia-related name transliterated back to Cyrillic, legal form in Russian.</summary>
    Cyrillic,
    /// <summary>Chinese and Hong Kong suppliers: listed China/HK names, and invented Han-script and pinyin names.</summary>
    ChinaHongKong,
    /// <summary>A listed organization with its legal form swapped for an equivalent one or moved.</summary>
    LegalFormSwap,
    /// <summary>An invented company name on no list.</summary>
    Unlisted,
}

/// <summary>
/// Builds a realistic, deterministic query mix from a loaded list: each category draws from its own seeded random
/// stream, so adding or resizing a category changes no other.
/// </summary>
internal sealed class QueryMix
{
    public const int DefaultSeed = 20260301;

    private readonly string[] _orgPrimary;
    private readonly string[] _otherPrimary;
    private readonly string[] _aliases;
    private readonly string[] _russiaOrgs;
    private readonly string[] _russiaPersons;
    private readonly string[] _chinaHk;
    private readonly string[] _withLegalForm;
    private readonly int _seed;

    public QueryMix(Watchlist list, int seed = DefaultSeed)
    {
        _seed = seed;
        var orgPrimary = new List<string>();
        var otherPrimary = new List<string>();
        var aliases = new List<string>();
        var russiaOrgs = new List<string>();
        var russiaPersons = new List<string>();
        var chinaHk = new List<string>();
        var withLegalForm = new List<string>();
        foreach (var e in list.Entries)
        {
            if (e.Names.Count == 0 || string.IsNullOrWhiteSpace(e.PrimaryName)) continue;
            var primary = e.PrimaryName;
            var org = e.Type is EntityType.Organization or EntityType.Unknown;
            (org ? orgPrimary : otherPrimary).Add(primary);
            foreach (var n in e.Names)
                if (n.Strength is NameStrength.Strong or NameStrength.Former && !string.IsNullOrWhiteSpace(n.Value)) aliases.Add(n.Value);
            var russia = e.Programs.Any(p => p.Contains("RUSSIA", StringComparison.OrdinalIgnoreCase) || p.StartsWith("UKRAINE", StringComparison.OrdinalIgnoreCase));
            if (russia && org) russiaOrgs.Add(primary);
            if (russia && e.Type == EntityType.Person) russiaPersons.Add(primary);
            if (org && IsChinaOrHongKong(e)) chinaHk.Add(primary);
            if (org && LegalForms.TryFind(primary.ToUpperInvariant(), out _, out _, out _)) withLegalForm.Add(primary);
        }
        _orgPrimary = [.. orgPrimary];
        _otherPrimary = [.. otherPrimary];
        _aliases = [.. aliases];
        _russiaOrgs = [.. russiaOrgs];
        _russiaPersons = [.. russiaPersons];
        _chinaHk = [.. chinaHk];
        _withLegalForm = [.. withLegalForm];
    }

    public static IReadOnlyList<QueryCategory> Categories { get; } = Enum.GetValues<QueryCategory>();

    /// <summary>Pool sizes, for the reports.</summary>
    public string Describe() =>
        $"{_orgPrimary.Length:N0} organization and {_otherPrimary.Length:N0} other primary names, {_aliases.Length:N0} aliases, " +
        $"{_russiaOrgs.Length:N0} Russia-related organizations and {_russiaPersons.Length:N0} persons, {_chinaHk.Length:N0} China/HK organizations, " +
        $"{_withLegalForm.Length:N0} organizations with a recognizable legal form";

    /// <summary><paramref name="count"/> queries of one category.</summary>
    public string[] Build(QueryCategory category, int count)
    {
        var rng = new Random(_seed * 31 + (int)category);
        var result = new string[count];
        switch (category)
        {
            case QueryCategory.Exact:
            {
                var orgs = new Cycle(_orgPrimary, rng);
                var others = new Cycle(_otherPrimary, rng);
                for (var i = 0; i < count; i++) result[i] = rng.Next(5) == 0 && others.Any ? others.Next() : orgs.Next();
                break;
            }
            case QueryCategory.Alias:
            {
                var aliases = new Cycle(_aliases, rng);
                for (var i = 0; i < count; i++) result[i] = aliases.Next();
                break;
            }
            case QueryCategory.OneTypo:
            case QueryCategory.TwoTypos:
            {
                var edits = category == QueryCategory.OneTypo ? 1 : 2;
                var orgs = new Cycle(_orgPrimary, rng);
                var others = new Cycle(_otherPrimary, rng);
                for (var i = 0; i < count;)
                {
                    var typo = Typos.Apply(rng.Next(5) == 0 && others.Any ? others.Next() : orgs.Next(), edits, rng);
                    if (typo is not null) result[i++] = typo;
                }
                break;
            }
            case QueryCategory.Cyrillic:
            {
                var orgs = new Cycle(_russiaOrgs, rng);
                var persons = new Cycle(_russiaPersons, rng);
                for (var i = 0; i < count; i++)
                    result[i] = rng.Next(4) == 0 && persons.Any ? CyrillicPerson(persons.Next()) : CyrillicOrganization(orgs.Next(), rng);
                break;
            }
            case QueryCategory.ChinaHongKong:
            {
                var listed = new Cycle(_chinaHk, rng);
                for (var i = 0; i < count; i++)
                {
                    if (i == 0) { result[i] = "深圳市华为技术有限公司"; continue; }
                    result[i] = rng.Next(3) switch
                    {
                        0 when listed.Any => rng.Next(2) == 0 ? listed.Next() : SwapLegalForm(listed.Next(), rng),
                        1 => InventedNames.Han(rng),
                        _ => InventedNames.Pinyin(rng),
                    };
                }
                break;
            }
            case QueryCategory.LegalFormSwap:
            {
                var names = new Cycle(_withLegalForm, rng);
                for (var i = 0; i < count; i++) result[i] = SwapLegalForm(names.Next(), rng);
                break;
            }
            case QueryCategory.Unlisted:
                for (var i = 0; i < count; i++) result[i] = InventedNames.Unlisted(rng);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(category), category, null);
        }
        return result;
    }

    /// <summary>Every category, <paramref name="perCategory"/> queries each.</summary>
    public Dictionary<QueryCategory, string[]> BuildAll(int perCategory)
    {
        var all = new Dictionary<QueryCategory, string[]>();
        foreach (var c in Categories) all[c] = Build(c, perCategory);
        return all;
    }

    private static bool IsChinaOrHongKong(WatchlistEntry e)
    {
        foreach (var c in e.Countries)
            if (c is "CN" or "HK") return true;
        foreach (var a in e.Addresses)
        {
            if (a.CountryCode is "CN" or "HK") return true;
            if (a.Country is { } country && (country.Contains("China", StringComparison.OrdinalIgnoreCase) || country.Contains("Hong Kong", StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    // Swaps the legal form for another of the same meaning (LLC -> OOO, CO., LTD. -> COMPANY LIMITED), and sometimes
    // moves it to the other end of the name, as registries and invoices do.
    public static string SwapLegalForm(string name, Random rng)
    {
        var upper = name.ToUpperInvariant();
        if (!LegalForms.TryFind(upper, out var group, out var index, out var length)) return upper;
        var current = upper.Substring(index, length);
        var others = group.Variants.Where(v => v != current).Distinct().ToArray();
        var replacement = others.Length == 0 ? current : others[rng.Next(others.Length)];
        var core = LegalForms.Strip(upper, index, length);
        if (core.Length == 0) return upper;
        var atStart = index == 0;
        // Russian forms sit at either end (OOO ROMASHKA, ROMASHKA LLC); LTD, INC, GMBH only at the end.
        if (group.Cyrillic is not null && rng.Next(3) == 0) atStart = !atStart;
        return atStart ? $"{replacement} {core}" : $"{core} {replacement}";
    }

    // IZHEVSK ELECTROMECHANICAL PLANT KUPOL, JSC -> АО «ИЖЕВСК ЭЛЕКТРОМЕЧАНИКАЛ ПЛАНТ КУПОЛ»: a plain reverse table
    // does not translate, so English words come out as a Russian reader would never write them. That is the point:
    // the matcher must romanize Cyrillic and still find the listed tokens.
    private static string CyrillicOrganization(string name, Random rng)
    {
        var upper = name.ToUpperInvariant();
        string? form = null;
        if (LegalForms.TryFind(upper, out var group, out var index, out var length))
        {
            form = group.Cyrillic;
            upper = LegalForms.Strip(upper, index, length);
        }
        var core = Cyrillic.FromLatin(upper.Replace("\"", "", StringComparison.Ordinal));
        if (form is null) return core;
        return rng.Next(5) switch
        {
            < 3 => $"{form} «{core}»",
            3 => $"{form} \"{core}\"",
            _ => $"{form} {core}",
        };
    }

    // IVANOV, Ivan Ivanovich -> Иванов Иван Иванович
    private static string CyrillicPerson(string name) =>
        Cyrillic.TitleCase(Cyrillic.FromLatin(name.Replace(",", "", StringComparison.Ordinal)));

    // Walks a pool in a seeded random order, reshuffling after each pass, so large samples repeat bases evenly.
    private sealed class Cycle(string[] pool, Random rng)
    {
        private readonly string[] _order = (string[])pool.Clone();
        private int _next = int.MaxValue;

        public bool Any => _order.Length > 0;

        public string Next()
        {
            if (_order.Length == 0) throw new InvalidOperationException("The list has no names for this query category.");
            if (_next >= _order.Length)
            {
                rng.Shuffle(_order);
                _next = 0;
            }
            return _order[_next++];
        }
    }
}
