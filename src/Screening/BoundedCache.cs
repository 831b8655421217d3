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

// The same, keyed by a word and looked up by a span of it, so that a hit makes no string.
internal sealed class BoundedWordCache<TValue>
{
    // The default string comparer hashes fast (non-randomized until collisions pile up) and takes spans.
    private readonly Dictionary<string, TValue> _map = [];
    private readonly Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _spans;
    private readonly int _capacity;

    public BoundedWordCache(int capacity)
    {
        _capacity = capacity;
        _spans = _map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> key, out TValue value) => _spans.TryGetValue(key, out value!);

    public void Add(ReadOnlySpan<char> key, TValue value)
    {
        if (_map.Count < _capacity) _spans.TryAdd(key, value);
    }
}
