namespace Screening.Watchlists;

/// <summary>
/// Reads the structured facts OFAC writes into the free-text Remarks field of its legacy files: the weak aliases
/// (<c>a.k.a. 'BNC'</c>), nationality and citizenship, links (<c>Linked To: X</c>) and identifiers (read by
/// <see cref="OfacRemarkIdentifiers"/>). Remarks are <c>; </c>-separated segments; a repeated fact is prefixed
/// <c>alt. </c>. Remarks cut at OFAC's limit are joined to their overflow by <see cref="OfacRemarksOverflow"/>.
/// </summary>
internal static class OfacRemarks
{
    /// <summary>
    /// The aliases quoted inside remarks: <c>a.k.a. 'X'</c> and <c>n.k.a. 'X'</c> are OFAC's weak aliases (the legacy
    /// files carry weak AKAs only here, never in the alias file), <c>f.k.a. 'X'</c> is a former name.
    /// Names may hold apostrophes (<c>a.k.a. 'ABU-'UMAR'</c>), so a name ends only at a quote that is followed by
    /// <c>;</c>, by a final <c>.</c> or by the end of the remarks.
    /// </summary>
    public static void ParseAliases(string? remarks, List<EntryName> into)
    {
        if (string.IsNullOrEmpty(remarks)) return;
        var s = remarks;
        var i = 0;
        while (i < s.Length)
        {
            var at = s.IndexOf(".k.a. '", i, StringComparison.Ordinal);
            if (at < 1) return;
            var kind = s[at - 1];
            var start = at + 7;
            i = start;
            if (kind is not ('a' or 'f' or 'n')) continue;
            if (at >= 2 && char.IsLetterOrDigit(s[at - 2])) continue; // part of a longer word, not a marker
            var end = FindClosingQuote(s, start);
            if (end < 0) return;
            var name = s[start..end].Trim();
            // OFAC sometimes double-quotes a nickname: a.k.a. ''FOOPIE''.
            if (name.Length > 2 && name[0] == '\'' && name[^1] == '\'') name = name[1..^1].Trim();
            i = end + 1;
            if (name.Length == 0) continue;
            into.Add(new EntryName(name, kind == 'f' ? NameStrength.Former : NameStrength.Weak));
        }
    }

    private static int FindClosingQuote(string s, int from)
    {
        for (var j = from; j < s.Length; j++)
        {
            if (s[j] != '\'') continue;
            if (j + 1 == s.Length || s[j + 1] == ';') return j;
            if (s[j + 1] == '.' && (j + 2 == s.Length || s[j + 2] is ' ' or ';')) return j;
        }
        return -1;
    }

    /// <summary>
    /// Reads the <c>;</c>-separated segments of remarks once: identifiers into <paramref name="identifiers"/>, and the
    /// countries of <c>nationality X</c> and <c>citizen X</c> segments into <paramref name="countries"/>.
    /// </summary>
    public static void ParseSegments(string? remarks, List<EntryIdentifier> identifiers, List<string> countries, CountryLookup lookup) =>
        ParseSegments(remarks, identifiers, countries, links: null, lookup);

    /// <summary>As above, and the <c>Linked To: X</c> segments into <paramref name="links"/>.</summary>
    public static void ParseSegments(string? remarks, List<EntryIdentifier> identifiers, List<string> countries, List<EntryLink>? links, CountryLookup lookup)
    {
        if (string.IsNullOrEmpty(remarks)) return;
        // Spans throughout: a full SDN load reads about 150,000 segments and only the values found are allocated.
        var rest = remarks.AsSpan();
        while (!rest.IsEmpty)
        {
            var semi = rest.IndexOf(';');
            var seg = Segment(semi < 0 ? rest : rest[..semi]);
            rest = semi < 0 ? default : rest[(semi + 1)..];
            if (seg.IsEmpty) continue;
            var nation = seg.StartsWith("nationality ", StringComparison.Ordinal) ? seg[12..]
                : seg.StartsWith("citizen ", StringComparison.Ordinal) ? seg[8..] : default;
            if (!nation.IsEmpty)
            {
                if (lookup.TryGet(nation.Trim(), out var code) && !countries.Contains(code)) countries.Add(code);
                continue;
            }
            if (seg.StartsWith(LinkedTo, StringComparison.Ordinal))
            {
                var name = seg[LinkedTo.Length..].Trim();
                if (links is not null && !name.IsEmpty)
                {
                    var link = new EntryLink("Linked To", name.ToString());
                    if (!links.Contains(link)) links.Add(link);
                }
                continue;
            }
            if (OfacRemarkIdentifiers.TryParse(seg, lookup, out var id) && !identifiers.Contains(id)) identifiers.Add(id);
        }
    }

    // OFAC's link to another listed party: "Linked To: LAZARUS GROUP".
    private const string LinkedTo = "Linked To: ";

    /// <summary>A remarks segment without surrounding blanks, the <c>alt. </c> prefix and the final period.</summary>
    public static ReadOnlySpan<char> Segment(ReadOnlySpan<char> raw)
    {
        var seg = raw.Trim();
        if (seg.StartsWith("alt. ", StringComparison.Ordinal)) seg = seg[5..].TrimStart();
        if (seg.EndsWith('.')) seg = seg[..^1].TrimEnd();
        return seg;
    }
}
