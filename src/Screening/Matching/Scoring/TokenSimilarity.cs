using Screening.Matching.Index;
using Screening.Normalization;
using Screening.Text;

namespace Screening.Matching.Scoring;

/// <summary>
/// The one definition of how a query token meets a vocabulary key, used by both candidate sources: the better of the
/// distance between keys and the distance between the typed spellings, within the edit budget of the pair.
/// </summary>
internal sealed class TokenSimilarity(Vocabulary vocab)
{
    /// <summary>
    /// The similarity (0 when they do not meet) of a query token and a vocabulary key, the edits between them, and whether
    /// the query word abbreviates an ordinary listed word (only when nothing closer holds).
    /// </summary>
    public float Unit(string queryKey, string? queryText, int queryTextLength, TokenClass queryClass, int vocabId,
        out int distance, out bool abbreviation)
    {
        distance = 0;
        abbreviation = false;
        var vClass = vocab.Classes[vocabId];
        if (queryClass == TokenClass.LegalForm || vClass == TokenClass.LegalForm) return 0;
        var vKey = vocab.Keys[vocabId];
        var sameKey = vKey == queryKey;
        if (sameKey && !(queryText is not null && queryKey.Length <= ScoringModel.ShortKeyLength && !ShortWordMeets(queryText, vocabId))) return 1f;
        if (queryClass != TokenClass.Word || vClass != TokenClass.Word) return 0;
        var best = 0f;
        var vTextLength = vocab.TextLengths[vocabId];
        var maxD = ScoringModel.PairBudget(Math.Min(queryTextLength, vTextLength),
            queryKey.Length, ScoringModel.AllowedEdits(queryTextLength, queryKey.Length), vKey.Length, vocab.KeyEdits[vocabId]);
        // Keys fold a lot (C/K, Q/K, W/V, X/KS, Y/I runs): on short words a one-edit key distance is often two or three typed
        // edits (QIYANG/KING, SYSCO/SYSKON, COTY/COTEI), so short words are measured on their typed letters alone.
        if (maxD >= 1 && !sameKey && Math.Min(queryTextLength, vTextLength) >= ScoringModel.KeyFuzzyMinLength)
        {
            var d = EditDistance.Osa(queryKey, vKey, maxD);
            if (d <= maxD)
            {
                best = ScoringModel.FuzzySimilarity(d, queryKey.Length, vKey.Length, queryKey[0] != vKey[0]);
                distance = d;
            }
        }
        if (queryText is null) return best;
        foreach (var f in vocab.FormsOf(vocabId))
        {
            var s = Typed(queryText, vocab.FormTexts[f], vocab.FormEdits[f], out var d);
            if (s > best)
            {
                best = s;
                distance = d;
            }
        }
        if (best > 0 || !IsOrdinary(vocabId)) return best;
        foreach (var f in vocab.FormsOf(vocabId))
        {
            if (!ScoringModel.IsAbbreviation(queryText, vocab.FormTexts[f])) continue;
            abbreviation = true;
            return ScoringModel.AbbreviationSimilarity;
        }
        return best;
    }

    /// <summary>A listed word that abbreviations may stand for: a word the lists use often (not a name's distinctive word).</summary>
    public bool IsOrdinary(int vocabId) =>
        vocab.Classes[vocabId] == TokenClass.Word && vocab.DocumentFrequency[vocabId] >= ScoringModel.AbbreviationMinDocumentFrequency;

    /// <summary>Two typed spellings within the edit budget of the pair: their fuzzy similarity, else 0.</summary>
    public static float Typed(string a, string b, out int distance) => Typed(a, b, ScoringModel.MaxDistance(b.Length), out distance);

    // As above, with the listed spelling's own tolerance (the index's).
    private static float Typed(string a, string b, int bEdits, out int distance)
    {
        distance = 0;
        var budget = ScoringModel.PairBudget(Math.Min(a.Length, b.Length), a.Length, ScoringModel.MaxDistance(a.Length), b.Length, bEdits);
        if (budget < 1) return 0;
        var d = EditDistance.Osa(a, b, budget);
        if (d > budget) return 0;
        distance = d;
        return ScoringModel.FuzzySimilarity(d, a.Length, b.Length, a[0] != b[0]);
    }

    // Whether a short query word is one of the typed spellings behind a key, up to the folds romanizing Cyrillic makes.
    private bool ShortWordMeets(string queryText, int vocabId)
    {
        var forms = vocab.FormsOf(vocabId);
        if (forms.Length == 0) return true; // a key with no plain spelling (a term or a number): the key decides
        foreach (var f in forms)
            if (Romanization.ShortFoldEquals(queryText, vocab.FormTexts[f])) return true;
        return false;
    }
}
