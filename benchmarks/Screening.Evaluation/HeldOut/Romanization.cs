using System.Text;

namespace Screening.Evaluation.HeldOut;

/// <summary>The romanization systems the held-out generator writes Russian words in.</summary>
internal enum RomanizationSystem
{
    /// <summary>GOST 7.79-2000 system B (Latin letters only): Х=X, Ц=CZ/C, Щ=SHH, Й=J, Ы=Y', Э=E'; apostrophes as written.</summary>
    Gost779B,

    /// <summary>ISO 9:1995 (= GOST 7.79 system A): one letter per letter, with diacritics (Ž, Č, Š, Ŝ, Û, Â, È, Ë).</summary>
    Iso9,

    /// <summary>ISO 9 as typed on a keyboard without diacritics (Ž→Z, Č→C, Š→S, Ŝ→S, Û→U, Â→A): Х=H, Ц=C, Й=J.</summary>
    Iso9Plain,

    /// <summary>ICAO Doc 9303 (Russian passports since 2013): Й=I, Ю=IU, Я=IA, Ъ=IE, Ц=TS, Х=KH.</summary>
    Icao9303,

    /// <summary>French usage: Ж=J, Х=KH, Ч=TCH, Ш=CH, Щ=CHTCH, У=OU, Ю=IOU, Я=IA, -ИЙ=-I, С between vowels=SS.</summary>
    French,

    /// <summary>German usage (Duden): В=W, Ж=SH, З=S, Х=CH, Ц=Z, Ч=TSCH, Ш=SCH, Щ=SCHTSCH, Й/Ю/Я=J/JU/JA, -ИЙ=-I.</summary>
    German,

    /// <summary>Informal typing (e-mail, forms): Х=H, Ж=J or ZH, Ц=C or TS, Щ=SCH, Й=Y or J, -ИЙ=-Y or -IJ; one choice per query.</summary>
    Informal,
}

/// <summary>
/// Alternate romanizations of Russian words. OFAC writes Russian names in a BGN/PCGN-like system (Х=KH, Ж=ZH, Ц=TS,
/// Щ=SHCH, Й=Y, Ю=YU, Я=YA, -ИЙ=-IY); other authorities, registries and people write the same Cyrillic differently.
/// A word is first read back into Cyrillic with this class's own reverse table, then written out in another system.
/// The tables are written from the published systems (GOST 7.79-2000, ISO 9:1995, ICAO 9303 part 3, French and German
/// press usage), independently of the first generator and of the matcher.
/// </summary>
internal static class Romanization
{
    public static readonly RomanizationSystem[] Systems = Enum.GetValues<RomanizationSystem>();

    // Latin letters that a BGN/PCGN romanization of Russian never writes on their own.
    private static bool ForeignLetter(string key, int i)
    {
        var c = key[i];
        if (c is 'W' or 'Q' or 'X' or 'J') return true;
        if (c == 'H') return i == 0 || key[i - 1] is not ('K' or 'Z' or 'C' or 'S');
        if (c == 'C') return i + 1 >= key.Length || key[i + 1] != 'H';
        return false;
    }

    // Letter groups a BGN/PCGN romanization of Russian writes for one Cyrillic letter, and common Russian endings.
    private static readonly string[] Markers = ["KH", "ZH", "TS", "CH", "SH", "YA", "YU", "YE", "YO"];

    private static readonly string[] RussianEndings =
    [
        "IY", "YY", "OY", "IJ", "YI", "AYA", "OYE", "OE", "IE", "IYE", "OGO", "YKH", "IKH", "OV", "OVA", "EV", "EVA", "IN", "INA",
        "SKI", "SK", "STVO", "IYA", "ENIE", "NYE", "NYI", "NAYA", "GRAD", "ZAVOD", "PROM", "STROY", "STROI", "MASH", "NII", "NIK",
        "OVO", "EVO", "SKOE", "YE",
    ];

    // Endings of English words that romanized Russian does not have.
    private static readonly string[] EnglishEndings = ["ED", "ING", "TION", "MENT", "NESS", "ITY", "ICS", "OUS", "NG", "FUL", "SHIP"];

    /// <summary>
    /// True when an upper-case, letter-only word reads as a BGN/PCGN romanization of a Russian word: only letters that
    /// system writes (no W, Q, X, J, no H or C outside KH/ZH/CH/SH), a letter group it writes for one Cyrillic letter
    /// or a Russian ending, and no English ending. The caller also leaves out known English words.
    /// </summary>
    public static bool LooksRussian(string key)
    {
        if (key.Length < 3) return false;
        for (var i = 0; i < key.Length; i++)
        {
            if (!char.IsAsciiLetterUpper(key[i])) return false;
            if (ForeignLetter(key, i)) return false;
        }
        if (EnglishEndings.Any(e => key.EndsWith(e, StringComparison.Ordinal))) return false;
        return Markers.Any(m => key.Contains(m, StringComparison.Ordinal)) || RussianEndings.Any(e => key.EndsWith(e, StringComparison.Ordinal));
    }

    private static bool LatinVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

    private static bool CyrVowel(char c) => "АЕЁИОУЫЭЮЯ".Contains(c);

    /// <summary>Reads an OFAC-style romanized word (upper case, letters only) back into Cyrillic.</summary>
    public static string ToCyrillic(string key)
    {
        var sb = new StringBuilder(key.Length);
        var i = 0;
        bool At(string s) => string.CompareOrdinal(key, i, s, 0, s.Length) == 0;
        bool End(int n) => i + n == key.Length;
        bool AfterVowel() => i == 0 || LatinVowel(key[i - 1]);
        while (i < key.Length)
        {
            var c = key[i];
            if (At("SHCH")) { sb.Append('Щ'); i += 4; continue; }
            // TS before K or T is Т+С at a suffix or word boundary (СОВЕТСКИЙ, ОТВЕТСТВЕННОСТЬ, ИНВЕСТСТРОЙ), not Ц.
            if (At("TSK") || At("TST")) { sb.Append("ТС"); i += 2; continue; }
            if (At("TS")) { sb.Append('Ц'); i += 2; continue; }
            if (At("KH")) { sb.Append('Х'); i += 2; continue; }
            if (At("ZH")) { sb.Append('Ж'); i += 2; continue; }
            if (At("CH")) { sb.Append('Ч'); i += 2; continue; }
            if (At("SH")) { sb.Append('Ш'); i += 2; continue; }
            if (c == 'Y' && i + 1 < key.Length && key[i + 1] is 'A' or 'U' or 'O' or 'E')
            {
                // YA/YU/YO/YE are one letter. After a consonant, YE and YO mean a dropped hard or soft sign before it
                // (ОБЪЕДИНЕНИЕ, БАТАЛЬОН); YA and YU do not (МОЛЕКУЛЯРНЫЙ).
                var letter = key[i + 1] switch { 'A' => 'Я', 'U' => 'Ю', 'O' => 'Ё', _ => 'Е' };
                if (!AfterVowel() && letter is 'Е' or 'Ё') sb.Append('Ь');
                sb.Append(letter);
                i += 2;
                continue;
            }
            if (c == 'Y')
            {
                // Й after a vowel (МАЙСКИЙ, -ОЙ, -ИЙ), Ы after a consonant (РЫБА, -ЫЙ at the end is Ы+Й).
                if (AfterVowel() && i > 0) sb.Append('Й');
                else if (End(2) && key[i + 1] == 'Y') { sb.Append("ЫЙ"); i += 2; continue; }
                else sb.Append('Ы');
                i++;
                continue;
            }
            if (c == 'I' && End(1) && i > 0 && key[i - 1] is 'O' or 'A' or 'E' or 'U' or 'Y') { sb.Append('Й'); i++; continue; } // -OI = -ОЙ, -YI = -ЫЙ
            // Э opens a word (ЭЛЕКТРО, ЭКСПОРТ) or follows an initial А (АЭРО); elsewhere OFAC's E is Е (-NOE, -IE).
            if (c == 'E') { sb.Append(i == 0 || (i == 1 && key[0] == 'A') ? 'Э' : 'Е'); i++; continue; }
            sb.Append(c switch
            {
                'A' => 'А', 'B' => 'Б', 'V' => 'В', 'G' => 'Г', 'D' => 'Д', 'Z' => 'З', 'I' => 'И', 'K' => 'К', 'L' => 'Л',
                'M' => 'М', 'N' => 'Н', 'O' => 'О', 'P' => 'П', 'R' => 'Р', 'S' => 'С', 'T' => 'Т', 'U' => 'У', 'F' => 'Ф',
                _ => c,
            });
            i++;
        }
        // -SKI, -NY as OFAC sometimes writes them lost the final Й: СКИ at the end is СКИЙ.
        if (sb.Length > 4 && sb[^1] == 'И' && sb[^2] == 'К' && sb[^3] == 'С') sb.Append('Й');
        return sb.ToString();
    }

    /// <summary>Per-query choices of the informal system (which letter a person types for Ж, Ц, Й...).</summary>
    public readonly record struct InformalStyle(string Zh, string Ts, string Shch, string Y, string IyEnd, string Ya, string Yu, string Kh)
    {
        public static InformalStyle Pick(Random rng) => new(
            rng.Next(2) == 0 ? "J" : "ZH",
            rng.Next(2) == 0 ? "C" : "TS",
            rng.Next(2) == 0 ? "SCH" : "SH",
            rng.Next(2) == 0 ? "Y" : "J",
            new[] { "Y", "IJ", "II", "I" }[rng.Next(4)],
            rng.Next(3) == 0 ? "IA" : "YA",
            rng.Next(3) == 0 ? "IU" : "YU",
            rng.Next(3) == 0 ? "KH" : "H");
    }

    /// <summary>Writes a Cyrillic word (upper case) in <paramref name="system"/>.</summary>
    public static string FromCyrillic(string cyr, RomanizationSystem system, InformalStyle informal = default)
    {
        var sb = new StringBuilder(cyr.Length + 4);
        for (var i = 0; i < cyr.Length; i++)
        {
            var c = cyr[i];
            var prev = i > 0 ? cyr[i - 1] : '\0';
            var next = i + 1 < cyr.Length ? cyr[i + 1] : '\0';
            var last = i + 1 == cyr.Length;
            var initialOrAfterVowel = i == 0 || CyrVowel(prev) || prev is 'Ь' or 'Ъ';
            // The adjective ending -ИЙ/-ЫЙ, written short in several systems.
            var iyEnding = c == 'Й' && last && prev is 'И' or 'Ы';
            sb.Append(system switch
            {
                RomanizationSystem.Gost779B => c switch
                {
                    'Ж' => "ZH", 'Й' => "J", 'Х' => "X", 'Ц' => next is 'И' or 'Е' or 'Ы' or 'Й' ? "C" : "CZ", 'Ч' => "CH",
                    'Ш' => "SH", 'Щ' => "SHH", 'Ъ' => "``", 'Ы' => "Y'", 'Ь' => "'", 'Э' => "E'", 'Ю' => "YU", 'Я' => "YA", 'Ё' => "YO",
                    _ => Plain(c),
                },
                RomanizationSystem.Iso9 => c switch
                {
                    'Ж' => "Ž", 'Й' => "J", 'Х' => "H", 'Ц' => "C", 'Ч' => "Č", 'Ш' => "Š", 'Щ' => "Ŝ", 'Ъ' => "ʺ", 'Ы' => "Y",
                    'Ь' => "ʹ", 'Э' => "È", 'Ю' => "Û", 'Я' => "Â", 'Ё' => "Ë",
                    _ => Plain(c),
                },
                RomanizationSystem.Iso9Plain => c switch
                {
                    'Ж' => "Z", 'Й' => "J", 'Х' => "H", 'Ц' => "C", 'Ч' => "C", 'Ш' => "S", 'Щ' => "S", 'Ъ' => "", 'Ы' => "Y",
                    'Ь' => "", 'Э' => "E", 'Ю' => "U", 'Я' => "A", 'Ё' => "E",
                    _ => Plain(c),
                },
                RomanizationSystem.Icao9303 => c switch
                {
                    'Ж' => "ZH", 'Й' => "I", 'Х' => "KH", 'Ц' => "TS", 'Ч' => "CH", 'Ш' => "SH", 'Щ' => "SHCH", 'Ъ' => "IE", 'Ы' => "Y",
                    'Ь' => "", 'Э' => "E", 'Ю' => "IU", 'Я' => "IA", 'Ё' => "E",
                    _ => Plain(c),
                },
                RomanizationSystem.French => c switch
                {
                    'Ж' => "J", 'Й' => iyEnding ? "" : "I", 'Х' => "KH", 'Ц' => "TS", 'Ч' => "TCH", 'Ш' => "CH", 'Щ' => "CHTCH",
                    'Ъ' => "", 'Ы' => "Y", 'Ь' => "", 'Э' => "E", 'Ю' => "IOU", 'Я' => "IA", 'Ё' => "IO", 'У' => "OU",
                    'С' => CyrVowel(prev) && CyrVowel(next) ? "SS" : "S",
                    _ => Plain(c),
                },
                RomanizationSystem.German => c switch
                {
                    'В' => "W", 'Ж' => "SH", 'З' => "S", 'Й' => iyEnding ? "" : "J", 'Х' => "CH", 'Ц' => "Z", 'Ч' => "TSCH",
                    'Ш' => "SCH", 'Щ' => "SCHTSCH", 'Ъ' => "", 'Ы' => "Y", 'Ь' => "", 'Э' => "E", 'Ю' => "JU", 'Я' => "JA",
                    'Ё' => "JO", 'Е' => initialOrAfterVowel ? "JE" : "E",
                    'С' => CyrVowel(prev) && CyrVowel(next) ? "SS" : "S",
                    _ => Plain(c),
                },
                RomanizationSystem.Informal => c switch
                {
                    'Ж' => informal.Zh, 'Й' => iyEnding ? (informal.IyEnd is "Y" or "I" ? "" : informal.IyEnd[1..]) : informal.Y,
                    'Х' => informal.Kh, 'Ц' => informal.Ts, 'Ч' => "CH", 'Ш' => "SH", 'Щ' => informal.Shch, 'Ъ' => "", 'Ь' => "",
                    'Ы' => "Y", 'Э' => "E", 'Ю' => informal.Yu, 'Я' => informal.Ya, 'Ё' => "YO",
                    'И' when next == 'Й' && i + 2 == cyr.Length => informal.IyEnd is "Y" ? "Y" : "I",
                    _ => Plain(c),
                },
                _ => throw new ArgumentOutOfRangeException(nameof(system)),
            });
        }
        return sb.ToString();
    }

    private static string Plain(char c) => c switch
    {
        'А' => "A", 'Б' => "B", 'В' => "V", 'Г' => "G", 'Д' => "D", 'Е' => "E", 'З' => "Z", 'И' => "I", 'К' => "K", 'Л' => "L",
        'М' => "M", 'Н' => "N", 'О' => "O", 'П' => "P", 'Р' => "R", 'С' => "S", 'Т' => "T", 'У' => "U", 'Ф' => "F",
        _ => c.ToString(),
    };
}
