using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Screening;
using Screening.Watchlists;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Screening in a service collection.</summary>
public static class ScreeningServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="Screener"/> and the <see cref="ScreenerLoader"/> that builds it. The options
    /// are <see cref="IOptions{TOptions}"/> of <see cref="ScreeningOptions"/>, validated when the host starts
    /// (<c>ValidateOnStart</c>) and otherwise when the screener is first resolved. Idempotent: calling it again applies
    /// further options and providers to the same registration.
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
            // Once per collection: ValidateOnStart adds a startup check each time it is called.
            services.AddOptions<ScreeningOptions>().ValidateOnStart();
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScreeningOptions>, ScreeningOptionsValidator>());
        if (configure is not null) services.Configure(configure);

        services.TryAddSingleton(sp =>
        {
            var reg = sp.GetRequiredService<ScreeningRegistration>();
            var builder = new ScreenerBuilder(sp.GetRequiredService<IOptions<ScreeningOptions>>().Value);
            var tp = sp.GetService<TimeProvider>();
            if (tp is not null) builder.UseTimeProvider(tp);
            foreach (var p in reg.Providers.SelectMany(p => p(sp))) builder.AddProvider(p);
            foreach (var p in sp.GetServices<IWatchlistProvider>()) builder.AddProvider(p);
            return new ScreenerLoader(builder);
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<ScreenerLoader>().GetScreener());
        return new ScreeningServiceBuilder(services, registration);
    }

    /// <summary>
    /// Registers Screening with options bound from configuration: the section's keys are
    /// <see cref="ScreeningOptions"/> properties (<c>Threshold</c>, <c>MaxMatches</c>...), and its <c>Lists</c> array
    /// holds list SPECs (<c>KIND:PATH</c>, see <see cref="WatchlistSpec"/>), each added as a provider.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("Screening")</c>.</param>
    /// <returns>A builder to chain provider registrations.</returns>
    /// <remarks>A malformed SPEC in <c>Lists</c> is a <see cref="FormatException"/> when the screener is built.</remarks>
    public static ScreeningServiceBuilder AddSanctionsScreening(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddSanctionsScreening();
        services.Configure<ScreeningOptions>(configuration);
        // Read when the screener is built, so configuration added after this call (hosts, test factories) counts.
        builder.AddProviders(_ => configuration.GetSection("Lists").GetChildren()
            .Where(spec => !string.IsNullOrWhiteSpace(spec.Value))
            .Select(spec => WatchlistSpec.CreateProvider(spec.Value!)));
        return builder;
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
        _registration.Providers.Add(_ => [provider]);
        return this;
    }

    /// <summary>Adds a provider created from the service provider.</summary>
    public ScreeningServiceBuilder AddProvider(Func<IServiceProvider, IWatchlistProvider> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _registration.Providers.Add(sp => [factory(sp)]);
        return this;
    }

    internal void AddProviders(Func<IServiceProvider, IEnumerable<IWatchlistProvider>> factory) => _registration.Providers.Add(factory);

    /// <summary>Applies more options.</summary>
    public ScreeningServiceBuilder Configure(Action<ScreeningOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}

internal sealed class ScreeningRegistration
{
    public List<Func<IServiceProvider, IEnumerable<IWatchlistProvider>>> Providers { get; } = [];
}

// The one rule for options lives in ScreeningOptions.Validate; this reports it the Options way.
internal sealed class ScreeningOptionsValidator : IValidateOptions<ScreeningOptions>
{
    public ValidateOptionsResult Validate(string? name, ScreeningOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
