using Screening.Matching.Index;

namespace Screening.Matching.Query;

/// <summary>A vocabulary key one query word meets fuzzily, with the similarity and distance TokenSimilarity gave.</summary>
internal readonly record struct Neighbour(int Vocab, float Similarity, int Distance, bool Abbreviation = false);

/// <summary>
/// Within one batch (<see cref="Screener.ScreenMany"/>), one per worker: the fuzzy neighbours and split points of query
/// words no list spells. A customer book repeats its words (surnames, LOGISTICS, SHENZHEN) across millions of names; a
/// single <c>Screen</c> never uses it, so latency is measured without it. Bounded; dropped with the batch.
/// </summary>
internal sealed class WordCache(MatchIndex index, int capacity)
{
    /// <summary>The index these words were looked up in (a reload mid-batch makes a new one).</summary>
    public MatchIndex Index { get; } = index;

    /// <summary>Fuzzy neighbours by (spelling, key).</summary>
    public BoundedCache<(string Text, string Key), Neighbour[]> Neighbours { get; } = new(capacity);

    /// <summary>Split points of a word into two listed words.</summary>
    public BoundedCache<string, (int Left, int Right)[]> Splits { get; } = new(capacity, StringComparer.Ordinal);

    /// <summary>The best cut of a word for a split reading (0: none).</summary>
    public BoundedCache<string, int> Cuts { get; } = new(capacity, StringComparer.Ordinal);
}
