using System.Diagnostics.Metrics;

namespace Screening.Hosting;

// The list instruments, on a meter named "Screening" like the library's own (one AddMeter("Screening") collects both).
// The meter comes from the host's IMeterFactory when there is one, so it lives and dies with the service provider.
internal sealed class ListMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _refreshes;
    private readonly ListRefreshStatus _status;
    private readonly TimeProvider _time;

    public ListMetrics(ListRefreshStatus status, IMeterFactory? meterFactory = null, TimeProvider? time = null)
    {
        _status = status;
        _time = time ?? TimeProvider.System;
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create("Screening") ?? new Meter("Screening");
        _refreshes = _meter.CreateCounter<long>("screening.list.refreshes", "{refresh}",
            "List loads and refreshes, by outcome (loaded, changed, unchanged, refused, failed).");
        _meter.CreateObservableGauge("screening.list.entries", Entries, "{entry}", "Entries of each loaded list.");
        _meter.CreateObservableGauge("screening.list.age", Ages, "s",
            "Time since each loaded list's publication date (lists that state one).");
    }

    public void Refreshed(RefreshOutcome outcome) =>
        _refreshes.Add(1, new KeyValuePair<string, object?>("screening.refresh.outcome", outcome.ToString().ToLowerInvariant()));

    private IEnumerable<Measurement<long>> Entries()
    {
        if (_status.Screener is not { } screener) yield break;
        foreach (var list in screener.Lists)
            yield return new Measurement<long>(list.EntryCount, new KeyValuePair<string, object?>("screening.list", list.Id));
    }

    private IEnumerable<Measurement<double>> Ages()
    {
        if (_status.Screener is not { } screener) yield break;
        var now = _time.GetUtcNow();
        foreach (var list in screener.Lists)
        {
            if (list.Version.PublishedAt is { } published)
                yield return new Measurement<double>((now - published).TotalSeconds, new KeyValuePair<string, object?>("screening.list", list.Id));
        }
    }

    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }
}
