namespace Screening.Benchmarks.Generation;

// Keyboard-style typos: substitution, deletion, insertion or transposition of letters inside words of 4+ letters,
// never on a word's first letter (people rarely get that wrong).
internal static class Typos
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Applies <paramref name="edits"/> edits, in different words when the name has enough; null when it has no word to edit.</summary>
    public static string? Apply(string name, int edits, Random rng)
    {
        var words = new List<(int Start, int Length)>();
        for (var i = 0; i < name.Length;)
        {
            if (!IsAsciiLetter(name[i])) { i++; continue; }
            var start = i;
            while (i < name.Length && IsAsciiLetter(name[i])) i++;
            if (i - start >= 4) words.Add((start, i - start));
        }
        if (words.Count == 0) return null;

        // Pick the words (distinct while possible), then edit from right to left so earlier offsets stay valid.
        var picks = new List<(int Start, int Length)>();
        var pool = new List<(int Start, int Length)>(words);
        for (var e = 0; e < edits; e++)
        {
            if (pool.Count == 0) pool.AddRange(words);
            var k = rng.Next(pool.Count);
            picks.Add(pool[k]);
            pool.RemoveAt(k);
        }
        var chars = new List<char>(name);
        var positions = new List<int>();
        foreach (var (start, length) in picks)
        {
            var pos = start + 1 + rng.Next(length - 1);
            while (positions.Contains(pos)) pos = start + 1 + rng.Next(length - 1);
            positions.Add(pos);
        }
        positions.Sort();
        for (var p = positions.Count - 1; p >= 0; p--)
        {
            var pos = positions[p];
            var upper = char.IsUpper(chars[pos]);
            switch (rng.Next(4))
            {
                case 0: // substitution
                    var c = Letters[rng.Next(Letters.Length)];
                    while (char.ToUpperInvariant(chars[pos]) == c) c = Letters[rng.Next(Letters.Length)];
                    chars[pos] = upper ? c : char.ToLowerInvariant(c);
                    break;
                case 1: // deletion
                    chars.RemoveAt(pos);
                    break;
                case 2: // insertion
                    var ins = Letters[rng.Next(Letters.Length)];
                    chars.Insert(pos, upper ? ins : char.ToLowerInvariant(ins));
                    break;
                default: // transposition with the next letter (the first letter stays: pos >= start + 1)
                    if (pos + 1 < chars.Count && IsAsciiLetter(chars[pos + 1]) && chars[pos] != chars[pos + 1])
                        (chars[pos], chars[pos + 1]) = (chars[pos + 1], chars[pos]);
                    else
                        chars.RemoveAt(pos);
                    break;
            }
        }
        return new string([.. chars]);
    }

    private static bool IsAsciiLetter(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z';
}
