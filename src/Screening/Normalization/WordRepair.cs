namespace Screening.Normalization;

/// <summary>
/// Repairs the words of legal forms and terms that data entry breaks: a word split by a space or a hyphen (LIABI LITY,
/// LIM- ITED, INSTI TUTE) is joined, and two legal-form words glued together (STOCKCOMPANY, LIABILITYCOMPANY) are parted,
/// before the phrase table reads the tokens. Only words the table knows are repaired; a name's own words are left to
/// the matcher's split readings, which know the lists' words.
/// </summary>
internal static class WordRepair
{
    /// <summary>Repairs <paramref name="tokens"/> in place.</summary>
    public static void Apply(List<NameToken> tokens, PhraseTable table)
    {
        if (tokens.Count == 0) return;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Class != TokenClass.Word) continue;
            if (i + 1 < tokens.Count && TryJoin(t, tokens[i + 1], table) is { } joined)
            {
                tokens[i] = joined;
                tokens.RemoveAt(i + 1);
                continue;
            }
            if (TrySplit(t, table, out var left, out var right))
            {
                tokens[i] = left;
                tokens.Insert(i + 1, right);
                i++;
            }
        }
    }

    // Two words whose halves are not both table words, and whose join is a long table word (LIABILITY, OGRANICHENNOY).
    private static NameToken? TryJoin(NameToken a, NameToken b, PhraseTable table)
    {
        if (b.Class != TokenClass.Word) return null;
        var length = a.Text.Length + b.Text.Length;
        if (length < NormalizationRules.RepairJoinMinLength || length > NormalizationRules.RepairMaxLength) return null;
        Span<char> text = stackalloc char[length];
        a.Text.AsSpan().CopyTo(text);
        b.Text.AsSpan().CopyTo(text[a.Text.Length..]);
        if (!table.Words.MayBeginTableWord(text)) return null;
        if (table.Words.IsTableWord(a.Text) && table.Words.IsTableWord(b.Text)) return null;
        Span<char> key = stackalloc char[length * 2];
        var n = Romanization.KeyInto(text, key);
        if (!table.Words.IsLongTableWordKey(key[..n])) return null;
        var joined = new string(text);
        var origin = a.Origin == KeyOrigin.Transliterated || b.Origin == KeyOrigin.Transliterated ? KeyOrigin.Transliterated : KeyOrigin.Plain;
        return new NameToken(a.Original + " " + b.Original, joined, new string(key[..n]), TokenClass.Word, origin);
    }

    // One word that is two legal-form words run together (STOCKCOMPANY), and not a table word itself.
    private static bool TrySplit(NameToken t, PhraseTable table, out NameToken left, out NameToken right)
    {
        left = right = t;
        var s = t.Text;
        var min = NormalizationRules.RepairSplitPartMinLength;
        if (s.Length < 2 * min || s.Length > NormalizationRules.RepairMaxLength || !table.Words.MayBeginLegalWord(s)) return false;
        if (table.Words.IsTableWord(s)) return false;
        for (var cut = min; cut <= s.Length - min; cut++)
        {
            if (!table.Words.IsLegalWord(s.AsSpan(0, cut)) || !table.Words.IsLegalWord(s.AsSpan(cut))) continue;
            // The typed original splits at the same place when it is the text in other case; otherwise show the text.
            var sameShape = t.Original.Length == s.Length;
            left = Part(sameShape ? t.Original[..cut] : s[..cut], s[..cut], t.Origin);
            right = Part(sameShape ? t.Original[cut..] : s[cut..], s[cut..], t.Origin);
            return true;
        }
        return false;
    }

    private static NameToken Part(string original, string text, KeyOrigin origin) =>
        new(original, text, Romanization.Key(text), TokenClass.Word, origin);
}
