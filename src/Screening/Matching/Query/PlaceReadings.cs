using System.Collections.Concurrent;
using Screening.Matching.Index;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Matching.Query;

/// <summary>
/// Books often add the firm's country to its name (ALROSA RUSSIA, AG TERMINAL OOO RU, UNITED ELECTRONICS GROUP COMPANY
/// LIMITED RUSSIA). A query whose last words (or, failing that, first words) name a country is also read without them,
/// and that reading may match only the entries tied to that country: the place then says where the firm is, not
/// which firm it is. A country code counts only as the last word.
/// </summary>
internal sealed class PlaceReadings(MatchIndex index)
{
    // Entries tied to each country, built on first use per country (the index is immutable).
    private readonly ConcurrentDictionary<string, bool[]> _entriesByCountry = new(StringComparer.Ordinal);

    /// <summary>The query without its country words, the country's code and a note, or null.</summary>
    public (NormalizedName Name, string Country, string Note)? Reading(PreparedQuery q)
    {
        var tokens = q.Name.Tokens;
        var n = q.TokenCount;
        // The last word that is not a legal form (RUSSIA in ... COMPANY LIMITED RUSSIA).
        var last = n - 1;
        while (last >= 0 && q.Classes[last] == TokenClass.LegalForm) last--;
        if (last < 1) return null;
        for (var words = 2; words >= 1; words--)
        {
            var start = last - words + 1;
            if (start < 1 || !IsCountry(tokens, start, words, codeAllowed: words == 1, out var code, cityAllowed: true)) continue;
            return Without(q, start, words, code);
        }
        var first = 0;
        while (first < n && q.Classes[first] == TokenClass.LegalForm) first++;
        for (var words = 2; words >= 1; words--)
        {
            if (first + words > last || !IsCountry(tokens, first, words, codeAllowed: false, out var code, cityAllowed: false)) continue;
            return Without(q, first, words, code);
        }
        return null;
    }

    /// <summary>The entries the reading may match: tied to the country, and allowed by the request's filters.</summary>
    public bool[] Allowed(string country, bool[]? allowed)
    {
        var tied = _entriesByCountry.GetOrAdd(country, c =>
        {
            var mask = new bool[index.Entries.Length];
            for (var e = 0; e < mask.Length; e++)
            {
                foreach (var ec in index.Entries[e].Entry.Countries)
                    if (string.Equals(ec, c, StringComparison.OrdinalIgnoreCase)) mask[e] = true;
            }
            return mask;
        });
        if (allowed is null) return tied;
        var both = new bool[tied.Length];
        for (var e = 0; e < both.Length; e++) both[e] = tied[e] && allowed[e];
        return both;
    }

    // Places books write after a firm's name that are not country names: the capitals and chief cities of the countries
    // in scope, and Russia's short forms (RUS, RF; as codes, only as the last word).
    private static readonly Dictionary<string, string> Cities = new(StringComparer.Ordinal)
    {
        ["MOSCOW"] = "RU", ["MOSKVA"] = "RU", ["SAINT PETERSBURG"] = "RU", ["ST PETERSBURG"] = "RU", ["MINSK"] = "BY",
        ["KYIV"] = "UA", ["KIEV"] = "UA", ["BEIJING"] = "CN", ["SHANGHAI"] = "CN", ["SHENZHEN"] = "CN", ["GUANGZHOU"] = "CN",
        ["DUBAI"] = "AE", ["ISTANBUL"] = "TR",
    };

    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal) { ["RUS"] = "RU", ["RF"] = "RU" };

    // A city counts as the last words only: Chinese names open with theirs (SHENZHEN JUHANG AVIATION), which a second
    // reading of every such query would not help (the city is a generic word) and would cost a screen.
    private static bool IsCountry(NameToken[] tokens, int start, int words, bool codeAllowed, out string code, bool cityAllowed)
    {
        code = "";
        for (var i = start; i < start + words; i++)
            if (tokens[i].Class is not (TokenClass.Word or TokenClass.Stop) || !IsLatin(tokens[i].Text)) return false;
        var text = words == 1 ? tokens[start].Text : tokens[start].Text + " " + tokens[start + 1].Text;
        if ((cityAllowed && Cities.TryGetValue(text, out var city)) || (codeAllowed && ShortForms.TryGetValue(text, out city)))
        {
            code = city;
            return true;
        }
        if (text.Length == 2) return codeAllowed && CountryCodes.IsCode(text) && CountryCodes.TryGetCode(text, out code);
        return text.Length > 2 && CountryCodes.TryGetCode(text, out code);
    }

    private static bool IsLatin(string text)
    {
        foreach (var c in text)
            if (!char.IsAsciiLetter(c) && c != ' ') return false;
        return true;
    }

    private static (NormalizedName, string, string)? Without(PreparedQuery q, int start, int words, string code)
    {
        var tokens = q.Name.Tokens;
        var kept = new NameToken[tokens.Length - words];
        var content = false;
        for (int i = 0, k = 0; i < tokens.Length; i++)
        {
            if (i >= start && i < start + words) continue;
            kept[k++] = tokens[i];
            content |= tokens[i].Class is TokenClass.Word or TokenClass.Number;
        }
        if (!content) return null;
        var place = words == 1 ? tokens[start].Original : tokens[start].Original + " " + tokens[start + 1].Original;
        return (new NormalizedName(kept, q.Name.Truncated), code, $"'{place}' set aside as the country of the entries it may match ({code})");
    }
}
