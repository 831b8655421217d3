namespace Screening.Watchlists;

/// <summary>
/// Joins the remarks OFAC cut at <see cref="RemarksLimit"/> characters to their rest in the comments file
/// (<c>sdn_comments.csv</c>), which is often from another publication than the primary file.
/// </summary>
internal static class OfacRemarksOverflow
{
    /// <summary>The length at which OFAC cuts Remarks; the rest goes to the comments file.</summary>
    public const int RemarksLimit = 1000;

    /// <summary>
    /// The shortest restated tail that proves an overflow overlaps the remarks. The real overlaps are 92 to 124
    /// characters; a genuine continuation would have to repeat this many characters exactly at the cut.
    /// </summary>
    public const int MinOverlap = 24;

    /// <summary>
    /// Joins a comments-file row (the text OFAC cut from the remarks) to the remarks of the primary file. The two files
    /// are often from different publications, so the cut need not fall where these remarks end:
    /// <list type="bullet">
    /// <item>the overflow starts by restating the end of the remarks (its publication cut earlier): joined where they
    /// overlap, so nothing is repeated (<see cref="OverflowJoinKind.Overlapped"/>);</item>
    /// <item>the remarks reach OFAC's cut (<see cref="RemarksLimit"/>): the overflow continues them verbatim, even
    /// mid-word (<see cref="OverflowJoinKind.Continued"/>);</item>
    /// <item>otherwise the overflow continues a longer text of another publication: its first piece is the end of a
    /// segment whose start is not here, so it is dropped, and the whole segments not already in the remarks are
    /// appended after <c>; </c> (<see cref="OverflowJoinKind.NewSegments"/>). Gluing the piece on would fuse it into
    /// the last segment (the Alfa-Bank registration number read <c>1027700067328 (Russia). ective Date ...</c>).</item>
    /// </list>
    /// </summary>
    public static string? Join(string? remarks, string overflow, out OverflowJoin how)
    {
        var r = remarks ?? "";
        var overlap = OverlapAt(r, overflow);
        if (overlap >= 0)
        {
            how = new OverflowJoin(OverflowJoinKind.Overlapped, r.Length - overlap, null, 0);
            return string.Concat(r.AsSpan(0, overlap), overflow);
        }
        if (r.Length >= RemarksLimit)
        {
            how = new OverflowJoin(OverflowJoinKind.Continued, 0, null, 0);
            return r + overflow;
        }

        var semi = overflow.IndexOf(';');
        var dropped = (semi < 0 ? overflow : overflow[..semi]).Trim();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seg in r.Split(';')) present.Add(OfacRemarks.Segment(seg).ToString());
        var added = new List<string>();
        if (semi >= 0)
        {
            foreach (var raw in overflow[(semi + 1)..].Split(';'))
            {
                var key = OfacRemarks.Segment(raw).ToString();
                if (key.Length == 0 || !present.Add(key)) continue;
                added.Add(raw.Trim());
            }
        }
        how = new OverflowJoin(OverflowJoinKind.NewSegments, 0, dropped, added.Count);
        if (added.Count == 0) return remarks;
        var tail = string.Join("; ", added);
        return r.Trim().Length == 0 ? tail : r.TrimEnd() + "; " + tail;
    }

    // The offset in the remarks from which their whole remaining tail (MinOverlap characters or more) starts the
    // overflow, or -1. The longest such tail wins.
    private static int OverlapAt(string remarks, string overflow)
    {
        if (remarks.Length < MinOverlap || overflow.Length < MinOverlap) return -1;
        var probe = overflow.AsSpan(0, MinOverlap);
        var from = 0;
        while (from <= remarks.Length - MinOverlap)
        {
            var i = remarks.AsSpan(from).IndexOf(probe, StringComparison.Ordinal);
            if (i < 0) return -1;
            var at = from + i;
            if (overflow.AsSpan().StartsWith(remarks.AsSpan(at), StringComparison.Ordinal)) return at;
            from = at + 1;
        }
        return -1;
    }
}

/// <summary>How <see cref="OfacRemarksOverflow.Join"/> joined an overflow row.</summary>
internal enum OverflowJoinKind
{
    /// <summary>The remarks reach OFAC's cut; the overflow continues them verbatim.</summary>
    Continued,
    /// <summary>The overflow restates the end of the remarks; joined where they overlap.</summary>
    Overlapped,
    /// <summary>The overflow continues another publication's text: its cut-off first piece dropped, new whole segments appended.</summary>
    NewSegments,
}

/// <summary>The outcome of one join, for the load report.</summary>
/// <param name="Kind">How the rows were joined.</param>
/// <param name="Overlap">The characters the overflow restated (<see cref="OverflowJoinKind.Overlapped"/>).</param>
/// <param name="Dropped">The cut-off first piece that was dropped (<see cref="OverflowJoinKind.NewSegments"/>).</param>
/// <param name="Appended">The whole segments appended (<see cref="OverflowJoinKind.NewSegments"/>).</param>
internal readonly record struct OverflowJoin(OverflowJoinKind Kind, int Overlap, string? Dropped, int Appended);
