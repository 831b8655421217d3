using System.Text;

namespace Screening.Normalization;

/// <summary>How a reading was taken out of a name that holds several.</summary>
internal enum ReadingKind : byte
{
    /// <summary>The name as written.</summary>
    Whole,
    /// <summary>The text in parentheses or brackets, or the text around them.</summary>
    Parenthesis,
    /// <summary>One side of a slash or semicolon.</summary>
    Separator,
    /// <summary>Before or after a marker such as formerly, f/k/a, a.k.a., t/a.</summary>
    Marker,
    /// <summary>One part of a name listed twice, comma-separated or restated after a legal form.</summary>
    Restated,
    /// <summary>The name proper, in quotes, with the legal forms around it.</summary>
    Quoted,
}

/// <summary>One name read out of a field: its text, normalized, and how it was found.</summary>
internal sealed record NameReading(string Text, NormalizedName Name, ReadingKind Kind);

/// <summary>
/// Names as other authorities and customers write them often hold several names in one field: <c>X (Y)</c>,
/// <c>A / B</c>, <c>X, formerly Y</c>, <c>FSE "TGP", Federal State Enterprise "Tambov Gunpowder Plant"</c>, the name
/// restated after a second legal form (<c>АО "ШВАБЕ" Акционерное общество "ШВАБЕ"</c>), the name proper in quotes inside
/// a long descriptor. Each is screened as each of its readings, and the best match per entry is kept. The whole name is
/// always the first reading; a reading with no distinctive word (only legal forms, function and generic words, or a
/// country in parentheses) is dropped; at most <see cref="NormalizationRules.MaxReadings"/> readings.
/// </summary>
internal static class NameReadings
{
    private static readonly string[] Markers =
    [
        "formerly known as", "previously known as", "also known as", "trading as", "doing business as", "formerly",
        "previously", "f/k/a", "fka", "a.k.a.", "aka", "t/a", "d/b/a", "dba", "ранее", "бывшее", "бывш.", "прежнее наименование",
    ];

    private const string OpenQuotes = "\"'«‘“„‚‹";

    private const string CloseQuotes = "\"'»’”“‘›";

    /// <summary>The readings of <paramref name="name"/>, the whole first. Never empty when the whole has tokens.</summary>
    /// <param name="name">The name.</param>
    /// <param name="context">This thread's normalizer memory.</param>
    /// <param name="listed">A listed name: lists give their aliases apart, so a listed name is read at its brackets,
    /// separators and markers only, never cut at a second legal form nor narrowed to a quoted part.</param>
    public static List<NameReading> Read(string name, NormalizerContext context, bool listed = false)
    {
        var readings = new List<NameReading>(2);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var whole = NameNormalizer.Normalize(name, context);
        readings.Add(new NameReading(name, whole, ReadingKind.Whole));
        seen.Add(whole.ToString());
        if (!MayHoldSeveral(name) && !RestatedReadings.MayHold(whole, listed)) return readings;

        var candidates = new List<(string Text, ReadingKind Kind)>();
        foreach (var (segment, kind) in SplitMarkers(name)) AddParentheses(segment, kind, candidates);
        var count = candidates.Count;
        for (var i = 0; i < count; i++) AddSeparated(candidates[i].Text, candidates);
        if (!listed) AddQuoted(name, candidates);
        var wholeText = name.AsSpan().Trim();
        foreach (var (text, kind) in candidates)
        {
            if (readings.Count >= NormalizationRules.MaxReadings) break;
            // The whole name again (no marker, bracket or separator cut it): already read, and normalizing it twice
            // doubled the cost of long names with two legal forms.
            if (text.AsSpan().Trim().SequenceEqual(wholeText)) continue;
            Add(readings, seen, text, NameNormalizer.Normalize(text, context), kind);
        }
        if (!listed) RestatedReadings.Add(readings, seen, whole);
        return readings;
    }

    // Cheap test first: most names hold none of the separators.
    private static bool MayHoldSeveral(string name)
    {
        foreach (var c in name)
            if (c is '(' or '[' or '/' or ';' or ',' || OpenQuotes.Contains(c, StringComparison.Ordinal)) return true;
        foreach (var m in Markers)
            if (IndexOfWord(name, m, 0) >= 0) return true;
        return false;
    }

    /// <summary>Adds a reading with a distinctive word that is not already read.</summary>
    internal static void Add(List<NameReading> readings, HashSet<string> seen, string text, NormalizedName normalized, ReadingKind kind)
    {
        if (readings.Count >= NormalizationRules.MaxReadings || !HasContent(normalized.Tokens, 0, normalized.Tokens.Length)) return;
        if (!seen.Add(normalized.ToString())) return;
        readings.Add(new NameReading(text.Trim(), normalized, kind));
    }

    // A distinctive word: a word or number that is not a generic business word, of three letters or more in all.
    internal static bool HasContent(NameToken[] tokens, int from, int to)
    {
        var letters = 0;
        var distinctive = false;
        for (var i = from; i < to; i++)
        {
            var t = tokens[i];
            if (t.Class is not (TokenClass.Word or TokenClass.Number) || PhraseTable.Default.GenericKeys.Contains(t.Key)) continue;
            distinctive = true;
            letters += t.Text.Length;
        }
        return distinctive && letters >= 3;
    }

    // Before and after each marker (X formerly Y, X f/k/a Y).
    private static List<(string, ReadingKind)> SplitMarkers(string name)
    {
        var parts = new List<(string, ReadingKind)>();
        var start = 0;
        var kind = ReadingKind.Whole;
        while (true)
        {
            var (at, length) = NextMarker(name, start);
            if (at < 0) break;
            parts.Add((name[start..at], kind));
            start = at + length;
            kind = ReadingKind.Marker;
        }
        parts.Add((name[start..], kind));
        if (parts.Count > 1) parts[0] = (parts[0].Item1, ReadingKind.Marker);
        return parts;
    }

    private static (int At, int Length) NextMarker(string name, int from)
    {
        var best = (-1, 0);
        foreach (var m in Markers)
        {
            var at = IndexOfWord(name, m, from);
            if (at >= 0 && (best.Item1 < 0 || at < best.Item1)) best = (at, m.Length);
        }
        return best;
    }

    // The marker as a whole word (not inside another word), in any case.
    private static int IndexOfWord(string text, string marker, int from)
    {
        for (var at = text.IndexOf(marker, from, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + marker.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(marker[^1]);
            if (before && after) return at;
        }
        return -1;
    }

    // X (Y) Z: the text outside the brackets, and each bracketed part (one level; unbalanced brackets are left alone).
    private static void AddParentheses(string text, ReadingKind kind, List<(string, ReadingKind)> output)
    {
        var outside = new StringBuilder(text.Length);
        var inner = new List<string>();
        var depth = 0;
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '[')
            {
                if (depth++ == 0) start = i + 1;
                continue;
            }
            if (c is ')' or ']' && depth > 0)
            {
                if (--depth == 0) inner.Add(text[start..i]);
                outside.Append(' ');
                continue;
            }
            if (depth == 0) outside.Append(c);
        }
        // A qualifier in parentheses (HK), (Asia), (The), (Class B) is part of the name: only a bracketed part that is a
        // name of its own (two distinctive words, or one written as an acronym) makes the name hold two.
        var names = inner.FindAll(IsName);
        if (depth != 0 || names.Count == 0)
        {
            output.Add((text, kind));
            return;
        }
        output.Add((outside.ToString(), kind == ReadingKind.Whole ? ReadingKind.Parenthesis : kind));
        foreach (var part in names) output.Add((part, ReadingKind.Parenthesis));
    }

    // A bracketed part that names the party on its own: two distinctive words or more, one with a legal form (NEW OIL
    // COMPANY), or one distinctive word in capitals of two to eight letters (an acronym: KOMZ, KTRV, TPE). Not a qualifier
    // such as (CLASS B), (THE), (ASIA), (USA).
    private static bool IsName(string part)
    {
        var tokens = NameNormalizer.Normalize(part).Tokens;
        var distinctive = 0;
        var legal = false;
        NameToken? word = null;
        foreach (var t in tokens)
        {
            legal |= t.Class == TokenClass.LegalForm;
            if (t.Class is not (TokenClass.Word or TokenClass.Number) || t.Text.Length < 2 || PhraseTable.Default.GenericKeys.Contains(t.Key)) continue;
            distinctive++;
            word = t;
        }
        if (distinctive >= 2 || (distinctive == 1 && legal)) return true;
        if (distinctive != 1 || word!.Class != TokenClass.Word || word.Text.Length is < 2 or > 8) return false;
        // A country (USA), a region code (HK, PRC) says where, not who.
        if (Watchlists.CountryCodes.TryGetCode(word.Original, out _) || Watchlists.CountryCodes.TryGetCode(word.Text, out _)) return false;
        return IsAcronym(word.Original);
    }

    // Capitals, or capitals with the small second letter of a romanized Russian digraph (FTsDT, NPTs, TsKB: Ц as Ts).
    private static bool IsAcronym(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (!char.IsLetter(c) || char.IsUpper(c)) continue;
            if (i == 0 || !char.IsUpper(word[i - 1]) || !IsDigraph(char.ToUpperInvariant(word[i - 1]), char.ToUpperInvariant(c))) return false;
        }
        return true;
    }

    private static bool IsDigraph(char first, char second) => (first, second) is ('T', 'S') or ('K', 'H') or ('S', 'H') or ('C', 'H') or ('Z', 'H');

    // A / B, A; B, and A, B where both sides are names of two words or more (not X, LLC nor SMITH, John).
    private static void AddSeparated(string text, List<(string, ReadingKind)> output)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var cut = c == ';' || (c == '/' && SlashSeparates(text, i)) || (c == ',' && CommaSeparates(text, start, i));
            if (!cut) continue;
            parts.Add(text[start..i]);
            start = i + 1;
        }
        if (parts.Count == 0) return;
        parts.Add(text[start..]);
        foreach (var p in parts) output.Add((p, ReadingKind.Separator));
    }

    // A slash between names: spaced (A / B), or between two words of three letters or more (ВТБ/Внешторгбанк), but
    // not in short forms such as S/A, A/S, C/O, nor inside a name (MACHINERY IMPORT/EXPORT CORPORATION: the side after it
    // has no distinctive word).
    private static bool SlashSeparates(string text, int at)
    {
        var next = text.IndexOf('/', at + 1);
        var right = text[(at + 1)..(next < 0 ? text.Length : next)];
        var before = text.LastIndexOf('/', at - 1 < 0 ? 0 : at - 1);
        var left = text[(before < 0 ? 0 : before + 1)..at];
        if (!HasContent(NameNormalizer.Normalize(left).Tokens) || !HasContent(NameNormalizer.Normalize(right).Tokens)) return false;
        if (at > 0 && at + 1 < text.Length && char.IsWhiteSpace(text[at - 1]) && char.IsWhiteSpace(text[at + 1])) return true;
        return LettersBefore(text, at) >= 3 && LettersAfter(text, at) >= 3;
    }

    private static bool HasContent(NameToken[] tokens) => HasContent(tokens, 0, tokens.Length);

    // A comma between two names of one company, each with its legal form (JSC TULA CARTRIDGE PLANT, JSC TCP), or after a
    // company named in full, its legal form last, and before another name (TACTICAL MISSILE CORPORATION, RKB GLOBUS: a
    // parent and its member): not a name and its legal form (KUPOL, JSC), nor a surname and given names (SMITH, John),
    // nor a name and a qualifier.
    private static bool CommaSeparates(string text, int start, int at)
    {
        var next = text.IndexOf(',', at + 1);
        var right = text[(at + 1)..(next < 0 ? text.Length : next)];
        var left = text[start..at];
        if (Words(left) < 2 || Words(right) < 2) return false;
        return (IsCompanyName(left) && IsCompanyName(right)) || (EndsWithLegalForm(left) && HasContent(NameNormalizer.Normalize(right).Tokens));
    }

    // A name whose last token is a legal form, with a word before it (TACTICAL MISSILE CORPORATION).
    private static bool EndsWithLegalForm(string text)
    {
        var tokens = NameNormalizer.Normalize(text).Tokens;
        return tokens.Length >= 2 && tokens[^1].Class == TokenClass.LegalForm && HasContent(tokens, 0, tokens.Length - 1);
    }

    // A legal form and a word besides it.
    private static bool IsCompanyName(string text)
    {
        bool legal = false, word = false;
        foreach (var t in NameNormalizer.Normalize(text).Tokens)
        {
            legal |= t.Class == TokenClass.LegalForm;
            word |= t.Class is TokenClass.Word or TokenClass.Number;
        }
        return legal && word;
    }

    private static int Words(string text)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) n++;
            inWord = letter;
        }
        return n;
    }

    private static int LettersBefore(string text, int at)
    {
        var n = 0;
        for (var i = at - 1; i >= 0 && char.IsLetter(text[i]); i--) n++;
        return n;
    }

    private static int LettersAfter(string text, int at)
    {
        var n = 0;
        for (var i = at + 1; i < text.Length && char.IsLetter(text[i]); i++) n++;
        return n;
    }

    // The outermost quoted span (the name proper inside a long descriptor: Federal State Enterprise "Sanatorium ...").
    // An apostrophe inside a word (O'NEIL, McDONALD'S) is not a quote.
    private static void AddQuoted(string name, List<(string, ReadingKind)> output)
    {
        var open = -1;
        for (var i = 0; i < name.Length && open < 0; i++)
            if (OpenQuotes.Contains(name[i], StringComparison.Ordinal) && (i == 0 || !char.IsLetterOrDigit(name[i - 1]))) open = i;
        var close = -1;
        for (var i = name.Length - 1; i > open && close < 0; i--)
            if (CloseQuotes.Contains(name[i], StringComparison.Ordinal) && (i == name.Length - 1 || !char.IsLetterOrDigit(name[i + 1]))) close = i;
        if (open < 0 || close <= open + 1) return;
        output.Add((name[(open + 1)..close], ReadingKind.Quoted));
    }
}
