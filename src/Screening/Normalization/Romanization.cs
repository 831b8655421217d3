using System.Text;

namespace Screening.Normalization;

// Script folding and the romanization key. Pure functions on chars and ASCII strings.
internal static class Romanization
{
    // One canonical Cyrillic scheme (close to BGN/PCGN, which OFAC uses); Key() then folds the competing ones.
    private static readonly Dictionary<char, string> Cyrillic = BuildCyrillic();

    private static Dictionary<char, string> BuildCyrillic()
    {
        var d = new Dictionary<char, string>();
        void Add(string upper, string lower, string latin)
        {
            d[upper[0]] = latin;
            d[lower[0]] = latin;
        }
        Add("А", "а", "A"); Add("Б", "б", "B"); Add("В", "в", "V"); Add("Г", "г", "G"); Add("Д", "д", "D");
        Add("Е", "е", "E"); Add("Ё", "ё", "E"); Add("Ж", "ж", "ZH"); Add("З", "з", "Z"); Add("И", "и", "I");
        Add("Й", "й", "Y"); Add("К", "к", "K"); Add("Л", "л", "L"); Add("М", "м", "M"); Add("Н", "н", "N");
        Add("О", "о", "O"); Add("П", "п", "P"); Add("Р", "р", "R"); Add("С", "с", "S"); Add("Т", "т", "T");
        Add("У", "у", "U"); Add("Ф", "ф", "F"); Add("Х", "х", "KH"); Add("Ц", "ц", "TS"); Add("Ч", "ч", "CH");
        Add("Ш", "ш", "SH"); Add("Щ", "щ", "SHCH"); Add("Ъ", "ъ", ""); Add("Ы", "ы", "Y"); Add("Ь", "ь", "");
        Add("Э", "э", "E"); Add("Ю", "ю", "YU"); Add("Я", "я", "YA");
        // Ukrainian, Belarusian, Serbian, Macedonian, Kazakh, Uzbek, Kyrgyz, Tajik, Mongolian letters.
        Add("Є", "є", "YE"); Add("І", "і", "I"); Add("Ї", "ї", "YI"); Add("Ґ", "ґ", "G"); Add("Ў", "ў", "U");
        Add("Ђ", "ђ", "DJ"); Add("Ј", "ј", "J"); Add("Љ", "љ", "LJ"); Add("Њ", "њ", "NJ"); Add("Ћ", "ћ", "C");
        Add("Џ", "џ", "DZ"); Add("Ѓ", "ѓ", "GJ"); Add("Ќ", "ќ", "KJ"); Add("Ѕ", "ѕ", "DZ");
        Add("Ә", "ә", "A"); Add("Ғ", "ғ", "GH"); Add("Қ", "қ", "Q"); Add("Ң", "ң", "NG"); Add("Ө", "ө", "O");
        Add("Ұ", "ұ", "U"); Add("Ү", "ү", "U"); Add("Һ", "һ", "H"); Add("Ҳ", "ҳ", "H"); Add("Ҷ", "ҷ", "J");
        Add("Ӣ", "ӣ", "I"); Add("Ӯ", "ӯ", "U"); Add("Ҙ", "ҙ", "Z");
        return d;
    }

    // Latin letters that NFKD does not decompose.
    private static readonly Dictionary<char, string> LatinSpecial = new()
    {
        ['ß'] = "SS", ['ẞ'] = "SS", ['Æ'] = "AE", ['æ'] = "AE", ['Ø'] = "O", ['ø'] = "O", ['Œ'] = "OE", ['œ'] = "OE",
        ['Ł'] = "L", ['ł'] = "L", ['Đ'] = "D", ['đ'] = "D", ['Ð'] = "D", ['ð'] = "D", ['Þ'] = "TH", ['þ'] = "TH",
        ['ı'] = "I", ['Ħ'] = "H", ['ħ'] = "H", ['ŀ'] = "L", ['Ŀ'] = "L", ['ſ'] = "S", ['Ŋ'] = "NG", ['ŋ'] = "NG",
        // ISO 9 and GOST 7.79 write Ж, Ч, Ш, Щ with a caron or circumflex; Czech, Slovak, Croatian and Slovene letters of
        // the same sounds read the same. Decomposing them would leave Z, C, S and lose the sound.
        ['Ž'] = "ZH", ['ž'] = "ZH", ['Č'] = "CH", ['č'] = "CH", ['Š'] = "SH", ['š'] = "SH", ['Ŝ'] = "SHCH", ['ŝ'] = "SHCH",
    };

    // Latin letters that look like Cyrillic ones but read otherwise, typed by mistake inside Cyrillic words (Xолдинг
    // with a Latin X reads KHOLDING, not XOLDING).
    private static readonly Dictionary<char, char> CyrillicLookalikes = new()
    {
        ['A'] = 'А', ['a'] = 'а', ['B'] = 'В', ['C'] = 'С', ['c'] = 'с', ['E'] = 'Е', ['e'] = 'е', ['H'] = 'Н', ['K'] = 'К',
        ['M'] = 'М', ['O'] = 'О', ['o'] = 'о', ['P'] = 'Р', ['p'] = 'р', ['T'] = 'Т', ['X'] = 'Х', ['x'] = 'х', ['Y'] = 'У', ['y'] = 'у',
    };

    /// <summary>The Cyrillic letter a Latin one looks like, in a word that mixes the scripts; else the letter itself.</summary>
    public static char AsCyrillicLookalike(char c) => CyrillicLookalikes.TryGetValue(c, out var cyrillic) ? cyrillic : c;

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u052F';

    public static bool IsHan(int cp) =>
        cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x2FA1F;

    /// <summary>Transliterates one Cyrillic letter, or returns null.</summary>
    public static string? FromCyrillic(char c) => Cyrillic.TryGetValue(c, out var s) ? s : null;

    /// <summary>Maps a Latin letter that has no decomposition, or returns null.</summary>
    public static string? FromLatinSpecial(char c) => LatinSpecial.TryGetValue(c, out var s) ? s : null;

    /// <summary>Transliterates any other code point (Greek, Han, Arabic, Hangul...) through AnyAscii.</summary>
    public static string Fallback(int codePoint) => AnyAscii.Transliteration.Transliterate(char.ConvertFromUtf32(codePoint));

    /// <summary>
    /// Folds competing romanizations of one token to one key, so that OFAC's spelling, a passport spelling and the
    /// original Cyrillic meet: KH/H, TS/TZ/C, SHCH/SCH/SH, ZH/J, Y/I (ya/ia, yu/iu, -iy/-yy/-y, ey/ei), X/KS, W/V, PH/F, CK/K, Q/K,
    /// C/K (but CH stays), YO/E after a consonant (Ё), YE/IE/E after a vowel (Е), J/Y for Й after a vowel, and runs of I/Y.
    /// </summary>
    public static string Key(string text)
    {
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length * 2] : new char[text.Length * 2];
        var n = KeyInto(text, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>
    /// Whether two short typed words are one word under the folds that romanizing Cyrillic produces (KH/H, TS/C,
    /// ZH/J, SHCH/SCH/SH, PH/F, X/KS, YA/IA and the like, a Y/I after the first letter). Keys fold more (C/K, Q/K, W/V, Y/I everywhere),
    /// which for three- and four-letter words mostly pairs different Latin acronyms: EQT/EKT, YWC/IVK, COTY/KOTI.
    /// </summary>
    public static bool ShortFoldEquals(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<char> fa = stackalloc char[a.Length * 2];
        Span<char> fb = stackalloc char[b.Length * 2];
        return ShortFold(a, fa).SequenceEqual(ShortFold(b, fb));
    }

    private static ReadOnlySpan<char> ShortFold(ReadOnlySpan<char> s, Span<char> dest)
    {
        var w = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (c == 'S' && next == 'H' && i + 3 < s.Length && s[i + 2] == 'C' && s[i + 3] == 'H') { dest[w++] = 'S'; dest[w++] = 'H'; i += 3; }
            else if (c == 'S' && next == 'C' && i + 2 < s.Length && s[i + 2] == 'H') { dest[w++] = 'S'; dest[w++] = 'H'; i += 2; }
            else if (c == 'K' && next == 'H') { dest[w++] = 'H'; i++; }
            else if (c == 'T' && next is 'S' or 'Z') { dest[w++] = 'C'; i++; }
            else if (c == 'Z' && next == 'H') { dest[w++] = 'J'; i++; }
            else if (c == 'P' && next == 'H') { dest[w++] = 'F'; i++; }
            else if (c == 'X') { dest[w++] = 'K'; dest[w++] = 'S'; }
            else if (c is 'Y' or 'I' && (w > 0 || next is 'A' or 'E' or 'O' or 'U')) { if (w == 0 || dest[w - 1] != 'I') dest[w++] = 'I'; }
            else dest[w++] = c;
        }
        return dest[..w];
    }

    /// <summary>Writes the key of <paramref name="s"/> (upper-case ASCII) into <paramref name="dest"/>, at most twice its length; returns the length.</summary>
    public static int KeyInto(ReadOnlySpan<char> s, Span<char> dest)
    {
        var w = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            switch (c)
            {
                case 'S' when next == 'H' && i + 3 < s.Length && s[i + 2] == 'C' && s[i + 3] == 'H':
                    dest[w++] = 'S'; dest[w++] = 'H'; i += 3; break;
                case 'S' when next == 'C' && i + 2 < s.Length && s[i + 2] == 'H':
                    dest[w++] = 'S'; dest[w++] = 'H'; i += 2; break;
                case 'T' when next == 'C' && i + 2 < s.Length && s[i + 2] == 'H':
                    dest[w++] = 'C'; dest[w++] = 'H'; i += 2; break;
                case 'K' when next == 'H':
                    dest[w++] = 'H'; i++; break;
                case 'T' when next is 'S' or 'Z':
                    dest[w++] = 'K'; i++; break; // TS, TZ -> C -> K
                case 'Z' when next == 'H':
                    dest[w++] = 'J'; i++; break;
                case 'P' when next == 'H':
                    dest[w++] = 'F'; i++; break;
                case 'C' when next == 'H':
                    dest[w++] = 'C'; dest[w++] = 'H'; i++; break;
                case 'C' when next == 'K':
                    dest[w++] = 'K'; i++; break;
                case 'C':
                case 'Q':
                    dest[w++] = 'K'; break;
                case 'X':
                    dest[w++] = 'K'; dest[w++] = 'S'; break;
                case 'W':
                    dest[w++] = 'V'; break;
                case 'Y' when next == 'O' && w > 0 && dest[w - 1] is not ('A' or 'E' or 'I' or 'O' or 'U'):
                    // Ё after a consonant, romanized YO or written E (DEGTYARYOV, DEGTYAREV; FYODOROV, FEDOROV).
                    dest[w++] = 'E'; i++; break;
                case 'J' when w > 0 && dest[w - 1] is 'A' or 'E' or 'I' or 'O' or 'U' && next is not ('A' or 'E' or 'I' or 'O' or 'U' or 'Y'):
                    // Й after a vowel, before a consonant or at the end, romanized J (GOST, German, ISO 9: -OJ, -IJ) or Y.
                    if (dest[w - 1] != 'I') dest[w++] = 'I';
                    break;
                case 'Y' or 'I' when next == 'E' && w > 0 && dest[w - 1] is 'A' or 'E' or 'O' or 'U':
                    // Е after a vowel, romanized YE, IE or E (ZAVODSKOYE, ZAVODSKOIE, ZAVODSKOE): the E alone.
                    break;
                case 'Y':
                case 'I':
                    // Y and I are one letter here, and a run of them is one (-IY, -YY, -II -> I): other doubled
                    // letters stay, so that a misspelling costs one edit, not two.
                    if (w == 0 || dest[w - 1] != 'I') dest[w++] = 'I';
                    break;
                default:
                    dest[w++] = c; break;
            }
        }
        return w;
    }
}
