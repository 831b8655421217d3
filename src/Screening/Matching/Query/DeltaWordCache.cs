using Screening.Matching.Index;

namespace Screening.Matching.Query;

/// <summary>
/// One worker's memory for screening against a <see cref="DeltaIndex"/> (delta re-screening): what each query word meets
/// among the delta's keys, memoized (a book repeats its words), and the scratch buffers of the pre-filter. Not
/// thread-safe: one per worker, held by its <see cref="MatchContext"/>. Bounded; dropped with the batch.
/// </summary>
internal sealed class DeltaWordCache(DeltaIndex delta, int capacity)
{
    /// <summary>The delta these words were looked up in.</summary>
    public DeltaIndex Delta { get; } = delta;

    /// <summary>One-word query tokens by (typed spelling, key).</summary>
    public BoundedCache<(string Text, string Key), DeltaWord> Words { get; } = new(capacity);

    // Neighbour search.
    public HashSet<int> Seen { get; } = [];
    public List<ulong> Variants { get; } = new(128);
    public List<(int, int, int)> Splits { get; } = [];
    public List<Neighbour> Found { get; } = new(16);

    // The pre-filter: per full vocabulary id, the current reading's stamp and met weight (as MatchContext.MarkHits
    // writes them); per delta name, the stamp of the reading that already took it as a candidate.
    public VocabMark[] Marks { get; } = new VocabMark[delta.Full.Vocab.Count];
    public int[] NameStamps { get; } = new int[delta.Names.Length];
    public int Stamp { get; private set; }
    public List<int> Candidates { get; } = new(16);
    public int[] Vocab { get; } = new int[Scoring.ScoringModel.MaxTokens];
    public int[] Forms { get; } = new int[Scoring.ScoringModel.MaxTokens];

    /// <summary>Starts a reading: a fresh stamp, no candidates.</summary>
    public void Begin()
    {
        if (++Stamp == int.MaxValue)
        {
            Array.Clear(Marks);
            Array.Clear(NameStamps);
            Stamp = 1;
        }
        Candidates.Clear();
    }
}
