using Screening.Diagnostics;
using Screening.Matching;
using Screening.Matching.Query;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening;

/// <summary>
/// Screens names against the loaded watchlists. Immutable between reloads and safe to share across threads:
/// each screen reads one snapshot from start to end, and a reload swaps the snapshot atomically.
/// </summary>
public sealed class Screener
{
    private readonly IReadOnlyList<IWatchlistProvider> _providers;
    private readonly ScreeningOptions _options;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private Snapshot _snapshot;

    internal Screener(IReadOnlyList<IWatchlistProvider> providers, ScreeningOptions options, Snapshot snapshot)
    {
        _providers = providers;
        _options = options;
        _snapshot = snapshot;
    }

    /// <summary>The threshold in force.</summary>
    public double Threshold => _options.Threshold;

    // The options in force (validated, copied at build): the audit record fingerprints them.
    internal ScreeningOptions Options => _options;

    /// <summary>The lists currently screened, with versions and entry counts.</summary>
    public IReadOnlyList<WatchlistInfo> Lists => Volatile.Read(ref _snapshot).Infos;

    /// <summary>The loaded lists themselves, with their load reports.</summary>
    public IReadOnlyList<Watchlist> Watchlists => Volatile.Read(ref _snapshot).Lists;

    /// <summary>Screens one name.</summary>
    /// <param name="name">The name to screen.</param>
    /// <param name="country">An optional country hint (alpha-2 code or name). It only adjusts scores, never excludes.</param>
    /// <param name="entityType">An optional entity-type hint. It only adjusts scores, never excludes.</param>
    /// <returns>The matches at or above the threshold, best first, with what the audit needs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, whitespace, too long or has no letters or digits.</exception>
    public ScreeningResult Screen(string name, string? country = null, EntityType? entityType = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ScreenSingle(new ScreenInput(new ScreeningRequest(name, null, country, entityType)));
    }

    /// <summary>
    /// Screens one request: a name with its hints, identifiers (exact, valid matches are near-certain evidence, and a
    /// name may be empty when identifiers are given), a customer key for the allow-list, a threshold and a filter.
    /// </summary>
    /// <exception cref="ArgumentException">The name is missing (and no identifier given), too long or has no letters or
    /// digits; or the threshold is out of range.</exception>
    public ScreeningResult Screen(ScreeningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ScreenSingle(new ScreenInput(request));
    }

    // A single screen borrows this thread's context (no batch memo: latency is measured without it).
    private ScreeningResult ScreenSingle(in ScreenInput input)
    {
        var context = MatchContext.Rent();
        try
        {
            return ScreenCore(input, Volatile.Read(ref _snapshot), context);
        }
        finally
        {
            MatchContext.Return(context);
        }
    }

    /// <summary>
    /// Screens a stream of names on all cores, yielding results in input order with bounded memory
    /// (at most <paramref name="chunkSize"/> names are in flight).
    /// </summary>
    /// <param name="requests">The names.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; 0 (the default) uses every core.</param>
    /// <param name="chunkSize">Names screened per parallel step. Default 2,048.</param>
    /// <param name="cancellationToken">Cancels the batch between chunks.</param>
    /// <remarks>A name that cannot be screened (empty, too long) or a null request yields a result with <see cref="ScreeningResult.Error"/> set rather than stopping the batch.</remarks>
    public IEnumerable<ScreeningResult> ScreenMany(IEnumerable<ScreeningRequest> requests, int maxDegreeOfParallelism = 0, int chunkSize = 2048, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        return new BatchRunner(this, maxDegreeOfParallelism, restrict: null, cancellationToken).Run(requests, chunkSize);
    }

    /// <summary>The asynchronous form of <see cref="ScreenMany"/>: reads an async stream and yields results in input order.</summary>
    public IAsyncEnumerable<ScreeningResult> ScreenManyAsync(IAsyncEnumerable<ScreeningRequest> requests, int maxDegreeOfParallelism = 0, int chunkSize = 2048, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        return new BatchRunner(this, maxDegreeOfParallelism, restrict: null, cancellationToken).RunAsync(requests, chunkSize);
    }

    /// <summary>
    /// As <see cref="ScreenMany"/>, restricted to some entries of each snapshot (delta re-screening), with candidates from
    /// those entries' names alone (<paramref name="deltaSource"/>; false: the indexed path, to compare).
    /// </summary>
    internal IEnumerable<ScreeningResult> ScreenRestricted(IEnumerable<ScreeningRequest> requests, Func<Snapshot, bool[]> restrict, int maxDegreeOfParallelism, CancellationToken cancellationToken, bool deltaSource = true) =>
        new BatchRunner(this, maxDegreeOfParallelism, restrict, cancellationToken, deltaSource).Run(requests, 2048);

    // The snapshot serving now: a screen or a batch chunk reads one from start to end.
    internal Snapshot CurrentSnapshot => Volatile.Read(ref _snapshot);

    // One screen in a batch worker's context.
    internal ScreeningResult ScreenIn(in ScreenInput input, Snapshot snapshot, MatchContext context) => ScreenCore(input, snapshot, context);

    // Metrics and tracing cost one check when nobody listens (Diagnostics/ScreeningTelemetry).
    private ScreeningResult ScreenCore(in ScreenInput input, Snapshot snapshot, MatchContext context) =>
        ScreeningTelemetry.IsEnabled
            ? ScreeningTelemetry.Observe(this, input, snapshot, context)
            : ScreenName(input, snapshot, context);

    internal ScreeningResult ScreenName(in ScreenInput input, Snapshot snapshot, MatchContext context) =>
        ScreenRunner.Run(input, snapshot, _options, context);

    // The exhaustive reference path (every name scored, similarities computed directly): for tests and evaluation.
    internal ScreeningResult ScreenExhaustive(string name, string? country = null, EntityType? entityType = null)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var context = new MatchContext();
        var readings = NameReadings.Read(name, context.Normalizer);
        var query = readings[0].Name;
        var matches = snapshot.Engine.MatchExhaustive(readings, new MatchRequest(_options.Threshold, _options.MaxMatches, country, entityType), context);
        return new ScreeningResult
        {
            Query = name, NormalizedQuery = query.ToString(), Threshold = _options.Threshold, Matches = matches,
            Lists = snapshot.Infos, ScreenedAt = _options.TimeProvider.GetUtcNow(),
        };
    }

    internal MatchEngine Engine => Volatile.Read(ref _snapshot).Engine;

    /// <summary>
    /// Reloads every list from its provider, builds a new snapshot off the hot path and swaps it in atomically.
    /// Screens running meanwhile see the old lists or the new ones, never a mix. A failed reload keeps the
    /// previous snapshot serving and reports why: a list that fails to load, fails the load rules of
    /// <see cref="ScreenerBuilder.BuildAsync"/> (no entries, below its minimum, strict loading), or would shrink by
    /// more than <see cref="ScreeningOptions.MaxReloadShrink"/> in entries or in names (10% by default).
    /// </summary>
    /// <param name="cancellationToken">Cancels the reload.</param>
    /// <returns>Whether the reload succeeded, and the error when it did not.</returns>
    public async Task<ReloadResult> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var previous = Volatile.Read(ref _snapshot);
            Snapshot next;
            try
            {
                next = await Snapshot.LoadAsync(_providers, previous, _options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new ReloadResult(false, ex.Message, previous.Infos, ex);
            }
            Volatile.Write(ref _snapshot, next);
            return new ReloadResult(true, null, next.Infos, null) { Unchanged = ReferenceEquals(next, previous) };
        }
        finally
        {
            _reloadGate.Release();
        }
    }
}

/// <summary>The outcome of <see cref="Screener.ReloadAsync"/>.</summary>
/// <param name="Succeeded">Whether the new lists are now serving.</param>
/// <param name="Error">Why the reload failed, when it did.</param>
/// <param name="Lists">The lists serving after the call (the new ones, or the previous ones after a failure).</param>
/// <param name="Exception">The exception behind a failure.</param>
public sealed record ReloadResult(bool Succeeded, string? Error, IReadOnlyList<WatchlistInfo> Lists, Exception? Exception)
{
    /// <summary>
    /// Whether every list came back with the SHA-256 and the entries of the lists serving, so the snapshot was kept as
    /// it was (no index rebuild). Implies <see cref="Succeeded"/>.
    /// </summary>
    public bool Unchanged { get; init; }
}
