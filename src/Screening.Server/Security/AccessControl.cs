using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Screening.Server.Security;

// With an API key configured, every request but the probes must carry it. Without one, only loopback clients are
// served (unless AllowAnonymousNetworkAccess says a gateway authenticates in front).
internal sealed class AccessControlMiddleware(RequestDelegate next, IOptions<ServerOptions> options, IProblemDetailsService problems)
{
    private readonly byte[]? _key = string.IsNullOrEmpty(options.Value.ApiKey) ? null : Encoding.UTF8.GetBytes(options.Value.ApiKey);
    private readonly bool _anonymousNetwork = options.Value.AllowAnonymousNetworkAccess;

    public Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz")) return next(http);
        if (_key is null)
        {
            if (_anonymousNetwork || IsLoopback(http.Connection.RemoteIpAddress)) return next(http);
            return Refuse(http, StatusCodes.Status403Forbidden, "No API key is configured, so only loopback clients are served (set Screening:Server:ApiKey).");
        }
        if (Presented(http.Request) is { } presented && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key))
            return next(http);
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Refuse(http, StatusCodes.Status401Unauthorized, "A valid API key is required: send X-Api-Key: KEY or Authorization: Bearer KEY.");
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var key) && key.Count == 1) return key[0];
        var auth = request.Headers.Authorization.ToString();
        foreach (var scheme in (ReadOnlySpan<string>)["Bearer ", "ApiKey "])
        {
            if (auth.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return auth[scheme.Length..].Trim();
        }
        return null;
    }

    // An in-process test server has no remote address.
    internal static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    private async Task Refuse(HttpContext http, int status, string detail)
    {
        http.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = status, Detail = detail } });
    }
}

// Refuses to run unauthenticated on a network address: checked once the server listens, so every way of naming the
// addresses (urls, ASPNETCORE_HTTP_PORTS, Kestrel endpoints) is covered.
internal sealed class BindingGuard(IServer server, IOptions<ServerOptions> options) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!string.IsNullOrEmpty(o.ApiKey) || o.AllowAnonymousNetworkAccess) return Task.CompletedTask;
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var open = addresses.Where(a => !IsLoopbackAddress(a)).ToList();
        if (open.Count > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to serve {string.Join(", ", open)} without an API key: set Screening:Server:ApiKey (environment " +
                "Screening__Server__ApiKey), listen on loopback only, or set Screening:Server:AllowAnonymousNetworkAccess behind a gateway that authenticates.");
        }
        return Task.CompletedTask;
    }

    internal static bool IsLoopbackAddress(string address)
    {
        if (!Uri.TryCreate(address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            return false;
        if (uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

// Refuses a declared body over the limit at once, with a problem document (Kestrel enforces the same limits on what
// is read; this also covers servers that do not, such as the in-process test server).
internal sealed class BodySizeMiddleware(RequestDelegate next, IOptions<ServerOptions> options, IProblemDetailsService problems)
{
    private readonly long _maxBody = options.Value.MaxRequestBodyBytes;
    private readonly long _maxStream = options.Value.MaxStreamBodyBytes;

    // Passes a request within the limits straight on (no async frame of its own on the hot path).
    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.ContentLength is not { } length || length <= _maxBody) return next(http);
        var ndjson = http.Request.ContentType?.StartsWith(Endpoints.ScreenEndpoints.NdjsonContentType, StringComparison.OrdinalIgnoreCase) == true;
        var limit = ndjson ? _maxStream : _maxBody;
        return length <= limit ? next(http) : RefuseAsync(http, length, limit);
    }

    private async Task RefuseAsync(HttpContext http, long length, long limit)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = 413, Detail = $"The body of {length} bytes exceeds the limit of {limit} bytes." },
        });
    }
}
