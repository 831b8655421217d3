using Screening.Normalization;

namespace Screening.Matching;

// One query token or one adjacent-pair join met by one vocabulary key.
internal readonly record struct Hit(int Unit, float Similarity, int Distance);

// The query, prepared once per screen: tokens, their weights, join keys, split points and (on the fast path)
// every vocabulary key each query unit meets, with its similarity.
internal sealed class PreparedQuery
{
    public required NormalizedName Name { get; init; }
    public required string[] Keys { get; init; }
    public required TokenClass[] Classes { get; init; }
    public required int[] Vocab { get; init; }          // exact vocabulary id per token, or -1
    public required float[] TokenWeights { get; init; }
    public required string[] JoinKeys { get; init; }    // Key(text[i] + text[i+1]) or null where not joinable
    public required int[] JoinVocab { get; init; }
    public required List<(int Token, int Left, int Right)> Splits { get; init; }
    public Dictionary<int, Hit[]>? Hits { get; set; }    // fast path only
    public int TokenCount => Keys.Length;
}
