namespace Screening.Matching.Index;

// Symmetric-delete index over vocabulary keys: every key and its variants with up to MaxDistance(len) characters
// deleted, hashed, map to the vocabulary ids. Two keys within edit distance k share a variant with at most k
// deletions on each side, so a lookup finds every fuzzy neighbour without touching the rest of the vocabulary.
internal sealed class DeletionIndex
{
    private readonly ulong[] _slots;     // open addressing: hash per slot (0 = empty)
    private readonly int[] _slotStart;   // start into _ids for the slot's hash
    private readonly int[] _ids;         // vocabulary ids grouped by hash
    private readonly int[] _slotEnd;
    private readonly int _mask;
    // A one-bit-per-hash filter (1 MiB) in front of the table: most variants of a query word are in no list,
    // and the filter answers that from cache instead of a random probe into the large table.
    private readonly ulong[] _filter = new ulong[1 << 17];


    // depthOf(id): how many deletions to index for a key (0: the key itself, which a longer word reaches by deleting
    // letters), or -1 to leave it out.
    public DeletionIndex(string[] keys, Func<int, int> depthOf, CancellationToken cancellationToken = default)
    {
        var hashList = new List<ulong>(keys.Length * 16);
        var idList = new List<int>(keys.Length * 16);
        var variants = new List<ulong>(128);
        for (var id = 0; id < keys.Length; id++)
        {
            if ((id & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            var depth = depthOf(id);
            if (depth < 0) continue;
            variants.Clear();
            Variants(keys[id], depth, variants);
            foreach (var h in variants)
            {
                hashList.Add(h);
                idList.Add(id);
            }
        }
        var hashes = hashList.ToArray();
        var allIds = idList.ToArray();
        cancellationToken.ThrowIfCancellationRequested();
        Array.Sort(hashes, allIds);
        cancellationToken.ThrowIfCancellationRequested();

        var ids = new List<int>(hashes.Length);
        var groups = new List<(ulong Hash, int Start, int End)>();
        for (var i = 0; i < hashes.Length;)
        {
            var j = i;
            while (j < hashes.Length && hashes[j] == hashes[i]) j++;
            Array.Sort(allIds, i, j - i);
            var start = ids.Count;
            for (var k = i; k < j; k++)
                if (k == i || allIds[k] != allIds[k - 1]) ids.Add(allIds[k]);
            groups.Add((hashes[i], start, ids.Count));
            i = j;
        }
        _ids = ids.ToArray();
        var capacity = 16;
        while (capacity < groups.Count * 2) capacity <<= 1;
        _mask = capacity - 1;
        _slots = new ulong[capacity];
        _slotStart = new int[capacity];
        _slotEnd = new int[capacity];
        foreach (var (hash, start, end) in groups)
        {
            var h = hash == 0 ? 1 : hash;
            var s = (int)(h & (ulong)_mask);
            while (_slots[s] != 0) s = (s + 1) & _mask;
            _slots[s] = h;
            _slotStart[s] = start;
            _slotEnd[s] = end;
            var bit = FilterBit(h);
            _filter[bit >> 6] |= 1UL << (int)(bit & 63);
        }
        Size = _ids.Length;
    }

    public int Size { get; }

    private static ulong FilterBit(ulong h) => h >> 41; // 23 bits: 8M bits

    public ReadOnlySpan<int> Lookup(ulong hash)
    {
        var h = hash == 0 ? 1 : hash;
        var bit = FilterBit(h);
        if ((_filter[bit >> 6] & (1UL << (int)(bit & 63))) == 0) return default;
        var s = (int)(h & (ulong)_mask);
        while (true)
        {
            var v = _slots[s];
            if (v == 0) return default;
            if (v == h) return _ids.AsSpan(_slotStart[s], _slotEnd[s] - _slotStart[s]);
            s = (s + 1) & _mask;
        }
    }

    // The hash of the key and of every variant with up to `depth` (1 or 2) deletions.
    public static void Variants(ReadOnlySpan<char> key, int depth, List<ulong> output)
    {
        output.Add(Hash(key, -1, -1));
        if (depth < 1) return;
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && key[i] == key[i - 1]) continue;
            output.Add(Hash(key, i, -1));
            if (depth < 2) continue;
            for (var j = i + 1; j < key.Length; j++)
            {
                if (j > i + 1 && key[j] == key[j - 1]) continue;
                output.Add(Hash(key, i, j));
            }
        }
    }

    // FNV-1a over the key with up to two positions skipped, then a final mix.
    public static ulong Hash(ReadOnlySpan<char> key, int skip1, int skip2)
    {
        var h = 14695981039346656037UL;
        for (var i = 0; i < key.Length; i++)
        {
            if (i == skip1 || i == skip2) continue;
            h ^= key[i];
            h *= 1099511628211UL;
        }
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        return h;
    }
}
