using System.Collections.Concurrent;

namespace Screening;

// A thread-safe map that stops growing at a fixed size: the batch-scoped memo of per-word work (ScreenMany), where a
// customer book repeats its words across millions of names but memory must stay bounded.
internal sealed class BoundedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _map = new(comparer);
    private int _count;

    public bool TryGet(TKey key, out TValue value) => _map.TryGetValue(key, out value!);

    public void Add(TKey key, TValue value)
    {
        if (Volatile.Read(ref _count) >= capacity) return;
        if (_map.TryAdd(key, value)) Interlocked.Increment(ref _count);
    }
}

// The same, keyed by a word and looked up by a span of it, so that a hit makes no string.
internal sealed class BoundedWordCache<TValue>
{
    private readonly ConcurrentDictionary<string, TValue> _map = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _spans;
    private readonly int _capacity;
    private int _count;

    public BoundedWordCache(int capacity)
    {
        _capacity = capacity;
        _spans = _map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> key, out TValue value) => _spans.TryGetValue(key, out value!);

    public void Add(ReadOnlySpan<char> key, TValue value)
    {
        if (Volatile.Read(ref _count) >= _capacity) return;
        if (_map.TryAdd(key.ToString(), value)) Interlocked.Increment(ref _count);
    }
}
