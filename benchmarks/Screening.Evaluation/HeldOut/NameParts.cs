using System.Text;

namespace Screening.Evaluation.HeldOut;

/// <summary>
/// A name as words (runs of letters or digits) and the gaps between them (spaces, punctuation), so that an edit of one
/// word or gap rebuilds the rest of the name exactly as written. The held-out generators' own view of a name,
/// independent of the library's normalizer and of the first generator's parser.
/// </summary>
internal sealed class NameParts
{
    private NameParts(List<string> words, List<string> gaps)
    {
        Words = words;
        Gaps = gaps;
    }

    /// <summary>The words as written.</summary>
    public List<string> Words { get; }

    /// <summary>Gaps: <c>Gaps[i]</c> precedes <c>Words[i]</c>; the last gap follows the last word (Count = Words.Count + 1).</summary>
    public List<string> Gaps { get; }

    public int Count => Words.Count;

    public static NameParts Parse(string text)
    {
        var words = new List<string>();
        var gaps = new List<string>();
        var sb = new StringBuilder();
        var inWord = false;
        foreach (var c in text)
        {
            var wordChar = char.IsLetterOrDigit(c);
            if (wordChar != inWord)
            {
                (inWord ? words : gaps).Add(sb.ToString());
                sb.Clear();
                inWord = wordChar;
            }
            sb.Append(c);
        }
        (inWord ? words : gaps).Add(sb.ToString());
        if (inWord) gaps.Add("");
        return new NameParts(words, gaps);
    }

    public NameParts Clone() => new([.. Words], [.. Gaps]);

    /// <summary>The word's comparison key: upper-case letters and digits.</summary>
    public string Key(int i) => Words[i].ToUpperInvariant();

    public static string KeyOf(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToUpperInvariant(c));
        return sb.ToString();
    }

    /// <summary>The words' keys joined by single spaces: punctuation ignored, word boundaries kept (LLC TELLUR is not LLCTELLUR).</summary>
    public static string SpacedKey(string s)
    {
        var p = Parse(s);
        return string.Join(' ', Enumerable.Range(0, p.Count).Select(p.Key));
    }

    /// <summary>True when only spaces separate word <paramref name="i"/> from the next.</summary>
    public bool SpaceAfter(int i) => i + 1 < Count && Gaps[i + 1].Length > 0 && Gaps[i + 1].All(c => c == ' ');

    /// <summary>True when a single hyphen joins word <paramref name="i"/> to the next.</summary>
    public bool HyphenAfter(int i) => i + 1 < Count && Gaps[i + 1] == "-";

    /// <summary>Removes word <paramref name="i"/>; the gaps on both sides merge (spaces collapse, a lone hyphen becomes a space).</summary>
    public void RemoveWord(int i)
    {
        // A dot right after the word is its abbreviation mark (IM. M.V. FRUNZE): it goes with the word.
        var after = Gaps[i + 1].StartsWith('.') ? Gaps[i + 1][1..] : Gaps[i + 1];
        var merged = Gaps[i] + after;
        Words.RemoveAt(i);
        Gaps.RemoveAt(i + 1);
        while (merged.Contains("  ", StringComparison.Ordinal)) merged = merged.Replace("  ", " ", StringComparison.Ordinal);
        if (merged.Trim() == "-") merged = " ";
        if (i == 0) merged = merged.TrimStart();
        if (i == Count) merged = merged.TrimEnd();
        Gaps[i] = merged;
    }

    /// <summary>Inserts a word before position <paramref name="i"/> (Count appends), separated by spaces.</summary>
    public void InsertWord(int i, string word)
    {
        if (i >= Count)
        {
            var tail = Gaps[Count];
            Gaps[Count] = tail.Length == 0 ? " " : tail.EndsWith(' ') ? tail : tail + " ";
            Words.Add(word);
            Gaps.Add("");
            return;
        }
        Words.Insert(i, word);
        Gaps.Insert(i + 1, " ");
        if (i == 0 && Gaps[0].Length > 0 && !Gaps[0].All(c => c == ' '))
        {
            // A leading quote or bracket stays in front of the word it belonged to.
            Gaps[1] = " " + Gaps[0];
            Gaps[0] = "";
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < Count; i++) sb.Append(Gaps[i]).Append(Words[i]);
        sb.Append(Gaps[Count]);
        return sb.ToString();
    }
}
