using System.Runtime.CompilerServices;
using Screening.Matching;
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
        ScreenCore(name, country, entityType, requestId: null, Volatile.Read(ref _snapshot));

    /// <summary>Screens one request.</summary>
    public ScreeningResult Screen(ScreeningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ScreenCore(request.Name, request.Country, request.Type, request.Id, Volatile.Read(ref _snapshot));
    }

    /// <summary>
    /// Screens a stream of names on all cores, yielding results in input order with bounded memory
    /// (at most <paramref name="chunkSize"/> names are in flight).
    /// </summary>
    /// <param name="requests">The names.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; 0 (the default) uses every core.</param>
    /// <param name="chunkSize">Names screened per parallel step. Default 2,048.</param>
    /// <param name="cancellationToken">Cancels the batch between chunks.</param>
    /// <remarks>A name that cannot be screened (empty, too long) yields a result with <see cref="ScreeningResult.Error"/> set rather than stopping the batch.</remarks>
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
        // Each worker borrows one set of caches for the chunk: at most one set per degree of parallelism, no locks.
        Parallel.For(0, n, po, () => batch.Rent(snapshot.Engine), (i, _, caches) =>
        {
            var r = buffer[i];
            MatchEngine.t_wordCache = caches.Words;
            Normalization.PhraseTable.t_batchFirstWords = caches.FirstWords;
            try
            {
                results[i] = ScreenCore(r.Name, r.Country, r.Type, r.Id, snapshot);
            }
            catch (ArgumentException ex)
            {
                results[i] = ErrorResult(r, ex.Message, snapshot);
            }
            finally
            {
                MatchEngine.t_wordCache = null;
                Normalization.PhraseTable.t_batchFirstWords = null;
            }
            return caches;
        }, batch.Return);
    }

    // What one batch keeps across its chunks: the memo of per-word work, one set per worker. Dropped with the batch.
    private sealed class BatchState(int threads)
    {
        // Entries per cache and batch, split among the workers: a few hundred thousand words cover a book's vocabulary.
        private const int Capacity = 400_000;

        private readonly int _perWorker = Math.Max(10_000, Capacity / Math.Max(1, threads));
        private readonly System.Collections.Concurrent.ConcurrentBag<WorkerCaches> _idle = [];

        public WorkerCaches Rent(MatchEngine engine)
        {
            if (!_idle.TryTake(out var caches)) caches = new WorkerCaches(_perWorker);
            // A reload mid-batch makes a new engine: its word cache starts afresh.
            if (caches.Words is null || !ReferenceEquals(caches.Words.Engine, engine)) caches.Words = new MatchEngine.WordCache(engine, _perWorker);
            return caches;
        }

        public void Return(WorkerCaches caches) => _idle.Add(caches);
    }

    private sealed class WorkerCaches(int capacity)
    {
        // Neighbours and split points of words no list spells: they depend on the engine.
        public MatchEngine.WordCache? Words { get; set; }

        // Phrase-table lookups per word: the table is fixed, so these outlive a reload.
        public BoundedCache<(string, Normalization.KeyOrigin), List<Normalization.PhraseTable.Phrase>> FirstWords { get; } = new(capacity);
    }

    private ScreeningResult ErrorResult(ScreeningRequest r, string error, Snapshot snapshot) => new()
    {
        Query = r.Name ?? "",
        RequestId = r.Id,
        NormalizedQuery = "",
        Threshold = _options.Threshold,
        Matches = [],
        Lists = snapshot.Infos,
        ScreenedAt = _options.TimeProvider.GetUtcNow(),
        CountryHint = r.Country,
        EntityTypeHint = r.Type,
        Error = error,
    };

    private ScreeningResult ScreenCore(string name, string? country, EntityType? entityType, string? requestId, Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name)) ThrowHelper.ThrowEmptyName(nameof(name));
        if (name.Length > _options.MaxNameLength) ThrowHelper.ThrowNameTooLong(nameof(name), name.Length, _options.MaxNameLength);
        var query = NameNormalizer.Normalize(name);
        if (query.Tokens.Length == 0) ThrowHelper.ThrowNoLetters(nameof(name));

        string? countryCode = null;
        if (!string.IsNullOrWhiteSpace(country))
            countryCode = Screening.Watchlists.CountryCodes.TryGetCode(country, out var cc) ? cc : country.Trim().ToUpperInvariant();

        var matches = snapshot.Engine.Match(query, new MatchRequest(_options.Threshold, _options.MaxMatches, countryCode, entityType));
        return new ScreeningResult
        {
            Query = name,
            RequestId = requestId,
            NormalizedQuery = query.ToString(),
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
        var query = NameNormalizer.Normalize(name);
        var matches = snapshot.Engine.MatchExhaustive(query, new MatchRequest(_options.Threshold, _options.MaxMatches, country, entityType));
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
    /// previous snapshot serving and reports why.
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
            return new ReloadResult(true, null, next.Infos, null);
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
public sealed record ReloadResult(bool Succeeded, string? Error, IReadOnlyList<WatchlistInfo> Lists, Exception? Exception);
