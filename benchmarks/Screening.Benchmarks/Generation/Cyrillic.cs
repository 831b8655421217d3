using System.Text;

namespace Screening.Benchmarks.Generation;

// Latin (as OFAC romanizes Russian) back to Cyrillic with a simple reverse table: the kind of input a Russian
// registry extract or a supplier's own paperwork gives.
internal static class Cyrillic
{
    private static readonly (string Latin, string Cyr)[] Digraphs =
    [
        ("SHCH", "Щ"), ("ZH", "Ж"), ("KH", "Х"), ("TS", "Ц"), ("CH", "Ч"), ("SH", "Ш"),
        ("YU", "Ю"), ("YA", "Я"), ("YE", "Е"), ("YO", "Ё"), ("YY", "ЫЙ"), ("IY", "ИЙ"),
    ];

    private static readonly Dictionary<char, string> Single = new()
    {
        ['A'] = "А", ['B'] = "Б", ['V'] = "В", ['G'] = "Г", ['D'] = "Д", ['E'] = "Е", ['Z'] = "З", ['I'] = "И",
        ['K'] = "К", ['L'] = "Л", ['M'] = "М", ['N'] = "Н", ['O'] = "О", ['P'] = "П", ['R'] = "Р", ['S'] = "С",
        ['T'] = "Т", ['U'] = "У", ['F'] = "Ф", ['H'] = "Х", ['C'] = "К", ['J'] = "ДЖ", ['Q'] = "К", ['W'] = "В",
        ['X'] = "КС",
    };

    /// <summary>Transliterates to upper-case Cyrillic; characters other than Latin letters are kept.</summary>
    public static string FromLatin(string text)
    {
        var s = text.ToUpperInvariant();
        var sb = new StringBuilder(s.Length + 8);
        for (var i = 0; i < s.Length;)
        {
            var c = s[i];
            if (c is < 'A' or > 'Z')
            {
                sb.Append(c);
                i++;
                continue;
            }
            var wordStart = i == 0 || !char.IsLetter(s[i - 1]);
            var done = false;
            foreach (var (latin, cyr) in Digraphs)
            {
                if (string.CompareOrdinal(s, i, latin, 0, latin.Length) != 0) continue;
                // -IY / -YY end a word as ИЙ / ЫЙ; before a vowel the Y starts ЯЮЕЁ instead (KOMPANIYA -> КОМПАНИЯ).
                if (latin is "IY" or "YY" && i + 2 < s.Length && IsVowel(s[i + 2])) continue;
                sb.Append(cyr);
                i += latin.Length;
                done = true;
                break;
            }
            if (done) continue;
            if (c == 'E' && wordStart) sb.Append('Э');
            else if (c == 'Y') sb.Append(i > 0 && IsVowel(s[i - 1]) ? "Й" : "Ы");
            else sb.Append(Single[c]);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>Title case per word (for person names).</summary>
    public static string TitleCase(string upper)
    {
        var chars = upper.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (char.IsLetter(chars[i]) && (i == 0 || !char.IsLetter(chars[i - 1]))) chars[i] = char.ToUpperInvariant(chars[i]);
        return new string(chars);
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';
}
