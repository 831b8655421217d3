using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Screening.Hosting;
using Screening.Server.Contracts;
using Screening.Server.Endpoints;
using Screening.Server.Security;

namespace Screening.Server;

/// <summary>Composes the screening service: configuration, the screener and its refresh, security, endpoints.</summary>
public static class ScreeningServer
{
    /// <summary>Builds the application from the command line, <c>appsettings.json</c> and the environment.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="configure">Changes the builder before the app is built (tests add configuration here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The defaults shipped beside the binary count even when started from another folder (content root = cwd);
        // appsettings.json in the content root, the environment and the command line override them.
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = "appsettings.json", Optional = true, FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });
        configure?.Invoke(builder);
        var screening = builder.Configuration.GetSection("Screening");

        builder.Services.AddOptions<ServerOptions>().Bind(screening.GetSection("Server")).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        builder.Services.AddSanctionsScreening(screening).AddListRefresh();
        // The allow-list and the audit file of the service's options go to every screen through the library's options.
        builder.Services.AddSingleton<ServerWorkflow>();
        builder.Services.AddOptions<ScreeningOptions>().Configure<ServerWorkflow>((o, workflow) =>
        {
            o.AllowList = workflow.AllowList;
            o.AuditSink = workflow.AuditSink;
        });
        builder.Services.Configure<ListRefreshOptions>(screening.GetSection("Refresh"));

        builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<ServerOptions>>((k, o) =>
            {
                k.Limits.MaxRequestBodySize = o.Value.MaxRequestBodyBytes;
                k.AddServerHeader = false;
            });

        builder.Services.AddProblemDetails();
        // Bad input is a 400 problem document in every environment, never an exception page.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        builder.Services.Configure<ExceptionHandlerOptions>(o =>
            o.StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // Request bodies bind through the generated metadata; the framework's own types (problem details) resolve
            // after it. Responses are written with ServerJsonContext directly (Endpoints/JsonBody).
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<ScreeningHealthCheck>("screening", tags: ["ready"]);
        var metrics = screening.GetSection("Server").GetValue(nameof(ServerOptions.Metrics), true);
        if (metrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(m => m
                .AddMeter("Screening", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                .AddPrometheusExporter());
        }
        builder.Services.AddHostedService<BindingGuard>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<AccessControlMiddleware>();
        app.UseMiddleware<BodySizeMiddleware>();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealth });
        if (metrics) app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        ScreenEndpoints.Map(app);
        YenteMatchEndpoint.Map(app);
        return app;
    }

    private static Task WriteHealth(HttpContext http, HealthReport report) => JsonBody.WriteAsync(http, new HealthResponse
    {
        Status = report.Status.ToString(),
        Checks = report.Entries.ToDictionary(e => e.Key, e => new HealthCheckResponse
        {
            Status = e.Value.Status.ToString(),
            Description = e.Value.Description,
            Data = e.Value.Data,
        }),
    }, ServerJsonContext.Default.HealthResponse, http.Response.StatusCode);
}
