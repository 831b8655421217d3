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
        Assert.Throws<ArgumentException>(() => sp.GetRequiredService<Screener>());
    }
}
