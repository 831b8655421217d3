using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Screening.Watchlists;

namespace Screening.Hosting.Tests;

public sealed class ListRefreshServiceTests : IDisposable
{
    private readonly ListFolder _folder = new();
    private readonly CollectingLoggerProvider _logs = new();

    public void Dispose() => _folder.Dispose();

    private IHost BuildHost(IWatchlistProvider provider, Action<ListRefreshOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSanctionsScreening().AddProvider(provider).AddListRefresh(o =>
        {
            o.Interval = Timeout.InfiniteTimeSpan;
            o.FileChangeDelay = TimeSpan.FromMilliseconds(50);
            o.LoadRetryInterval = TimeSpan.FromMilliseconds(100);
            configure?.Invoke(o);
        });
        return builder.Build();
    }

    private static Task<HealthCheckResult> Health(IHost host) =>
        host.Services.GetRequiredService<ScreeningHealthCheck>().CheckHealthAsync(new HealthCheckContext());

    private static ListRefreshService Service(IHost host) => host.Services.GetServices<IHostedService>().OfType<ListRefreshService>().Single();

    [Fact]
    public async Task Start_LoadsListsInTheBackground_HealthUnhealthyUntilLoaded()
    {
        var provider = new CountingProvider(new JsonWatchlistProvider(_folder.ListFile), holdFirstLoad: true);
        using var host = BuildHost(provider);
        await host.StartAsync();
        Assert.Equal(HealthStatus.Unhealthy, (await Health(host)).Status);
        Assert.False(host.Services.GetRequiredService<ScreenerLoader>().IsLoaded);

        provider.Release();
        await Eventually.TrueAsync(() => host.Services.GetRequiredService<ScreenerLoader>().IsLoaded, "the lists are loaded");
        await Eventually.TrueAsync(() => Health(host).Result.Status == HealthStatus.Healthy, "the health check is healthy");
        Assert.Contains(_logs.Events, e => e.Id.Id == 1001 && e.Id.Name == "ListsLoaded");
        await host.StopAsync();
    }

    [Fact]
    public async Task Refresh_SourceFilesAsBefore_SkipsTheLoad()
    {
        var provider = new CountingProvider(new JsonWatchlistProvider(_folder.ListFile));
        using var host = BuildHost(provider, o => o.WatchFiles = false);
        await host.StartAsync();
        var screener = await host.Services.GetRequiredService<ScreenerLoader>().GetScreenerAsync();
        await Eventually.TrueAsync(() => Health(host).Result.Status == HealthStatus.Healthy, "loaded");
        // The first refresh reads the list (the load may have begun before a change) and keeps the index: same SHA-256.
        Assert.Equal(RefreshOutcome.Unchanged, await Service(host).RefreshAsync(screener, CancellationToken.None));
        var loads = provider.Loads;
        // Later ones hash the file and read nothing.
        Assert.Equal(RefreshOutcome.Unchanged, await Service(host).RefreshAsync(screener, CancellationToken.None));
        Assert.Equal(loads, provider.Loads);
        await host.StopAsync();
    }

    [Fact]
    public async Task Refresh_ChangedFile_SwapsListsAndCallsOnChange()
    {
        ReloadResult? changed = null;
        using var host = BuildHost(new JsonWatchlistProvider(_folder.ListFile), o => { o.WatchFiles = false; o.OnChange = r => changed = r; });
        await host.StartAsync();
        var screener = await host.Services.GetRequiredService<ScreenerLoader>().GetScreenerAsync();
        await Eventually.TrueAsync(() => Health(host).Result.Status == HealthStatus.Healthy, "loaded");

        _folder.Publish("HANGZHOU NEWLY LISTED TRADING", "2026-12-01");
        Assert.Equal(RefreshOutcome.Changed, await Service(host).RefreshAsync(screener, CancellationToken.None));
        Assert.True(screener.Screen("Hangzhou Newly Listed Trading").IsHit);
        Assert.NotNull(changed);
        Assert.Equal("2026-12-01", screener.Lists[0].Version.Label);
        Assert.Contains(_logs.Events, e => e.Id.Id == 1004);
        await host.StopAsync();
    }

    [Fact]
    public async Task Refresh_CorruptFile_KeepsServingAndReportsDegraded()
    {
        using var host = BuildHost(new JsonWatchlistProvider(_folder.ListFile), o => o.WatchFiles = false);
        await host.StartAsync();
        var screener = await host.Services.GetRequiredService<ScreenerLoader>().GetScreenerAsync();
        await Eventually.TrueAsync(() => Health(host).Result.Status == HealthStatus.Healthy, "loaded");

        _folder.Corrupt();
        Assert.Equal(RefreshOutcome.Failed, await Service(host).RefreshAsync(screener, CancellationToken.None));
        Assert.True(screener.Screen("IEMZ Kupol").IsHit);
        var health = await Health(host);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains(_logs.Events, e => e.Id.Id == 1007 && e.Level == LogLevel.Error);
        await host.StopAsync();
    }

    [Fact]
    public async Task FileChange_IsPickedUpWithoutASchedule()
    {
        using var host = BuildHost(new JsonWatchlistProvider(_folder.ListFile));
        await host.StartAsync();
        var screener = await host.Services.GetRequiredService<ScreenerLoader>().GetScreenerAsync();
        _folder.Publish("HANGZHOU NEWLY LISTED TRADING", "2026-12-01");
        await Eventually.TrueAsync(() => screener.Lists[0].Version.Label == "2026-12-01",
            "the file change is picked up; log: " + string.Join(" | ", _logs.Events.Select(e => $"{e.Id.Id} {e.Message}")));
        Assert.True(screener.Screen("Hangzhou Newly Listed Trading").IsHit);
        await host.StopAsync();
    }

    [Fact]
    public async Task FirstLoadFails_RetriesUntilTheFileIsFixed()
    {
        var good = File.ReadAllText(_folder.ListFile);
        _folder.Corrupt();
        using var host = BuildHost(new JsonWatchlistProvider(_folder.ListFile));
        await host.StartAsync();
        await Eventually.TrueAsync(() => _logs.Events.Any(e => e.Id.Id == 1002), "the failed load is logged");
        Assert.Equal(HealthStatus.Unhealthy, (await Health(host)).Status);

        File.WriteAllText(_folder.ListFile, good);
        await Eventually.TrueAsync(() => host.Services.GetRequiredService<ScreenerLoader>().IsLoaded, "the retry loads the fixed file");
        await Eventually.TrueAsync(() => Health(host).Result.Status == HealthStatus.Healthy, "healthy after the retry");
        await host.StopAsync();
    }

    [Fact]
    public async Task MaxListAge_OldList_ReportsDegraded()
    {
        using var host = BuildHost(new JsonWatchlistProvider(_folder.ListFile), o => o.MaxListAge = TimeSpan.FromDays(1));
        await host.StartAsync();
        await host.Services.GetRequiredService<ScreenerLoader>().GetScreenerAsync();
        // The sample list states 2026-11-01; a clock a year later makes it stale.
        await Eventually.TrueAsync(() => Health(host).Result.Status != HealthStatus.Unhealthy, "loaded");
        var check = new ScreeningHealthCheck(host.Services.GetRequiredService<ListRefreshStatus>(),
            host.Services.GetRequiredService<IOptions<ListRefreshOptions>>(), new FixedTime(new DateTimeOffset(2027, 11, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task InvalidOptions_FailTheHostStart()
    {
        using var host = BuildHost(new JsonWatchlistProvider(_folder.ListFile), o => o.Interval = TimeSpan.Zero);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Interval", ex.Message, StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
