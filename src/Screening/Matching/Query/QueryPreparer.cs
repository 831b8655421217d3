using Screening.Matching.Candidates;
using Screening.Matching.Index;
using Screening.Matching.Scoring;
using Screening.Normalization;

namespace Screening.Matching.Query;

/// <summary>
/// Prepares a normalized query once per screen: keys, typed spellings, listed spelling ids, join keys of neighbouring
/// words, split points, phrase parts, the hits the candidate source finds, and each token's weight.
/// </summary>
internal sealed class QueryPreparer(MatchIndex index, SplitReadings splits)
{
    private readonly Vocabulary _vocab = index.Vocab;

    /// <summary>Prepares <paramref name="name"/>; an alternative reading passes its factor, note and required halves.</summary>
    public PreparedQuery Prepare(NormalizedName name, ICandidateSource source, MatchContext ctx,
        float readingFactor = 1f, string? readingNote = null, HashSet<string>? required = null, NameReading? fieldReading = null)
    {
        var tokens = name.Tokens;
        var m = Math.Min(tokens.Length, ScoringModel.MaxTokens);
        var keys = new string[m];
        var textLengths = new int[m];
        var texts = new string?[m];
        var classes = new TokenClass[m];
        var vocabIds = new int[m];
        var forms = new int[m];
        for (var i = 0; i < m; i++)
        {
            keys[i] = tokens[i].Key;
            textLengths[i] = tokens[i].Text.Length;
            texts[i] = tokens[i].Class == TokenClass.Word && !tokens[i].Text.Contains(' ', StringComparison.Ordinal) ? tokens[i].Text : null;
            classes[i] = tokens[i].Class;
            vocabIds[i] = _vocab.Find(keys[i]);
            // The listed spelling each one-word token is, if any (its memo of neighbours and splits is kept per spelling).
            forms[i] = texts[i] is { } t ? _vocab.FindForm(t) : -1;
        }
        var (joinKeys, joinVocab) = Joins(tokens, classes, m);

        // A joined word may be two listed words (ALMAZANTEY, NAVISELEKTRONIKA, ...LTD): cut the typed text at each
        // point and look both halves up, through the phrase table where a half is a term or a legal form.
        var splitPoints = new List<(int, int, int)>();
        for (var i = 0; i < m; i++)
        {
            if (classes[i] != TokenClass.Word || tokens[i].Text.Length < ScoringModel.SplitMinLength || tokens[i].Text.Length > ScoringModel.SplitMaxLength) continue;
            splits.AddSplits(i, tokens[i].Text, forms[i], splitPoints, ctx);
        }
        var (phrasePart, phraseReach, plainKeys) = PhraseParts(tokens, keys, classes, m);

        var q = new PreparedQuery
        {
            RequiredMask = RequiredMask(tokens, m, required),
            Name = name, Keys = keys, TextLengths = textLengths, Texts = texts, Forms = forms, Classes = classes, Vocab = vocabIds,
            TokenWeights = new float[m], JoinKeys = joinKeys, JoinVocab = joinVocab, Splits = splitPoints, PhrasePart = phrasePart,
            PhraseReach = phraseReach, AnyPhrasePart = Array.IndexOf(phrasePart, true) >= 0, PlainKeys = plainKeys,
            ReadingFactor = readingFactor, ReadingNote = readingNote, FieldReading = fieldReading,
        };
        source.FindHits(q, ctx);
        for (var i = 0; i < m; i++) q.TokenWeights[i] = QueryWeight(q, i);
        return q;
    }

    // Keys of neighbouring words run together that a list has (ALMAZ ANTEY as ALMAZANTEY); the others meet nothing.
    private (string[] Keys, int[] Vocab) Joins(NameToken[] tokens, TokenClass[] classes, int m)
    {
        var joinKeys = new string[Math.Max(0, m - 1)];
        var joinVocab = new int[joinKeys.Length];
        for (var i = 0; i + 1 < m; i++)
        {
            joinVocab[i] = -1;
            if (!SplitReadings.Joinable(classes[i]) || !SplitReadings.Joinable(classes[i + 1])) continue;
            joinVocab[i] = FindJoined(tokens[i].Text, tokens[i + 1].Text);
            joinKeys[i] = joinVocab[i] >= 0 ? _vocab.Keys[joinVocab[i]] : null!;
        }
        return (joinKeys, joinVocab);
    }

    // The vocabulary id of two words run together, or -1; no strings made.
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

    // Words of listed phrases, by the key of their letters (a term such as SCIENTIFIC keys to its canonical form), and
    // the heaviest listed phrase each could be met in part through (PartialPhrases): a listed phrase that takes the
    // query word, or one that shares a word with a query phrase.
    private (bool[] Part, float[] Reach, string[] PlainKeys) PhraseParts(NameToken[] tokens, string[] keys, TokenClass[] classes, int m)
    {
        var phrasePart = new bool[m];
        var phraseReach = new float[m];
        var plainKeys = new string[m];
        var byPart = index.PhraseWeightByPart;
        for (var i = 0; i < m; i++)
        {
            plainKeys[i] = tokens[i].Origin == KeyOrigin.Term && classes[i] is TokenClass.Word or TokenClass.Stop && !tokens[i].Text.Contains(' ', StringComparison.Ordinal)
                ? Romanization.Key(tokens[i].Text) : keys[i];
            if (tokens[i].Parts is { } parts && classes[i] != TokenClass.LegalForm)
            {
                phrasePart[i] = true;
                foreach (var part in parts)
                    if (byPart.TryGetValue(part, out var w)) phraseReach[i] = Math.Max(phraseReach[i], w);
            }
            else if (classes[i] is TokenClass.Word or TokenClass.Stop)
            {
                // Non-short-circuit |: both spellings' phrases count.
                phrasePart[i] = byPart.TryGetValue(keys[i], out var byKey) | byPart.TryGetValue(plainKeys[i], out var byText);
                phraseReach[i] = Math.Max(byKey, byText);
            }
        }
        return (phrasePart, phraseReach, plainKeys);
    }

    // An alternative reading holds only where the listed name has both halves of the split word.
    private static ulong RequiredMask(NameToken[] tokens, int m, HashSet<string>? required)
    {
        ulong mask = 0;
        if (required is null) return mask;
        for (var i = 0; i < m; i++)
            foreach (var word in tokens[i].Text.Split(' '))
                if (required.Contains(word)) mask |= 1UL << i;
        return mask;
    }

    // A token's weight: its key's where a list has it; a misspelled word weighs what its nearest list word weighs (best
    // similarity, then heaviest); a word no list knows is distinctive, unless it is only ever seen inside phrases or generic.
    private float QueryWeight(PreparedQuery q, int i)
    {
        switch (q.Classes[i])
        {
            case TokenClass.LegalForm: return ScoringModel.LegalFormWeight;
            case TokenClass.Stop: return ScoringModel.StopWordWeight;
        }
        if (q.Vocab[i] >= 0) return _vocab.Weights[q.Vocab[i]];
        var shortFactor = ScoringModel.ShortWordFactor(q.TextLengths[i]);
        var best = -1f;
        var bestSim = -1f;
        var key = q.Keys[i];
        var hits = q.Hits;
        for (var slot = 0; slot < hits.Count; slot++)
        {
            var v = hits.VocabAt(slot);
            foreach (var h in hits.At(slot))
            {
                if (h.Unit != i) continue;
                if (h.Similarity > bestSim || (h.Similarity == bestSim && _vocab.Weights[v] > best)) { bestSim = h.Similarity; best = _vocab.Weights[v]; }
            }
        }
        if (best <= 0 && index.TryGetComponentWeight(key, out var component)) return component;
        if (PhraseTable.Default.GenericKeys.Contains(key)) return best > 0 ? Math.Min(best, index.GenericCap) : index.GenericCap;
        return best > 0 ? best : index.UnknownWeight * shortFactor;
    }
}
