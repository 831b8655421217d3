using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Screening.Tests.Matching;

namespace Screening.Tests.Diagnostics;

public class ScreeningTelemetryTests
{
    [Fact]
    public async Task Screen_WithListeners_RecordsCountersDurationAndAnActivity()
    {
        var screener = await new ScreenerBuilder().AddWatchlist(ScreenerSmokeTests.Sample()).BuildAsync();
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? Error)>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Screening") l.EnableMeasurementEvents(instrument);
        };
        meterListener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, ErrorType(tags))));
        meterListener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, ErrorType(tags))));
        meterListener.Start();

        var activities = new ConcurrentBag<Activity>();
        using var parentSource = new ActivitySource("Screening.Tests.Parent");
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Screening" or "Screening.Tests.Parent",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(activityListener);

        string parentId;
        using (var parent = parentSource.StartActivity("test"))
        {
            parentId = parent!.Id!;
            Assert.True(screener.Screen("IEMZ Kupol").IsHit);
            Assert.Throws<ArgumentException>(() => screener.Screen("   !!!   "));
        }

        Assert.Contains(measurements, m => m.Instrument == "screening.screens" && m.Error is null);
        Assert.Contains(measurements, m => m.Instrument == "screening.hits");
        Assert.Contains(measurements, m => m.Instrument == "screening.screen.duration" && m.Value > 0);
        Assert.Contains(measurements, m => m.Instrument == "screening.screens" && m.Error == typeof(ArgumentException).FullName);
        var mine = activities.Where(a => a.ParentId == parentId && a.Source.Name == "Screening").ToList();
        Assert.Equal(2, mine.Count);
        Assert.Contains(mine, a => a.Status == ActivityStatusCode.Error);
        Assert.Contains(mine, a => a.GetTagItem("screening.matches") is int n && n > 0);
    }

    private static string? ErrorType(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var t in tags)
        {
            if (t.Key == "error.type") return t.Value as string;
        }
        return null;
    }
}
