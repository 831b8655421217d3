using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Screening.Matching;
using Screening.Matching.Candidates;
using Screening.Matching.Query;
using Screening.Normalization;

namespace Screening;

/// <summary>
/// Screens a stream of requests on all cores for <see cref="Screener.ScreenMany"/>: chunks in input order, one pooled
/// context per worker with the batch's memo of per-word work, bounded memory. Optionally restricted to some entries.
/// </summary>
internal sealed class BatchRunner
{
    // Entries per cache and batch, split among the workers: a few hundred thousand words cover a book's vocabulary.
    private const int Capacity = 400_000;

    private readonly Screener _screener;
    private readonly ParallelOptions _po;
    private readonly Func<Snapshot, bool[]>? _restrict;
    private readonly bool _deltaSource;
    private readonly int _perWorker;
    private readonly ConcurrentBag<MatchContext> _idle = [];
    private (Snapshot? Snapshot, bool[]? Allowed, DeltaCandidateSource? Delta) _restricted;

    // With a restriction, candidates come from the restricted entries' names alone (deltaSource), unless turned off to
    // compare with the indexed path.
    public BatchRunner(Screener screener, int maxDegreeOfParallelism, Func<Snapshot, bool[]>? restrict, CancellationToken ct, bool deltaSource = true)
    {
        _screener = screener;
        _po = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount, CancellationToken = ct };
        _restrict = restrict;
        _deltaSource = deltaSource;
        _perWorker = Math.Max(10_000, Capacity / Math.Max(1, _po.MaxDegreeOfParallelism));
    }

    // A pipeline of three chunks: while one chunk is screened on the thread pool, the caller reads the next one from
    // its source and consumes (writes) the results of the previous one. Memory stays at three chunks.
    public IEnumerable<ScreeningResult> Run(IEnumerable<ScreeningRequest> requests, int chunkSize)
    {
        using var e = requests.GetEnumerator();
        var (current, count) = ReadChunk(e, chunkSize);
        if (count == 0) yield break;
        var results = new ScreeningResult[count];
        var work = StartChunk(current, results, count);
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
                work = StartChunk(next, results, nextCount);
            }
            // Hand out this chunk's results while the next one is screened.
            for (var i = 0; i < doneCount; i++) yield return done[i];
            if (nextCount == 0) yield break;
            count = nextCount;
        }
    }

    /// <summary>Reads an async stream and yields results in input order.</summary>
    public async IAsyncEnumerable<ScreeningResult> RunAsync(IAsyncEnumerable<ScreeningRequest> requests, int chunkSize)
    {
        var buffer = new ScreeningRequest[chunkSize];
        var results = new ScreeningResult[chunkSize];
        var n = 0;
        await foreach (var request in requests.WithCancellation(_po.CancellationToken).ConfigureAwait(false))
        {
            buffer[n++] = request;
            if (n < chunkSize) continue;
            ScreenChunk(buffer, results, n);
            for (var i = 0; i < n; i++) yield return results[i];
            n = 0;
        }
        if (n > 0)
        {
            ScreenChunk(buffer, results, n);
            for (var i = 0; i < n; i++) yield return results[i];
        }
    }

    private Task StartChunk(ScreeningRequest[] input, ScreeningResult[] results, int count) =>
        Task.Run(() => ScreenChunk(input, results, count), _po.CancellationToken);

    private static (ScreeningRequest[] Chunk, int Count) ReadChunk(IEnumerator<ScreeningRequest> e, int chunkSize)
    {
        var chunk = new ScreeningRequest[chunkSize];
        var n = 0;
        while (n < chunkSize && e.MoveNext()) chunk[n++] = e.Current;
        return (chunk, n);
    }

    private void ScreenChunk(ScreeningRequest[] buffer, ScreeningResult[] results, int n)
    {
        var snapshot = _screener.CurrentSnapshot;
        var (restrict, delta) = RestrictionFor(snapshot);
        // Each worker borrows one context for the chunk: at most one per degree of parallelism, no locks.
        Parallel.For(0, n, _po, () => Rent(snapshot.Engine), (i, _, context) =>
        {
            var r = buffer[i];
            if (r is null)
            {
                // A null row is bad input like an empty name: it gets an error result, and the batch goes on.
                results[i] = _screener.ErrorResult(null, "The request is null.", snapshot);
                return context;
            }
            try
            {
                results[i] = _screener.ScreenIn(ScreenInput.From(r) with { Restrict = restrict, Delta = delta }, snapshot, context);
            }
            catch (ArgumentException ex)
            {
                results[i] = _screener.ErrorResult(r, ex.Message, snapshot);
            }
            return context;
        }, Return);
    }

    // The restriction is by entry index of one snapshot: computed again when a reload swapped the snapshot.
    private (bool[]? Allowed, DeltaCandidateSource? Delta) RestrictionFor(Snapshot snapshot)
    {
        if (_restrict is null) return (null, null);
        var (cachedFor, allowed, delta) = _restricted;
        if (ReferenceEquals(cachedFor, snapshot)) return (allowed, delta);
        allowed = _restrict(snapshot);
        delta = _deltaSource ? snapshot.Engine.DeltaSource(allowed) : null;
        _restricted = (snapshot, allowed, delta);
        return (allowed, delta);
    }

    private MatchContext Rent(MatchEngine engine)
    {
        // Phrase-table lookups per word outlive a reload (the table is fixed); the word cache belongs to one index.
        if (!_idle.TryTake(out var context)) context = new MatchContext(new NormalizerContext(_perWorker));
        if (context.Words is null || !ReferenceEquals(context.Words.Index, engine.Index)) context.Words = new WordCache(engine.Index, _perWorker);
        return context;
    }

    private void Return(MatchContext context) => _idle.Add(context);
}
