using System.Globalization;
using System.Text;
using Screening.Normalization;

namespace Screening.TermTable;

/// <summary>A candidate variant of a term: its text as written, its word keys and texts, and where it came from.</summary>
internal sealed record Variant(string Written, string[] Keys, string[] Texts, string Source, bool Hand)
{
    public string Fold => string.Join(' ', Keys);

    public static Variant Of(string written, string source, bool hand)
    {
        var tokens = NameNormalizer.Tokenize(written);
        return new Variant(written, [.. tokens.Select(t => t.Key)], [.. tokens.Select(t => t.Text)], source, hand);
    }
}

/// <summary>
/// The automatic filters for rigour's variants. Each returns why a variant is dropped, or null. They are documented
/// in the header of terms.rules.txt; a reviewed exception is a <c>keep</c> or <c>drop</c> line there.
/// </summary>
internal static class Variants
{
    /// <summary>Single words shorter than this are dropped (CO, RE, EV, DOM, MIR: abbreviations and ordinary words
    /// that are names elsewhere); the abbreviations the table wants are added by hand.</summary>
    public const int MinWordLetters = 4;

    /// <summary>Han variants need this many characters: one character is one pinyin syllable, which a Chinese name's
    /// own syllable of the same sound would meet (厂 CHANG and 昌 CHANG).</summary>
    public const int MinHanCharacters = 2;

    // Latin letters of the languages in scope beyond English and romanized Russian: Turkish.
    private const string TurkishLetters = "çğıİöşüÇĞÖŞÜ";

    /// <summary>The comparison form of a variant: its word keys, space-separated.</summary>
    public static string Fold(string text) => string.Join(' ', NameNormalizer.Tokenize(text).Select(t => t.Key));

    /// <summary>Script and language: Latin (English, romanized Russian, Turkish), Cyrillic or Han, not mixed.</summary>
    public static string? Script(string written)
    {
        bool latin = false, cyrillic = false, han = false, other = false, foreignMark = false;
        foreach (var rune in written.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune)) continue;
            var c = rune.Value;
            if (c < 0x80) latin = true;
            else if (c <= 0x024F) { latin = true; foreignMark |= !TurkishLetters.Contains((char)c); }
            else if (c is >= 0x0400 and <= 0x052F) cyrillic = true;
            else if (Romanization.IsHan(c)) han = true;
            else other = true;
        }
        if (latin && cyrillic) return "homoglyph: Latin and Cyrillic letters in one variant";
        if (other) return "script out of scope (Greek, Arabic, Hebrew, kana, Hangul, Devanagari...)";
        if (han && (latin || cyrillic)) return "mixed scripts";
        if (foreignMark) return "Latin letters of a language out of scope (not English, Turkish or romanized Russian)";
        return null;
    }

    /// <summary>Too short to be safe as a one-word term.</summary>
    public static string? Length(Variant v)
    {
        if (v.Keys.Length == 0) return "no letters";
        if (v.Keys.Length > 1) return null;
        var letters = v.Written.Count(char.IsLetter);
        if (v.Written.EnumerateRunes().Any(r => Romanization.IsHan(r.Value))) return null; // several Han characters are several tokens
        return letters < MinWordLetters ? $"one word of fewer than {MinWordLetters} letters" : null;
    }

    /// <summary>A lone Han character (one token).</summary>
    public static string? Han(Variant v) =>
        v.Keys.Length == 1 && v.Written.EnumerateRunes().Count(r => Romanization.IsHan(r.Value)) == 1
            ? $"fewer than {MinHanCharacters} Han characters" : null;

    /// <summary>A phrase that holds a one-word variant of its own term and another word (INVESTMENT BANK, SAVINGS BANK):
    /// read as the term, it would swallow the other word.</summary>
    public static string? Compound(Variant v, HashSet<string> oneWordFolds) =>
        v.Keys.Length > 1 && v.Keys.Any(oneWordFolds.Contains) ? "a compound of the term and another word" : null;

    /// <summary>
    /// A misspelling: one edit from another variant of the same term, the edit before the last three letters (an
    /// inflected ending is a real form: КРЕДИТНЫЙ, КРЕДИТНАЯ), and not a word of any listed name.
    /// </summary>
    public static string? Misspelling(Variant v, List<Variant> all, HashSet<string> listedKeys)
    {
        if (v.Keys.Length != 1 || listedKeys.Contains(v.Keys[0])) return null;
        var text = v.Texts[0];
        var at = all.IndexOf(v);
        for (var i = 0; i < all.Count; i++)
        {
            var o = all[i];
            // The spelling kept is the listed one, a hand one, or else the one rigour gives first.
            if (i == at || o.Texts.Length != 1 || o.Texts[0] == text || !(o.Hand || i < at || listedKeys.Contains(o.Keys[0]))) continue;
            // Ukrainian and Belarusian spellings are often one letter from the Russian ones (ТОРГІВЛЯ, ТОРГОВЛЯ): not misspellings.
            if (EastSlavicLetters(v.Written) != EastSlavicLetters(o.Written)) continue;
            var other = o.Texts[0];
            if (Screening.Text.EditDistance.Osa(text, other, 1) != 1) continue;
            var prefix = 0;
            while (prefix < text.Length && prefix < other.Length && text[prefix] == other[prefix]) prefix++;
            if (prefix < Math.Min(text.Length, other.Length) - 3) return $"a misspelling of '{o.Written}'";
        }
        return null;
    }

    private static bool EastSlavicLetters(string written) => written.Any(c => "іїєґўІЇЄҐЎ".Contains(c, StringComparison.Ordinal));

    private static readonly string[] AdjectiveEndings = ["ЫЙ", "ИЙ", "АЯ", "ОЕ", "ОЙ"];

    // Their romanization keys also cover the soft and velar endings: -ИЙ, -ИЕ, -ИХ key as -ЫЙ, -ЫЕ, -ЫХ.
    private static readonly string[] Declined = ["ЫЙ", "АЯ", "ОЕ", "ЫЕ", "ЫХ", "ОГО", "ОЙ", "ОМУ"];

    /// <summary>The case and gender forms of a one-word Cyrillic adjective (КРЕДИТНЫЙ: КРЕДИТНАЯ, КРЕДИТНОГО...).</summary>
    public static IEnumerable<Variant> Declensions(Variant v)
    {
        if (v.Keys.Length != 1) yield break;
        var w = Upper(v.Written);
        if (w.Length < 6 || !w.All(Romanization.IsCyrillic)) yield break;
        if (!AdjectiveEndings.Any(e => w.EndsWith(e, StringComparison.Ordinal))) yield break;
        foreach (var d in Declined) yield return Variant.Of(w[..^2] + d, "declined", false);
    }

    /// <summary>
    /// rigour gives the Cyrillic and Han forms, and Latin forms only where they romanize one of the term's Cyrillic forms
    /// (the same key: KREDITNYY for КРЕДИТНЫЙ). Other Latin words (Italian GRUPPO, Spanish TECNOLOGIA,
    /// Turkish BANKASI, HAVACILIK) would give the term's key more spellings for abbreviations and misspellings to meet by chance; the
    /// English and Turkish words the table wants are add lines, reviewed one by one.
    /// </summary>
    public static string? LatinWithoutCyrillic(Variant v, List<Variant> all)
    {
        if (v.Written.Any(Romanization.IsCyrillic) || v.Written.EnumerateRunes().Any(r => Romanization.IsHan(r.Value))) return null;
        var key = string.Concat(v.Keys);
        foreach (var o in all)
        {
            if (!o.Written.Any(Romanization.IsCyrillic)) continue;
            var other = string.Concat(o.Keys);
            if (key == other) return null;
        }
        return "a Latin word that romanizes none of the term's Cyrillic forms (Latin words are add lines)";
    }

    public static string Upper(string s) => s.ToUpper(CultureInfo.InvariantCulture);
}
