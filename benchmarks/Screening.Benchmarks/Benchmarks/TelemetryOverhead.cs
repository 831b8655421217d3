using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Screening.Benchmarks.Generation;
using Screening.Diagnostics;

namespace Screening.Benchmarks.Benchmarks;

/// <summary>
/// What the metrics and tracing hook in <see cref="Screener"/> costs: the check alone (all a screen pays when nobody
/// listens), and a screen over the full SDN list with no listener and with a listener on every instrument.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class TelemetryOverhead
{
    private Screener _screener = null!;
    private string[] _queries = null!;
    private MeterListener? _listener;

    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var list = SdnData.List;
        _screener = SdnData.BuildScreener(list);
        var mix = new QueryMix(list);
        _queries = [.. mix.Build(QueryCategory.Exact, 64), .. mix.Build(QueryCategory.OneTypo, 64), .. mix.Build(QueryCategory.Unlisted, 64)];
        if (Listening)
        {
            _listener = new MeterListener { InstrumentPublished = (i, l) => { if (i.Meter.Name == "Screening") l.EnableMeasurementEvents(i); } };
            _listener.SetMeasurementEventCallback<long>((_, _, _, _) => { });
            _listener.SetMeasurementEventCallback<double>((_, _, _, _) => { });
            _listener.Start();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    [Benchmark(OperationsPerInvoke = 1000)]
    public int EnabledCheck()
    {
        var n = 0;
        for (var i = 0; i < 1000; i++) n += ScreeningTelemetry.IsEnabled ? 1 : 0;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 192)]
    public int Screen()
    {
        var n = 0;
        foreach (var q in _queries) n += _screener.Screen(q).Matches.Count;
        return n;
    }
}
