using Microsoft.Extensions.Logging;

namespace Screening.Hosting;

// The hosting events. The ids are stable: alerting rules may key on them. Add new events with new ids; never reuse one.
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, EventName = "ListsLoaded", Level = LogLevel.Information,
        Message = "Screening lists loaded in {ElapsedMs} ms: {Lists}")]
    public static partial void ListsLoaded(ILogger logger, long elapsedMs, string lists);

    [LoggerMessage(EventId = 1002, EventName = "ListsLoadFailed", Level = LogLevel.Error,
        Message = "Screening lists could not be loaded; not ready, next attempt in {RetryIn}: {Error}")]
    public static partial void ListsLoadFailed(ILogger logger, TimeSpan retryIn, string error, Exception exception);

    [LoggerMessage(EventId = 1003, EventName = "RowsRejected", Level = LogLevel.Warning,
        Message = "List {ListId} loaded {Entries} entries and rejected {Rejected} of {RowsRead} rows; first: {FirstIssue}")]
    public static partial void RowsRejected(ILogger logger, string listId, int entries, long rejected, long rowsRead, string firstIssue);

    [LoggerMessage(EventId = 1004, EventName = "ListsReloaded", Level = LogLevel.Information,
        Message = "Screening lists reloaded in {ElapsedMs} ms: {Lists}")]
    public static partial void ListsReloaded(ILogger logger, long elapsedMs, string lists);

    [LoggerMessage(EventId = 1005, EventName = "ListsUnchanged", Level = LogLevel.Debug,
        Message = "Screening lists unchanged ({How}); nothing rebuilt")]
    public static partial void ListsUnchanged(ILogger logger, string how);

    [LoggerMessage(EventId = 1006, EventName = "ReloadRefused", Level = LogLevel.Warning,
        Message = "Screening list reload refused; the previous lists keep serving: {Reason}")]
    public static partial void ReloadRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 1007, EventName = "ReloadFailed", Level = LogLevel.Error,
        Message = "Screening list reload failed; the previous lists keep serving: {Error}")]
    public static partial void ReloadFailed(ILogger logger, string error, Exception? exception);

    [LoggerMessage(EventId = 1008, EventName = "ListFileChanged", Level = LogLevel.Debug,
        Message = "Screening list file changed: {Path}")]
    public static partial void ListFileChanged(ILogger logger, string path);

    [LoggerMessage(EventId = 1009, EventName = "FileWatchFailed", Level = LogLevel.Warning,
        Message = "Cannot watch {Folder} for list changes; the schedule still refreshes")]
    public static partial void FileWatchFailed(ILogger logger, string folder, Exception? exception);

    [LoggerMessage(EventId = 1010, EventName = "OnChangeFailed", Level = LogLevel.Error,
        Message = "The list refresh OnChange callback threw; the new lists serve regardless")]
    public static partial void OnChangeFailed(ILogger logger, Exception exception);
}
