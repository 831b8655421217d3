using Screening.Normalization;

namespace Screening.Matching;

// Distinct token keys over all loaded names, with their rarity weights and postings (key -> names).
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanIds;

    public Vocabulary(Dictionary<string, int> ids, string[] keys, TokenClass[] classes, float[] weights, int[] df, int[] textLengths)
    {
        TextLengths = textLengths;
        _ids = ids;
        _spanIds = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Keys = keys;
        Classes = classes;
        Weights = weights;
        DocumentFrequency = df;
    }

    public string[] Keys { get; }
    public TokenClass[] Classes { get; }
    public float[] Weights { get; }
    public int[] DocumentFrequency { get; }
    public int[] TextLengths { get; }   // the longest text seen for each key: typo tolerance follows what was typed

    // The spellings (texts) behind each key: typos are measured on what was typed as well as on the key,
    // because romanization folding can turn one typed edit into two (GARANTIZYA/GARANTIYA, MAXTCH/MAXTECH).
    public string[] FormTexts { get; private set; } = [];
    public int[] FormVocab { get; private set; } = [];
    private int[] _formStart = [0];
    private int[] _formList = [];
    private Dictionary<string, int> _formIds = new(StringComparer.Ordinal);

    public void SetForms(string[] texts, int[] vocabOfForm)
    {
        FormTexts = texts;
        FormVocab = vocabOfForm;
        var counts = new int[Keys.Length + 1];
        foreach (var v in vocabOfForm) counts[v + 1]++;
        for (var i = 1; i < counts.Length; i++) counts[i] += counts[i - 1];
        var list = new int[vocabOfForm.Length];
        var fill = (int[])counts.Clone();
        for (var f = 0; f < vocabOfForm.Length; f++) list[fill[vocabOfForm[f]]++] = f;
        _formStart = counts;
        _formList = list;
        var formIds = new Dictionary<string, int>(texts.Length, StringComparer.Ordinal);
        for (var f = 0; f < texts.Length; f++) formIds[texts[f]] = f;
        _formIds = formIds;
    }

    // The form with exactly this spelling, or -1.
    public int FindForm(string text) => _formIds.TryGetValue(text, out var f) ? f : -1;

    public ReadOnlySpan<int> FormsOf(int vocabId) => _formList.AsSpan(_formStart[vocabId], _formStart[vocabId + 1] - _formStart[vocabId]);
    public int Count => Keys.Length;

    public int Find(string key) => _ids.TryGetValue(key, out var id) ? id : -1;

    public int Find(ReadOnlySpan<char> key) => _spanIds.TryGetValue(key, out var id) ? id : -1;
}

// Scoring constants shared by the fast and the reference paths.
internal static class Weights
{
    public const float LegalForm = 0.5f;
    public const float Stop = 0.2f;
    public const float Floor = 0.3f;

    // How much an unmatched token costs, relative to its weight: extra words on either side cost less than a mismatch.
    // Tried on the evaluation (query/list): 0.6/0.4 gave 0.9% false alerts, 0.8/0.5 0.6% for 0.4 points of recall.
    public const float UnmatchedQuery = 0.8f;
    public const float UnmatchedList = 0.5f;

    public const float SplitJoinSimilarity = 0.98f;

    // A phrase met by some of its words (CENTRAL INSTITUTE for CENTRAL RESEARCH INSTITUTE) at best.
    public const float PartialPhraseSimilarity = 0.9f;

    // OFAC: weak AKAs are broad and generally not expected to be screened. A weak alias alone stays just below the
    // default threshold (0.78 verbatim): reported at a lower threshold, never an alert of its own at the default.
    public const double WeakAliasFactor = 0.78;
    public const double CountryBonus = 0.03;
    public const double CountryPenalty = 0.03;
    public const double TypeBonus = 0.02;
    public const double TypePenalty = 0.05;
    public const double MaxBonus = CountryBonus + TypeBonus;

    // No fuzzy matching of 1-3 character tokens; tolerance grows with length.
    public static int MaxDistance(int length) => length < 4 ? 0 : length < 9 ? 1 : 2;

    // Edits allowed between two words: by the typed length, and never more than their keys can bear.
    public static int AllowedEdits(int textLength, int keyLength) => Math.Min(MaxDistance(textLength), MaxDistance(keyLength + 1));

    // Edits allowed between two words, each indexed to its own depth (deletions): the longer word's tolerance, as far as
    // the deletion index can reach it (a shorter word needs length-difference fewer deletions). Two typos in a nine-letter
    // word that leave eight letters are still two edits of a nine-letter word. No fuzzy matching below four letters.
    public static int PairBudget(int minTextLength, int lengthA, int depthA, int lengthB, int depthB)
    {
        if (minTextLength < 4) return 0;
        return lengthA <= lengthB ? Math.Min(depthB, depthA + (lengthB - lengthA)) : Math.Min(depthA, depthB + (lengthA - lengthB));
    }

    // An edit costs its share of the word; one at the first letter costs more (typists rarely miss it, and
    // BOLO/POLO, WING/KING are different names), and so does one in a word of five letters or fewer, where unrelated
    // names collide most (TESCO/TEACO, LINDE/LINDA): a one-edit variant of a five-letter name alone scores 0.79.
    public static float FuzzySimilarity(int distance, int lengthA, int lengthB, bool firstLetterDiffers)
    {
        var longer = Math.Max(lengthA, lengthB);
        return 1f - 0.9f * distance / longer - (firstLetterDiffers ? 0.05f : 0f) - (longer <= ShortWordLength ? ShortWordEditCost : 0f);
    }

    private const int ShortWordLength = 5;
    private const float ShortWordEditCost = 0.03f;

    // Initials and two- or three-letter words collide by chance: they weigh less than their rarity says.
    public static float ShortWordFactor(int textLength) => textLength <= 2 ? 0.4f : textLength == 3 ? 0.7f : 1f;

    public const double InferredTypePenalty = 0.15;

    // Generic business words weigh at most what a word on 1% of the entries weighs, and at most a quarter of a
    // unique word (small lists have no 1% words).
    public static float GenericCap(int entries) => Math.Min(IdfWeight(Math.Max(1, entries / 100), entries), 0.25f * IdfWeight(1, entries));

    public static float IdfWeight(int df, int entries) =>
        Math.Max(Floor, (float)Math.Pow(Math.Log((entries + 1.0) / Math.Max(1, df)), IdfExponent));

    // Squared: rare words dominate common ones more strongly than plain IDF (tried 1, 1.5 and 2 on the evaluation).
    public const double IdfExponent = 2;
}
