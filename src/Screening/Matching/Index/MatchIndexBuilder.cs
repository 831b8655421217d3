using Screening.Matching.Scoring;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Matching.Index;

/// <summary>
/// Builds the <see cref="MatchIndex"/> in steps: normalize every distinct name once (all cores), assign vocabulary ids
/// and count rarity, weigh the keys, index deletion variants, then postings and the phrase-part maps.
/// </summary>
internal sealed class MatchIndexBuilder
{
    private readonly CancellationToken _ct;
    private readonly List<EntryRef> _entries = [];
    private readonly List<PreparedName> _names = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];
    private readonly List<TokenClass> _classes = [];
    private readonly List<int> _df = [];
    private readonly List<int> _textLengths = [];
    private readonly List<int> _lastEntrySeen = [];
    private readonly Dictionary<string, int> _formIds = new(StringComparer.Ordinal);
    private readonly List<int> _formVocab = [];
    // Words inside phrases count towards their rarity too: BYURO is common even though it mostly hides inside
    // KONSTRUKTORSKOE BYURO, so a broken-up phrase leaves light words.
    private readonly Dictionary<string, (int Count, int Last)> _componentDf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _phrasesByPart = new(StringComparer.Ordinal);
    // Per prepared name, the typed spelling (form id, or -1) of each token: the budget of deletion variants is per name.
    private readonly List<int[]> _nameForms = [];
    private Dictionary<string, int> _distinct = new(StringComparer.Ordinal);
    private NormalizedName[] _normalized = [];

    private MatchIndexBuilder(CancellationToken ct) => _ct = ct;

    /// <summary>Builds the index of these lists. Honours cancellation between steps and within the long ones.</summary>
    public static MatchIndex Build(IReadOnlyList<Watchlist> lists, CancellationToken cancellationToken = default)
    {
        var b = new MatchIndexBuilder(cancellationToken);
        b.NormalizeDistinctNames(lists);
        b.AddNames(lists);
        var (vocab, generic, componentWeights) = b.WeighKeys();
        b.GrantEdits(vocab);
        var deletions = b.IndexDeletions(vocab);
        var formDeletions = b.IndexForms(vocab);
        var names = b._names.ToArray();
        var (postStart, postNames) = b.BuildPostings(names);
        var (byPart, weightByPart) = b.PhraseMaps(vocab);
        cancellationToken.ThrowIfCancellationRequested();
        return new MatchIndex(new MatchIndexParts(vocab, deletions, formDeletions, postStart, postNames, names,
            b._entries.ToArray(), b._normalized, b._readingTexts, generic, byPart, weightByPart, componentWeights))
        {
            MostVariantsWanted = b._mostVariantsWanted,
            NamesOverVariantBudget = b._namesOverBudget,
        };
    }

    // Names repeat across lists and aliases; read each distinct string once (its readings, normalized), on all cores.
    private void NormalizeDistinctNames(IReadOnlyList<Watchlist> lists)
    {
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in lists)
            foreach (var entry in list.Entries)
                foreach (var n in entry.Names)
                    if (!string.IsNullOrWhiteSpace(n.Value)) distinct.TryAdd(n.Value, distinct.Count);
        var strings = new string[distinct.Count];
        foreach (var (k, i) in distinct) strings[i] = k;
        var readings = new List<NameReading>[strings.Length];
        var options = new ParallelOptions { CancellationToken = _ct };
        Parallel.For(0, strings.Length, options, () => new NormalizerContext(), (i, _, context) =>
        {
            readings[i] = NameReadings.Read(strings[i], context, listed: true);
            return context;
        }, _ => { });
        // Flat: the readings of distinct string i are at [_readingStart[i], _readingStart[i + 1]); the whole first.
        var start = new int[strings.Length + 1];
        for (var i = 0; i < strings.Length; i++) start[i + 1] = start[i] + readings[i].Count;
        var normalized = new NormalizedName[start[^1]];
        var texts = new string?[start[^1]];
        for (var i = 0; i < strings.Length; i++)
        {
            for (var r = 0; r < readings[i].Count; r++)
            {
                normalized[start[i] + r] = readings[i][r].Name;
                texts[start[i] + r] = r == 0 ? null : readings[i][r].Text;
            }
        }
        _distinct = distinct;
        _readingStart = start;
        _normalized = normalized;
        _readingTexts = texts;
    }

    private int[] _readingStart = [];
    private string?[] _readingTexts = [];

    private void AddNames(IReadOnlyList<Watchlist> lists)
    {
        var tokenBuffer = new List<int>();
        var formBuffer = new List<int>();
        foreach (var list in lists)
        {
            foreach (var entry in list.Entries)
            {
                var entryIndex = _entries.Count;
                if ((entryIndex & 1023) == 0) _ct.ThrowIfCancellationRequested();
                _entries.Add(new EntryRef(list, entry));
                for (var n = 0; n < entry.Names.Count; n++)
                {
                    var value = entry.Names[n].Value;
                    if (string.IsNullOrWhiteSpace(value)) continue;
                    var d = _distinct[value];
                    for (var r = _readingStart[d]; r < _readingStart[d + 1]; r++)
                    {
                        var normalized = _normalized[r];
                        if (normalized.Tokens.Length == 0) continue;
                        tokenBuffer.Clear();
                        formBuffer.Clear();
                        foreach (var t in normalized.Tokens)
                        {
                            CountComponents(t, entryIndex);
                            if (tokenBuffer.Count == ScoringModel.MaxTokens) break;
                            tokenBuffer.Add(AddToken(t, entryIndex, out var form));
                            formBuffer.Add(form);
                        }
                        _names.Add(new PreparedName(entryIndex, n, tokenBuffer.ToArray(), r));
                        _nameForms.Add(formBuffer.ToArray());
                    }
                }
            }
        }
    }

    private void CountComponents(NameToken t, int entryIndex)
    {
        if (t.Parts is not { } parts) return;
        foreach (var part in parts)
        {
            if (part == t.Key) continue;
            if (!_componentDf.TryGetValue(part, out var c) || c.Last != entryIndex) _componentDf[part] = (c.Count + 1, entryIndex);
        }
    }

    // The vocabulary id of a token (and its spelling's form id, or -1), adding the key, its spelling and its phrase
    // parts on first sight.
    private int AddToken(NameToken t, int entryIndex, out int form)
    {
        form = -1;
        if (!_ids.TryGetValue(t.Key, out var id))
        {
            id = _keys.Count;
            _ids[t.Key] = id;
            _keys.Add(t.Key);
            _classes.Add(t.Class);
            _df.Add(0);
            _textLengths.Add(0);
            _lastEntrySeen.Add(-1);
        }
        else if (_classes[id] != t.Class && t.Class == TokenClass.Word)
        {
            _classes[id] = TokenClass.Word; // a key that is sometimes a plain word counts as one
        }
        if (t.Text.Length > _textLengths[id]) _textLengths[id] = t.Text.Length;
        if (t.Class == TokenClass.Word && !t.Text.Contains(' ', StringComparison.Ordinal) && !_formIds.TryGetValue(t.Text, out form))
        {
            form = _formVocab.Count;
            _formIds[t.Text] = form;
            _formVocab.Add(id);
        }
        if (_lastEntrySeen[id] != entryIndex)
        {
            _lastEntrySeen[id] = entryIndex;
            _df[id]++;
        }
        if (t.Parts is { } phraseParts && t.Class != TokenClass.LegalForm)
        {
            foreach (var part in phraseParts)
            {
                if (!_phrasesByPart.TryGetValue(part, out var ofPart)) _phrasesByPart[part] = ofPart = [];
                if (!ofPart.Contains(id)) ofPart.Add(id);
            }
        }
        return id;
    }

    private int Df(int i) => _componentDf.TryGetValue(_keys[i], out var c) ? _df[i] + c.Count : _df[i];

    private (Vocabulary Vocab, bool[] Generic, Dictionary<string, float> ComponentWeights) WeighKeys()
    {
        _ct.ThrowIfCancellationRequested();
        var entries = _entries.Count;
        var weights = new float[_keys.Count];
        var genericCap = ScoringModel.GenericCap(entries);
        var genericKeys = PhraseTable.Default.GenericKeys;
        var generic = new bool[_keys.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            generic[i] = genericKeys.Contains(_keys[i]);
            weights[i] = ScoringModel.KeyWeight(_classes[i], generic[i], Df(i), entries, _textLengths[i], genericCap);
        }
        // Words seen only inside phrases still get a weight, for queries that break the phrase up.
        var componentWeights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (key, c) in _componentDf)
        {
            if (_ids.ContainsKey(key)) continue;
            var w = ScoringModel.IdfWeight(c.Count, entries);
            componentWeights[key] = genericKeys.Contains(key) ? Math.Min(genericCap, w) : w;
        }
        var vocab = new Vocabulary(_ids, _keys.ToArray(), _classes.ToArray(), weights, _df.ToArray(), _textLengths.ToArray());
        var formTexts = new string[_formVocab.Count];
        foreach (var (text, f) in _formIds) formTexts[f] = text;
        vocab.SetForms(formTexts, _formVocab.ToArray());
        return (vocab, generic, componentWeights);
    }

    // The typo tolerance of every key and spelling: what the scoring model allows, as far as each listed name's budget of
    // deletion variants reaches (its words in order); a key or spelling keeps the most any of its names granted it.
    private void GrantEdits(Vocabulary vocab)
    {
        _ct.ThrowIfCancellationRequested();
        var keyEdits = new int[vocab.Count];
        var formEdits = new int[vocab.FormTexts.Length];
        for (var n = 0; n < _names.Count; n++)
        {
            var budget = ScoringModel.MaxDeletionVariantsPerName;
            var wanted = 0;
            var tokens = _names[n].Tokens;
            var forms = _nameForms[n];
            for (var k = 0; k < tokens.Length; k++)
            {
                var v = tokens[k];
                if (vocab.Classes[v] != TokenClass.Word) continue;
                var edits = ScoringModel.AllowedEdits(vocab.TextLengths[v], vocab.Keys[v].Length);
                wanted += ScoringModel.VariantCount(vocab.Keys[v].Length, edits);
                keyEdits[v] = Math.Max(keyEdits[v], Grant(vocab.Keys[v].Length, edits, ref budget));
                if (forms[k] >= 0)
                {
                    var f = forms[k];
                    var formMax = ScoringModel.MaxDistance(vocab.FormTexts[f].Length);
                    wanted += ScoringModel.VariantCount(vocab.FormTexts[f].Length, formMax);
                    formEdits[f] = Math.Max(formEdits[f], Grant(vocab.FormTexts[f].Length, formMax, ref budget));
                }
            }
            _mostVariantsWanted = Math.Max(_mostVariantsWanted, wanted);
            if (wanted > ScoringModel.MaxDeletionVariantsPerName) _namesOverBudget++;
        }
        vocab.SetEdits(keyEdits, formEdits);
    }

    private int _mostVariantsWanted;
    private int _namesOverBudget;

    private static int Grant(int length, int edits, ref int budget)
    {
        var cost = ScoringModel.VariantCount(length, edits);
        if (edits > 0 && cost <= budget)
        {
            budget -= cost;
            return edits;
        }
        budget -= 1;
        return 0;
    }

    // A key too short for a typo of its own is indexed as itself only where a longer key may still reach it with one
    // (TokenSimilarity compares keys from KeyFuzzyMinLength typed letters: KB for KONSTRUKTORSKOE BYURO, one deletion
    // from OKB); the other short keys would only bring lookups that score nothing.
    private DeletionIndex IndexDeletions(Vocabulary vocab) => new(vocab.Keys, id => KeyDepth(vocab, id), _ct);

    // Spellings under four letters take no typo (TokenSimilarity.Typed): left out.
    private DeletionIndex IndexForms(Vocabulary vocab) => new(vocab.FormTexts, f => FormDepth(vocab, f), _ct);

    /// <summary>The deletions indexed for a key (-1: left out), as above; a delta index of some keys uses the same.</summary>
    internal static int KeyDepth(Vocabulary vocab, int id) =>
        vocab.Classes[id] != TokenClass.Word ? -1
        : vocab.KeyEdits[id] is var depth && (depth > 0 || vocab.TextLengths[id] >= ScoringModel.KeyFuzzyMinLength) ? depth : -1;

    /// <summary>The deletions indexed for a typed spelling (-1: left out).</summary>
    internal static int FormDepth(Vocabulary vocab, int f) =>
        vocab.Classes[vocab.FormVocab[f]] == TokenClass.Word && vocab.FormEdits[f] is var d && d > 0 ? d : -1;

    // Postings: each name once per key.
    private (int[] Start, int[] Names) BuildPostings(PreparedName[] names)
    {
        _ct.ThrowIfCancellationRequested();
        var counts = new int[_keys.Count + 1];
        for (var n = 0; n < names.Length; n++)
        {
            var tokens = names[n].Tokens;
            for (var k = 0; k < tokens.Length; k++)
                if (IndexOf(tokens, tokens[k], k) == k) counts[tokens[k] + 1]++;
        }
        for (var i = 1; i < counts.Length; i++) counts[i] += counts[i - 1];
        var postNames = new int[counts[^1]];
        var fill = (int[])counts.Clone();
        for (var n = 0; n < names.Length; n++)
        {
            var tokens = names[n].Tokens;
            for (var k = 0; k < tokens.Length; k++)
                if (IndexOf(tokens, tokens[k], k) == k) postNames[fill[tokens[k]]++] = n;
        }
        return (counts, postNames);
    }

    private static int IndexOf(int[] a, int value, int before)
    {
        for (var i = 0; i < before; i++) if (a[i] == value) return i;
        return before;
    }

    private (Dictionary<string, int[]> ByPart, Dictionary<string, float> WeightByPart) PhraseMaps(Vocabulary vocab)
    {
        var byPart = new Dictionary<string, int[]>(_phrasesByPart.Count, StringComparer.Ordinal);
        var weightByPart = new Dictionary<string, float>(_phrasesByPart.Count, StringComparer.Ordinal);
        foreach (var (part, ofPart) in _phrasesByPart)
        {
            byPart[part] = ofPart.ToArray();
            var heaviest = 0f;
            foreach (var v in ofPart) heaviest = Math.Max(heaviest, vocab.Weights[v]);
            weightByPart[part] = heaviest;
        }
        return (byPart, weightByPart);
    }
}
