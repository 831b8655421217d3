using System.Reflection;

namespace Screening.Normalization;

// The legal-form, abbreviation and stop-word table (embedded resource Data/phrases.txt), matched on token keys.
internal sealed class PhraseTable
{
    private readonly Dictionary<string, List<Phrase>> _byFirstKey = new(StringComparer.Ordinal);
    // Phrases whose first key is long enough for a one-edit match, bucketed by first letter and length.
    private readonly Dictionary<(char, int), List<Phrase>> _fuzzyFirst = [];

    internal sealed record Phrase(string[] Keys, string Canonical, TokenClass Class, KeyOrigin Origin);

    public static PhraseTable Default { get; } = Load();

    public int MaxLength { get; private set; }

    private static PhraseTable Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Screening.Normalization.phrases.txt")
            ?? throw new InvalidOperationException("Embedded resource Screening.Normalization.phrases.txt is missing.");
        using var reader = new StreamReader(stream);
        var table = new PhraseTable();
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length != 3) throw new InvalidOperationException($"phrases.txt, line {lineNo}: expected 3 tab-separated columns.");
            var (cls, origin) = cols[0] switch
            {
                "legal" => (TokenClass.LegalForm, KeyOrigin.LegalForm),
                "term" => (TokenClass.Word, KeyOrigin.Term),
                "stop" => (TokenClass.Stop, KeyOrigin.Term),
                _ => throw new InvalidOperationException($"phrases.txt, line {lineNo}: unknown class '{cols[0]}'."),
            };
            var canonicalTokens = NameNormalizer.Tokenize(cols[1]);
            var canonical = "";
            foreach (var t in canonicalTokens) canonical += t.Key;
            foreach (var variant in cols[2].Split('|'))
            {
                var tokens = NameNormalizer.Tokenize(variant.Trim());
                if (tokens.Count == 0) continue;
                var keys = new string[tokens.Count];
                for (var i = 0; i < keys.Length; i++) keys[i] = tokens[i].Key;
                table.Add(new Phrase(keys, canonical, cls, origin));
            }
        }
        return table;
    }

    private void Add(Phrase p)
    {
        if (!_byFirstKey.TryGetValue(p.Keys[0], out var list)) _byFirstKey[p.Keys[0]] = list = [];
        list.Add(p);
        if (p.Keys[0].Length >= FuzzyMinLength)
        {
            var bucket = (p.Keys[0][0], p.Keys[0].Length);
            if (!_fuzzyFirst.TryGetValue(bucket, out var fl)) _fuzzyFirst[bucket] = fl = [];
            fl.Add(p);
        }
        MaxLength = Math.Max(MaxLength, p.Keys.Length);
    }

    // Long words in legal forms (OBSHCHESTVO, OTVETSTVENNOSTYU) are often misspelled: allow one edit.
    private const int FuzzyMinLength = 7;

    private static bool KeyEquals(string phraseKey, string tokenKey) =>
        phraseKey == tokenKey || (phraseKey.Length >= FuzzyMinLength && tokenKey.Length >= FuzzyMinLength - 1 && Matching.EditDistance.Osa(phraseKey, tokenKey, 1) <= 1);

    /// <summary>Finds the longest phrase starting at <paramref name="start"/>; returns its length or 0.</summary>
    public int Match(List<NameToken> tokens, int start, out Phrase? phrase)
    {
        phrase = null;
        var best = 0;
        var first = tokens[start].Key;
        if (_byFirstKey.TryGetValue(first, out var candidates)) Consider(candidates, tokens, start, ref best, ref phrase);
        if (first.Length >= FuzzyMinLength - 1)
        {
            // A misspelling keeps the first letter and changes the length by at most one.
            for (var len = first.Length - 1; len <= first.Length + 1; len++)
                if (_fuzzyFirst.TryGetValue((first[0], len), out var fuzzy)) Consider(fuzzy, tokens, start, ref best, ref phrase);
        }
        return best;
    }

    private static void Consider(List<Phrase> candidates, List<NameToken> tokens, int start, ref int best, ref Phrase? phrase)
    {
        foreach (var p in candidates)
        {
            if (p.Keys.Length <= best || start + p.Keys.Length > tokens.Count) continue;
            var ok = true;
            for (var k = 0; k < p.Keys.Length && ok; k++)
            {
                var t = tokens[start + k];
                ok = t.Class != TokenClass.Number && KeyEquals(p.Keys[k], t.Key);
            }
            if (ok)
            {
                best = p.Keys.Length;
                phrase = p;
            }
        }
    }
}
