using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Screening.Tests.Matching;
using Screening.Watchlists;

namespace Screening.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public void AddSanctionsScreening_RegistersSingletonScreener()
    {
        var services = new ServiceCollection();
        services.AddSanctionsScreening(o => o.Threshold = 0.85).AddProvider(new InMemoryWatchlistProvider(ScreenerSmokeTests.Sample()));
        using var sp = services.BuildServiceProvider();
        var a = sp.GetRequiredService<Screener>();
        var b = sp.GetRequiredService<Screener>();
        Assert.Same(a, b);
        Assert.Equal(0.85, a.Threshold);
        Assert.True(a.Screen("IEMZ Kupol").IsHit);
    }

    [Fact]
    public void AddSanctionsScreening_CalledTwice_IsIdempotentAndMergesConfiguration()
    {
        var services = new ServiceCollection();
        services.AddSanctionsScreening(o => o.Threshold = 0.9);
        services.AddSanctionsScreening(o => o.MaxMatches = 3).AddProvider(_ => new InMemoryWatchlistProvider(ScreenerSmokeTests.Sample()));
        Assert.Single(services, d => d.ServiceType == typeof(Screener));
        using var sp = services.BuildServiceProvider();
        var s = sp.GetRequiredService<Screener>();
        Assert.Equal(0.9, s.Threshold);
        Assert.Single(s.Lists);
    }

    [Fact]
    public void AddSanctionsScreening_UsesRegisteredTimeProviderAndProviders()
    {
        var services = new ServiceCollection();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IWatchlistProvider>(new InMemoryWatchlistProvider(ScreenerSmokeTests.Sample()));
        services.AddSanctionsScreening();
        using var sp = services.BuildServiceProvider();
        Assert.Equal(time.GetUtcNow(), sp.GetRequiredService<Screener>().Screen("Almaz Antey").ScreenedAt);
    }

    [Fact]
    public void AddSanctionsScreening_InvalidOptions_FailsOnResolve()
    {
        var services = new ServiceCollection();
        services.AddSanctionsScreening(o => o.Threshold = 2).AddProvider(new InMemoryWatchlistProvider(ScreenerSmokeTests.Sample()));
        using var sp = services.BuildServiceProvider();
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => sp.GetRequiredService<Screener>());
    }
}

public class DependencyInjectionStartupTests
{
    [Fact]
    public async Task AddSanctionsScreening_InvalidThreshold_FailsWhenTheHostStarts()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSanctionsScreening(o => o.Threshold = 2).AddProvider(new InMemoryWatchlistProvider(ScreenerSmokeTests.Sample()));
        using var host = builder.Build();
        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Threshold", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSanctionsScreening_FirstLoadFails_NextResolveRetries()
    {
        var provider = new FlakyProvider(failures: 1);
        var services = new ServiceCollection();
        services.AddSanctionsScreening().AddProvider(provider);
        using var sp = services.BuildServiceProvider();
        Assert.Throws<IOException>(() => sp.GetRequiredService<Screener>());
        var screener = sp.GetRequiredService<Screener>();
        Assert.True(screener.Screen("IEMZ Kupol").IsHit);
        Assert.Equal(2, provider.Calls);
    }

    [Fact]
    public void AddSanctionsScreening_FromConfiguration_BindsOptionsAndLists()
    {
        var json = Path.Combine(AppContext.BaseDirectory, "Fixtures", "json", "sample.json");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Screening:Threshold"] = "0.9",
            ["Screening:MaxMatches"] = "3",
            ["Screening:Lists:0"] = "json:" + json,
        }).Build();
        var services = new ServiceCollection();
        services.AddSanctionsScreening(config.GetSection("Screening"));
        using var sp = services.BuildServiceProvider();
        var screener = sp.GetRequiredService<Screener>();
        Assert.Equal(0.9, screener.Threshold);
        Assert.Equal("in-house", Assert.Single(screener.Lists).Id);
    }

    [Fact]
    public void AddSanctionsScreening_InvalidOptionsWithoutHost_FailsOnValidation()
    {
        var services = new ServiceCollection();
        services.AddSanctionsScreening(o => o.MaxMatches = 0);
        using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => sp.GetRequiredService<Screener>());
        Assert.Contains("MaxMatches", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreenerLoader_FirstLoadFails_ReloadAfterRetrySucceeds()
    {
        var provider = new FlakyProvider(failures: 1);
        var services = new ServiceCollection();
        services.AddSanctionsScreening().AddProvider(provider);
        using var sp = services.BuildServiceProvider();
        var loader = sp.GetRequiredService<ScreenerLoader>();
        Assert.False(loader.IsLoaded);
        await Assert.ThrowsAsync<IOException>(() => loader.GetScreenerAsync());
        Assert.False(loader.IsLoaded);
        var screener = await loader.GetScreenerAsync();
        Assert.True(loader.IsLoaded);
        Assert.Same(screener, sp.GetRequiredService<Screener>());
    }

    private sealed class FlakyProvider(int failures) : IWatchlistProvider
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public string Source => "flaky:test";

        public Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _calls) <= failures
                ? Task.FromException<Watchlist>(new IOException("the source is not there yet"))
                : Task.FromResult(ScreenerSmokeTests.Sample());
    }
}
