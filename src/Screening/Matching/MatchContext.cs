using Screening.Matching.Index;
using Screening.Matching.Query;
using Screening.Matching.Scoring;
using Screening.Normalization;

namespace Screening.Matching;

/// <summary>
/// One thread's working memory for screening: scratch buffers reused from screen to screen (so that scoring a candidate
/// allocates nothing) and, within a batch, the memo of per-word work. Not thread-safe: one per worker, passed in
/// explicitly. Single screens rent one (<see cref="Rent"/>); a batch gives each worker its own.
/// </summary>
internal sealed class MatchContext
{
    /// <summary>Creates a context; a batch passes its word cache and a normalizer context with a batch memo.</summary>
    public MatchContext(NormalizerContext? normalizer = null, WordCache? words = null)
    {
        Normalizer = normalizer ?? new NormalizerContext();
        Words = words;
    }

    public NormalizerContext Normalizer { get; }

    /// <summary>Within a batch: the neighbours and split points of words no list spells. Null for single screens.</summary>
    public WordCache? Words { get; set; }

    /// <summary>Within a delta re-screen: what query words meet among the delta's keys (<see cref="Candidates.DeltaCandidateSource"/>).</summary>
    public DeltaWordCache? DeltaWords { get; set; }

    // Query preparation.
    public HitSet Hits { get; } = new();
    public List<ulong> Variants { get; } = new(128);
    public HashSet<int> Seen { get; } = [];
    public List<Neighbour> Neighbours { get; } = new(32);
    public List<(int Left, int Right)> Splits { get; } = [];

    // Candidates. Per vocabulary id, for the current query: Marks[v].Stamp == StampValue when v has hits (at
    // HitIndex[v]), with the weight the key adds to the name bound, in one read. Stamp marks names already collected.
    public int[] Stamp { get; private set; } = [];
    public int StampValue { get; private set; }
    public int[] HitIndex { get; private set; } = [];
    public VocabMark[] Marks { get; private set; } = [];
    public List<int> Candidates { get; } = new(256);
    public List<int> Order { get; } = new(32);   // hit slots of content keys, most common first

    // Scoring and ranking.
    public List<Pair> Pairs { get; } = new(32);
    public Dictionary<int, (double Score, int Name)> Best { get; } = [];

    /// <summary>
    /// Starts a query on this index: a fresh stamp, and every vocabulary id the query meets marked, so that scoring and
    /// the bound read arrays instead of a dictionary.
    /// </summary>
    public void MarkHits(MatchIndex index, HitSet hits)
    {
        var vocab = index.Vocab;
        if (Stamp.Length < index.NameCount || Marks.Length < vocab.Count)
        {
            Stamp = new int[index.NameCount];
            HitIndex = new int[vocab.Count];
            Marks = new VocabMark[vocab.Count];
            StampValue = 0;
        }
        if (++StampValue == int.MaxValue)
        {
            Array.Clear(Stamp);
            Array.Clear(Marks);
            StampValue = 1;
        }
        Candidates.Clear();
        for (var slot = 0; slot < hits.Count; slot++)
        {
            var v = hits.VocabAt(slot);
            HitIndex[v] = slot;
            Marks[v] = new VocabMark(StampValue, ScoringModel.MetWeight(vocab.Classes[v], vocab.Weights[v]));
        }
    }

    /// <summary>Adds a name to the candidates unless this query collected it already.</summary>
    public void AddCandidate(int name)
    {
        if (Stamp[name] == StampValue) return;
        Stamp[name] = StampValue;
        Candidates.Add(name);
    }

    /// <summary>Whether vocabulary id <paramref name="v"/> has hits in the current query.</summary>
    public bool IsMarked(int v) => Marks[v].Stamp == StampValue;

    // Single screens reuse one context per thread; a context in use is never handed out twice.
    [ThreadStatic] private static MatchContext? t_cached;

    /// <summary>A context for one single screen on this thread; give it back with <see cref="Return"/>.</summary>
    public static MatchContext Rent()
    {
        var context = t_cached ?? new MatchContext();
        t_cached = null;
        return context;
    }

    /// <summary>Returns a context rented on this thread.</summary>
    public static void Return(MatchContext context) => t_cached = context;
}

/// <summary>A vocabulary id's mark for the current query: its stamp and the weight it adds to a name's bound.</summary>
internal readonly record struct VocabMark(int Stamp, float Met);
