using Screening;

namespace Screening.Hosting;

/// <summary>What a refresh found.</summary>
internal enum RefreshOutcome
{
    /// <summary>The first load succeeded.</summary>
    Loaded,
    /// <summary>New lists were swapped in.</summary>
    Changed,
    /// <summary>Every source was as before; nothing was rebuilt.</summary>
    Unchanged,
    /// <summary>The reload guard refused the new lists; the previous ones serve.</summary>
    Refused,
    /// <summary>The load failed; the previous lists (if any) serve.</summary>
    Failed,
}

// The refresh service's findings, read by the health check and the metrics. One writer (the service), many readers.
internal sealed class ListRefreshStatus
{
    private volatile State _state = new(null, null, null, null, null);

    public Screener? Screener => _state.Screener;

    public DateTimeOffset? LastAttempt => _state.LastAttempt;

    public DateTimeOffset? LastSuccess => _state.LastSuccess;

    public RefreshOutcome? LastOutcome => _state.LastOutcome;

    // The last failure, cleared by the next success.
    public string? LastError => _state.LastError;

    // The fingerprints of the file sources as they were just before the serving lists were read.
    public IReadOnlyList<string?>? Fingerprints { get; set; }

    public void Record(RefreshOutcome outcome, DateTimeOffset at, Screener? screener = null, string? error = null)
    {
        var s = _state;
        var ok = outcome is RefreshOutcome.Loaded or RefreshOutcome.Changed or RefreshOutcome.Unchanged;
        _state = new State(screener ?? s.Screener, at, ok ? at : s.LastSuccess, outcome, ok ? null : error);
    }

    private sealed record State(Screener? Screener, DateTimeOffset? LastAttempt, DateTimeOffset? LastSuccess, RefreshOutcome? LastOutcome, string? LastError);
}
