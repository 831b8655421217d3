using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Screening;
using Screening.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds hosted list loading and refresh to a Screening registration.</summary>
public static class ScreeningHostingServiceCollectionExtensions
{
    /// <summary>
    /// Loads the lists when the host starts, then refreshes them every <paramref name="every"/> and when their files
    /// change; see <see cref="AddListRefresh(ScreeningServiceBuilder, Action{ListRefreshOptions})"/>.
    /// </summary>
    /// <param name="builder">The Screening registration.</param>
    /// <param name="every">The refresh interval (<see cref="ListRefreshOptions.Interval"/>).</param>
    /// <param name="onChange">Called after a refresh that swapped in new lists; may be null.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ScreeningServiceBuilder AddListRefresh(this ScreeningServiceBuilder builder, TimeSpan every, Action<ReloadResult>? onChange = null) =>
        builder.AddListRefresh(o =>
        {
            o.Interval = every;
            if (onChange is not null) o.OnChange += onChange;
        });

    /// <summary>
    /// Registers a hosted service that loads the lists when the host starts (so no request waits for them; the
    /// <see cref="ScreeningHealthCheck"/> reports Unhealthy until they are loaded), then refreshes them on a schedule
    /// and when their files change. A refresh whose source files hash as before, or whose lists all keep their
    /// SHA-256, rebuilds nothing; a failed or refused refresh keeps the previous lists serving. Each outcome is logged
    /// and counted. Idempotent.
    /// </summary>
    /// <param name="builder">The Screening registration.</param>
    /// <param name="configure">Configures the options; may be null. They can also come from configuration
    /// (<c>services.Configure&lt;ListRefreshOptions&gt;(section)</c>).</param>
    /// <returns>The builder, for chaining.</returns>
    public static ScreeningServiceBuilder AddListRefresh(this ScreeningServiceBuilder builder, Action<ListRefreshOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(ListRefreshStatus)))
        {
            services.AddSingleton<ListRefreshStatus>();
            services.AddOptions<ListRefreshOptions>().ValidateOnStart();
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ListRefreshOptions>, ListRefreshOptionsValidator>());
        if (configure is not null) services.Configure(configure);
        services.TryAddSingleton<ListMetrics>();
        services.TryAddSingleton(sp => new ScreeningHealthCheck(
            sp.GetRequiredService<ListRefreshStatus>(), sp.GetRequiredService<IOptions<ListRefreshOptions>>(), sp.GetService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ListRefreshService>());
        return builder;
    }
}

internal sealed class ListRefreshOptionsValidator : IValidateOptions<ListRefreshOptions>
{
    public ValidateOptionsResult Validate(string? name, ListRefreshOptions options) =>
        options.Check() is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
}
