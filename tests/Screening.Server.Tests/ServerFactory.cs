using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Screening.Server.Tests;

// The real service in process, over the sample JSON list in a temporary folder; settings as configuration keys.
public sealed class ServerFactory(string? listFile, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public static Dictionary<string, string?> Defaults(string? listFile) => new()
    {
        ["Screening:Lists:0"] = listFile is null ? null : "json:" + listFile,
        ["Screening:Refresh:Interval"] = "-00:00:00.001",
        ["Screening:Refresh:FileChangeDelay"] = "00:00:00.050",
        ["Screening:Refresh:LoadRetryInterval"] = "00:00:00.100",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Defaults(listFile)) builder.UseSetting(key, value);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }
}
