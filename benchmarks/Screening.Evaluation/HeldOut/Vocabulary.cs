using Screening.Watchlists;

namespace Screening.Evaluation.HeldOut;

/// <summary>
/// What the held-out generators know about words: how many SDN entries use a word (rarity: which words are ordinary and
/// which one is a name's distinctive word), and which words are ordinary English/international business words (to
/// leave them alone when re-romanizing Russian words, and to tell whether the halves of a broken word are words).
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _df;
    private readonly HashSet<string> _english;

    public Vocabulary(Dictionary<string, int> entryFrequency, HashSet<string> english)
    {
        _df = entryFrequency;
        _english = english;
    }

    /// <summary>A word used by at least this many SDN entries is an ordinary word, not a name's distinctive part.</summary>
    public const int OrdinaryFrequency = 10;

    /// <summary>
    /// Builds the vocabulary: entry frequencies over every name of <paramref name="entries"/>, and the English words as
    /// the words met in at least <paramref name="minEnglish"/> of <paramref name="englishNames"/> (real names of
    /// unlisted companies: US listings, the Hong Kong registry, Forbes 2000; the registry's pinyin words count too, which
    /// keeps them out of re-romanization).
    /// </summary>
    public static Vocabulary Build(IEnumerable<WatchlistEntry> entries, IEnumerable<string> englishNames, int minEnglish = 1)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            seen.Clear();
            foreach (var n in e.Names)
            {
                var p = NameParts.Parse(n.Value);
                for (var i = 0; i < p.Count; i++)
                {
                    var k = p.Key(i);
                    if (seen.Add(k)) df[k] = df.GetValueOrDefault(k) + 1;
                }
            }
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in englishNames)
        {
            seen.Clear();
            var p = NameParts.Parse(name);
            for (var i = 0; i < p.Count; i++)
            {
                var k = p.Key(i);
                if (seen.Add(k)) counts[k] = counts.GetValueOrDefault(k) + 1;
            }
        }
        var english = counts.Where(kv => kv.Value >= minEnglish && kv.Key.All(char.IsAsciiLetter)).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        return new Vocabulary(df, english);
    }

    /// <summary>How many entries use the word (upper-case key).</summary>
    public int Frequency(string key) => _df.GetValueOrDefault(key);

    public bool IsOrdinary(string key) => Frequency(key) >= OrdinaryFrequency;

    public bool IsEnglish(string key) => _english.Contains(key);

    /// <summary>A word someone would recognise: an English business word or a word on two or more SDN entries.</summary>
    public bool IsWord(string key) => _english.Contains(key) || Frequency(key) >= 2;
}
