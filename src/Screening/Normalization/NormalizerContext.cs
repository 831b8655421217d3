using System.Text;

namespace Screening.Normalization;

/// <summary>
/// One thread's working memory for <see cref="NameNormalizer"/>: string builders, phrase-matching scratch and, within a
/// batch, the memo of phrase-table lookups per word. Not thread-safe: one per worker, passed in explicitly.
/// </summary>
internal sealed class NormalizerContext
{
    /// <summary>Creates a context; <paramref name="batchCapacity"/> above 0 keeps a bounded memo of phrase lookups (batches).</summary>
    public NormalizerContext(int batchCapacity = 0)
    {
        if (batchCapacity > 0) FirstWords = new BoundedCache<(string, KeyOrigin), List<PhraseTable.Phrase>>(batchCapacity);
    }

    internal StringBuilder Text { get; } = new(64);

    /// <summary>Whether the name being tokenized shows ISO 9 romanization (<see cref="Iso9"/>); set per name.</summary>
    internal bool Iso9 { get; set; }

    internal StringBuilder Original { get; } = new(64);

    internal List<int> Positions { get; } = new(8);

    internal PhraseTable.ScatteredScratch Scattered { get; } = new();

    /// <summary>Phrase-table matches per word within one batch (the table is fixed, so these outlive a reload); null outside batches.</summary>
    internal BoundedCache<(string Text, KeyOrigin Origin), List<PhraseTable.Phrase>>? FirstWords { get; }
}
