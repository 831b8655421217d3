using Screening;

namespace Screening.Hosting;

/// <summary>Options of the list refresh service registered by <c>AddListRefresh</c>. Validated when the host starts.</summary>
public sealed class ListRefreshOptions
{
    /// <summary>
    /// How often the lists are checked and, when their sources changed, reloaded. Default one hour;
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns the schedule off (file changes still count).
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether a change to a provider's files (providers implementing
    /// <see cref="Screening.Watchlists.IWatchlistFileSource"/>) triggers a refresh. Default <see langword="true"/>.
    /// </summary>
    public bool WatchFiles { get; set; } = true;

    /// <summary>How long to wait after a file change for writes to settle before refreshing. Default 2 seconds.</summary>
    public TimeSpan FileChangeDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait before trying again when the first load fails. Default 30 seconds.</summary>
    public TimeSpan LoadRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The health check reports Degraded when the newest publication date among the loaded lists is older than this.
    /// Lists that state no publication date are not counted. Default <see langword="null"/>: no age check.
    /// </summary>
    public TimeSpan? MaxListAge { get; set; }

    /// <summary>Called after a refresh that swapped in new lists. Default none.</summary>
    public Action<ReloadResult>? OnChange { get; set; }

    internal string? Check()
    {
        if (Interval != Timeout.InfiniteTimeSpan && Interval <= TimeSpan.Zero)
            return $"ListRefreshOptions.Interval must be positive or Timeout.InfiniteTimeSpan, was {Interval}.";
        if (FileChangeDelay < TimeSpan.Zero)
            return $"ListRefreshOptions.FileChangeDelay must not be negative, was {FileChangeDelay}.";
        if (LoadRetryInterval <= TimeSpan.Zero)
            return $"ListRefreshOptions.LoadRetryInterval must be positive, was {LoadRetryInterval}.";
        if (MaxListAge is { } age && age <= TimeSpan.Zero)
            return $"ListRefreshOptions.MaxListAge must be positive when set, was {age}.";
        return null;
    }
}
