using Screening.Matching.Index;
using Screening.Matching.Scoring;
using Screening.Normalization;

namespace Screening.Matching.Query;

/// <summary>
/// Words run together: the points where a query word cuts into two listed words (ALMAZANTEY, NAVISELEKTRONIKA, ...LTD),
/// for the split pairs of one reading, and the alternative reading of a whole query with such words cut in two
/// (BUREAUFAKEL, PREDPRIYATIEISTOCHNIK), normalized again so that phrases re-form.
/// </summary>
internal sealed class SplitReadings(MatchIndex index)
{
    private readonly Vocabulary _vocab = index.Vocab;

    // Per listed spelling (form id): the points where a query word spelt so splits into two listed words, filled on
    // first use. Bounded by the number of listed spellings; words no list spells use the batch cache, if any.
    private readonly (int Left, int Right)[]?[] _formSplits = new (int, int)[]?[index.Vocab.FormTexts.Length];

    /// <summary>The split points of token <paramref name="i"/> (spelling <paramref name="text"/>, form id <paramref name="f"/> or -1).</summary>
    public void AddSplits(int i, string text, int f, List<(int, int, int)> output, MatchContext ctx)
    {
        if (f < 0)
        {
            var batch = ctx.Words is { } c && ReferenceEquals(c.Index, index) ? c : null;
            if (batch is not null && batch.Splits.TryGet(text, out var cached))
            {
                foreach (var (left, right) in cached) output.Add((i, left, right));
                return;
            }
            var found = ctx.Splits;
            found.Clear();
            FindSplits(text, found);
            foreach (var (left, right) in found) output.Add((i, left, right));
            batch?.Splits.Add(text, found.Count == 0 ? [] : found.ToArray());
            return;
        }
        var known = Volatile.Read(ref _formSplits[f]);
        if (known is null)
        {
            var found = ctx.Splits;
            found.Clear();
            FindSplits(text, found);
            known = found.Count == 0 ? [] : found.ToArray();
            // Racing threads compute the same array; either may win.
            Volatile.Write(ref _formSplits[f], known);
        }
        foreach (var (left, right) in known) output.Add((i, left, right));
    }

    // The cuts of one word into two listed halves, as (left, right) vocabulary ids.
    private void FindSplits(string word, List<(int, int)> output)
    {
        Span<char> keyBuffer = stackalloc char[128];
        var text = word.AsSpan();
        for (var cut = ScoringModel.SplitMinHalf; cut <= text.Length - ScoringModel.SplitMinHalf; cut++)
        {
            var left = FindHalf(text[..cut], keyBuffer, allowLegal: false);
            if (left < 0) continue;
            var right = FindHalf(text[cut..], keyBuffer, allowLegal: true);
            if (right < 0) continue;
            output.Add((left, right));
        }
    }

    /// <summary>The query with each unknown word that is two known words run together cut in two, or null when none is.</summary>
    public (NormalizedName Name, string Note, HashSet<string> Halves)? Reading(PreparedQuery q, MatchContext ctx) => Reading(q.Name, q.Vocab, ctx);

    /// <summary>As above, for a name not prepared: <paramref name="vocab"/> holds the exact vocabulary id (or -1) of each token read.</summary>
    public (NormalizedName Name, string Note, HashSet<string> Halves)? Reading(NormalizedName name, ReadOnlySpan<int> vocab, MatchContext ctx)
    {
        var tokens = name.Tokens;
        List<string>? words = null;
        HashSet<string>? halves = null;
        string? note = null;
        Span<char> buffer = stackalloc char[128];
        for (var i = 0; i < vocab.Length; i++)
        {
            var text = tokens[i].Text;
            var cut = tokens[i].Class == TokenClass.Word && vocab[i] < 0 ? CachedBestCut(text, buffer, ctx) : 0;
            if (cut > 0 && words is null)
            {
                words = [];
                for (var j = 0; j < i; j++) words.Add(tokens[j].Text);
            }
            if (words is null) continue;
            if (cut == 0)
            {
                words.Add(text);
                continue;
            }
            words.Add(text[..cut]);
            words.Add(text[cut..]);
            halves ??= new HashSet<string>(StringComparer.Ordinal);
            // A legal form glued to a word need not be met: the listed name may carry another one, or none. COMPANY
            // is a word too (COMPANYMILITECH), but glued there it is read as the legal form.
            if (Classify(text.AsSpan(0, cut), buffer) != Half.Legal && !ScoringModel.IsGluedLegalPrefix(text.AsSpan(0, cut))) halves.Add(text[..cut]);
            if (Classify(text.AsSpan(cut), buffer) != Half.Legal && !ScoringModel.IsGluedLegalSuffix(text.AsSpan(cut))) halves.Add(text[cut..]);
            note = (note is null ? "" : note + ", ") + $"'{tokens[i].Original}' as '{text[..cut]} {text[cut..]}'";
        }
        return words is null ? null : (NameNormalizer.Normalize(string.Join(' ', words), ctx.Normalizer), note + " (words run together)", halves!);
    }

    private int CachedBestCut(string text, Span<char> buffer, MatchContext ctx)
    {
        var batch = ctx.Words is { } c && ReferenceEquals(c.Index, index) ? c : null;
        if (batch is not null && batch.Cuts.TryGet(text, out var cached)) return cached;
        var cut = BestCut(text, buffer);
        batch?.Cuts.Add(text, cut);
        return cut;
    }

    // Where to cut a word into two known words: both halves listed words (or legal forms) beat halves known only inside
    // phrases; then the more even cut. 0 when there is none.
    private int BestCut(string text, Span<char> buffer)
    {
        if (text.Length < ScoringModel.ReadingMinLength || text.Length > ScoringModel.SplitMaxLength || text.Contains(' ', StringComparison.Ordinal)) return 0;
        int best = 0, bestRank = 0;
        for (var cut = ScoringModel.GluedLegalFormMinLength; cut <= text.Length - ScoringModel.GluedLegalFormMinLength; cut++)
        {
            var left = Classify(text.AsSpan(0, cut), buffer);
            if (left == Half.Unknown) continue;
            var right = Classify(text.AsSpan(cut), buffer);
            if (right == Half.Unknown || !Holds(left, text.AsSpan(0, cut), right, text.AsSpan(cut))) continue;
            var rank = (Rank(left) + Rank(right)) * 100 + Math.Min(cut, text.Length - cut);
            if (rank > bestRank) { bestRank = rank; best = cut; }
        }
        return best;
    }

    private enum Half { Unknown, Component, Word, Legal }

    private static int Rank(Half h) => h == Half.Component ? 1 : 2;

    // Two words, or a word glued to a legal form that names are written with (OOONORD, LLCNEWTON, COMPANYBODOR; the
    // word of four letters or more beside AO), or two legal-form words (STOCKCOMPANY, LIABILITYCOMPANY). Short forms
    // that end ordinary words (AS, AB, OY, UP, CORP) do not cut them: ARVINAS is not ARVIN AS.
    private static bool Holds(Half left, ReadOnlySpan<char> leftText, Half right, ReadOnlySpan<char> rightText)
    {
        if (left == Half.Legal && right == Half.Legal)
            return leftText.Length >= ScoringModel.GluedLegalWordsMinLength && rightText.Length >= ScoringModel.GluedLegalWordsMinLength;
        if (left == Half.Legal)
            return right == Half.Word && ScoringModel.IsGluedLegalPrefix(leftText) && rightText.Length >= WordBesideLegal(leftText.Length);
        if (right == Half.Legal)
            return left == Half.Word && ScoringModel.IsGluedLegalSuffix(rightText) && leftText.Length >= WordBesideLegal(rightText.Length);
        return leftText.Length >= ScoringModel.ReadingMinHalf && rightText.Length >= ScoringModel.ReadingMinHalf;
    }

    private static int WordBesideLegal(int legalLength) => legalLength < ScoringModel.ReadingMinHalf ? ScoringModel.ReadingMinHalf + 1 : ScoringModel.ReadingMinHalf;

    // A listed word or number; a legal form (through the phrase table, listed or not); a word seen only inside listed
    // phrases; or unknown. Function words are not halves: DIODES is not DIO DES.
    private Half Classify(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var id = HalfId(text, buffer, out var keyLength);
        if (id >= 0 && Joinable(_vocab.Classes[id])) return Half.Word;
        if (PhraseTable.Default.SingleWordCanonical(buffer[..keyLength], out var cls) is not null && cls == TokenClass.LegalForm) return Half.Legal;
        if (id >= 0) return Half.Unknown;
        return index.IsComponent(buffer[..keyLength]) ? Half.Component : Half.Unknown;
    }

    /// <summary>Words and numbers join and split; legal forms and function words do not.</summary>
    public static bool Joinable(TokenClass c) => c is TokenClass.Word or TokenClass.Number;

    private int FindHalf(ReadOnlySpan<char> text, Span<char> buffer, bool allowLegal)
    {
        var id = HalfId(text, buffer, out _);
        if (id < 0) return -1;
        var cls = _vocab.Classes[id];
        return Joinable(cls) || (allowLegal && cls == TokenClass.LegalForm) ? id : -1;
    }

    // The vocabulary id of one half of a word, directly or through the phrase table (TECH, LTD); its key stays in buffer.
    private int HalfId(ReadOnlySpan<char> text, Span<char> buffer, out int keyLength)
    {
        keyLength = Romanization.KeyInto(text, buffer);
        var key = buffer[..keyLength];
        var id = _vocab.Find(key);
        if (id < 0 && PhraseTable.Default.SingleWordCanonical(key, out _) is { } canonical) id = _vocab.Find(canonical);
        return id;
    }
}
