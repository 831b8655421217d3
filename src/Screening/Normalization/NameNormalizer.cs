using System.Globalization;
using System.Text;

namespace Screening.Normalization;

/// <summary>
/// Text to tokens, owned by the project: Unicode compatibility folding, case and diacritics, scripts (Cyrillic by a
/// table, Han, Greek and the rest through AnyAscii), punctuation, quotes and hyphens, dotted abbreviations, and then
/// legal forms, abbreviations and stop words from the phrase table. Pure and deterministic.
/// </summary>
internal static class NameNormalizer
{
    // Callers that pass no context (tests, tools, single screens outside the screener) share one per thread.
    [ThreadStatic] private static NormalizerContext? t_default;

    /// <summary>Normalizes a name into tokens, with legal forms, abbreviations and stop words classified.</summary>
    /// <param name="name">The name.</param>
    /// <param name="context">This thread's working memory; null uses a per-thread default.</param>
    public static NormalizedName Normalize(string name, NormalizerContext? context = null)
    {
        context ??= t_default ??= new NormalizerContext();
        var tokens = Tokenize(name, context, out var truncated);
        WordRepair.Apply(tokens, PhraseTable.Default);
        return new NormalizedName(ApplyPhrases(tokens, context).ToArray(), truncated);
    }

    /// <summary>Splits and folds without the phrase table (also used to read the table itself).</summary>
    public static List<NameToken> Tokenize(string name) => Tokenize(name, t_default ??= new NormalizerContext(), out _);

    // At most NormalizationRules.MaxTokens tokens; the rest of the name is not read.
    private static List<NameToken> Tokenize(string name, NormalizerContext context, out bool truncated)
    {
        truncated = false;
        var result = new List<NameToken>();
        if (string.IsNullOrEmpty(name)) return result;
        string text;
        var ascii = System.Text.Ascii.IsValid(name);
        if (ascii) text = name; // NFKC is the identity on ASCII
        else
        {
            try
            {
                text = name.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                text = RepairSurrogates(name).Normalize(NormalizationForm.FormKC);
            }
        }

        context.Iso9 = !ascii && Normalization.Iso9.Detect(text);

        // Split into raw chunks on whitespace and separators; dots stay for the abbreviation rule.
        var chunkStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var boundary = i == text.Length || IsSeparator(text[i]);
            if (!boundary)
            {
                if (chunkStart < 0) chunkStart = i;
                continue;
            }
            if (chunkStart >= 0)
            {
                AddChunk(text.AsSpan(chunkStart, i - chunkStart), result, context);
                chunkStart = -1;
            }
            if (i < text.Length && text[i] is '&' or '+')
                result.Add(MakeToken("&", "AND", KeyOrigin.Plain));
            if (result.Count >= NormalizationRules.MaxTokens)
            {
                truncated = result.Count > NormalizationRules.MaxTokens || HasMoreText(text, i + 1);
                if (result.Count > NormalizationRules.MaxTokens) result.RemoveRange(NormalizationRules.MaxTokens, result.Count - NormalizationRules.MaxTokens);
                break;
            }
        }
        return result;
    }

    // Whether anything that could make a token follows (a letter, a digit, an ampersand).
    private static bool HasMoreText(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
            if (char.IsLetterOrDigit(text[i]) || text[i] is '&' or '+') return true;
        return false;
    }

    private static string RepairSurrogates(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); }
            else if (char.IsSurrogate(c)) sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsSeparator(char c)
    {
        if (char.IsAscii(c)) return !char.IsAsciiLetterOrDigit(c) && c is not ('.' or '\'' or '`'); // most names
        if (c == '.' || c == '\'' || c == '\u2019' || c == '\u02BC' || c == '`' || c == '\u00B4') return false;
        if (char.IsLetterOrDigit(c)) return false;
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        // Combining marks stay with their letter; everything else (spaces, punctuation, symbols, controls) separates.
        return cat is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
    }

    // A chunk such as "L.L.C.", "S.A." or "CO.,LTD" or "WWW.KUPOL.RU".
    private static void AddChunk(ReadOnlySpan<char> chunk, List<NameToken> result, NormalizerContext context)
    {
        // Dotted initials (each part at most two letters): join. Otherwise, dots split.
        var parts = 0;
        var allShort = true;
        var segLen = 0;
        foreach (var c in chunk)
        {
            if (c == '.')
            {
                if (segLen > 0) { parts++; allShort &= segLen <= NormalizationRules.DottedInitialLength; }
                segLen = 0;
            }
            else segLen++;
        }
        if (segLen > 0) { parts++; allShort &= segLen <= NormalizationRules.DottedInitialLength; }
        var joinDots = parts >= 2 && allShort;

        var start = 0;
        for (var i = 0; i <= chunk.Length; i++)
        {
            if (i < chunk.Length && (chunk[i] != '.' || joinDots)) continue;
            if (i > start) AddWord(chunk[start..i], result, context);
            start = i + 1;
        }
    }

    // Folds one word; Han characters become one token each (their pinyin syllable), digits split from letters
    // only where a script boundary forces it. The builders are the context's: a name has a handful of words, a batch millions.
    private static void AddWord(ReadOnlySpan<char> word, List<NameToken> result, NormalizerContext context)
    {
        var sb = context.Text;
        var original = context.Original;
        var mixed = MixesLatinAndCyrillic(word);
        sb.Clear();
        original.Clear();
        var transliterated = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '.') continue;
            if (mixed && char.IsAsciiLetter(c)) c = Romanization.AsCyrillicLookalike(c);
            if (char.IsAsciiLetter(c)) { sb.Append(char.ToUpperInvariant(c)); original.Append(c); continue; }
            if (char.IsAsciiDigit(c)) { sb.Append(c); original.Append(c); continue; }
            if (c is '\'' or '\u2019' or '\u02BC' or '`' or '\u00B4') { original.Append(c); continue; }

            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < word.Length && char.IsLowSurrogate(word[i + 1]))
            {
                cp = char.ConvertToUtf32(c, word[i + 1]);
                i++;
            }
            if (Romanization.IsHan(cp))
            {
                // Flush what came before, then emit the syllable as its own token. A run of Han characters is one
                // token each: stop reading once past the limit (Tokenize cuts the rest and says so).
                Flush(sb, original, transliterated, result);
                transliterated = false;
                if (result.Count > NormalizationRules.MaxTokens) return;
                var syllable = Fold(Romanization.Fallback(cp));
                if (syllable.Length > 0) result.Add(MakeToken(char.ConvertFromUtf32(cp), syllable, KeyOrigin.Transliterated));
                continue;
            }
            original.Append(char.ConvertFromUtf32(cp));
            if (cp <= 0xFFFF && Romanization.IsCyrillic((char)cp))
            {
                sb.Append(Romanization.FromCyrillic((char)cp) ?? Fold(Romanization.Fallback(cp)));
                transliterated = true;
                continue;
            }
            if (context.Iso9 && cp <= 0xFFFF && Normalization.Iso9.Letter((char)cp) is { } iso9)
            {
                sb.Append(iso9);
                transliterated = true;
                continue;
            }
            if (cp <= 0xFFFF && Romanization.FromLatinSpecial((char)cp) is { } special)
            {
                sb.Append(special);
                continue;
            }
            var decomposed = char.ConvertFromUtf32(cp).Normalize(NormalizationForm.FormKD);
            var added = false;
            foreach (var d in decomposed)
            {
                if (char.IsAsciiLetter(d)) { sb.Append(char.ToUpperInvariant(d)); added = true; }
                else if (char.IsAsciiDigit(d)) { sb.Append(d); added = true; }
            }
            if (added) continue;
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            var fb = Fold(Romanization.Fallback(cp));
            if (fb.Length > 0)
            {
                sb.Append(fb);
                transliterated = true;
            }
        }
        Flush(sb, original, transliterated, result);
    }

    // A word with both Latin and Cyrillic letters: a Cyrillic word with look-alike Latin letters typed into it.
    private static bool MixesLatinAndCyrillic(ReadOnlySpan<char> word)
    {
        bool latin = false, cyrillic = false;
        foreach (var c in word)
        {
            latin |= char.IsAsciiLetter(c);
            cyrillic |= Romanization.IsCyrillic(c);
        }
        return latin && cyrillic;
    }

    private static void Flush(StringBuilder sb, StringBuilder original, bool transliterated, List<NameToken> result)
    {
        if (sb.Length > 0)
        {
            var text = sb.ToString();
            // Typed in capitals (as lists and many books are), the original is the text: one string, not two.
            var source = original.Length == 0 || original.Equals(text.AsSpan()) ? text : original.ToString();
            result.Add(MakeToken(source, text, transliterated ? KeyOrigin.Transliterated : KeyOrigin.Plain));
        }
        sb.Clear();
        original.Clear();
    }

    private static string Fold(string ascii)
    {
        var sb = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetter(c)) sb.Append(char.ToUpperInvariant(c));
            else if (char.IsAsciiDigit(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    private static NameToken MakeToken(string original, string text, KeyOrigin origin)
    {
        var isNumber = true;
        foreach (var c in text) isNumber &= char.IsAsciiDigit(c);
        var key = isNumber ? text : Romanization.Key(text);
        return new NameToken(original, text, key, isNumber ? TokenClass.Number : TokenClass.Word, origin);
    }

    private static List<NameToken> ApplyPhrases(List<NameToken> tokens, NormalizerContext context)
    {
        var table = PhraseTable.Default;
        var result = new List<NameToken>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var len = table.Match(tokens, i, out var phrase, context.FirstWords);
            if (len == 0 || phrase is null)
            {
                result.Add(tokens[i]);
                i++;
                continue;
            }
            string original, text;
            var parts = new string[len];
            if (len == 1)
            {
                original = tokens[i].Original;
                text = tokens[i].Text;
                parts[0] = tokens[i].Key;
            }
            else
            {
                var o = new string[len];
                var t = new string[len];
                for (var k = 0; k < len; k++) { o[k] = tokens[i + k].Original; t[k] = tokens[i + k].Text; parts[k] = tokens[i + k].Key; }
                original = string.Join(' ', o);
                text = string.Join(' ', t);
            }
            result.Add(new NameToken(original, text, phrase.Canonical, phrase.Class, phrase.Origin, parts));
            i += len;
        }

        // Then phrases broken up by reordering or an inserted word: collapse them where their first word stood.
        if (result.Count > 2)
        {
            var positions = context.Positions;
            while (table.MatchScattered(result, positions, context.Scattered) is { } scattered)
            {
                positions.Sort();
                var o = new string[positions.Count];
                var t = new string[positions.Count];
                var parts = new string[positions.Count];
                for (var k = 0; k < positions.Count; k++)
                {
                    var tok = result[positions[k]];
                    o[k] = tok.Original;
                    t[k] = tok.Text;
                    parts[k] = tok.Key;
                }
                var merged = new NameToken(string.Join(' ', o), string.Join(' ', t), scattered.Canonical, scattered.Class, scattered.Origin, parts);
                for (var k = positions.Count - 1; k >= 1; k--) result.RemoveAt(positions[k]);
                result[positions[0]] = merged;
            }
        }
        return result;
    }
}
