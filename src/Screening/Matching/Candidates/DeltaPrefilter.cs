using Screening.Matching.Index;
using Screening.Matching.Query;
using Screening.Matching.Scoring;
using Screening.Normalization;

namespace Screening.Matching.Candidates;

/// <summary>
/// Before a reading is prepared against the whole list: whether any delta name may reach the threshold with it, from
/// what the reading's tokens meet among the delta's keys alone. False only when none can, so skipping the reading loses
/// no match; most rows of a book stop here, after one memo lookup per word.
/// </summary>
/// <remarks>
/// Why nothing is lost. A name scores above 0 only with a content pair (<see cref="NameScorer"/>): a query word or
/// number met (not as an abbreviation) by a non-generic key of the name, or by a generic one on a name of generic words
/// only; a join of two query words met by such a key; or a query word split into two adjacent keys of the name. The
/// reading's hits on the delta's keys are the indexed source's hits on them (<see cref="DeltaWords"/>: the same exact,
/// fuzzy, abbreviation, join and split lookups, narrowed), so every delta name with a content pair is a candidate here.
/// Each candidate must then pass the name bound (<see cref="ScoreBound.ForName"/>) with the marks the indexed source
/// would set on its keys (hits, split halves and phrases met in part): the bound is never below the score, and a name
/// below the floor (threshold minus the largest hint bonus) is never returned. The reading with words run together cut
/// in two (<see cref="SplitReadings"/>) and the reading under another romanization (<see cref="RespelledReadings"/>)
/// are screened too, so they are checked the same way. A reading with a country set aside (<see cref="PlaceReadings"/>)
/// needs no check of its own: its tokens are a subset of the reading's, and the name bound does not count unmatched
/// query words, so a name it may reach is reached here (words broken or glued in data entry are repaired by the
/// normalizer, before any reading comes here). Requests with identifiers (which force their entries) and thresholds
/// whose floor is not above 0 do not come here (<see cref="MatchEngine.MatchDelta"/>).
/// </remarks>
internal sealed class DeltaPrefilter(DeltaIndex delta, DeltaWords words, SplitReadings splits, RespelledReadings respelled)
{
    private readonly MatchIndex _index = delta.Full;
    private readonly Vocabulary _vocab = delta.Full.Vocab;

    /// <summary>Whether a delta name may reach the request's floor with this reading, its split reading or its respelled reading.</summary>
    public bool MayMatch(NormalizedName name, in MatchRequest request, DeltaWordCache cache, MatchContext ctx)
    {
        if (delta.IsEmpty) return false;
        var floor = request.Threshold - ScoringModel.MaxBonus;
        if (Reaches(name, floor, request.Allowed, cache, ctx)) return true;
        // Reaches left the tokens' exact vocabulary ids and listed spellings in cache.Vocab and cache.Forms: the further
        // readings are the ones the engine would take. Both are made before either is checked, which overwrites them.
        var m = Math.Min(name.Tokens.Length, ScoringModel.MaxTokens);
        var split = splits.Reading(name, cache.Vocab.AsSpan(0, m), ctx);
        var respelt = respelled.Reading(name, cache.Forms.AsSpan(0, m), ctx);
        return (split is { } s && Reaches(s.Name, floor, request.Allowed, cache, ctx))
            || (respelt is { } r && Reaches(r.Name, floor, request.Allowed, cache, ctx));
    }

    private bool Reaches(NormalizedName name, double floor, bool[]? allowed, DeltaWordCache cache, MatchContext ctx)
    {
        var tokens = name.Tokens;
        var m = Math.Min(tokens.Length, ScoringModel.MaxTokens);
        cache.Begin();
        float legal = 0;
        for (var i = 0; i < m; i++)
        {
            var t = tokens[i];
            if (t.Class == TokenClass.Word && !t.Text.Contains(' ', StringComparison.Ordinal))
            {
                var w = words.Word(t.Text, t.Key, cache, ctx);
                cache.Vocab[i] = w.Vocab;
                cache.Forms[i] = w.Form;
                foreach (var h in w.Hits) Meet(h, content: true, cache);
                foreach (var (left, right) in w.Splits) Split(left, right, cache);
                continue;
            }
            cache.Vocab[i] = _vocab.Find(t.Key);
            cache.Forms[i] = -1;
            if (t.Class == TokenClass.LegalForm)
            {
                legal += ScoringModel.LegalFormWeight;
                continue;
            }
            var found = cache.Found;
            found.Clear();
            words.AddHits(t.Key, null, t.Text.Length, t.Class, cache.Vocab[i], found, cache);
            foreach (var h in found) Meet(h, content: t.Class is TokenClass.Word or TokenClass.Number, cache);
            if (t.Class == TokenClass.Word)
                foreach (var (left, right) in words.Splits(t.Text, -1, cache, ctx)) Split(left, right, cache);
        }
        Joins(tokens, m, cache);
        if (cache.Candidates.Count == 0) return false;
        TouchPhrases(tokens, m, cache);
        foreach (var p in cache.Candidates)
        {
            var n = delta.Names[p];
            if (allowed is not null && !allowed[_index.Names[n].Entry]) continue;
            if (!(ScoreBound.ForName(_index.TokensOf(n), _index.NameWeight[n], legal, cache.Marks, cache.Stamp) < floor)) return true;
        }
        return false;
    }

    private void Meet(Neighbour h, bool content, DeltaWordCache cache)
    {
        Mark(h.Vocab, cache);
        if (content && !h.Abbreviation) AddCandidates(delta.CandidatesOf(h.Vocab), cache);
    }

    private void Split(int left, int right, DeltaWordCache cache)
    {
        if (delta.InDelta[left]) Mark(left, cache);
        if (delta.InDelta[right]) Mark(right, cache);
        AddCandidates(delta.PairCandidates(left, right), cache);
    }

    // Two neighbouring words or numbers run together that a delta name has as one key (QueryPreparer.Joins).
    private void Joins(NameToken[] tokens, int m, DeltaWordCache cache)
    {
        Span<char> text = stackalloc char[128];
        Span<char> key = stackalloc char[256];
        for (var i = 0; i + 1 < m; i++)
        {
            if (!SplitReadings.Joinable(tokens[i].Class) || !SplitReadings.Joinable(tokens[i + 1].Class)) continue;
            var (left, right) = (tokens[i].Text, tokens[i + 1].Text);
            int v;
            if (left.Length + right.Length > 128) v = delta.Find(Romanization.Key(left + right));
            else
            {
                left.AsSpan().CopyTo(text);
                right.AsSpan().CopyTo(text[left.Length..]);
                v = delta.Find(key[..Romanization.KeyInto(text[..(left.Length + right.Length)], key)]);
            }
            if (v < 0) continue;
            Mark(v, cache);
            AddCandidates(delta.CandidatesOf(v), cache);
        }
    }

    // The phrases the indexed source marks as met in part (IndexedCandidateSource.TouchPhrases), among the delta's
    // keys: the words of a query phrase and the listed phrases sharing one, and the listed phrases a query word belongs
    // to. Only the bound reads these marks, and more marks only raise it, so every token that may be a phrase part
    // (QueryPreparer.PhraseParts) is taken.
    private void TouchPhrases(NameToken[] tokens, int m, DeltaWordCache cache)
    {
        for (var i = 0; i < m; i++)
        {
            var t = tokens[i];
            if (t.Parts is { } parts && t.Class != TokenClass.LegalForm)
            {
                foreach (var part in parts)
                {
                    if (delta.Find(part) is var v && v >= 0) Mark(v, cache);
                    foreach (var p in delta.PhrasesWith(part)) Mark(p, cache);
                }
            }
            else if (t.Class is not (TokenClass.Word or TokenClass.Stop)) continue;
            foreach (var v in delta.PhrasesWith(t.Key)) Mark(v, cache);
            if (t.Origin == KeyOrigin.Term && t.Class is TokenClass.Word or TokenClass.Stop && !t.Text.Contains(' ', StringComparison.Ordinal))
                foreach (var v in delta.PhrasesWith(Romanization.Key(t.Text))) Mark(v, cache);
        }
    }

    private void Mark(int v, DeltaWordCache cache) =>
        cache.Marks[v] = new VocabMark(cache.Stamp, ScoringModel.MetWeight(_vocab.Classes[v], _vocab.Weights[v]));

    private static void AddCandidates(ReadOnlySpan<int> positions, DeltaWordCache cache)
    {
        var stamps = cache.NameStamps;
        foreach (var p in positions)
        {
            if (stamps[p] == cache.Stamp) continue;
            stamps[p] = cache.Stamp;
            cache.Candidates.Add(p);
        }
    }
}
