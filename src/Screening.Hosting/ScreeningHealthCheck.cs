using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Screening.Hosting;

/// <summary>
/// The health of the screening lists, registered by <c>AddListRefresh</c>: Healthy when the lists are loaded;
/// Degraded when the last refresh failed (the previous lists keep serving) or the newest list is older than
/// <see cref="ListRefreshOptions.MaxListAge"/>; Unhealthy until the lists are loaded. Add it with
/// <c>services.AddHealthChecks().AddCheck&lt;ScreeningHealthCheck&gt;("screening")</c>.
/// </summary>
public sealed class ScreeningHealthCheck : IHealthCheck
{
    private readonly ListRefreshStatus _status;
    private readonly ListRefreshOptions _options;
    private readonly TimeProvider _time;

    internal ScreeningHealthCheck(ListRefreshStatus status, IOptions<ListRefreshOptions> options, TimeProvider? time = null)
    {
        _status = status;
        _options = options.Value;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        if (_status.LastAttempt is { } attempt) data["lastRefresh"] = attempt;
        if (_status.LastOutcome is { } outcome) data["lastOutcome"] = outcome.ToString().ToLowerInvariant();
        if (_status.LastError is { } error) data["lastError"] = error;
        if (_status.Screener is not { } screener)
            return Task.FromResult(HealthCheckResult.Unhealthy("The screening lists are not loaded yet" + (_status.LastError is { } e ? ": " + e : "."), data: data));

        var lists = screener.Lists;
        foreach (var list in lists) data["list:" + list.Id] = $"{list.Version.Label} ({list.EntryCount.ToString(CultureInfo.InvariantCulture)} entries)";
        if (_status.LastError is { } failure)
            return Task.FromResult(HealthCheckResult.Degraded("The last list refresh failed; the previous lists keep serving: " + failure, data: data));

        if (_options.MaxListAge is { } maxAge)
        {
            DateTimeOffset? newest = null;
            foreach (var list in lists)
            {
                if (list.Version.PublishedAt is { } p && (newest is null || p > newest)) newest = p;
            }
            if (newest is { } n && _time.GetUtcNow() - n > maxAge)
            {
                return Task.FromResult(HealthCheckResult.Degraded(
                    $"The newest list was published {n:yyyy-MM-dd}, more than {maxAge.TotalDays:0.#} days ago (ListRefreshOptions.MaxListAge).", data: data));
            }
        }
        return Task.FromResult(HealthCheckResult.Healthy($"{lists.Count} lists loaded.", data));
    }
}
