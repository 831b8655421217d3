namespace Screening.Watchlists;

/// <summary>Countries as OFAC's legacy files write them: the ISO code of a name, and a per-load cache of the lookups.</summary>
internal static class OfacCountries
{
    // OFAC spellings that CountryCodes does not know.
    private static readonly (string Spelling, string Code)[] OfacSpellings =
        [("Central African Republic", "CF"), ("Cote d Ivoire", "CI"), ("Region: North Gaza", "PS"), ("Region: Northern Gaza", "PS")];

    /// <summary>
    /// The ISO code of a country as OFAC writes it: besides <see cref="CountryCodes"/> it handles
    /// <c>Region: Crimea</c>, inverted names (<c>Bahamas, The</c>, <c>Man, Isle of</c>) and a few spellings
    /// <see cref="CountryCodes"/> lacks (<c>Central African Republic</c>, <c>Cote d Ivoire</c>).
    /// </summary>
    public static bool TryGetCode(string? name, out string code)
    {
        code = "";
        if (OfacFields.IsEmpty(name)) return false;
        var n = name!.Trim().TrimEnd('.').Trim();
        if (CountryCodes.TryGetCode(n, out code)) return true;
        if (n.StartsWith("Region: ", StringComparison.Ordinal))
        {
            n = n[8..].Trim();
            if (CountryCodes.TryGetCode(n, out code)) return true;
        }
        foreach (var (spelling, c) in OfacSpellings)
        {
            if (n.Equals(spelling, StringComparison.OrdinalIgnoreCase)) { code = c; return true; }
        }
        var comma = n.IndexOf(", ", StringComparison.Ordinal);
        if (comma > 0)
        {
            var head = n[..comma];
            var tail = n[(comma + 2)..];
            if (CountryCodes.TryGetCode(tail + " " + head, out code)) return true;
            // "North Macedonia, The Republic of": the part before the comma names the country.
            if (CountryCodes.TryGetCode(head, out code)) return true;
        }
        return false;
    }
}

/// <summary>Country-name lookups for one load, cached: a list repeats the same few hundred names thousands of times.</summary>
internal sealed class CountryLookup
{
    private readonly Dictionary<string, string?> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _spans;

    /// <summary>Creates an empty cache.</summary>
    public CountryLookup() => _spans = _cache.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The ISO code of a country as OFAC writes it (see <see cref="OfacCountries.TryGetCode"/>).</summary>
    public bool TryGet(ReadOnlySpan<char> name, out string code)
    {
        if (!_spans.TryGetValue(name, out var found))
        {
            var key = name.ToString();
            found = OfacCountries.TryGetCode(key, out var c) ? c : null;
            _cache[key] = found;
        }
        code = found ?? "";
        return found is not null;
    }
}

