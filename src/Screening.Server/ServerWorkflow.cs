using Microsoft.Extensions.Options;
using Screening.AllowLists;
using Screening.Audit;

namespace Screening.Server;

/// <summary>
/// What the service's options add to every screen: the allow-list (<see cref="ServerOptions.AllowListFile"/>, read
/// once at start) and the audit sink (<see cref="ServerOptions.AuditFile"/>), handed to the library's options. The
/// container disposes it when the service stops, which writes out and flushes the audit file.
/// </summary>
internal sealed class ServerWorkflow : IAsyncDisposable, IDisposable
{
    public ServerWorkflow(IOptions<ServerOptions> options)
    {
        var o = options.Value;
        // At start, before the first screen: the options are read when the screener is built.
        if (o.AllowListFile is { } allow)
            AllowList = AllowList.LoadAsync(new JsonFileAllowListStore(allow)).GetAwaiter().GetResult();
        if (o.AuditFile is { } audit) AuditSink = new JsonlFileAuditSink(audit);
    }

    public AllowList? AllowList { get; }

    public JsonlFileAuditSink? AuditSink { get; }

    public ValueTask DisposeAsync() => AuditSink?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => AuditSink?.Dispose();
}

/// <summary>Reports <see cref="ServerOptions"/>' rule violations with their own message at start.</summary>
internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options) =>
        options.Check() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
