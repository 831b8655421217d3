using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Screening;
using Screening.Watchlists;

namespace Screening.Hosting;

// Loads the lists when the host starts (so no request waits for them), then refreshes them on a schedule and when
// their files change. A refresh whose sources hash as before does nothing; a failed one keeps the lists serving.
internal sealed class ListRefreshService(
    ScreenerLoader loader,
    ListRefreshStatus status,
    ListMetrics metrics,
    IOptions<ListRefreshOptions> options,
    ILogger<ListRefreshService> logger,
    TimeProvider? time = null) : BackgroundService
{
    private readonly ListRefreshOptions _options = options.Value;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _changed = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host go on starting: readiness says "not loaded" meanwhile
        var screener = await LoadFirstAsync(stoppingToken).ConfigureAwait(false);
        using var watcher = _options.WatchFiles
            ? ListFileWatcher.Create(loader.Providers, OnFileChanged, (folder, ex) => Log.FileWatchFailed(logger, folder, ex))
            : null;
        // A change between the load and the watcher's start is caught by this first check.
        if (watcher is not null) Signal();
        while (!stoppingToken.IsCancellationRequested)
        {
            var byFile = await _changed.WaitAsync(_options.Interval, stoppingToken).ConfigureAwait(false);
            if (byFile && _options.FileChangeDelay > TimeSpan.Zero)
            {
                await Task.Delay(_options.FileChangeDelay, _time, stoppingToken).ConfigureAwait(false);
                _changed.Wait(0); // the writes that came meanwhile are covered by this refresh
            }
            try
            {
                await RefreshAsync(screener, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong, the lists serving stay and the next refresh tries again.
                Log.ReloadFailed(logger, ex.Message, ex);
                Done(RefreshOutcome.Failed, ex.Message);
            }
        }
    }

    private void OnFileChanged(string path)
    {
        Log.ListFileChanged(logger, path);
        Signal();
    }

    private void Signal()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A refresh is already due.
        }
    }

    private async Task<Screener> LoadFirstAsync(CancellationToken ct)
    {
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var screener = await loader.GetScreenerAsync(ct).ConfigureAwait(false);
                // No fingerprint yet: anyone may have started this load before a file changed, so the first refresh
                // reads the lists again (and rebuilds only if a list's SHA-256 differs).
                status.Fingerprints = null;
                status.Record(RefreshOutcome.Loaded, _time.GetUtcNow(), screener);
                metrics.Refreshed(RefreshOutcome.Loaded);
                Log.ListsLoaded(logger, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, Describe(screener.Lists));
                LogRejections(screener);
                return screener;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                status.Record(RefreshOutcome.Failed, _time.GetUtcNow(), error: ex.Message);
                metrics.Refreshed(RefreshOutcome.Failed);
                Log.ListsLoadFailed(logger, _options.LoadRetryInterval, ex.Message, ex);
            }
            // A fixed file is a reason to try at once.
            await _changed.WaitAsync(_options.LoadRetryInterval, ct).ConfigureAwait(false);
        }
    }

    internal async Task<RefreshOutcome> RefreshAsync(Screener screener, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var fingerprints = await SourceFingerprint.ComputeAsync(loader.Providers, ct).ConfigureAwait(false);
        if (SourceFingerprint.AllSame(status.Fingerprints, fingerprints))
        {
            Log.ListsUnchanged(logger, "source files hash as before");
            return Done(RefreshOutcome.Unchanged);
        }

        ReloadResult result;
        try
        {
            result = await screener.ReloadAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // ReloadAsync reports failures in its result; this is a fault of the reload itself.
            Log.ReloadFailed(logger, ex.Message, ex);
            return Done(RefreshOutcome.Failed, ex.Message);
        }

        if (!result.Succeeded)
        {
            var reason = result.Error ?? "unknown";
            if (result.Exception is WatchlistReloadException)
            {
                Log.ReloadRefused(logger, reason);
                return Done(RefreshOutcome.Refused, reason);
            }
            Log.ReloadFailed(logger, reason, result.Exception);
            return Done(RefreshOutcome.Failed, reason);
        }

        status.Fingerprints = fingerprints;
        if (result.Unchanged)
        {
            Log.ListsUnchanged(logger, "every list's SHA-256 as before");
            return Done(RefreshOutcome.Unchanged);
        }
        Log.ListsReloaded(logger, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, Describe(result.Lists));
        LogRejections(screener);
        try
        {
            _options.OnChange?.Invoke(result);
        }
        catch (Exception ex)
        {
            Log.OnChangeFailed(logger, ex);
        }
        return Done(RefreshOutcome.Changed);
    }

    private RefreshOutcome Done(RefreshOutcome outcome, string? error = null)
    {
        status.Record(outcome, _time.GetUtcNow(), error: error);
        metrics.Refreshed(outcome);
        return outcome;
    }

    private void LogRejections(Screener screener)
    {
        foreach (var list in screener.Watchlists)
        {
            var report = list.Report;
            var rejected = report.RowsRejected;
            if (rejected == 0) continue;
            var first = report.Issues.FirstOrDefault(i => i.Kind == LoadIssueKind.Rejected)?.ToString() ?? "";
            Log.RowsRejected(logger, list.Id, list.Entries.Count, rejected, report.RowsRead, first);
        }
    }

    internal static string Describe(IReadOnlyList<WatchlistInfo> lists) =>
        string.Join("; ", lists.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.Id} {l.Version.Label} ({l.EntryCount} entries{(l.Version.Sha256 is { } sha ? ", sha256 " + sha[..12] : "")})")));

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }
}
