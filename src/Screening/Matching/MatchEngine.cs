using System.Runtime.InteropServices;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Matching;

internal readonly record struct MatchRequest(double Threshold, int Limit, string? Country, EntityType? Type);

internal static class QueryFacts
{
    // A legal form in the query (LLC, OOO, Co. Ltd) says it names an organization: with no type hint given,
    // persons, vessels and aircraft then score a little lower, as with a hint. Never excludes.
    public static bool NamesOrganization(Screening.Normalization.NormalizedName name)
    {
        foreach (var t in name.Tokens)
            if (t.Class == Screening.Normalization.TokenClass.LegalForm) return true;
        return false;
    }
}

// The prepared lists: every name normalized once at build time, the vocabulary with rarity weights,
// postings (vocabulary id -> names) and the deletion index for fuzzy neighbours.
internal sealed partial class MatchEngine
{
    internal readonly record struct PreparedName(int Entry, int NameIndex, int[] Tokens, int Normalized);
    internal readonly record struct EntryRef(Watchlist List, WatchlistEntry Entry);

    private readonly Vocabulary _vocab;
    private readonly DeletionIndex _deletions;
    private readonly int[] _postStart;
    private readonly int[] _postNames;
    private readonly PreparedName[] _names;
    private readonly float[] _nameWeight; // sum of non-legal token weights per name, for the score bound
    // Every name's tokens again, end to end (name n at [_tokenStart[n], _tokenStart[n + 1])): the bound reads the
    // tokens of every candidate, and one compact array keeps those reads in cache where per-name arrays are not.
    private readonly int[] _tokenStart;
    private readonly int[] _tokenPool;
    private readonly EntryRef[] _entries;
    private readonly int _commonCutoff;
    private readonly float _unknownWeight;
    private readonly float _genericCap;
    private readonly Dictionary<string, float> _componentWeights;
    private readonly Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> _componentLookup;
    private NormalizedName[] _normalized = [];
    private bool[] _generic = [];
    private DeletionIndex? _formDeletions; // the same over typed spellings
    // Part key (RESEARCH) -> vocabulary ids of listed phrases made with it (CENTRAL RESEARCH INSTITUTE), for partial credit.
    private Dictionary<string, int[]> _phrasesByPart = new(StringComparer.Ordinal);
    // Part key -> the heaviest listed phrase made with it: what meeting that phrase in part can weigh (candidate bound).
    private Dictionary<string, float> _phraseWeightByPart = new(StringComparer.Ordinal);

    private MatchEngine(Vocabulary vocab, DeletionIndex deletions, int[] postStart, int[] postNames, PreparedName[] names, EntryRef[] entries, Dictionary<string, float> componentWeights)
    {
        _componentWeights = componentWeights;
        _componentLookup = componentWeights.GetAlternateLookup<ReadOnlySpan<char>>();
        _vocab = vocab;
        _deletions = deletions;
        _postStart = postStart;
        _postNames = postNames;
        _names = names;
        _entries = entries;
        _nameWeight = new float[names.Length];
        _tokenStart = new int[names.Length + 1];
        for (var n = 0; n < names.Length; n++) _tokenStart[n + 1] = _tokenStart[n] + names[n].Tokens.Length;
        _tokenPool = new int[_tokenStart[^1]];
        for (var n = 0; n < names.Length; n++)
        {
            names[n].Tokens.CopyTo(_tokenPool, _tokenStart[n]);
            float w = 0;
            foreach (var v in names[n].Tokens)
                if (vocab.Classes[v] != TokenClass.LegalForm) w += vocab.Weights[v];
            _nameWeight[n] = w;
        }
        // A key on more than this many names is "common": its postings are read only when the score bound requires it.
        _commonCutoff = Math.Max(64, names.Length / 200);
        _unknownWeight = Weights.IdfWeight(1, entries.Length);
        _genericCap = Weights.GenericCap(entries.Length);
    }

    public int NameCount => _names.Length;
    public int EntryCount => _entries.Length;
    public int VocabularySize => _vocab.Count;
    public int DeletionIndexSize => _deletions.Size;

    public static MatchEngine Build(IReadOnlyList<Watchlist> lists)
    {
        var entries = new List<EntryRef>();
        var names = new List<PreparedName>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>();
        var classes = new List<TokenClass>();
        var df = new List<int>();
        var textLengths = new List<int>();
        var formIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var formVocab = new List<int>();
        var lastEntrySeen = new List<int>();
        var tokenBuffer = new List<int>();
        var componentDf = new Dictionary<string, (int Count, int Last)>(StringComparer.Ordinal);
        var phrasesByPart = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        // Names repeat across lists and aliases; normalize each distinct string once, on all cores.
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in lists)
            foreach (var entry in list.Entries)
                foreach (var n in entry.Names)
                    if (!string.IsNullOrWhiteSpace(n.Value)) distinct.TryAdd(n.Value, distinct.Count);
        var distinctNames = new string[distinct.Count];
        foreach (var (k, i) in distinct) distinctNames[i] = k;
        var normalizedNames = new NormalizedName[distinctNames.Length];
        Parallel.For(0, distinctNames.Length, i => normalizedNames[i] = NameNormalizer.Normalize(distinctNames[i]));

        foreach (var list in lists)
        {
            foreach (var entry in list.Entries)
            {
                var entryIndex = entries.Count;
                entries.Add(new EntryRef(list, entry));
                for (var n = 0; n < entry.Names.Count; n++)
                {
                    var value = entry.Names[n].Value;
                    if (string.IsNullOrWhiteSpace(value)) continue;
                    var normalized = normalizedNames[distinct[value]];
                    if (normalized.Tokens.Length == 0) continue;
                    tokenBuffer.Clear();
                    foreach (var t in normalized.Tokens)
                    {
                        // Words inside phrases count towards their rarity too: BYURO is common even though it
                        // mostly hides inside KONSTRUKTORSKOE BYURO, so a broken-up phrase leaves light words.
                        if (t.Parts is { } parts)
                        {
                            foreach (var part in parts)
                            {
                                if (part == t.Key) continue;
                                if (!componentDf.TryGetValue(part, out var c) || c.Last != entryIndex) componentDf[part] = (c.Count + 1, entryIndex);
                            }
                        }
                        if (tokenBuffer.Count == MaxTokens) break;
                        if (!ids.TryGetValue(t.Key, out var id))
                        {
                            id = keys.Count;
                            ids[t.Key] = id;
                            keys.Add(t.Key);
                            classes.Add(t.Class);
                            df.Add(0);
                            textLengths.Add(0);
                            lastEntrySeen.Add(-1);
                        }
                        else if (classes[id] != t.Class && t.Class == TokenClass.Word)
                        {
                            classes[id] = TokenClass.Word; // a key that is sometimes a plain word counts as one
                        }
                        if (t.Text.Length > textLengths[id]) textLengths[id] = t.Text.Length;
                        if (t.Class == TokenClass.Word && !t.Text.Contains(' ', StringComparison.Ordinal) && !formIds.ContainsKey(t.Text))
                        {
                            formIds[t.Text] = formVocab.Count;
                            formVocab.Add(id);
                        }
                        if (lastEntrySeen[id] != entryIndex)
                        {
                            lastEntrySeen[id] = entryIndex;
                            df[id]++;
                        }
                        if (t.Parts is { } phraseParts && t.Class != TokenClass.LegalForm)
                        {
                            foreach (var part in phraseParts)
                            {
                                if (!phrasesByPart.TryGetValue(part, out var ofPart)) phrasesByPart[part] = ofPart = [];
                                if (!ofPart.Contains(id)) ofPart.Add(id);
                            }
                        }
                        tokenBuffer.Add(id);
                    }
                    names.Add(new PreparedName(entryIndex, n, tokenBuffer.ToArray(), distinct[value]));
                }
            }
        }

        var weights = new float[keys.Count];
        var genericCap = Weights.GenericCap(entries.Count);
        var generic = PhraseTable.Default.GenericKeys;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = classes[i] switch
            {
                TokenClass.LegalForm => Weights.LegalForm,
                TokenClass.Stop => Weights.Stop,
                _ when generic.Contains(keys[i]) => Math.Min(genericCap, Weights.IdfWeight(Df(i), entries.Count)),
                _ => Weights.IdfWeight(Df(i), entries.Count) * Weights.ShortWordFactor(textLengths[i]),
            };
        }
        var genericFlags = new bool[keys.Count];
        for (var i = 0; i < genericFlags.Length; i++) genericFlags[i] = generic.Contains(keys[i]);
        int Df(int i) => componentDf.TryGetValue(keys[i], out var c) ? df[i] + c.Count : df[i];

        // Words seen only inside phrases still get a weight, for queries that break the phrase up.
        var componentWeights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (key, c) in componentDf)
        {
            if (ids.ContainsKey(key)) continue;
            var w = Weights.IdfWeight(c.Count, entries.Count);
            componentWeights[key] = generic.Contains(key) ? Math.Min(genericCap, w) : w;
        }
        var classArray = classes.ToArray();
        var vocab = new Vocabulary(ids, keys.ToArray(), classArray, weights, df.ToArray(), textLengths.ToArray());
        // A key too short for a typo of its own is indexed as itself only where a longer key may still reach it with one
        // (UnitSimilarity compares keys from KeyFuzzyMinLength typed letters: KB for KONSTRUKTORSKOE BYURO, one
        // deletion from OKB); the other short keys would only bring lookups that score nothing.
        var deletions = new DeletionIndex(vocab.Keys, id => classArray[id] != TokenClass.Word ? -1
            : Weights.AllowedEdits(vocab.TextLengths[id], vocab.Keys[id].Length) is var depth && (depth > 0 || vocab.TextLengths[id] >= KeyFuzzyMinLength) ? depth : -1);
        var formTexts = new string[formVocab.Count];
        foreach (var (text, f) in formIds) formTexts[f] = text;
        var formVocabArray = formVocab.ToArray();
        vocab.SetForms(formTexts, formVocabArray);
        // Spellings under four letters take no typo (TypedSimilarity): left out.
        var formDeletions = new DeletionIndex(formTexts, f => classArray[formVocabArray[f]] == TokenClass.Word && Weights.MaxDistance(formTexts[f].Length) is var d && d > 0 ? d : -1);

        // Postings: each name once per key.
        var counts = new int[keys.Count + 1];
        var nameArray = names.ToArray();
        for (var n = 0; n < nameArray.Length; n++)
        {
            var tokens = nameArray[n].Tokens;
            for (var k = 0; k < tokens.Length; k++)
                if (IndexOf(tokens, tokens[k], k) == k) counts[tokens[k] + 1]++;
        }
        for (var i = 1; i < counts.Length; i++) counts[i] += counts[i - 1];
        var postNames = new int[counts[^1]];
        var fill = (int[])counts.Clone();
        for (var n = 0; n < nameArray.Length; n++)
        {
            var tokens = nameArray[n].Tokens;
            for (var k = 0; k < tokens.Length; k++)
                if (IndexOf(tokens, tokens[k], k) == k) postNames[fill[tokens[k]]++] = n;
        }
        var byPart = new Dictionary<string, int[]>(phrasesByPart.Count, StringComparer.Ordinal);
        var phraseWeightByPart = new Dictionary<string, float>(phrasesByPart.Count, StringComparer.Ordinal);
        foreach (var (part, ofPart) in phrasesByPart)
        {
            byPart[part] = ofPart.ToArray();
            var heaviest = 0f;
            foreach (var v in ofPart) heaviest = Math.Max(heaviest, vocab.Weights[v]);
            phraseWeightByPart[part] = heaviest;
        }
        var engine = new MatchEngine(vocab, deletions, counts, postNames, nameArray, entries.ToArray(), componentWeights)
        {
            _normalized = normalizedNames, _generic = genericFlags, _formDeletions = formDeletions, _phrasesByPart = byPart,
            _phraseWeightByPart = phraseWeightByPart,
            _formNeighbours = new Neighbour[]?[formTexts.Length], _formSplits = new (int, int)[]?[formTexts.Length],
        };
        engine.BuildGenericPostings();
        foreach (var k in vocab.Keys) engine._longestKey = Math.Max(engine._longestKey, k.Length);
        foreach (var f in formTexts) engine._longestForm = Math.Max(engine._longestForm, f.Length);
        return engine;
    }

    // Names longer than this are cut: alignment uses 64-bit masks.
    internal const int MaxTokens = 64;

    private static int IndexOf(int[] a, int value, int before)
    {
        for (var i = 0; i < before; i++) if (a[i] == value) return i;
        return before;
    }

    private ReadOnlySpan<int> Postings(int vocabId) => _postNames.AsSpan(_postStart[vocabId], _postStart[vocabId + 1] - _postStart[vocabId]);

    // A generic word (LOGISTICS, TRADING) never makes a match on its own, except on a name made only of generic words:
    // through a generic word, only those names are candidates (the others are reached through their other words).
    private int[] _genericPostStart = [];
    private int[] _genericPostNames = [];

    private ReadOnlySpan<int> CandidatePostings(int vocabId) => _generic[vocabId]
        ? _genericPostNames.AsSpan(_genericPostStart[vocabId], _genericPostStart[vocabId + 1] - _genericPostStart[vocabId])
        : Postings(vocabId);

    private void BuildGenericPostings()
    {
        var start = new int[_vocab.Count + 1];
        var names = new List<int>();
        for (var v = 0; v < _vocab.Count; v++)
        {
            start[v] = names.Count;
            if (!_generic[v]) continue;
            foreach (var n in Postings(v))
                if (AllGeneric(_names[n].Tokens)) names.Add(n);
        }
        start[_vocab.Count] = names.Count;
        _genericPostStart = start;
        _genericPostNames = names.ToArray();
    }
}
