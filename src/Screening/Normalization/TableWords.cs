namespace Screening.Normalization;

/// <summary>
/// The words of the phrase and term tables' variants, for <see cref="WordRepair"/>: every word's text; long words'
/// keys; legal-form words' texts; and three-letter prefixes of both, so most words are turned away by one lookup.
/// </summary>
internal sealed class TableWords
{
    private readonly HashSet<string> _wordTexts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _longWordKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _legalWordTexts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _longWordPrefixes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _legalWordPrefixes = new(StringComparer.Ordinal);

    /// <summary>Whether a word with this text occurs in a variant of the table.</summary>
    public bool IsTableWord(ReadOnlySpan<char> text) => _wordTexts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text);

    /// <summary>Whether a word of a legal form or a term with this key, long enough to be joined from two, is in the table.</summary>
    public bool IsLongTableWordKey(ReadOnlySpan<char> key) => _longWordKeys.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key);

    /// <summary>Whether a word of a legal form with this text is in the table (STOCK, COMPANY, LIABILITY).</summary>
    public bool IsLegalWord(ReadOnlySpan<char> text) => _legalWordTexts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text);

    /// <summary>Whether a long table word starts with the first three letters of <paramref name="text"/>.</summary>
    public bool MayBeginTableWord(ReadOnlySpan<char> text) =>
        text.Length >= 3 && _longWordPrefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text[..3]);

    /// <summary>Whether a legal-form word starts with the first three letters of <paramref name="text"/>.</summary>
    public bool MayBeginLegalWord(ReadOnlySpan<char> text) =>
        text.Length >= 3 && _legalWordPrefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text[..3]);

    /// <summary>Adds the words of one variant of a table line of class <paramref name="cls"/>.</summary>
    public void Add(string[] texts, string[] keys, string cls)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            var text = texts[i];
            if (text.Length == 0 || !char.IsAsciiLetter(text[0])) continue;
            _wordTexts.Add(text);
            if (cls is "legal" or "part" or "term" && text.Length >= NormalizationRules.RepairJoinMinLength)
            {
                _longWordKeys.Add(keys[i]);
                _longWordPrefixes.Add(text[..3]);
            }
            if (cls is "legal" or "part" && text.Length >= NormalizationRules.RepairSplitPartMinLength)
            {
                _legalWordTexts.Add(text);
                _legalWordPrefixes.Add(text[..3]);
            }
        }
    }
}
