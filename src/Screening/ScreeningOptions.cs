using Screening.Watchlists;

namespace Screening;

/// <summary>Options of a <see cref="Screener"/>. Validated once, when the screener is built.</summary>
public sealed class ScreeningOptions
{
    /// <summary>The score (0 to 1) at or above which a match is reported. Default <see cref="DefaultThreshold"/>.</summary>
    public double Threshold { get; set; } = DefaultThreshold;

    /// <summary>The default threshold, chosen from the evaluation's threshold sweep (see the README).</summary>
    public const double DefaultThreshold = 0.80;

    /// <summary>The most matches returned per screen. Default 10.</summary>
    public int MaxMatches { get; set; } = 10;

    /// <summary>The longest name accepted, in UTF-16 code units; longer input is an <see cref="ArgumentException"/>. Default 1,000.</summary>
    public int MaxNameLength { get; set; } = 1000;

    /// <summary>Whether the built-in watchlist is screened when no provider is added. Default <see langword="true"/>.</summary>
    /// <remarks>When at least one provider is added, the built-in list is screened only if <see cref="AlwaysIncludeBuiltInWatchlist"/> is set.</remarks>
    public bool UseBuiltInWatchlist { get; set; } = true;

    /// <summary>Screen the built-in watchlist even when other providers are added. Default <see langword="false"/>.</summary>
    public bool AlwaysIncludeBuiltInWatchlist { get; set; }

    /// <summary>Keeps only built-in entries that this predicate accepts (filter by role tag, country or program). Default: all entries.</summary>
    public Func<WatchlistEntry, bool>? BuiltInWatchlistFilter { get; set; }

    /// <summary>
    /// Fail closed: the fewest entries a list may load, for every list not named in <see cref="MinEntriesByList"/>.
    /// Default 1: a list that loads no entries (an empty file, every row rejected) is a <see cref="WatchlistLoadException"/>
    /// from <see cref="ScreenerBuilder.BuildAsync"/> and a failed <see cref="Screener.ReloadAsync"/>, never a screen that
    /// reports "no match". Set 0 to accept empty lists.
    /// </summary>
    public int MinEntriesPerList { get; set; } = 1;

    /// <summary>
    /// Per-list floors by list id (e.g. <c>["ofac-sdn"] = 10_000</c>), replacing <see cref="MinEntriesPerList"/> for
    /// that list; 0 lets that one list be empty. Default: none.
    /// </summary>
    public IDictionary<string, int> MinEntriesByList { get; private set; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// Strict loading: a list with any rejected row, a source file that looks truncated, or a missing optional file
    /// (such as OFAC's <c>alt.csv</c>) is a <see cref="WatchlistLoadException"/>. Default <see langword="false"/>: such
    /// lists load, and the problems are reported in <see cref="Watchlist.Report"/> and every result's
    /// <see cref="WatchlistInfo"/>.
    /// </summary>
    public bool StrictLoading { get; set; }

    /// <summary>
    /// Reload guard: the largest fraction by which one list's entry count, or its name count (primary names and
    /// aliases), may drop in one <see cref="Screener.ReloadAsync"/>. A larger drop, or a list that disappears, is
    /// refused and the previous snapshot keeps serving. Default 0.10 (a drop of more than 10% is refused); 1 turns the
    /// guard off.
    /// </summary>
    public double MaxReloadShrink { get; set; } = DefaultMaxReloadShrink;

    /// <summary>The default <see cref="MaxReloadShrink"/>: 0.10.</summary>
    public const double DefaultMaxReloadShrink = 0.10;

    /// <summary>Which entries every screen may return (lists, types, countries, programs, tags). Default <see langword="null"/>: all.</summary>
    public ScreeningFilter? Filter { get; set; }

    /// <summary>
    /// Reviewed false positives: a match a decision covers is suppressed (and listed in
    /// <see cref="ScreeningResult.Suppressed"/>) while the entry's content is unchanged. Default <see langword="null"/>: none.
    /// </summary>
    public AllowLists.AllowList? AllowList { get; set; }

    /// <summary>Receives one audit record per screen (<see cref="Audit.JsonlFileAuditSink"/>, or your own). Default <see langword="null"/>: none.</summary>
    public Audit.IScreeningAuditSink? AuditSink { get; set; }

    /// <summary>The clock for result timestamps. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal ScreeningOptions Clone()
    {
        var clone = (ScreeningOptions)MemberwiseClone();
        clone.MinEntriesByList = new Dictionary<string, int>(MinEntriesByList, StringComparer.Ordinal);
        return clone;
    }

    internal void Validate()
    {
        if (double.IsNaN(Threshold) || Threshold <= 0 || Threshold > 1)
            ThrowHelper.ThrowOptions(nameof(Threshold), $"must be greater than 0 and at most 1, was {Threshold}");
        if (MaxMatches < 1)
            ThrowHelper.ThrowOptions(nameof(MaxMatches), $"must be at least 1, was {MaxMatches}");
        if (MaxNameLength < 1)
            ThrowHelper.ThrowOptions(nameof(MaxNameLength), $"must be at least 1, was {MaxNameLength}");
        if (MinEntriesPerList < 0)
            ThrowHelper.ThrowOptions(nameof(MinEntriesPerList), $"must be 0 or more, was {MinEntriesPerList}");
        foreach (var (listId, min) in MinEntriesByList)
        {
            if (min < 0) ThrowHelper.ThrowOptions(nameof(MinEntriesByList), $"['{listId}'] must be 0 or more, was {min}");
        }
        if (double.IsNaN(MaxReloadShrink) || MaxReloadShrink < 0 || MaxReloadShrink > 1)
            ThrowHelper.ThrowOptions(nameof(MaxReloadShrink), $"must be between 0 and 1, was {MaxReloadShrink}");
        if (TimeProvider is null)
            ThrowHelper.ThrowOptions(nameof(TimeProvider), "must not be null");
    }
}
