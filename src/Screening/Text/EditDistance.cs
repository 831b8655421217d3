namespace Screening.Text;

/// <summary>Edit distances on spans, allocation-free.</summary>
internal static class EditDistance
{
    /// <summary>
    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions), bounded: returns
    /// <paramref name="max"/> + 1 as soon as the distance must exceed <paramref name="max"/>.
    /// </summary>
    public static int Osa(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        // Trim the common prefix and suffix: typos are local, and this makes most calls O(1).
        var p = 0;
        while (p < a.Length && p < b.Length && a[p] == b[p]) p++;
        // Keep one char of context before a transposition inside the prefix boundary.
        if (p > 0) p--;
        a = a[p..];
        b = b[p..];
        var s = 0;
        while (s < a.Length && s < b.Length && a[^(s + 1)] == b[^(s + 1)]) s++;
        if (s > 0) s--;
        a = a[..^s];
        b = b[..^s];
        if (a.Length == 0) return Math.Min(b.Length, max + 1);
        if (b.Length == 0) return Math.Min(a.Length, max + 1);
        // One edit leaves at most two differing chars between the common prefix and suffix (a transposition), plus
        // the context char kept on each side: anything longer is two edits or more. Most calls ask for one edit.
        if (max == 1 && Math.Max(a.Length, b.Length) > 4) return 2;
        if (a.Length > 64 || b.Length > 64) return OsaDp(a, b, max);

        var n = b.Length;
        Span<int> prev2 = stackalloc int[n + 1];
        Span<int> prev = stackalloc int[n + 1];
        Span<int> cur = stackalloc int[n + 1];
        for (var j = 0; j <= n; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            var ai = a[i - 1];
            for (var j = 1; j <= n; j++)
            {
                var cost = ai == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                if (v < rowMin) rowMin = v;
            }
            if (rowMin > max) return max + 1;
            var t = prev2; prev2 = prev; prev = cur; cur = t;
        }
        return Math.Min(prev[n], max + 1);
    }

    private static int OsaDp(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        var d = Reference(a.ToString(), b.ToString());
        return Math.Min(d, max + 1);
    }

    /// <summary>The slow, obviously correct OSA distance (full matrix), for tests.</summary>
    public static int Reference(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
