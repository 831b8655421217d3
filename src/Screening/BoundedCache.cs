namespace Screening;

// A map that stops growing at a fixed size: the batch-scoped memo of per-word work (ScreenMany), where a customer book
// repeats its words across millions of names but memory must stay bounded. One per thread (no locks, no sharing).
internal sealed class BoundedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _map = new(comparer);

    public bool TryGet(TKey key, out TValue value) => _map.TryGetValue(key, out value!);

    public void Add(TKey key, TValue value)
    {
        if (_map.Count < capacity) _map.TryAdd(key, value);
    }
}
