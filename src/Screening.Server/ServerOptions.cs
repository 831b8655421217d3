namespace Screening.Server;

/// <summary>The HTTP service's own settings: configuration section <c>Screening:Server</c>.</summary>
public sealed class ServerOptions
{
    /// <summary>
    /// The API key clients send (<c>X-Api-Key: KEY</c> or <c>Authorization: Bearer KEY</c>). Default none: then
    /// authentication is off and the service serves loopback clients only, and refuses to start on a non-loopback
    /// address unless <see cref="AllowAnonymousNetworkAccess"/> is set.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Serve non-loopback clients without a key (behind a gateway that authenticates). Default false.</summary>
    public bool AllowAnonymousNetworkAccess { get; set; }

    /// <summary>The most names in one JSON batch (<c>POST /screen/batch</c> with a JSON array). Default 1,000; at most 2,048.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>The largest request body, in bytes, except for NDJSON batches. Default 1 MiB; larger is refused with 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1 << 20;

    /// <summary>The largest NDJSON batch body, in bytes. Default 256 MiB; larger is refused with 413.</summary>
    public long MaxStreamBodyBytes { get; set; } = 256L << 20;

    /// <summary>
    /// Serve <c>/metrics</c> (OpenTelemetry's Prometheus exporter, with the library's, ASP.NET Core's and Kestrel's
    /// meters). Default true. Off, nothing listens to the meters and recording them costs nothing.
    /// </summary>
    public bool Metrics { get; set; } = true;

    /// <summary>The most queries in one yente-style <c>POST /match</c>. Default 100, as yente.</summary>
    public int MaxMatchQueries { get; set; } = 100;

    /// <summary>
    /// A JSON allow-list of reviewed false positives (<c>screening-allowlist/1</c>), read once when the service starts:
    /// a decision suppresses its match while the entry's content is unchanged. Default none. A missing or malformed
    /// file stops the start; restart the service to apply new decisions.
    /// </summary>
    public string? AllowListFile { get; set; }

    /// <summary>
    /// A JSON Lines file each screen appends its audit record to (<c>screening-audit/1</c>), flushed as the queue runs
    /// empty and when the service stops. A screen whose record cannot be written fails (500). Default none. One file per
    /// replica: the file is not locked against other processes.
    /// </summary>
    public string? AuditFile { get; set; }

    internal string? Check()
    {
        if (AllowListFile is { } allow && !File.Exists(allow)) return $"Screening:Server:AllowListFile: file not found: {allow}.";
        if (AuditFile is { } audit && Path.GetDirectoryName(Path.GetFullPath(audit)) is { } dir && !Directory.Exists(dir))
            return $"Screening:Server:AuditFile: the folder of {audit} does not exist.";
        if (MaxBatchSize is < 1 or > 2048) return $"Screening:Server:MaxBatchSize must be between 1 and 2048, was {MaxBatchSize}.";
        if (MaxRequestBodyBytes < 1024) return $"Screening:Server:MaxRequestBodyBytes must be at least 1024, was {MaxRequestBodyBytes}.";
        if (MaxStreamBodyBytes < MaxRequestBodyBytes) return "Screening:Server:MaxStreamBodyBytes must be at least MaxRequestBodyBytes.";
        if (MaxMatchQueries < 1) return $"Screening:Server:MaxMatchQueries must be at least 1, was {MaxMatchQueries}.";
        return null;
    }
}
