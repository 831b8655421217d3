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
    /// Reload guard: a reload whose list has fewer than this fraction of the entries of the list it replaces is refused
    /// and the previous snapshot keeps serving. Default 0.1 (a drop of more than 90% is refused).
    /// </summary>
    public double MinReloadEntryRatio { get; set; } = 0.1;

    /// <summary>The clock for result timestamps. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal ScreeningOptions Clone() => (ScreeningOptions)MemberwiseClone();

    internal void Validate()
    {
        if (double.IsNaN(Threshold) || Threshold <= 0 || Threshold > 1)
            ThrowHelper.ThrowOptions(nameof(Threshold), $"must be greater than 0 and at most 1, was {Threshold}");
        if (MaxMatches < 1)
            ThrowHelper.ThrowOptions(nameof(MaxMatches), $"must be at least 1, was {MaxMatches}");
        if (MaxNameLength < 1)
            ThrowHelper.ThrowOptions(nameof(MaxNameLength), $"must be at least 1, was {MaxNameLength}");
        if (double.IsNaN(MinReloadEntryRatio) || MinReloadEntryRatio < 0 || MinReloadEntryRatio > 1)
            ThrowHelper.ThrowOptions(nameof(MinReloadEntryRatio), $"must be between 0 and 1, was {MinReloadEntryRatio}");
        if (TimeProvider is null)
            ThrowHelper.ThrowOptions(nameof(TimeProvider), "must not be null");
    }
}
