namespace Screening.Text;

/// <summary>How people shorten ordinary words, as one rule for the normalizer's phrase table and the matcher.</summary>
internal static class Abbreviations
{
    /// <summary>
    /// Whether <paramref name="a"/> abbreviates <paramref name="word"/> (both upper-case ASCII, the word longer): the
    /// word's first letters, then only consonants of the rest, in order (PROD-N, ENT-PR, RES-CH, D-SGN, M-GMT, INSTIT,
    /// HOLD, L-TD), ending on a consonant. A word with a vowel after the first letter it skips (ATMOS against AUTONOMOUS)
    /// is another word; one ending on a vowel (ALPHA against ALPHABET) too.
    /// </summary>
    public static bool Abbreviates(ReadOnlySpan<char> a, ReadOnlySpan<char> word)
    {
        if (a.Length == 0 || a.Length >= word.Length || a[0] != word[0] || IsVowel(a[^1])) return false;
        var prefix = 1;
        while (prefix < a.Length && a[prefix] == word[prefix]) prefix++;
        var j = prefix;
        for (var i = prefix; i < a.Length; i++)
        {
            if (IsVowel(a[i])) return false;
            while (j < word.Length && word[j] != a[i]) j++;
            if (j == word.Length) return false;
            j++;
        }
        return true;
    }

    /// <summary>Whether <paramref name="a"/> has no vowel (Y counts as a consonant).</summary>
    public static bool Consonants(ReadOnlySpan<char> a)
    {
        foreach (var c in a)
            if (IsVowel(c)) return false;
        return true;
    }

    // Y counts as a consonant here (FCTY for FACTORY).
    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';
}
