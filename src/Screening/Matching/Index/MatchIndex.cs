using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Matching.Index;

/// <summary>One listed name, normalized at build time: its entry, which of the entry's names, and its token keys.</summary>
internal readonly record struct PreparedName(int Entry, int NameIndex, int[] Tokens, int Normalized);

/// <summary>A loaded entry and the list it came from.</summary>
internal readonly record struct EntryRef(Watchlist List, WatchlistEntry Entry);

/// <summary>
/// The prepared lists, immutable once built (<see cref="MatchIndexBuilder"/>): every name normalized once, the
/// vocabulary with rarity weights, postings (vocabulary id to names) and the deletion indexes for fuzzy neighbours.
/// </summary>
internal sealed class MatchIndex
{
    private readonly int[] _postStart;
    private readonly int[] _postNames;
    // A generic word (LOGISTICS, TRADING) never makes a match on its own, except on a name made only of generic words:
    // through a generic word, only those names are candidates (the others are reached through their other words).
    private readonly int[] _genericPostStart;
    private readonly int[] _genericPostNames;
    // Every name's tokens again, end to end (name n at [_tokenStart[n], _tokenStart[n + 1])): the bound reads the
    // tokens of every candidate, and one compact array keeps those reads in cache where per-name arrays are not.
    private readonly int[] _tokenStart;
    private readonly int[] _tokenPool;
    private readonly Dictionary<string, float> _componentWeights;
    // Names are added entry by entry: the names of entry e are [_entryNameStart[e], _entryNameStart[e + 1]).
    private readonly int[] _entryNameStart;
    private readonly Dictionary<WatchlistEntry, int> _entryIndex;
    private readonly Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> _componentLookup;

    internal MatchIndex(MatchIndexParts parts)
    {
        Vocab = parts.Vocab;
        Deletions = parts.Deletions;
        FormDeletions = parts.FormDeletions;
        _postStart = parts.PostStart;
        _postNames = parts.PostNames;
        Names = parts.Names;
        Entries = parts.Entries;
        Normalized = parts.Normalized;
        ReadingTexts = parts.ReadingTexts;
        Generic = parts.Generic;
        PhrasesByPart = parts.PhrasesByPart;
        PhraseWeightByPart = parts.PhraseWeightByPart;
        _componentWeights = parts.ComponentWeights;
        _componentLookup = parts.ComponentWeights.GetAlternateLookup<ReadOnlySpan<char>>();
        UnknownWeight = Scoring.ScoringModel.IdfWeight(1, Entries.Length);
        GenericCap = Scoring.ScoringModel.GenericCap(Entries.Length);

        NameWeight = new float[Names.Length];
        _tokenStart = new int[Names.Length + 1];
        for (var n = 0; n < Names.Length; n++) _tokenStart[n + 1] = _tokenStart[n] + Names[n].Tokens.Length;
        _tokenPool = new int[_tokenStart[^1]];
        for (var n = 0; n < Names.Length; n++)
        {
            Names[n].Tokens.CopyTo(_tokenPool, _tokenStart[n]);
            float w = 0;
            foreach (var v in Names[n].Tokens) w += Scoring.ScoringModel.MetWeight(Vocab.Classes[v], Vocab.Weights[v]);
            NameWeight[n] = w;
        }
        (_genericPostStart, _genericPostNames) = BuildGenericPostings();
        _entryNameStart = new int[Entries.Length + 1];
        foreach (var name in Names) _entryNameStart[name.Entry + 1]++;
        for (var e = 0; e < Entries.Length; e++) _entryNameStart[e + 1] += _entryNameStart[e];
        _entryIndex = new Dictionary<WatchlistEntry, int>(Entries.Length, ReferenceEqualityComparer.Instance);
        for (var e = 0; e < Entries.Length; e++) _entryIndex.TryAdd(Entries[e].Entry, e);
        _ordinaryByLetter = OrdinaryWordsByFirstLetter();
        _ordinaryMasksByLetter = OrdinaryWordMasks();
        foreach (var k in Vocab.Keys) LongestKey = Math.Max(LongestKey, k.Length);
        foreach (var f in Vocab.FormTexts) LongestForm = Math.Max(LongestForm, f.Length);
    }

    public Vocabulary Vocab { get; }

    /// <summary>Deletion variants of vocabulary keys.</summary>
    public DeletionIndex Deletions { get; }

    /// <summary>Deletion variants of the typed spellings (forms) behind the keys.</summary>
    public DeletionIndex FormDeletions { get; }

    public PreparedName[] Names { get; }

    public EntryRef[] Entries { get; }

    /// <summary>
    /// Every reading of every distinct listed name string, normalized (indexed by <see cref="PreparedName.Normalized"/>):
    /// the whole name, and the names a field holds (<see cref="NameReadings"/>).
    /// </summary>
    public NormalizedName[] Normalized { get; }

    /// <summary>Per reading: its text where it is not the whole name (null for the whole).</summary>
    public string?[] ReadingTexts { get; }

    /// <summary>Per vocabulary id: a generic business word (see Data/phrases.txt).</summary>
    public bool[] Generic { get; }

    /// <summary>The weight of each name's tokens the bound counts (all but legal forms).</summary>
    public float[] NameWeight { get; }

    /// <summary>Part key (RESEARCH) to vocabulary ids of listed phrases made with it (CENTRAL RESEARCH INSTITUTE).</summary>
    public Dictionary<string, int[]> PhrasesByPart { get; }

    /// <summary>Part key to the heaviest listed phrase made with it: what meeting that phrase in part can weigh.</summary>
    public Dictionary<string, float> PhraseWeightByPart { get; }

    /// <summary>What a word no list has weighs: a unique word's rarity.</summary>
    public float UnknownWeight { get; }

    /// <summary>The most a generic word weighs on these lists.</summary>
    public float GenericCap { get; }

    /// <summary>The longest vocabulary key and listed spelling, to skip hopeless lookups.</summary>
    public int LongestKey { get; }

    public int LongestForm { get; }

    public int NameCount => Names.Length;

    /// <summary>The most deletion variants any one name wanted (before its budget), for diagnostics.</summary>
    public int MostVariantsWanted { get; init; }

    /// <summary>How many names wanted more deletion variants than their budget (their last words match exactly only).</summary>
    public int NamesOverVariantBudget { get; init; }

    public ReadOnlySpan<int> Postings(int vocabId) =>
        _postNames.AsSpan(_postStart[vocabId], _postStart[vocabId + 1] - _postStart[vocabId]);

    /// <summary>The names a key brings as candidates: all its names, or for a generic key those made only of generic words.</summary>
    public ReadOnlySpan<int> CandidatePostings(int vocabId) => Generic[vocabId]
        ? _genericPostNames.AsSpan(_genericPostStart[vocabId], _genericPostStart[vocabId + 1] - _genericPostStart[vocabId])
        : Postings(vocabId);

    // Ordinary words (Scoring.TokenSimilarity.IsOrdinary) by the first letter of each of their spellings long enough to
    // be abbreviated: the words an unknown query word may abbreviate.
    private readonly Dictionary<char, int[]> _ordinaryByLetter;

    /// <summary>The ordinary listed words with a spelling long enough to abbreviate that starts with <paramref name="letter"/>.</summary>
    public ReadOnlySpan<int> OrdinaryWordsStartingWith(char letter) => _ordinaryByLetter.TryGetValue(letter, out var ids) ? ids : [];

    // Per word of OrdinaryWordsStartingWith, in the same order: the letters of its spellings together (Text.LetterMask).
    private readonly Dictionary<char, uint[]> _ordinaryMasksByLetter;

    /// <summary>The letters of each word of <see cref="OrdinaryWordsStartingWith"/>, in the same order.</summary>
    public ReadOnlySpan<uint> OrdinaryWordMasksStartingWith(char letter) =>
        _ordinaryMasksByLetter.TryGetValue(letter, out var masks) ? masks : [];

    private Dictionary<char, uint[]> OrdinaryWordMasks()
    {
        var result = new Dictionary<char, uint[]>(_ordinaryByLetter.Count);
        foreach (var (letter, ids) in _ordinaryByLetter)
        {
            var masks = new uint[ids.Length];
            for (var i = 0; i < ids.Length; i++)
                foreach (var f in Vocab.FormsOf(ids[i])) masks[i] |= Text.LetterMask.Of(Vocab.FormTexts[f]);
            result[letter] = masks;
        }
        return result;
    }

    private Dictionary<char, int[]> OrdinaryWordsByFirstLetter()
    {
        var byLetter = new Dictionary<char, List<int>>();
        for (var v = 0; v < Vocab.Count; v++)
        {
            if (Vocab.Classes[v] != TokenClass.Word || Vocab.DocumentFrequency[v] < Scoring.ScoringModel.AbbreviationMinDocumentFrequency) continue;
            foreach (var f in Vocab.FormsOf(v))
            {
                var text = Vocab.FormTexts[f];
                if (text.Length < Scoring.ScoringModel.AbbreviationMinLength + Scoring.ScoringModel.AbbreviationMinShortening) continue;
                if (!byLetter.TryGetValue(text[0], out var ids)) byLetter[text[0]] = ids = [];
                if (ids.Count == 0 || ids[^1] != v) ids.Add(v);
            }
        }
        var result = new Dictionary<char, int[]>(byLetter.Count);
        foreach (var (letter, ids) in byLetter) result[letter] = [.. ids];
        return result;
    }

    /// <summary>The prepared names of entry <paramref name="entry"/>, as a range of name indices.</summary>
    public (int Start, int End) NamesOf(int entry) => (_entryNameStart[entry], _entryNameStart[entry + 1]);

    /// <summary>
    /// Whether a name of entry <paramref name="entry"/> has a legal form of the same class as one of the query's
    /// (<paramref name="queryKeys"/> and <paramref name="queryClasses"/>, <paramref name="count"/> tokens).
    /// </summary>
    public bool SharesLegalForm(int entry, string[] queryKeys, TokenClass[] queryClasses, int count)
    {
        var (start, end) = NamesOf(entry);
        for (var i = 0; i < count; i++)
        {
            if (queryClasses[i] != TokenClass.LegalForm) continue;
            for (var n = start; n < end; n++)
                foreach (var v in TokensOf(n))
                    if (Vocab.Classes[v] == TokenClass.LegalForm && Vocab.Keys[v] == queryKeys[i]) return true;
        }
        return false;
    }

    /// <summary>The index of a loaded entry (the same object), or -1.</summary>
    public int EntryIndexOf(WatchlistEntry entry) => _entryIndex.TryGetValue(entry, out var e) ? e : -1;

    public ReadOnlySpan<int> TokensOf(int name) => _tokenPool.AsSpan(_tokenStart[name], _tokenStart[name + 1] - _tokenStart[name]);

    /// <summary>The weight of a word seen only inside listed phrases, when it has one.</summary>
    public bool TryGetComponentWeight(string key, out float weight) => _componentWeights.TryGetValue(key, out weight);

    /// <summary>Whether a key occurs only inside listed phrases.</summary>
    public bool IsComponent(ReadOnlySpan<char> key) => _componentLookup.ContainsKey(key);

    /// <summary>A listed name made only of generic words (GLOBAL TRADING LLC) can only match on them.</summary>
    public bool AllGeneric(int[] tokens)
    {
        foreach (var v in tokens)
            if (Vocab.Classes[v] is TokenClass.Word or TokenClass.Number && !Generic[v]) return false;
        return true;
    }

    /// <summary>How much a word of a phrase counts: its own rarity where it also stands alone, else its rarity inside phrases.</summary>
    public float PartWeight(string key)
    {
        var v = Vocab.Find(key);
        if (v >= 0 && Vocab.Classes[v] is TokenClass.Word or TokenClass.Number) return Vocab.Weights[v];
        return _componentWeights.TryGetValue(key, out var w) ? w : UnknownWeight;
    }

    private (int[] Start, int[] Names) BuildGenericPostings()
    {
        var start = new int[Vocab.Count + 1];
        var names = new List<int>();
        for (var v = 0; v < Vocab.Count; v++)
        {
            start[v] = names.Count;
            if (!Generic[v]) continue;
            foreach (var n in Postings(v))
                if (AllGeneric(Names[n].Tokens)) names.Add(n);
        }
        start[Vocab.Count] = names.Count;
        return (start, names.ToArray());
    }
}

/// <summary>What <see cref="MatchIndexBuilder"/> hands to <see cref="MatchIndex"/>.</summary>
internal sealed record MatchIndexParts(
    Vocabulary Vocab,
    DeletionIndex Deletions,
    DeletionIndex FormDeletions,
    int[] PostStart,
    int[] PostNames,
    PreparedName[] Names,
    EntryRef[] Entries,
    NormalizedName[] Normalized,
    string?[] ReadingTexts,
    bool[] Generic,
    Dictionary<string, int[]> PhrasesByPart,
    Dictionary<string, float> PhraseWeightByPart,
    Dictionary<string, float> ComponentWeights);
