using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.TermTable;

/// <summary>One listed name of an organization: its list, entry, and word keys (before the phrase table).</summary>
internal sealed record ListedName(string List, string Entry, string[] Keys);

/// <summary>
/// The organization names of the OFAC SDN list and the US Consolidated Screening List (without its SDN rows, which
/// repeat the SDN list), and the city and region names of their addresses in the former Soviet states.
/// </summary>
internal sealed class ListedNames
{
    private static readonly HashSet<string> FormerSoviet = new(StringComparer.OrdinalIgnoreCase)
    {
        "Russia", "Russian Federation", "Belarus", "Ukraine", "Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan",
        "Turkmenistan", "Armenia", "Azerbaijan", "Georgia", "Moldova", "RU", "BY", "UA", "KZ", "UZ", "KG", "TJ", "TM", "AM", "AZ", "GE", "MD",
    };

    // Words of an address's city field that say what kind of place it is, not which.
    private static readonly HashSet<string> PlaceKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "region", "oblast", "krai", "kray", "republic", "province", "district", "territory", "city", "of", "the", "g", "raion",
        "rayon", "okrug", "gorod", "oblast'", "autonomous", "federal", "town", "village", "settlement", "municipal", "urban", "rural", "st", "saint",
    };

    public List<ListedName> Names { get; } = [];

    /// <summary>Every word key of every listed name (organizations and people), for attesting adjective forms.</summary>
    public HashSet<string> WordKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>One-word place names of the addresses, as written (title case folded to capitals).</summary>
    public SortedSet<string> Places { get; } = new(StringComparer.Ordinal);

    /// <summary>How many listed names of people, and of organizations, have each word key.</summary>
    public Dictionary<string, (int People, int Organizations)> WordUse { get; } = new(StringComparer.Ordinal);

    public static async Task<ListedNames> LoadAsync(string dataFolder)
    {
        var sdnFolder = Path.Combine(dataFolder, "ofac_sdn");
        var csl = Path.Combine(dataFolder, "us_csl", "2022-05", "consolidated.csv");
        if (!Directory.Exists(sdnFolder)) throw new DirectoryNotFoundException($"OFAC SDN folder is missing: {sdnFolder}");
        if (!File.Exists(csl)) throw new FileNotFoundException($"CSL file is missing: {csl}", csl);
        var result = new ListedNames();
        result.Add(await new OfacSdnProvider(sdnFolder).LoadAsync(), "sdn", _ => true);
        result.Add(await new CslProvider(csl).LoadAsync(), "csl", e => !e.Tags.Contains("list:SDN"));
        return result;
    }

    private void Add(Watchlist list, string id, Func<WatchlistEntry, bool> take)
    {
        foreach (var e in list.Entries)
        {
            if (!take(e)) continue;
            foreach (var n in e.Names)
            {
                var keys = NameNormalizer.Tokenize(n.Value).Select(t => t.Key).ToArray();
                WordKeys.UnionWith(keys);
                foreach (var k in keys.Distinct())
                {
                    WordUse.TryGetValue(k, out var use);
                    WordUse[k] = e.Type == EntityType.Person ? (use.People + 1, use.Organizations) : (use.People, use.Organizations + 1);
                }
                if (e.Type is EntityType.Organization or EntityType.Unknown && keys.Length > 0) Names.Add(new ListedName(id, e.Id, keys));
            }
            foreach (var a in e.Addresses)
                if (a.City is { } city && (FormerSoviet.Contains(a.Country ?? "") || FormerSoviet.Contains(a.CountryCode ?? ""))) AddPlaces(city);
        }
    }

    // "Moscow 123112", "Kherson, Kherson Region", "Zelenograd, Moscow 124460": each comma part, digits and kinds dropped.
    private void AddPlaces(string city)
    {
        foreach (var part in city.Split(','))
        {
            var words = part.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.All(char.IsLetter) && !PlaceKinds.Contains(w)).ToArray();
            if (words.Length == 1 && words[0].Length >= NormalizationLimits.MinPlaceLength) Places.Add(words[0].ToUpperInvariant());
        }
    }
}

/// <summary>Lengths the generator's rules use.</summary>
internal static class NormalizationLimits
{
    /// <summary>A place name of fewer letters is not derived automatically (UFA, ORSK: add them by hand).</summary>
    public const int MinPlaceLength = 4;
}
