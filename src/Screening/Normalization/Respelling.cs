using System.Text;

namespace Screening.Normalization;

/// <summary>A romanization of Russian other than the English one the lists use.</summary>
internal enum RomanizationScheme : byte
{
    /// <summary>German (Duden): SCHTSCH, TSCH, SCH, SH for Ж, CH for Х, W, Z for Ц, S for З, J (OBSCHTSCHESTWO, SAWOD).</summary>
    German,
    /// <summary>French: CHTCH, TCH, CH for Ш, J for Ж, OU for У (OBCHTCHESTVO, MEJDOUNARODNYI).</summary>
    French,
    /// <summary>GOST 7.79 system B: X for Х, CZ for Ц, SHH for Щ, J for Й (MEXANICHESKIJ, XOLCZVUD).</summary>
    Gost,
    /// <summary>
    /// An English word written in Cyrillic and romanized back (ЮНИСЕРВИС as YUNISERVIS for UNISERVICE, ЛОДЖИСТИК as
    /// LODZHISTIK for LOGISTIC, СОЛЮШН as SOLYUSHN for SOLUTION): tried on words transliterated from Cyrillic only.
    /// </summary>
    EnglishLoan,
    /// <summary>
    /// ISO 9 with its marks lost (Č, Š, Ŝ, Ž typed C, S, S, Z: OBSESTVO, NAUCNO, OGRANICENNOJ): each C, S or Z may be one
    /// letter or two, so the matcher keeps the spelling of each word that a list has (<see cref="Respelling.Iso9PlainSpellings"/>).
    /// </summary>
    Iso9Plain,
    /// <summary>
    /// ISO 9's vowels in a name without Č, Š or Ž to show it is ISO 9 (KOMPANIÂ, NEFTÂNAÂ: Â as YA, Û as YU, Ë as YO, Ê as
    /// YE): read from the word as typed (<see cref="NameToken.Original"/>), since the name's own reading folded the marks away.
    /// </summary>
    Iso9Vowels,
}

/// <summary>
/// Reads a word romanized by another scheme back into the English spelling (BGN/PCGN-like) the lists use:
/// OBSCHTSCHESTWO and OBCHTCHESTVO as OBSHCHESTVO, SAWOD as ZAVOD, MEXANICHESKIJ as MEKHANICHESKIY. The schemes
/// disagree (CH is Ш in French, Х in German, Ч in English), so this is not a fold of the key: the matcher tries a
/// scheme on a query only where it turns unknown words into listed ones (Matching/Query/RespelledReadings).
/// </summary>
internal static class Respelling
{
    /// <summary>The schemes tried, in order of preference on a tie.</summary>
    public static readonly RomanizationScheme[] Schemes =
        [RomanizationScheme.German, RomanizationScheme.French, RomanizationScheme.Gost, RomanizationScheme.EnglishLoan, RomanizationScheme.Iso9Plain, RomanizationScheme.Iso9Vowels];

    /// <summary>Whether a word has a letter group the scheme spells differently; most words have none.</summary>
    public static bool MayDiffer(string text, RomanizationScheme scheme)
    {
        if (scheme == RomanizationScheme.Iso9Vowels)
        {
            foreach (var c in text)
                if (Iso9.Letter(c) is { Length: > 0 }) return true;
            return false;
        }
        if (scheme == RomanizationScheme.Gost && text.Contains("SHH", StringComparison.Ordinal)) return true;
        foreach (var c in text)
        {
            switch (scheme)
            {
                case RomanizationScheme.German when c is 'W' or 'Z' or 'J' or 'S' or 'C':
                case RomanizationScheme.French when c is 'C' or 'J' or 'O':
                case RomanizationScheme.Gost when c is 'X' or 'C' or 'J':
                case RomanizationScheme.EnglishLoan when c is 'Y' or 'Z' or 'K' or 'S' or 'H':
                case RomanizationScheme.Iso9Plain when c is 'C' or 'S' or 'Z' or 'H':
                    return true;
            }
        }
        return false;
    }

    /// <summary>The word (folded upper-case Latin) read under <paramref name="scheme"/> and spelt the English way.</summary>
    /// <param name="text">The word.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="initialSAsS">German only: a first S before a vowel is С (SUCHOJ, Сухой), not З (SAWOD, Завод); Duden
    /// writes both so, and only the listed words can tell which.</param>
    public static string Respell(string text, RomanizationScheme scheme, bool initialSAsS = false)
    {
        if (scheme == RomanizationScheme.Iso9Vowels) return Iso9Vowels(text);
        var sb = new StringBuilder(text.Length + 8);
        var i = 0;
        if (initialSAsS && scheme == RomanizationScheme.German && text.Length > 0 && text[0] == 'S' && (text.Length == 1 || IsVowel(text[1])))
        {
            sb.Append('S');
            i = 1;
        }
        while (i < text.Length)
        {
            var used = scheme switch
            {
                RomanizationScheme.German => German(text, i, sb),
                RomanizationScheme.French => French(text, i, sb),
                RomanizationScheme.Gost => Gost(text, i, sb),
                RomanizationScheme.Iso9Plain => Iso9Plain(text, i, sb),
                _ => EnglishLoan(text, i, sb),
            };
            if (used == 0)
            {
                sb.Append(text[i]);
                used = 1;
            }
            i += used;
        }
        return sb.ToString();
    }

    private static bool At(string s, int i, string group) => i + group.Length <= s.Length && string.CompareOrdinal(s, i, group, 0, group.Length) == 0;

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

    // Appends the English spelling of the group at i and returns its length, or 0 to copy one letter.
    private static int German(string s, int i, StringBuilder sb)
    {
        if (At(s, i, "SCHTSCH")) { sb.Append("SHCH"); return 7; }
        if (At(s, i, "TSCH")) { sb.Append("CH"); return 4; }
        if (At(s, i, "DSCH")) { sb.Append("DZH"); return 4; }
        if (At(s, i, "SCH")) { sb.Append("SH"); return 3; }
        if (At(s, i, "CH")) { sb.Append("KH"); return 2; }
        if (At(s, i, "SH")) { sb.Append("ZH"); return 2; }
        if (At(s, i, "SS")) { sb.Append('S'); return 2; }
        var c = s[i];
        if (c == 'W') { sb.Append('V'); return 1; }
        if (c == 'Z') { sb.Append("TS"); return 1; }
        // S before a vowel, at the start or after a vowel, is Russian З (SAWOD, KASAN); SS spells С.
        if (c == 'S' && i + 1 < s.Length && IsVowel(s[i + 1]) && (i == 0 || IsVowel(s[i - 1]))) { sb.Append('Z'); return 1; }
        if (c == 'J') { sb.Append('Y'); return 1; }
        return 0;
    }

    private static int French(string s, int i, StringBuilder sb)
    {
        if (At(s, i, "CHTCH")) { sb.Append("SHCH"); return 5; }
        if (At(s, i, "TCH")) { sb.Append("CH"); return 3; }
        if (At(s, i, "DJ")) { sb.Append("DZH"); return 2; }
        if (At(s, i, "CH")) { sb.Append("SH"); return 2; }
        if (At(s, i, "IOU")) { sb.Append("YU"); return 3; }
        if (At(s, i, "OU")) { sb.Append('U'); return 2; }
        if (s[i] == 'J') { sb.Append("ZH"); return 1; }
        return 0;
    }

    private static int Gost(string s, int i, StringBuilder sb)
    {
        if (At(s, i, "SHH")) { sb.Append("SHCH"); return 3; }
        if (At(s, i, "CZ")) { sb.Append("TS"); return 2; }
        if (At(s, i, "CH")) { sb.Append("CH"); return 2; }
        var c = s[i];
        if (c == 'C' && i + 1 < s.Length && s[i + 1] is 'E' or 'I' or 'Y' or 'J') { sb.Append("TS"); return 1; }
        if (c == 'X') { sb.Append("KH"); return 1; }
        if (c == 'J') { sb.Append('Y'); return 1; }
        return 0;
    }

    /// <summary>Ambiguous letters of a word read as unmarked ISO 9 that <see cref="Iso9PlainSpellings"/> tries both ways.</summary>
    public const int Iso9PlainMaxAmbiguous = 3;

    /// <summary>
    /// The spellings of a word read as unmarked ISO 9, the plain reading first: each C (Ц or Ч), S (С or Ш, Щ) and Z (З or
    /// Ж) not already followed by H, one way or the other; H (Х) is KH in every one. None where more than
    /// <see cref="Iso9PlainMaxAmbiguous"/> letters are ambiguous (the search would be long and mostly chance).
    /// </summary>
    public static IEnumerable<string> Iso9PlainSpellings(string text)
    {
        var result = new List<string>();
        Iso9PlainSpellings(text, (spelling, list) => { list.Add(new string(spelling)); return false; }, result);
        return result;
    }

    /// <summary>Delegate for <see cref="Iso9PlainSpellings{TState}"/>: true stops the search.</summary>
    public delegate bool SpellingVisitor<in TState>(ReadOnlySpan<char> spelling, TState state);

    /// <summary>
    /// Visits the spellings of <see cref="Iso9PlainSpellings(string)"/> without allocating; returns whether the visitor
    /// stopped the search (found what it wanted).
    /// </summary>
    public static bool Iso9PlainSpellings<TState>(string text, SpellingVisitor<TState> visit, TState state)
    {
        // Words are bounded before they get here (twice the longest listed word); the stack must be too.
        if (text.Length > MaxIso9PlainLength) return false;
        Span<char> basic = stackalloc char[text.Length * 2];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsKha(text, i)) { basic[n++] = 'K'; basic[n++] = 'H'; }
            else basic[n++] = text[i];
        }
        Span<int> at = stackalloc int[Iso9PlainMaxAmbiguous];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (basic[i] is not ('C' or 'S' or 'Z') || (i + 1 < n && basic[i + 1] == 'H') || (i > 0 && basic[i - 1] is 'K' or 'S' or 'C' or 'Z')) continue;
            if (count == Iso9PlainMaxAmbiguous) return false;
            at[count++] = i;
        }
        Span<char> spelling = stackalloc char[n + count];
        for (var mask = 0; mask < 1 << count; mask++)
        {
            int w = 0, next = 0;
            for (var i = 0; i < n; i++)
            {
                spelling[w++] = basic[i];
                if (next < count && at[next] == i && (mask & (1 << next++)) != 0) spelling[w++] = 'H';
            }
            if (visit(spelling[..w], state)) return true;
        }
        return false;
    }

    // The word as typed with ISO 9's vowels read (Â as YA...) and its other letters folded to upper-case ASCII.
    private static string Iso9Vowels(string typed)
    {
        var sb = new StringBuilder(typed.Length + 4);
        foreach (var c in typed)
        {
            if (Iso9.Letter(c) is { } letter)
            {
                sb.Append(letter);
                continue;
            }
            if (char.IsAscii(c))
            {
                sb.Append(char.ToUpperInvariant(c));
                continue;
            }
            foreach (var d in char.ToUpperInvariant(c).ToString().Normalize(NormalizationForm.FormD))
                if (char.IsAsciiLetterOrDigit(d)) sb.Append(char.ToUpperInvariant(d));
        }
        return sb.ToString();
    }

    private const int MaxIso9PlainLength = 256;

    // In unmarked ISO 9, H is Х (KH), but not as the second letter of CH, SH, ZH, KH.
    private static bool IsKha(string s, int i) => s[i] == 'H' && (i == 0 || s[i - 1] is not ('C' or 'S' or 'Z' or 'K'));

    // Unmarked ISO 9: H is Х (KH); the rest is read as it stands (the ambiguous letters are tried by Iso9PlainSpellings).
    private static int Iso9Plain(string s, int i, StringBuilder sb)
    {
        if (IsKha(s, i)) { sb.Append("KH"); return 1; }
        return 0;
    }

    // Russian spellings of English sounds, back to the English letters (the key folds the rest: KH/H, C/K, X/KS, Y/I).
    private static int EnglishLoan(string s, int i, StringBuilder sb)
    {
        var rest = s.Length - i;
        if (i == 0 && At(s, i, "YU")) { sb.Append('U'); return 2; }
        if (At(s, i, "DZH")) { sb.Append(i + 3 < s.Length && s[i + 3] is 'E' or 'I' or 'Y' ? 'G' : 'J'); return 3; }
        if (At(s, i, "TEKH")) { sb.Append("TECH"); return 4; }
        if (At(s, i, "YUSHN")) { sb.Append("UTION"); return 5; }
        if (At(s, i, "IZING")) { sb.Append("EASING"); return 5; }
        if (At(s, i, "EYD")) { sb.Append("AD"); if (rest == 3) sb.Append('E'); return 3; }
        // A final -IS or -AYS is English -ICE (SERVIS, DEVAYS) in words of five letters or more.
        if (rest == 3 && i >= 2 && At(s, i, "AYS")) { sb.Append("ICE"); return 3; }
        if (rest == 2 && i >= 3 && At(s, i, "IS")) { sb.Append("ICE"); return 2; }
        return 0;
    }
}
