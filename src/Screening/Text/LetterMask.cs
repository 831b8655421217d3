namespace Screening.Text;

/// <summary>
/// One bit per letter A-Z that occurs in a word, one bit for anything else: a cheap necessary test before an edit
/// distance or an abbreviation check (one edit changes at most one letter each way; an abbreviation uses only the
/// word's letters).
/// </summary>
internal static class LetterMask
{
    /// <summary>The mask of <paramref name="word"/>.</summary>
    public static uint Of(ReadOnlySpan<char> word)
    {
        uint mask = 0;
        foreach (var c in word) mask |= c is >= 'A' and <= 'Z' ? 1u << (c - 'A') : 1u << 26;
        return mask;
    }
}
