using Screening.Normalization;

namespace Screening.Matching;

internal sealed partial class MatchEngine
{
    public PreparedQuery Prepare(NormalizedName name, bool withHits, float readingFactor = 1f, string? readingNote = null, HashSet<string>? required = null)
    {
        var tokens = name.Tokens;
        var m = Math.Min(tokens.Length, MaxTokens);
        var keys = new string[m];
        var textLengths = new int[m];
        var texts = new string?[m];
        var classes = new TokenClass[m];
        var vocabIds = new int[m];
        for (var i = 0; i < m; i++)
        {
            keys[i] = tokens[i].Key;
            textLengths[i] = tokens[i].Text.Length;
            texts[i] = tokens[i].Class == TokenClass.Word && !tokens[i].Text.Contains(' ', StringComparison.Ordinal) ? tokens[i].Text : null;
            classes[i] = tokens[i].Class;
            vocabIds[i] = _vocab.Find(keys[i]);
        }

        var joinKeys = new string[Math.Max(0, m - 1)];
        var joinVocab = new int[joinKeys.Length];
        for (var i = 0; i + 1 < m; i++)
        {
            joinVocab[i] = -1;
            if (!Joinable(classes[i]) || !Joinable(classes[i + 1])) continue;
            joinVocab[i] = FindJoined(tokens[i].Text, tokens[i + 1].Text);
            // A joined key that no list has meets nothing (the reference path compares keys): keep only listed ones.
            joinKeys[i] = joinVocab[i] >= 0 ? _vocab.Keys[joinVocab[i]] : null!;
        }

        // The listed spelling each one-word token is, if any (its memo of neighbours and splits is kept per spelling).
        var forms = new int[m];
        for (var i = 0; i < m; i++) forms[i] = texts[i] is { } t ? _vocab.FindForm(t) : -1;

        // A joined word may be two listed words (ALMAZANTEY, NAVISELEKTRONIKA, ...LTD): cut the typed text at each
        // point and look both halves up, through the phrase table where a half is a term or a legal form.
        var splits = new List<(int, int, int)>();
        for (var i = 0; i < m; i++)
        {
            if (classes[i] != TokenClass.Word || tokens[i].Text.Length < 4 || tokens[i].Text.Length > 60) continue;
            AddSplits(i, tokens[i].Text, forms[i], splits);
        }

        // Words of listed phrases, by the key of their letters (a term such as SCIENTIFIC keys to its canonical form),
        // and the heaviest listed phrase each could be met in part through (PartialPhrases): a listed phrase that takes
        // the query word, or one that shares a word with a query phrase.
        var phrasePart = new bool[m];
        var phraseReach = new float[m];
        var plainKeys = new string[m];
        for (var i = 0; i < m; i++)
        {
            plainKeys[i] = tokens[i].Origin == KeyOrigin.Term && classes[i] is TokenClass.Word or TokenClass.Stop && !tokens[i].Text.Contains(' ', StringComparison.Ordinal)
                ? Romanization.Key(tokens[i].Text) : keys[i];
            if (tokens[i].Parts is { } parts && classes[i] != TokenClass.LegalForm)
            {
                phrasePart[i] = true;
                foreach (var part in parts)
                    if (_phraseWeightByPart.TryGetValue(part, out var w)) phraseReach[i] = Math.Max(phraseReach[i], w);
            }
            else if (classes[i] is TokenClass.Word or TokenClass.Stop)
            {
                // Non-short-circuit |: both spellings' phrases count.
                phrasePart[i] = _phraseWeightByPart.TryGetValue(keys[i], out var byKey) | _phraseWeightByPart.TryGetValue(plainKeys[i], out var byText);
                phraseReach[i] = Math.Max(byKey, byText);
            }
        }

        // An alternative reading holds only where the listed name has both halves of the split word.
        ulong requiredMask = 0;
        if (required is not null)
        {
            for (var i = 0; i < m; i++)
                foreach (var word in tokens[i].Text.Split(' '))
                    if (required.Contains(word)) requiredMask |= 1UL << i;
        }

        var q = new PreparedQuery
        {
            RequiredMask = requiredMask,
            Name = name, Keys = keys, TextLengths = textLengths, Texts = texts, Forms = forms, Classes = classes, Vocab = vocabIds, TokenWeights = new float[m],
            JoinKeys = joinKeys, JoinVocab = joinVocab, Splits = splits, PhrasePart = phrasePart, PhraseReach = phraseReach, AnyPhrasePart = Array.IndexOf(phrasePart, true) >= 0, PlainKeys = plainKeys, ReadingFactor = readingFactor, ReadingNote = readingNote,
        };
        if (withHits) q.Hits = CollectHits(q);
        for (var i = 0; i < m; i++) q.TokenWeights[i] = QueryWeight(q, i);
        return q;
    }

    // The vocabulary id of two words run together (ALMAZ ANTEY as ALMAZANTEY), or -1; no strings made.
    private int FindJoined(string left, string right)
    {
        var length = left.Length + right.Length;
        if (length > 128) return _vocab.Find(Romanization.Key(left + right));
        Span<char> text = stackalloc char[length];
        left.AsSpan().CopyTo(text);
        right.AsSpan().CopyTo(text[left.Length..]);
        Span<char> key = stackalloc char[length * 2];
        return _vocab.Find(key[..Romanization.KeyInto(text, key)]);
    }

    // The cuts of one word into two listed halves, as (left, right) vocabulary ids.
    private void FindSplits(string word, List<(int, int)> output)
    {
        Span<char> keyBuffer = stackalloc char[128];
        var text = word.AsSpan();
        for (var cut = 2; cut <= text.Length - 2; cut++)
        {
            var left = FindHalf(text[..cut], keyBuffer, allowLegal: false);
            if (left < 0) continue;
            var right = FindHalf(text[cut..], keyBuffer, allowLegal: true);
            if (right < 0) continue;
            output.Add((left, right));
        }
    }

    // The query with each unknown word that is two known words run together split in two, or null when none is.
    private (NormalizedName Name, string Note, HashSet<string> Halves)? SplitReading(PreparedQuery q)
    {
        var tokens = q.Name.Tokens;
        List<string>? words = null;
        HashSet<string>? halves = null;
        string? note = null;
        Span<char> buffer = stackalloc char[128];
        for (var i = 0; i < q.TokenCount; i++)
        {
            var text = tokens[i].Text;
            var cut = q.Classes[i] == TokenClass.Word && q.Vocab[i] < 0 ? CachedBestCut(text, buffer) : 0;
            if (cut > 0 && words is null)
            {
                words = [];
                for (var j = 0; j < i; j++) words.Add(tokens[j].Text);
            }
            if (words is null) continue;
            if (cut == 0)
            {
                words.Add(text);
                continue;
            }
            words.Add(text[..cut]);
            words.Add(text[cut..]);
            halves ??= new HashSet<string>(StringComparer.Ordinal);
            halves.Add(text[..cut]);
            halves.Add(text[cut..]);
            note = (note is null ? "" : note + ", ") + $"'{tokens[i].Original}' as '{text[..cut]} {text[cut..]}'";
        }
        return words is null ? null : (NameNormalizer.Normalize(string.Join(' ', words)), note!, halves!);
    }

    private int CachedBestCut(string text, Span<char> buffer)
    {
        var batch = BatchWords;
        if (batch is not null && batch.Cuts.TryGet(text, out var cached)) return cached;
        var cut = BestCut(text, buffer);
        batch?.Cuts.Add(text, cut);
        return cut;
    }

    // Where to cut a word into two known words (each of 3+ letters): both halves listed words beat halves known only
    // inside phrases; then the more even cut. 0 when there is none.
    private int BestCut(string text, Span<char> buffer)
    {
        if (text.Length < 6 || text.Length > 60 || text.Contains(' ', StringComparison.Ordinal)) return 0;
        int best = 0, bestRank = 0;
        for (var cut = 3; cut <= text.Length - 3; cut++)
        {
            var left = KnownHalf(text.AsSpan(0, cut), buffer);
            if (left == 0) continue;
            var right = KnownHalf(text.AsSpan(cut), buffer);
            if (right == 0) continue;
            var rank = (left + right) * 100 + Math.Min(cut, text.Length - cut);
            if (rank > bestRank) { bestRank = rank; best = cut; }
        }
        return best;
    }

    // 2: a listed word, number or legal form (directly or through the phrase table); 1: a word seen only inside
    // listed phrases; 0: unknown.
    private int KnownHalf(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var id = HalfId(text, buffer, out var keyLength);
        // Legal forms and function words are not halves: TATTOO is not TAT TOO, nor DIODES DIO DES.
        if (id >= 0) return Joinable(_vocab.Classes[id]) ? 2 : 0;
        return _componentLookup.ContainsKey(buffer[..keyLength]) ? 1 : 0;
    }

    private static bool Joinable(TokenClass c) => c is TokenClass.Word or TokenClass.Number;

    private int FindHalf(ReadOnlySpan<char> text, Span<char> buffer, bool allowLegal)
    {
        var id = HalfId(text, buffer, out _);
        if (id < 0) return -1;
        var cls = _vocab.Classes[id];
        return Joinable(cls) || (allowLegal && cls == TokenClass.LegalForm) ? id : -1;
    }

    // The vocabulary id of one half of a word, directly or through the phrase table (TECH, LTD); its key stays in buffer.
    private int HalfId(ReadOnlySpan<char> text, Span<char> buffer, out int keyLength)
    {
        keyLength = Romanization.KeyInto(text, buffer);
        var key = buffer[..keyLength];
        var id = _vocab.Find(key);
        if (id < 0 && PhraseTable.Default.SingleWordCanonical(key, out _) is { } canonical) id = _vocab.Find(canonical);
        return id;
    }

    private float QueryWeight(PreparedQuery q, int i)
    {
        switch (q.Classes[i])
        {
            case TokenClass.LegalForm: return Weights.LegalForm;
            case TokenClass.Stop: return Weights.Stop;
        }
        if (q.Vocab[i] >= 0) return _vocab.Weights[q.Vocab[i]];
        var shortFactor = Weights.ShortWordFactor(q.TextLengths[i]);
        // A misspelled word weighs what its nearest list word weighs; a word no list knows is distinctive.
        var best = -1f;
        var bestSim = -1f;
        var key = q.Keys[i];
        if (q.Hits is { } hits)
        {
            for (var slot = 0; slot < hits.Count; slot++)
            {
                var v = hits.VocabAt(slot);
                foreach (var h in hits.At(slot))
                {
                    if (h.Unit != i) continue;
                    if (h.Similarity > bestSim || (h.Similarity == bestSim && _vocab.Weights[v] > best)) { bestSim = h.Similarity; best = _vocab.Weights[v]; }
                }
            }
        }
        else if (q.Classes[i] == TokenClass.Word)
        {
            for (var v = 0; v < _vocab.Count; v++)
            {
                var s = UnitSimilarity(key, q.Texts[i], q.TextLengths[i], q.Classes[i], v, out _);
                if (s > 0 && (s > bestSim || (s == bestSim && _vocab.Weights[v] > best))) { bestSim = s; best = _vocab.Weights[v]; }
            }
        }
        if (best <= 0 && _componentWeights.TryGetValue(key, out var component)) return component;
        if (PhraseTable.Default.GenericKeys.Contains(key)) return best > 0 ? Math.Min(best, _genericCap) : _genericCap;
        return best > 0 ? best : _unknownWeight * shortFactor;
    }

    // The one definition of how a query token meets a vocabulary key (used by both paths): the better of the
    // distance between keys and the distance between the typed spellings.
    internal float UnitSimilarity(string queryKey, string? queryText, int queryTextLength, TokenClass queryClass, int vocabId, out int distance)
    {
        distance = 0;
        var vClass = _vocab.Classes[vocabId];
        if (queryClass == TokenClass.LegalForm || vClass == TokenClass.LegalForm) return 0;
        var vKey = _vocab.Keys[vocabId];
        var sameKey = vKey == queryKey;
        if (sameKey && !(queryText is not null && queryKey.Length <= ShortKeyLength && !ShortWordMeets(queryText, vocabId))) return 1f;
        if (queryClass != TokenClass.Word || vClass != TokenClass.Word) return 0;
        var best = 0f;
        var vTextLength = _vocab.TextLengths[vocabId];
        var maxD = Weights.PairBudget(Math.Min(queryTextLength, vTextLength),
            queryKey.Length, Weights.AllowedEdits(queryTextLength, queryKey.Length), vKey.Length, Weights.AllowedEdits(vTextLength, vKey.Length));
        // Keys fold a lot (C/K/Q, W/V, X/KS, Y/I runs): on short words a one-edit key distance is often two or three typed
        // edits (QIYANG/KING, SYSCO/SYSKON, COTY/COTEI), so short words are measured on their typed letters alone.
        if (maxD >= 1 && !sameKey && Math.Min(queryTextLength, vTextLength) >= KeyFuzzyMinLength)
        {
            var d = EditDistance.Osa(queryKey, vKey, maxD);
            if (d <= maxD)
            {
                best = Weights.FuzzySimilarity(d, queryKey.Length, vKey.Length, queryKey[0] != vKey[0]);
                distance = d;
            }
        }
        if (queryText is null) return best;
        foreach (var f in _vocab.FormsOf(vocabId))
        {
            var s = TypedSimilarity(queryText, _vocab.FormTexts[f], out var d);
            if (s > best)
            {
                best = s;
                distance = d;
            }
        }
        return best;
    }

    // Two typed spellings within the edit budget of the pair: their fuzzy similarity, else 0.
    private static float TypedSimilarity(string a, string b, out int distance)
    {
        distance = 0;
        var budget = Weights.PairBudget(Math.Min(a.Length, b.Length), a.Length, Weights.MaxDistance(a.Length), b.Length, Weights.MaxDistance(b.Length));
        if (budget < 1) return 0;
        var d = EditDistance.Osa(a, b, budget);
        if (d > budget) return 0;
        distance = d;
        return Weights.FuzzySimilarity(d, a.Length, b.Length, a[0] != b[0]);
    }

    // Keys this short are acronyms or short names, where the key's folds (C/K, Q/K, W/V, Y/I) mostly pair different words.
    private const int ShortKeyLength = 4;

    // From this many typed letters on, a typo may also be measured on the keys (romanization can make one typed edit two).
    private const int KeyFuzzyMinLength = 9;

    // Whether a short query word is one of the typed spellings behind a key, up to the folds romanizing Cyrillic makes.
    private bool ShortWordMeets(string queryText, int vocabId)
    {
        var forms = _vocab.FormsOf(vocabId);
        if (forms.Length == 0) return true; // a key with no plain spelling (a term or a number): the key decides
        foreach (var f in forms)
            if (Romanization.ShortFoldEquals(queryText, _vocab.FormTexts[f])) return true;
        return false;
    }

    [ThreadStatic] private static HitSet? t_hits;
    [ThreadStatic] private static List<ulong>? t_variants;
    [ThreadStatic] private static HashSet<int>? t_seen;

    // Fast path: every vocabulary key each query unit meets, found through exact lookups and the deletion index.
    private HitSet CollectHits(PreparedQuery q)
    {
        var acc = t_hits ??= new HitSet();
        acc.Clear();
        var m = q.TokenCount;
        for (var i = 0; i < m; i++)
        {
            var cls = q.Classes[i];
            if (cls == TokenClass.LegalForm) continue;
            if (q.Vocab[i] >= 0)
            {
                var s = UnitSimilarity(q.Keys[i], q.Texts[i], q.TextLengths[i], cls, q.Vocab[i], out var d);
                if (s > 0) acc.Add(q.Vocab[i], new Hit(i, s, d));
            }
            if (KnownNeighbours(q, i) is { } known)
            {
                AddNeighbours(acc, i, known);
                continue;
            }
            // A word no list spells: its neighbours depend on its spelling and key alone (the key fixes the exact id).
            var batch = q.Texts[i] is not null ? BatchWords : null;
            if (batch is not null && batch.Neighbours.TryGet((q.Texts[i]!, q.Keys[i]), out var cached))
            {
                AddNeighbours(acc, i, cached);
                continue;
            }
            var found = t_neighbours ??= new List<Neighbour>(32);
            found.Clear();
            FindNeighbours(q.Keys[i], q.Texts[i], q.TextLengths[i], cls, q.Vocab[i], found);
            AddNeighbours(acc, i, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found));
            batch?.Neighbours.Add((q.Texts[i]!, q.Keys[i]), found.Count == 0 ? [] : found.ToArray());
        }
        for (var j = 0; j < q.JoinVocab.Length; j++)
        {
            if (q.JoinVocab[j] >= 0) acc.Add(q.JoinVocab[j], new Hit(m + j, Weights.SplitJoinSimilarity, 0));
        }
        foreach (var (_, left, right) in q.Splits)
        {
            acc.Touch(left);
            acc.Touch(right);
        }
        // Phrases a query word belongs to, and the words of a query phrase: met in part (see PartialPhrases).
        for (var i = 0; i < m; i++)
        {
            if (!q.PhrasePart[i]) continue;
            if (q.Name.Tokens[i].Parts is { } parts)
            {
                foreach (var part in parts)
                    if (_vocab.Find(part) is var v && v >= 0) acc.Touch(v);
            }
            else
            {
                if (_phrasesByPart.TryGetValue(q.Keys[i], out var phrases))
                    foreach (var v in phrases) acc.Touch(v);
                if (!ReferenceEquals(q.PlainKeys[i], q.Keys[i]) && _phrasesByPart.TryGetValue(q.PlainKeys[i], out phrases))
                    foreach (var v in phrases) acc.Touch(v);
            }
        }
        return acc;
    }

    private static void AddNeighbours(HitSet acc, int unit, ReadOnlySpan<Neighbour> neighbours)
    {
        foreach (var nb in neighbours) acc.Add(nb.Vocab, new Hit(unit, nb.Similarity, nb.Distance));
    }

    // Reference path: the hits of one vocabulary key, computed directly.
    private void ReferenceHits(PreparedQuery q, int v, List<Hit> output)
    {
        var m = q.TokenCount;
        for (var i = 0; i < m; i++)
        {
            var s = UnitSimilarity(q.Keys[i], q.Texts[i], q.TextLengths[i], q.Classes[i], v, out var d);
            if (s > 0) output.Add(new Hit(i, s, d));
        }
        for (var j = 0; j < q.JoinKeys.Length; j++)
        {
            if (q.JoinKeys[j] is { } jk && jk == _vocab.Keys[v]) output.Add(new Hit(m + j, Weights.SplitJoinSimilarity, 0));
        }
    }
}
