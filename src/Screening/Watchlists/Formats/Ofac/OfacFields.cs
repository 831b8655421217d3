namespace Screening.Watchlists;

/// <summary>The conventions of OFAC's legacy CSV fields: <c>-0-</c> for an empty field, programs joined as <c>A] [B</c>.</summary>
internal static class OfacFields
{
    /// <summary>OFAC's placeholder for an empty field, written <c>-0- </c> (with a trailing space).</summary>
    public const string EmptyMarker = "-0-";

    /// <summary>Whether a field is empty: blank or OFAC's <c>-0-</c> marker.</summary>
    public static bool IsEmpty(string? field)
    {
        if (field is null) return true;
        var t = field.AsSpan().Trim();
        return t.Length == 0 || t.SequenceEqual(EmptyMarker);
    }

    /// <summary>The trimmed field, or null when it is empty or <c>-0-</c>.</summary>
    public static string? Value(string? field) => IsEmpty(field) ? null : field!.Trim();

    /// <summary>
    /// Splits OFAC's program field into distinct programs. Several tags are joined as <c>A] [B</c>
    /// (the outer brackets are missing), e.g. <c>RUSSIA-EO14024] [UKRAINE-EO13662</c>.
    /// </summary>
    public static List<string> SplitPrograms(string? field)
    {
        var result = new List<string>(2);
        if (IsEmpty(field)) return result;
        foreach (var part in field!.Split(']', StringSplitOptions.RemoveEmptyEntries))
        {
            var p = part.Trim().TrimStart('[').Trim();
            if (p.Length == 0 || IsEmpty(p)) continue;
            if (!result.Contains(p, StringComparer.Ordinal)) result.Add(p);
        }
        return result;
    }
}
