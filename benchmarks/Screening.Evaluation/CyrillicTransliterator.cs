using System.Text;

namespace Screening.Evaluation;

/// <summary>
/// Writes a romanized (BGN/PCGN-style) Russian word back in Cyrillic letters, as a Russian registry would hold it:
/// the reverse of what OFAC did. Greedy longest match on letter groups; English words come out letter by letter.
/// </summary>
internal static class CyrillicTransliterator
{
    private static readonly (string Latin, string Cyrillic)[] Groups =
    [
        ("SHCH", "Щ"), ("KH", "Х"), ("TS", "Ц"), ("CH", "Ч"), ("SH", "Ш"), ("ZH", "Ж"),
        ("YA", "Я"), ("YU", "Ю"), ("YO", "Ё"), ("YE", "Е"),
        ("A", "А"), ("B", "Б"), ("V", "В"), ("G", "Г"), ("D", "Д"), ("E", "Е"), ("Z", "З"), ("I", "И"), ("K", "К"),
        ("L", "Л"), ("M", "М"), ("N", "Н"), ("O", "О"), ("P", "П"), ("R", "Р"), ("S", "С"), ("T", "Т"), ("U", "У"),
        ("F", "Ф"), ("H", "Х"), ("C", "К"), ("J", "ДЖ"), ("Q", "К"), ("W", "В"), ("X", "КС"),
    ];

    private const string Vowels = "AEIOUY";

    public static string ToCyrillic(string word)
    {
        var w = word.ToUpperInvariant();
        var sb = new StringBuilder(w.Length);
        for (var i = 0; i < w.Length;)
        {
            var c = w[i];
            if (c is '\'' or '\u2019')
            {
                sb.Append('Ь');
                i++;
                continue;
            }
            if (!char.IsAsciiLetter(c))
            {
                if (char.IsAsciiDigit(c) || c is '-' or '(' or ')' or '&') sb.Append(c);
                i++;
                continue;
            }
            var prevVowel = i > 0 && Vowels.Contains(w[i - 1]);
            var atStart = i == 0 || !char.IsAsciiLetter(w[i - 1]);
            var next = i + 1 < w.Length ? w[i + 1] : '\0';
            if (c == 'Y' && next is not ('A' or 'U' or 'O' or 'E'))
            {
                if (prevVowel) sb.Append('Й'); // -AY, -OY, -EY, -IY: short i after a vowel
                else if (next == 'Y' && (i + 2 >= w.Length || !char.IsAsciiLetter(w[i + 2])))
                {
                    sb.Append("ЫЙ"); // word-final -YY
                    i++;
                }
                else sb.Append('Ы');
                i++;
                continue;
            }
            if (c == 'E' && atStart)
            {
                sb.Append('Э'); // word-initial E is Э; inside a word OFAC writes Е as E even after vowels (-NOE)
                i++;
                continue;
            }
            var final = i + 1 >= w.Length || !char.IsAsciiLetter(w[i + 1]);
            if (c == 'I' && prevVowel && final && i >= 4)
            {
                sb.Append('Й'); // -OI, -YI, -II at the end: -ОЙ, -ЫЙ, -ИЙ
                i++;
                continue;
            }
            var matched = false;
            foreach (var (latin, cyr) in Groups)
            {
                if (string.CompareOrdinal(w, i, latin, 0, latin.Length) != 0) continue;
                sb.Append(cyr);
                i += latin.Length;
                matched = true;
                break;
            }
            if (!matched) i++;
        }
        return sb.ToString();
    }
}
