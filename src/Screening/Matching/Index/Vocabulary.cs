using Screening.Normalization;

namespace Screening.Matching.Index;

// Distinct token keys over all loaded names, with their classes, rarity weights and the typed spellings behind each.
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

    /// <summary>
    /// Per key: the edits a typo may make to it (<see cref="Scoring.ScoringModel.AllowedEdits"/>, or 0 where a listed
    /// name's budget of deletion variants ran out before it). Both candidate sources read it, so they agree.
    /// </summary>
    public int[] KeyEdits { get; private set; } = [];

    /// <summary>Per typed spelling: the edits a typo may make to it (<see cref="Scoring.ScoringModel.MaxDistance"/>, or 0 as above).</summary>
    public int[] FormEdits { get; private set; } = [];

    public void SetEdits(int[] keyEdits, int[] formEdits)
    {
        KeyEdits = keyEdits;
        FormEdits = formEdits;
    }

    // The form with exactly this spelling, or -1.
    public int FindForm(string text) => _formIds.TryGetValue(text, out var f) ? f : -1;

    public ReadOnlySpan<int> FormsOf(int vocabId) => _formList.AsSpan(_formStart[vocabId], _formStart[vocabId + 1] - _formStart[vocabId]);
    public int Count => Keys.Length;

    public int Find(string key) => _ids.TryGetValue(key, out var id) ? id : -1;

    public int Find(ReadOnlySpan<char> key) => _spanIds.TryGetValue(key, out var id) ? id : -1;
}
