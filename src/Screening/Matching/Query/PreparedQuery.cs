using Screening.Normalization;

namespace Screening.Matching.Query;

// One query token or one adjacent-pair join met by one vocabulary key.
internal readonly record struct Hit(int Unit, float Similarity, int Distance, bool Abbreviation = false);

// The query, prepared once per screen: tokens, their weights, join keys, split points and every vocabulary key each
// query unit meets, with its similarity (found by the candidate source: through the indexes, or exhaustively).
internal sealed class PreparedQuery
{
    public required NormalizedName Name { get; init; }
    public required string[] Keys { get; init; }
    public required int[] TextLengths { get; init; }
    public required string?[] Texts { get; init; }      // the typed spelling of one-word tokens, else null
    public required int[] Forms { get; init; }          // the listed spelling id of Texts[i], or -1
    public required TokenClass[] Classes { get; init; }
    public required int[] Vocab { get; init; }          // exact vocabulary id per token, or -1
    public required float[] TokenWeights { get; init; }
    public required string[] JoinKeys { get; init; }    // Key(text[i] + text[i+1]) where a list has that key, else null
    public required int[] JoinVocab { get; init; }
    public required List<(int Token, int Left, int Right)> Splits { get; init; }
    public required bool[] PhrasePart { get; init; }     // the token is a word of some listed phrase, or a phrase itself
    public required float[] PhraseReach { get; init; }   // the heaviest listed phrase a phrase-part token may be met in
    public bool AnyPhrasePart { get; init; }
    public required string[] PlainKeys { get; init; }     // the key of the typed letters where Keys holds a term's canonical key
    public ulong RequiredMask { get; init; }             // tokens every scored name must match (the halves of a split word)
    public float ReadingFactor { get; init; } = 1f;      // below 1 for an alternative reading (words split)
    public string? ReadingNote { get; init; }            // how the alternative reading differs, for the explanation
    public NameReading? FieldReading { get; init; }      // which of the names a field holds this is (null: the whole)
    public HitSet Hits { get; set; } = null!;            // the context's; valid until the context prepares another query
    public int TokenCount => Keys.Length;
}

// The vocabulary keys the query meets, with their hits: one per context, so preparing a query allocates little.
internal sealed class HitSet
{
    private readonly Dictionary<int, int> _slotOf = [];
    private readonly List<int> _vocab = [];
    private List<Hit>[] _lists = new List<Hit>[32];

    public int Count => _vocab.Count;

    public int VocabAt(int slot) => _vocab[slot];

    public List<Hit> At(int slot) => _lists[slot];

    public void Clear()
    {
        _slotOf.Clear();
        _vocab.Clear();
    }

    public void Add(int vocab, Hit hit)
    {
        if (!_slotOf.TryGetValue(vocab, out var slot))
        {
            slot = _vocab.Count;
            _slotOf[vocab] = slot;
            _vocab.Add(vocab);
            if (slot == _lists.Length) Array.Resize(ref _lists, slot * 2);
            (_lists[slot] ??= new List<Hit>(2)).Clear();
        }
        _lists[slot].Add(hit);
    }

    // Adds a key with no hits of its own (a split half), so that it gets a slot.
    public void Touch(int vocab)
    {
        if (_slotOf.ContainsKey(vocab)) return;
        var slot = _vocab.Count;
        _slotOf[vocab] = slot;
        _vocab.Add(vocab);
        if (slot == _lists.Length) Array.Resize(ref _lists, slot * 2);
        (_lists[slot] ??= new List<Hit>(2)).Clear();
    }
}
