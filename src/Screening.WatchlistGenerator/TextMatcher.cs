using System.Text;
using Screening.Normalization;

namespace Screening.WatchlistGenerator;

/// <summary>
/// Keyword matching for the rules: texts are folded by the library's normalizer (case, diacritics, Cyrillic, punctuation)
/// into upper-case ASCII tokens and joined as <c>" TOKEN TOKEN | TOKEN "</c>; a pattern is one or more words where a
/// trailing <c>*</c> on a word means "starts with" and a leading <c>*</c> means "ends with" (<c>*BANK*</c>: contains).
/// Phrases never match across two texts.
/// </summary>
internal sealed class TextMatcher
{
    private readonly string _padded;

    private TextMatcher(string padded) => _padded = padded;

    /// <summary>Folds the texts into one searchable string.</summary>
    public static TextMatcher Of(IEnumerable<string?> texts)
    {
        var sb = new StringBuilder(" ");
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            foreach (var token in NameNormalizer.Tokenize(text))
                sb.Append(token.Text).Append(' ');
            sb.Append("| ");
        }
        return new TextMatcher(sb.ToString());
    }

    /// <summary>The folded text, for messages and tests.</summary>
    public override string ToString() => _padded;

    /// <summary>Whether the pattern occurs.</summary>
    public bool Has(string pattern)
    {
        var p = pattern.Trim();
        var leading = p.StartsWith('*');
        var trailing = p.EndsWith('*');
        var core = p.Trim('*').ToUpperInvariant();
        if (core.Length == 0) throw new ArgumentException("Empty pattern.", nameof(pattern));
        var needle = (leading ? "" : " ") + core + (trailing ? "" : " ");
        return _padded.Contains(needle, StringComparison.Ordinal);
    }

    /// <summary>A copy in which the given phrases (whole words) are blanked out, so they cannot match.</summary>
    public TextMatcher Without(IReadOnlyList<string> phrases)
    {
        var text = _padded;
        foreach (var p in phrases)
        {
            var needle = " " + p.Trim().ToUpperInvariant() + " ";
            text = text.Replace(needle, " ~ ", StringComparison.Ordinal);
        }
        return new TextMatcher(text);
    }

    /// <summary>The first pattern that occurs, or <see langword="null"/>.</summary>
    public string? FirstOf(IReadOnlyList<string> patterns)
    {
        foreach (var p in patterns)
            if (Has(p)) return p;
        return null;
    }
}
