using System.Runtime.CompilerServices;
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
    public ScreeningResult Screen(string name, string? country = null, EntityType? entityType = null) =>
        ScreenSingle(name, country, entityType, requestId: null);

    /// <summary>Screens one request.</summary>
    public ScreeningResult Screen(ScreeningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ScreenSingle(request.Name, request.Country, request.Type, request.Id);
    }

    // A single screen borrows this thread's context (no batch memo: latency is measured without it).
    private ScreeningResult ScreenSingle(string name, string? country, EntityType? entityType, string? requestId)
    {
        var context = MatchContext.Rent();
        try
        {
            return ScreenCore(name, country, entityType, requestId, Volatile.Read(ref _snapshot), context);
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
        return ScreenManyIterator(requests, maxDegreeOfParallelism, chunkSize, cancellationToken);
    }

    // A pipeline of three chunks: while one chunk is screened on the thread pool, the caller reads the next one from
    // its source and consumes (writes) the results of the previous one. Memory stays at three chunks.
    private IEnumerable<ScreeningResult> ScreenManyIterator(IEnumerable<ScreeningRequest> requests, int dop, int chunkSize, CancellationToken ct)
    {
        var po = new ParallelOptions { MaxDegreeOfParallelism = dop > 0 ? dop : Environment.ProcessorCount, CancellationToken = ct };
        var batch = new BatchState(po.MaxDegreeOfParallelism);
        using var e = requests.GetEnumerator();
        var (current, count) = ReadChunk(e, chunkSize);
        if (count == 0) yield break;
        var results = new ScreeningResult[count];
        var work = StartChunk(current, results, count, po, batch);
        while (true)
        {
            // Read the next chunk while this one is screened.
            var (next, nextCount) = count < chunkSize ? ([], 0) : ReadChunk(e, chunkSize);
            work.GetAwaiter().GetResult();
            var done = results;
            var doneCount = count;
            if (nextCount > 0)
            {
                results = new ScreeningResult[nextCount];
                work = StartChunk(next, results, nextCount, po, batch);
            }
            // Hand out this chunk's results while the next one is screened.
            for (var i = 0; i < doneCount; i++) yield return done[i];
            if (nextCount == 0) yield break;
            count = nextCount;
        }
    }

    private Task StartChunk(ScreeningRequest[] input, ScreeningResult[] results, int count, ParallelOptions po, BatchState batch) =>
        Task.Run(() => ScreenChunk(input, results, count, po, batch), po.CancellationToken);

    private static (ScreeningRequest[] Chunk, int Count) ReadChunk(IEnumerator<ScreeningRequest> e, int chunkSize)
    {
        var chunk = new ScreeningRequest[chunkSize];
        var n = 0;
        while (n < chunkSize && e.MoveNext()) chunk[n++] = e.Current;
        return (chunk, n);
    }

    /// <summary>The asynchronous form of <see cref="ScreenMany"/>: reads an async stream and yields results in input order.</summary>
    public async IAsyncEnumerable<ScreeningResult> ScreenManyAsync(IAsyncEnumerable<ScreeningRequest> requests, int maxDegreeOfParallelism = 0, int chunkSize = 2048, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var buffer = new ScreeningRequest[chunkSize];
        var results = new ScreeningResult[chunkSize];
        var po = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount, CancellationToken = cancellationToken };
        var batch = new BatchState(po.MaxDegreeOfParallelism);
        var n = 0;
        await foreach (var request in requests.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            buffer[n++] = request;
            if (n < chunkSize) continue;
            ScreenChunk(buffer, results, n, po, batch);
            for (var i = 0; i < n; i++) yield return results[i];
            n = 0;
        }
        if (n > 0)
        {
            ScreenChunk(buffer, results, n, po, batch);
            for (var i = 0; i < n; i++) yield return results[i];
        }
    }

    private void ScreenChunk(ScreeningRequest[] buffer, ScreeningResult[] results, int n, ParallelOptions po, BatchState batch)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        // Each worker borrows one context for the chunk: at most one per degree of parallelism, no locks.
        Parallel.For(0, n, po, () => batch.Rent(snapshot.Engine), (i, _, context) =>
        {
            var r = buffer[i];
            if (r is null)
            {
                // A null row is bad input like an empty name: it gets an error result, and the batch goes on.
                results[i] = ErrorResult(null, "The request is null.", snapshot);
                return context;
            }
            try
            {
                results[i] = ScreenCore(r.Name, r.Country, r.Type, r.Id, snapshot, context);
            }
            catch (ArgumentException ex)
            {
                results[i] = ErrorResult(r, ex.Message, snapshot);
            }
            return context;
        }, batch.Return);
    }

    // What one batch keeps across its chunks: one context per worker, with the memo of per-word work. Dropped with the batch.
    private sealed class BatchState(int threads)
    {
        // Entries per cache and batch, split among the workers: a few hundred thousand words cover a book's vocabulary.
        private const int Capacity = 400_000;

        private readonly int _perWorker = Math.Max(10_000, Capacity / Math.Max(1, threads));
        private readonly System.Collections.Concurrent.ConcurrentBag<MatchContext> _idle = [];

        public MatchContext Rent(MatchEngine engine)
        {
            // Phrase-table lookups per word outlive a reload (the table is fixed); the word cache belongs to one index.
            if (!_idle.TryTake(out var context)) context = new MatchContext(new NormalizerContext(_perWorker));
            if (context.Words is null || !ReferenceEquals(context.Words.Index, engine.Index)) context.Words = new WordCache(engine.Index, _perWorker);
            return context;
        }

        public void Return(MatchContext context) => _idle.Add(context);
    }

    private ScreeningResult ErrorResult(ScreeningRequest? r, string error, Snapshot snapshot) => new()
    {
        Query = r?.Name ?? "",
        RequestId = r?.Id,
        NormalizedQuery = "",
        Threshold = _options.Threshold,
        Matches = [],
        Lists = snapshot.Infos,
        ScreenedAt = _options.TimeProvider.GetUtcNow(),
        CountryHint = r?.Country,
        EntityTypeHint = r?.Type,
        Error = error,
    };

    // Metrics and tracing cost one check when nobody listens (Diagnostics/ScreeningTelemetry).
    private ScreeningResult ScreenCore(string name, string? country, EntityType? entityType, string? requestId, Snapshot snapshot, MatchContext context) =>
        ScreeningTelemetry.IsEnabled
            ? ScreeningTelemetry.Observe(this, name, country, entityType, requestId, snapshot, context)
            : ScreenName(name, country, entityType, requestId, snapshot, context);

    internal ScreeningResult ScreenName(string name, string? country, EntityType? entityType, string? requestId, Snapshot snapshot, MatchContext context)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name)) ThrowHelper.ThrowEmptyName(nameof(name));
        if (name.Length > _options.MaxNameLength) ThrowHelper.ThrowNameTooLong(nameof(name), name.Length, _options.MaxNameLength);
        var readings = NameReadings.Read(name, context.Normalizer);
        var query = readings[0].Name;
        if (query.Tokens.Length == 0) ThrowHelper.ThrowNoLetters(nameof(name));

        string? countryCode = null;
        if (!string.IsNullOrWhiteSpace(country))
            countryCode = Screening.Watchlists.CountryCodes.TryGetCode(country, out var cc) ? cc : country.Trim().ToUpperInvariant();

        var request = new MatchRequest(_options.Threshold, _options.MaxMatches, countryCode, entityType);
        var matches = readings.Count == 1 ? snapshot.Engine.Match(query, request, context) : snapshot.Engine.Match(readings, request, context);
        return new ScreeningResult
        {
            Query = name,
            RequestId = requestId,
            NormalizedQuery = query.ToString(),
            Truncated = query.Truncated || query.Tokens.Length > Matching.Scoring.ScoringModel.MaxTokens,
            Threshold = _options.Threshold,
            Matches = matches,
            Lists = snapshot.Infos,
            ScreenedAt = _options.TimeProvider.GetUtcNow(),
            CountryHint = country,
            EntityTypeHint = entityType,
        };
    }

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
