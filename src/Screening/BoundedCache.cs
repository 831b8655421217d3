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
