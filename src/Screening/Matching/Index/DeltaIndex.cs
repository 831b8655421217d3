using Screening.Normalization;

namespace Screening.Matching.Index;

/// <summary>
/// The names of some entries of a <see cref="MatchIndex"/> (a delta re-screen's added and changed entries), indexed on
/// their own: the vocabulary ids they use, their postings, and deletion indexes over those keys and their spellings.
/// Every id, weight, class, document frequency and typo tolerance is the full index's, so a query word meets a key here
/// exactly when it meets that key in the full index (the deletion indexes hold the same variants, by the same rules
/// (<see cref="MatchIndexBuilder.KeyDepth"/>), for these keys only). Immutable; built per snapshot and restriction.
/// </summary>
internal sealed class DeltaIndex
{
    private readonly int[] _deltaOfVocab;                   // full vocabulary id -> position in Ids, or -1
    private readonly int[][] _candidates;                    // per position: delta names (positions in Names) a hit brings
    private readonly Dictionary<(int, int), int[]> _pairs;   // two adjacent keys -> delta names holding them in that order
    private readonly int[] _keyIds;                          // the key deletion index's ids -> full vocabulary ids
    private readonly int[] _formIds;                         // the spelling deletion index's ids -> full form ids
    private readonly Dictionary<char, int[]> _ordinaryByLetter;
    private readonly Dictionary<string, int> _keys;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanKeys;
    private readonly Dictionary<string, int[]> _phrasesByPart;

    public DeltaIndex(MatchIndex index, bool[] entries)
    {
        Full = index;
        var vocab = index.Vocab;
        var names = new List<int>();
        for (var e = 0; e < index.Entries.Length && e < entries.Length; e++)
        {
            if (!entries[e]) continue;
            var (start, end) = index.NamesOf(e);
            for (var n = start; n < end; n++) names.Add(n);
        }
        Names = [.. names];
        InDelta = new bool[vocab.Count];
        foreach (var n in Names)
            foreach (var v in index.Names[n].Tokens) InDelta[v] = true;
        var ids = new List<int>();
        _deltaOfVocab = new int[vocab.Count];
        for (var v = 0; v < vocab.Count; v++)
        {
            _deltaOfVocab[v] = InDelta[v] ? ids.Count : -1;
            if (InDelta[v]) ids.Add(v);
        }
        Ids = [.. ids];
        (_candidates, _pairs) = Postings(index);
        _keys = new Dictionary<string, int>(Ids.Length, StringComparer.Ordinal);
        foreach (var v in Ids) _keys[vocab.Keys[v]] = v;
        _spanKeys = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        _keyIds = Ids;
        Deletions = new DeletionIndex([.. Ids.Select(v => vocab.Keys[v])], c => MatchIndexBuilder.KeyDepth(vocab, Ids[c]));
        var forms = new List<int>();
        foreach (var v in Ids) forms.AddRange(vocab.FormsOf(v).ToArray());
        forms.Sort();   // ascending, as the full index returns them
        _formIds = [.. forms];
        FormDeletions = new DeletionIndex([.. _formIds.Select(f => vocab.FormTexts[f])], c => MatchIndexBuilder.FormDepth(vocab, _formIds[c]));
        _ordinaryByLetter = OrdinaryByLetter(index);
        _phrasesByPart = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (part, phrases) in index.PhrasesByPart)
            if (Array.FindAll(phrases, v => InDelta[v]) is { Length: > 0 } ofDelta) _phrasesByPart[part] = ofDelta;
    }

    public MatchIndex Full { get; }

    /// <summary>The names of the entries, as name indices of the full index (ascending).</summary>
    public int[] Names { get; }

    /// <summary>The vocabulary ids the names use (ascending).</summary>
    public int[] Ids { get; }

    /// <summary>Per full vocabulary id: whether one of the names uses it.</summary>
    public bool[] InDelta { get; }

    /// <summary>Deletion variants of the keys in <see cref="Ids"/>; lookups return positions in <see cref="Ids"/>.</summary>
    public DeletionIndex Deletions { get; }

    /// <summary>Deletion variants of every spelling of those keys; lookups return positions, see <see cref="FormOf"/>.</summary>
    public DeletionIndex FormDeletions { get; }

    public bool IsEmpty => Names.Length == 0;

    /// <summary>The full vocabulary id at a position of the key deletion index.</summary>
    public int VocabOf(int position) => _keyIds[position];

    /// <summary>The full form id at a position of the spelling deletion index.</summary>
    public int FormOf(int position) => _formIds[position];

    /// <summary>The full vocabulary id of a key the names use, or -1 (also for keys only the other names use).</summary>
    public int Find(string key) => _keys.TryGetValue(key, out var v) ? v : -1;

    public int Find(ReadOnlySpan<char> key) => _spanKeys.TryGetValue(key, out var v) ? v : -1;

    /// <summary>
    /// The names (positions in <see cref="Names"/>) a content hit on <paramref name="vocabId"/> may make score: those that
    /// use it, and for a generic word only those made of generic words (NameScorer's content rule); none for a legal form.
    /// </summary>
    public ReadOnlySpan<int> CandidatesOf(int vocabId) => _deltaOfVocab[vocabId] is var d && d >= 0 ? _candidates[d] : [];

    /// <summary>The names (positions) that hold <paramref name="left"/> then <paramref name="right"/>: a word split in two meets them.</summary>
    public ReadOnlySpan<int> PairCandidates(int left, int right) => _pairs.TryGetValue((left, right), out var names) ? names : [];

    /// <summary>The ordinary words among these keys, as the full index lists them by first letter.</summary>
    public ReadOnlySpan<int> OrdinaryWordsStartingWith(char letter) => _ordinaryByLetter.TryGetValue(letter, out var ids) ? ids : [];

    /// <summary>The listed phrases among these keys made with a part key (the full index's PhrasesByPart, narrowed).</summary>
    public ReadOnlySpan<int> PhrasesWith(string part) => _phrasesByPart.TryGetValue(part, out var ids) ? ids : [];

    private (int[][] Candidates, Dictionary<(int, int), int[]> Pairs) Postings(MatchIndex index)
    {
        var vocab = index.Vocab;
        var candidates = new List<int>[Ids.Length];
        for (var d = 0; d < candidates.Length; d++) candidates[d] = [];
        var pairs = new Dictionary<(int, int), List<int>>();
        for (var p = 0; p < Names.Length; p++)
        {
            var tokens = index.Names[Names[p]].Tokens;
            var allGeneric = index.AllGeneric(tokens);
            for (var k = 0; k < tokens.Length; k++)
            {
                var v = tokens[k];
                if (vocab.Classes[v] != TokenClass.LegalForm && (!index.Generic[v] || allGeneric))
                {
                    var list = candidates[_deltaOfVocab[v]];
                    if (list.Count == 0 || list[^1] != p) list.Add(p);
                }
                if (k + 1 == tokens.Length) continue;
                if (!pairs.TryGetValue((v, tokens[k + 1]), out var holders)) pairs[(v, tokens[k + 1])] = holders = [];
                if (holders.Count == 0 || holders[^1] != p) holders.Add(p);
            }
        }
        var byPair = new Dictionary<(int, int), int[]>(pairs.Count);
        foreach (var (pair, holders) in pairs) byPair[pair] = [.. holders];
        return ([.. candidates.Select(c => c.ToArray())], byPair);
    }

    private Dictionary<char, int[]> OrdinaryByLetter(MatchIndex index)
    {
        var result = new Dictionary<char, int[]>();
        foreach (var f in _formIds)
        {
            var letter = index.Vocab.FormTexts[f].Length > 0 ? index.Vocab.FormTexts[f][0] : '\0';
            if (result.ContainsKey(letter)) continue;
            var ofDelta = index.OrdinaryWordsStartingWith(letter).ToArray().Where(v => InDelta[v]).ToArray();
            if (ofDelta.Length > 0) result[letter] = ofDelta;
        }
        return result;
    }
}
