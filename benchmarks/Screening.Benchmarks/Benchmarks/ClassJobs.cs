using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace Screening.Benchmarks.Benchmarks;

// Each class's own job, as a [SimpleJob] would give it, except that a --job on the command line replaces it
// (BenchmarkDotNet would otherwise run both, so `--job dry` would not make a quick check).
public abstract class ClassJobConfig : ManualConfig
{
    protected ClassJobConfig(Job job)
    {
        if (!BenchSettings.CommandLineJob) AddJob(job.WithId("ClassJob"));
    }
}

/// <summary>ScreenLatency: short, because one baseline (FuzzySharp) invocation takes seconds. Ratios read "N x faster".</summary>
public sealed class ScreenLatencyConfig : ClassJobConfig
{
    public ScreenLatencyConfig() : base(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5)) =>
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
}

/// <summary>LoadAndBuild: one operation per iteration (seconds-scale work, no pilot stage).</summary>
public sealed class LoadAndBuildConfig : ClassJobConfig
{
    public LoadAndBuildConfig() : base(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(10)) { }
}

/// <summary>Scaling: short, the global setup of the 1M list dominates anyway.</summary>
public sealed class ScalingConfig : ClassJobConfig
{
    public ScalingConfig() : base(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5)) { }
}
