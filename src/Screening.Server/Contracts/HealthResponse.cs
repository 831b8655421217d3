namespace Screening.Server.Contracts;

/// <summary>The body of <c>/readyz</c>: the overall status and each check's.</summary>
public sealed class HealthResponse
{
    /// <summary><c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The checks, by name.</summary>
    public required IReadOnlyDictionary<string, HealthCheckResponse> Checks { get; init; }
}

/// <summary>One health check's result.</summary>
public sealed class HealthCheckResponse
{
    /// <summary><c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>.</summary>
    public required string Status { get; init; }

    /// <summary>What the check found.</summary>
    public string? Description { get; init; }

    /// <summary>The check's data: lists and versions, the last refresh and its error.</summary>
    public required IReadOnlyDictionary<string, object> Data { get; init; }
}
