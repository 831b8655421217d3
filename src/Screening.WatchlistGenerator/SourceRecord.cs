using Screening.Watchlists;

namespace Screening.WatchlistGenerator;

/// <summary>
/// The public-domain US lists the generator reads, in merge precedence order: when records of several lists are merged
/// into one entry, the entry keeps the id of the record whose list comes first here (SDN, then Non-SDN, then the
/// Entity List, then the MEU list).
/// </summary>
internal enum SourceList
{
    /// <summary>OFAC's Specially Designated Nationals list (legacy CSV set).</summary>
    OfacSdn = 0,
    /// <summary>OFAC's consolidated non-SDN list (SSI, CAPTA, NS-MBS and others).</summary>
    OfacNonSdn = 1,
    /// <summary>BIS Entity List, from the trade.gov Consolidated Screening List.</summary>
    BisEntityList = 2,
    /// <summary>BIS Military End-User list, from the trade.gov Consolidated Screening List.</summary>
    BisMeu = 3,
}

internal static class SourceLists
{
    /// <summary>The list name written in <see cref="EntrySource.List"/> and in the <c>list:</c> tag.</summary>
    public static string DisplayName(this SourceList list) => list switch
    {
        SourceList.OfacSdn => "OFAC SDN",
        SourceList.OfacNonSdn => "OFAC Non-SDN",
        SourceList.BisEntityList => "BIS Entity List",
        SourceList.BisMeu => "BIS MEU",
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    /// <summary>The prefix of output entry ids: <c>SDN-46431</c>, <c>NONSDN-17013</c>, <c>CSL-&lt;id&gt;</c>.</summary>
    public static string IdPrefix(this SourceList list) => list switch
    {
        SourceList.OfacSdn => "SDN-",
        SourceList.OfacNonSdn => "NONSDN-",
        SourceList.BisEntityList or SourceList.BisMeu => "CSL-",
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };
}

/// <summary>One record of one source list, as its provider loaded it.</summary>
/// <param name="List">The list it comes from.</param>
/// <param name="Entry">The provider's entry.</param>
internal sealed record SourceRecord(SourceList List, WatchlistEntry Entry)
{
    /// <summary>The Federal Register citation the provider recorded, if any (CSL records).</summary>
    public string? Citation
    {
        get
        {
            foreach (var s in Entry.Sources)
                if (!string.IsNullOrWhiteSpace(s.Citation)) return s.Citation.Trim();
            return null;
        }
    }

    /// <summary>The designation or listing date the provider recorded, if any.</summary>
    public string? Date
    {
        get
        {
            foreach (var s in Entry.Sources)
                if (!string.IsNullOrWhiteSpace(s.Date)) return s.Date.Trim();
            return null;
        }
    }

    /// <summary>The provenance of this record in the output: list name, source id, programs, citation, date.</summary>
    public EntrySource ToSource()
    {
        var programs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in Entry.Programs)
            if (!string.IsNullOrWhiteSpace(p)) programs.Add(p.Trim());
        return new EntrySource(List.DisplayName(), Entry.Id, [.. programs], Citation, Date);
    }

    /// <summary>Sort order: list precedence, then source id (ordinal).</summary>
    public static int Compare(SourceRecord? a, SourceRecord? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var c = a.List.CompareTo(b.List);
        return c != 0 ? c : string.CompareOrdinal(a.Entry.Id, b.Entry.Id);
    }
}
