using Screening.Matching;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Screening.Watchlists;

namespace Screening.Diagnostics;

/// <summary>
/// The library's meter and activity source, both named <c>Screening</c>: OpenTelemetry picks them up with
/// <c>AddMeter("Screening")</c> and <c>AddSource("Screening")</c>. Every <see cref="Screener"/> is measured, however it
/// was built; when nobody listens, a screen pays for one check of <see cref="IsEnabled"/>.
/// </summary>
internal static class ScreeningTelemetry
{
    public const string Name = "Screening";

    private static readonly string? s_version = typeof(ScreeningTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, s_version);

    public static readonly Meter Meter = new(Name, s_version);

    private static readonly Counter<long> s_screens = Meter.CreateCounter<long>(
        "screening.screens", "{screen}", "Names screened, those refused as invalid input included (tagged error.type).");

    private static readonly Counter<long> s_hits = Meter.CreateCounter<long>(
        "screening.hits", "{screen}", "Screens with at least one match at or above the threshold.");

    // A screen takes tens of microseconds: the default bucket bounds (0 to 10,000) would put every screen in one bucket.
    private static readonly Histogram<double> s_duration = Meter.CreateHistogram(
        "screening.screen.duration", "s", "Time to screen one name.", tags: null, advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.00001, 0.00002, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.05, 0.25, 1],
        });

    /// <summary>Whether anyone listens to a screen's metrics or traces.</summary>
    public static bool IsEnabled => s_screens.Enabled || s_hits.Enabled || s_duration.Enabled || Source.HasListeners();

    /// <summary>Screens one name and records it: counters, duration, and an activity when traced.</summary>
    public static ScreeningResult Observe(Screener screener, in ScreenInput input, Snapshot snapshot, MatchContext context)
    {
        using var activity = Source.StartActivity("screening.screen", ActivityKind.Internal);
        var started = Stopwatch.GetTimestamp();
        ScreeningResult result;
        try
        {
            result = screener.ScreenName(input, snapshot, context);
        }
        catch (Exception ex)
        {
            var type = ex.GetType().FullName;
            s_screens.Add(1, new KeyValuePair<string, object?>("error.type", type));
            s_duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("error.type", type));
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", type);
            throw;
        }
        s_duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        s_screens.Add(1);
        if (result.IsHit) s_hits.Add(1);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("screening.matches", result.Matches.Count);
            if (result.IsHit) activity.SetTag("screening.top_score", result.Matches[0].Score);
            activity.SetTag("screening.threshold", result.Threshold);
        }
        return result;
    }
}
