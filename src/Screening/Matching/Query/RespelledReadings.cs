using System.Text;
using Screening.Matching.Index;
using Screening.Matching.Scoring;
using Screening.Normalization;

namespace Screening.Matching.Query;

/// <summary>
/// The query read under another romanization of Russian (German, French, GOST 7.79-B; see <see cref="Respelling"/>):
/// where a scheme turns at least one word no list spells into a listed word or a word of a legal form or term, every
/// unknown word is read under that scheme and the query normalized again, so that phrases re-form
/// (OBSCHTSCHESTWO S OGRANITSCHENNOJ OTWETSTWENNOSTJU SAWOD as OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU ZAVOD).
/// </summary>
internal sealed class RespelledReadings(MatchIndex index)
{
    private readonly Vocabulary _vocab = index.Vocab;

    // A respelling at most halves a word (SCHTSCH to SHCH): a word over twice the longest listed or table word cannot
    // become one, and respelling a 1,000-letter word under every scheme cost 0.4 ms a query (adversarial benchmark).
    private readonly int _maxLength = 2 * Math.Max(index.LongestForm, NormalizationRules.RepairMaxLength);

    /// <summary>The respelled query and a note for the explanation, or null when no scheme turns a word into a known one.</summary>
    public (NormalizedName Name, string Note)? Reading(PreparedQuery q, MatchContext ctx) => Reading(q.Name, q.Forms, ctx);

    /// <summary>As above, for a name not prepared (delta re-screening's pre-filter): <paramref name="forms"/> holds the listed
    /// spelling id (or -1) of each token read, as <see cref="PreparedQuery.Forms"/>.</summary>
    public (NormalizedName Name, string Note)? Reading(NormalizedName name, ReadOnlySpan<int> forms, MatchContext ctx)
    {
        var tokens = name.Tokens;
        RomanizationScheme best = default;
        var bestKnown = 0;
        foreach (var scheme in Respelling.Schemes)
        {
            int known = 0, tried = 0;
            for (var i = 0; i < forms.Length; i++)
            {
                // Evidence for a scheme is a long word: short ones (LZ, FAJI, CHIBA) turn into other short words by chance.
                if (!Unknown(tokens[i], forms[i]) || !Applies(tokens[i], scheme) || tokens[i].Text.Length < ScoringModel.RespellingEvidenceMinLength
                    || tokens[i].Text.Length > _maxLength || !Respelling.MayDiffer(Source(tokens[i], scheme), scheme)) continue;
                tried++;
                var respelled = RespellKnown(Source(tokens[i], scheme), scheme);
                if (respelled != tokens[i].Text && Known(respelled)) known++;
            }
            // The scheme must explain a share of the words it could apply to: among the dozens of unknown words of a long
            // garbled query, one turns into a listed word by chance, and its reading doubled the work (adversarial benchmark).
            if (known * ScoringModel.RespellingEvidenceShare < tried) continue;
            if (known > bestKnown) (best, bestKnown) = (scheme, known);
        }
        if (bestKnown == 0) return null;

        var words = new string[forms.Length];
        var note = new StringBuilder();
        for (var i = 0; i < forms.Length; i++)
        {
            var text = tokens[i].Text;
            words[i] = text;
            if (!Unknown(tokens[i], forms[i]) || !Applies(tokens[i], best) || text.Length < ScoringModel.RespellingMinLength || text.Length > _maxLength
                || !Respelling.MayDiffer(Source(tokens[i], best), best)) continue;
            var respelled = RespellKnown(Source(tokens[i], best), best);
            if (respelled == text) continue;
            words[i] = respelled;
            note.Append(note.Length == 0 ? "" : ", ").Append('\'').Append(tokens[i].Original).Append("' as '").Append(respelled).Append('\'');
        }
        note.Append(" (").Append(best switch
        {
            RomanizationScheme.German => "German",
            RomanizationScheme.French => "French",
            RomanizationScheme.Gost => "GOST 7.79",
            RomanizationScheme.Iso9Plain => "ISO 9 without its marks",
            RomanizationScheme.Iso9Vowels => "ISO 9 vowels",
            _ => "English words in Cyrillic",
        }).Append(best == RomanizationScheme.EnglishLoan ? ")" : " romanization)");
        return (NameNormalizer.Normalize(string.Join(' ', words), ctx.Normalizer), note.ToString());
    }

    // What a scheme reads: the word as typed for ISO 9's vowels (the name's reading folded their marks away), else the word read.
    private static string Source(NameToken token, RomanizationScheme scheme) => scheme == RomanizationScheme.Iso9Vowels ? token.Original : token.Text;

    // The word under the scheme; where German reads a first S two ways, the way that gives a known word.
    private string RespellKnown(string text, RomanizationScheme scheme)
    {
        if (scheme == RomanizationScheme.Iso9Plain)
        {
            // Without allocating a string per spelling tried: this runs on every unknown word of six letters or more.
            var found = new string[1];
            return Respelling.Iso9PlainSpellings(text, (spelling, state) =>
            {
                if (!state.Self.Known(spelling)) return false;
                state.Found[0] = new string(spelling);
                return true;
            }, (Self: this, Found: found)) ? found[0] : text;
        }
        var respelled = Respelling.Respell(text, scheme);
        if (scheme != RomanizationScheme.German || text[0] != 'S' || Known(respelled)) return respelled;
        var other = Respelling.Respell(text, scheme, initialSAsS: true);
        return Known(other) ? other : respelled;
    }

    // English words written in Cyrillic are read back only where the word was Cyrillic; the other schemes apply to Latin.
    private static bool Applies(NameToken token, RomanizationScheme scheme) =>
        (scheme == RomanizationScheme.EnglishLoan) == (token.Origin == KeyOrigin.Transliterated);

    // A word (not a phrase, a number or a legal form) no list spells so (its key may still be listed: WTB folds to VTB's
    // key, but short words meet only on their typed letters).
    private static bool Unknown(NameToken token, int form) =>
        token.Class == TokenClass.Word && form < 0 && token.Parts is null;

    // A listed word, or a word of a legal form or term the phrase table reads.
    private bool Known(ReadOnlySpan<char> text)
    {
        var table = PhraseTable.Default;
        if (table.Words.IsTableWord(text)) return true;
        Span<char> key = stackalloc char[text.Length * 2];
        var n = Romanization.KeyInto(text, key);
        if (table.Words.IsLongTableWordKey(key[..n])) return true;
        var id = _vocab.Find(key[..n]);
        return id >= 0 && SplitReadings.Joinable(_vocab.Classes[id]);
    }
}
