using Microsoft.Extensions.DependencyInjection.Extensions;
using Screening;
using Screening.Watchlists;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Screening in a service collection.</summary>
public static class ScreeningServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="Screener"/> that loads its lists on first use. Idempotent: calling it again
    /// applies further options and providers to the same registration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; may be null.</param>
    /// <returns>A builder to chain provider registrations.</returns>
    public static ScreeningServiceBuilder AddSanctionsScreening(this IServiceCollection services, Action<ScreeningOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ScreeningRegistration? registration = null;
        foreach (var d in services)
        {
            if (d.ServiceType == typeof(ScreeningRegistration) && d.ImplementationInstance is ScreeningRegistration r)
            {
                registration = r;
                break;
            }
        }
        if (registration is null)
        {
            registration = new ScreeningRegistration();
            services.TryAddSingleton(registration);
        }
        if (configure is not null) registration.Configure.Add(configure);

        services.TryAddSingleton<ScreenerHolder>(sp =>
        {
            var reg = sp.GetRequiredService<ScreeningRegistration>();
            var builder = new ScreenerBuilder();
            foreach (var c in reg.Configure) builder.Configure(c);
            var tp = sp.GetService<TimeProvider>();
            if (tp is not null) builder.UseTimeProvider(tp);
            foreach (var p in reg.Providers) builder.AddProvider(p(sp));
            foreach (var p in sp.GetServices<IWatchlistProvider>()) builder.AddProvider(p);
            return new ScreenerHolder(builder);
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<ScreenerHolder>().Get());
        return new ScreeningServiceBuilder(services, registration);
    }
}

/// <summary>Chains watchlist providers onto a Screening registration.</summary>
public sealed class ScreeningServiceBuilder
{
    private readonly ScreeningRegistration _registration;

    internal ScreeningServiceBuilder(IServiceCollection services, ScreeningRegistration registration)
    {
        Services = services;
        _registration = registration;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds a provider instance.</summary>
    public ScreeningServiceBuilder AddProvider(IWatchlistProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _registration.Providers.Add(_ => provider);
        return this;
    }

    /// <summary>Adds a provider created from the service provider.</summary>
    public ScreeningServiceBuilder AddProvider(Func<IServiceProvider, IWatchlistProvider> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _registration.Providers.Add(factory);
        return this;
    }

    /// <summary>Applies more options.</summary>
    public ScreeningServiceBuilder Configure(Action<ScreeningOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _registration.Configure.Add(configure);
        return this;
    }
}

internal sealed class ScreeningRegistration
{
    public List<Action<ScreeningOptions>> Configure { get; } = [];
    public List<Func<IServiceProvider, IWatchlistProvider>> Providers { get; } = [];
}

// Builds the screener once, on first resolution; list loading is I/O, so it runs off any synchronization context.
internal sealed class ScreenerHolder(ScreenerBuilder builder)
{
    private readonly Lazy<Screener> _screener = new(() => Task.Run(() => builder.BuildAsync()).GetAwaiter().GetResult());

    public Screener Get() => _screener.Value;
}
