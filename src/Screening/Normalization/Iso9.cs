namespace Screening.Normalization;

/// <summary>
/// Russian romanized under ISO 9 (GOST 7.79 A) writes one Cyrillic letter as one Latin letter with a mark: Ч Č, Ш Š,
/// Ж Ž, Щ Ŝ (read as CH, SH, ZH, SHCH everywhere, see <see cref="Romanization.FromLatinSpecial"/>), and Я Â, Ю Û, Ё Ë,
/// Є Ê and the signs ʹ ʺ, which other languages write too (Turkish KÂĞIT, French CHÂTEAU, Romanian ROMÂNIA). Folding
/// those marks away (KOMPANIÂ as KOMPANIA, OTVETSTVENNOSTÛ as OTVETSTVENNOSTU) loses Я and Ю; so a name that shows
/// ISO 9 (Ŝ or a sign, or Â, Û, Ë or Ê beside Č, Š or Ž) reads them as YA, YU, YO, YE, and drops the signs. The test
/// is per name: a French CHÂTEAU beside a Czech ŠKODA in one name would read CHYATEAU (one edit from CHATEAU).
/// </summary>
internal static class Iso9
{
    /// <summary>Whether <paramref name="text"/> (NFKC) shows ISO 9 romanization.</summary>
    public static bool Detect(ReadOnlySpan<char> text)
    {
        bool vowel = false, hacek = false;
        foreach (var c in text)
        {
            switch (c)
            {
                case 'Ŝ' or 'ŝ' or '\u02B9' or '\u02BA': return true;
                case 'Â' or 'â' or 'Û' or 'û' or 'Ë' or 'ë' or 'Ê' or 'ê': vowel = true; break;
                case 'Č' or 'č' or 'Š' or 'š' or 'Ž' or 'ž': hacek = true; break;
            }
        }
        return vowel && hacek;
    }

    /// <summary>The English-style romanization of an ISO 9 vowel (empty for the signs), or null for other characters.</summary>
    public static string? Letter(char c) => c switch
    {
        'Â' or 'â' => "YA",
        'Û' or 'û' => "YU",
        'Ë' or 'ë' => "YO",
        'Ê' or 'ê' => "YE",
        '\u02B9' or '\u02BA' => "",
        _ => null,
    };
}
