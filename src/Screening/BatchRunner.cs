using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Screening.Audit;
using Screening.Matching;
using Screening.Matching.Candidates;
using Screening.Matching.Query;
using Screening.Normalization;

namespace Screening;

/// <summary>
/// Screens a stream of requests on all cores for <see cref="Screener.ScreenMany"/>: chunks in input order, one pooled
/// context per worker with the batch's memo of per-word work, bounded memory, audit records in input order.
/// Optionally restricted to some entries.
/// </summary>
internal sealed class BatchRunner
{
    // Entries per cache and batch, split among the workers: a few hundred thousand words cover a book's vocabulary.
    private const int Capacity = 400_000;

    private readonly Screener _screener;
    private readonly ScreeningOptions _options;
    private readonly IScreeningAuditSink? _sink;
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
        _options = screener.Options;
        _sink = _options.AuditSink;
        _po = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount, CancellationToken = ct };
        _restrict = restrict;
        _deltaSource = deltaSource;
        _perWorker = Math.Max(10_000, Capacity / Math.Max(1, _po.MaxDegreeOfParallelism));
    }

    // A pipeline of three chunks: while one chunk is screened on the thread pool, the caller reads the next one from
    // its source and consumes (writes) the results of the previous one. Memory stays at three chunks. Audit records
    // are made on the workers and written by the caller in input order, before the chunk's results are handed out.
    public IEnumerable<ScreeningResult> Run(IEnumerable<ScreeningRequest> requests, int chunkSize)
    {
        using var e = requests.GetEnumerator();
        var (current, count) = ReadChunk(e, chunkSize);
        if (count == 0) yield break;
        var chunk = new Chunk(current, count, _sink is not null);
        var work = StartChunk(chunk);
        while (true)
        {
            // Read the next chunk while this one is screened.
            var (next, nextCount) = count < chunkSize ? ([], 0) : ReadChunk(e, chunkSize);
            work.GetAwaiter().GetResult();
            var done = chunk;
            if (nextCount > 0)
            {
                chunk = new Chunk(next, nextCount, _sink is not null);
                work = StartChunk(chunk);
            }
            // Hand out this chunk's results (after its audit records) while the next one is screened.
            WriteAudit(done);
            for (var i = 0; i < done.Count; i++) yield return done.Results[i];
            if (nextCount == 0) yield break;
            count = nextCount;
        }
    }

    /// <summary>Reads an async stream and yields results in input order.</summary>
    public async IAsyncEnumerable<ScreeningResult> RunAsync(IAsyncEnumerable<ScreeningRequest> requests, int chunkSize)
    {
        var buffer = new ScreeningRequest[chunkSize];
        var n = 0;
        await foreach (var request in requests.WithCancellation(_po.CancellationToken).ConfigureAwait(false))
        {
            buffer[n++] = request;
            if (n < chunkSize) continue;
            var full = new Chunk(buffer, n, _sink is not null);
            ScreenChunk(full);
            await WriteAuditAsync(full).ConfigureAwait(false);
            for (var i = 0; i < n; i++) yield return full.Results[i];
            n = 0;
        }
        if (n > 0)
        {
            var last = new Chunk(buffer, n, _sink is not null);
            ScreenChunk(last);
            await WriteAuditAsync(last).ConfigureAwait(false);
            for (var i = 0; i < n; i++) yield return last.Results[i];
        }
    }

    /// <summary>One chunk of requests, its results and (with an audit sink) their records, by input position.</summary>
    private sealed class Chunk(ScreeningRequest[] requests, int count, bool audited)
    {
        public ScreeningRequest[] Requests { get; } = requests;
        public int Count { get; } = count;
        public ScreeningResult[] Results { get; } = new ScreeningResult[count];
        public ScreeningAuditRecord[]? Records { get; } = audited ? new ScreeningAuditRecord[count] : null;
    }

    // Input order: the records of a chunk are written one by one from the first row (a reorder window of one chunk).
    private void WriteAudit(Chunk chunk)
    {
        if (chunk.Records is not { } records) return;
        for (var i = 0; i < chunk.Count; i++)
        {
            ScreenRunner.Write(_sink!, records[i]);
            records[i] = null!;
        }
    }

    private async ValueTask WriteAuditAsync(Chunk chunk)
    {
        if (chunk.Records is not { } records) return;
        for (var i = 0; i < chunk.Count; i++)
        {
            await _sink!.WriteAsync(records[i], _po.CancellationToken).ConfigureAwait(false);
            records[i] = null!;
        }
    }

    private Task StartChunk(Chunk chunk) => Task.Run(() => ScreenChunk(chunk), _po.CancellationToken);

    private static (ScreeningRequest[] Chunk, int Count) ReadChunk(IEnumerator<ScreeningRequest> e, int chunkSize)
    {
        var chunk = new ScreeningRequest[chunkSize];
        var n = 0;
        while (n < chunkSize && e.MoveNext()) chunk[n++] = e.Current;
        return (chunk, n);
    }

    private void ScreenChunk(Chunk chunk)
    {
        var snapshot = _screener.CurrentSnapshot;
        var (restrict, delta) = RestrictionFor(snapshot);
        var (requests, results, records) = (chunk.Requests, chunk.Results, chunk.Records);
        // Each worker borrows one context for the chunk: at most one per degree of parallelism, no locks.
        Parallel.For(0, chunk.Count, _po, () => Rent(snapshot.Engine), (i, _, context) =>
        {
            var r = requests[i];
            ScreeningResult result;
            if (r is null)
            {
                // A null row is bad input like an empty name: it gets an error result, and the batch goes on.
                result = ScreenRunner.Error(null, "The request is null.", snapshot, _options);
            }
            else
            {
                try
                {
                    result = _screener.ScreenIn(new ScreenInput(r, restrict, DeferAudit: records is not null, Delta: delta), snapshot, context);
                }
                catch (ArgumentException ex)
                {
                    result = ScreenRunner.Error(r, ex.Message, snapshot, _options);
                }
            }
            results[i] = result;
            // A row that failed is audited too, with its error: the trail shows every row, screened or not.
            if (records is not null) records[i] = ScreenRunner.AuditRecord(result, _options, _sink!);
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
