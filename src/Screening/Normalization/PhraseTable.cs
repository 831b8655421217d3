using System.Reflection;

namespace Screening.Normalization;

// The legal-form, stop-word and term table (embedded resources Data/phrases.txt and the generated Data/terms.txt), matched
// on token keys.
internal sealed class PhraseTable
{
    private readonly Dictionary<string, List<Phrase>> _byFirstKey = new(StringComparer.Ordinal);
    private Dictionary<string, List<Phrase>>.AlternateLookup<ReadOnlySpan<char>> _byFirstKeySpan;
    // Phrases whose first key is long enough for a one-edit match, bucketed by first letter and length.
    private readonly Dictionary<(char, int), List<Phrase>> _fuzzyFirst = [];

    internal sealed record Phrase(string[] Keys, string[] Texts, string Canonical, TokenClass Class, KeyOrigin Origin, bool IsPart = false)
    {
        /// <summary>The letters of the first word's text and key (<see cref="Text.LetterMask"/>), for the misspelling scan.</summary>
        public (uint Text, uint Key) FirstMasks { get; } = (Text.LetterMask.Of(Texts[0]), Text.LetterMask.Of(Keys[0]));
    }

    // A necessary condition for WordMeets on a phrase's first word, checked before it in the misspelling scan: one edit
    // (on the texts or the keys) changes at most one letter each way; an abbreviation uses only the word's letters.
    private static bool MayMeetFirst(Phrase p, uint textMask, uint keyMask)
    {
        var (pt, pk) = p.FirstMasks;
        return (System.Numerics.BitOperations.PopCount(textMask & ~pt) <= 1 && System.Numerics.BitOperations.PopCount(pt & ~textMask) <= 1)
               || (System.Numerics.BitOperations.PopCount(keyMask & ~pk) <= 1 && System.Numerics.BitOperations.PopCount(pk & ~keyMask) <= 1)
               || (AbbreviationsApply(p) && (textMask & ~pt) == 0);
    }

    public static PhraseTable Default { get; } = Load();

    public int MaxLength { get; private set; }

    /// <summary>The canonical key of a one-word phrase (TECH, ELEKTRONIKA, LTD) with exactly this key, or null.</summary>
    public string? SingleWordCanonical(ReadOnlySpan<char> key, out TokenClass cls)
    {
        cls = TokenClass.Word;
        if (!_byFirstKeySpan.TryGetValue(key, out var candidates)) return null;
        foreach (var p in candidates)
        {
            if (p.Keys.Length != 1) continue;
            cls = p.Class;
            return p.Canonical;
        }
        return null;
    }

    /// <summary>The words of the table's variants, for <see cref="WordRepair"/> and the respelled readings.</summary>
    public TableWords Words { get; } = new();

    /// <summary>Keys of places whose adjectives the term table reads as the place (Data/terms.txt, class <c>place</c>).</summary>
    public HashSet<string> PlaceKeys { get; } = new(StringComparer.Ordinal);

    private static string Key(string text)
    {
        var key = "";
        foreach (var t in NameNormalizer.Tokenize(text)) key += t.Key;
        return key;
    }

    /// <summary>Keys of generic business words, whose weight is capped (see Data/phrases.txt).</summary>
    public HashSet<string> GenericKeys { get; } = new(StringComparer.Ordinal);

    private static PhraseTable Load()
    {
        var table = new PhraseTable();
        table._byFirstKeySpan = table._byFirstKey.GetAlternateLookup<ReadOnlySpan<char>>();
        // The hand-kept legal forms, function words and generic words, then the generated terms (tools/Screening.TermTable).
        foreach (var file in (string[])["phrases.txt", "terms.txt"])
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Screening.Normalization." + file)
                ?? throw new InvalidOperationException($"Embedded resource Screening.Normalization.{file} is missing.");
            using var reader = new StreamReader(stream);
            var lineNo = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNo++;
                if (line.Length == 0 || line[0] == '#') continue;
                table.AddLine(file, lineNo, line);
            }
        }
        return table;
    }

    private void AddLine(string file, int lineNo, string line)
    {
        var cols = line.Split('\t');
        if (cols.Length != 3) throw new InvalidOperationException($"{file}, line {lineNo}: expected 3 tab-separated columns.");
        if (cols[0] == "generic")
        {
            foreach (var variant in cols[2].Split('|'))
            {
                // A generic word may itself be a term (TECHNOLOGY): take the key the normalizer gives it.
                var key = "";
                foreach (var t in NameNormalizer.Tokenize(variant.Trim())) key += t.Key;
                if (key.Length > 0) GenericKeys.Add(key);
            }
            return;
        }
        if (cols[0] == "place")
        {
            // A place and its adjectives (KAZAN, KAZANSKIY) read as one term; a place does not make a name an organization's.
            PlaceKeys.Add(Key(cols[1]));
            cols[0] = "term";
        }
        var (cls, origin) = cols[0] switch
        {
            "legal" or "part" => (TokenClass.LegalForm, KeyOrigin.LegalForm),
            "term" => (TokenClass.Word, KeyOrigin.Term),
            "stop" => (TokenClass.Stop, KeyOrigin.Term),
            _ => throw new InvalidOperationException($"{file}, line {lineNo}: unknown class '{cols[0]}'."),
        };
        var canonical = Key(cols[1]);
        foreach (var variant in cols[2].Split('|'))
        {
            var tokens = NameNormalizer.Tokenize(variant.Trim());
            if (tokens.Count == 0) continue;
            var keys = new string[tokens.Count];
            var texts = new string[tokens.Count];
            for (var i = 0; i < keys.Length; i++) { keys[i] = tokens[i].Key; texts[i] = tokens[i].Text; }
            Words.Add(texts, keys, cols[0]);
            // A "part" stands for itself: only the same word (or a misspelling of it) meets it.
            Add(new Phrase(keys, texts, cols[0] == "part" ? keys[0] : canonical, cls, origin, cols[0] == "part"));
        }
    }

    // Phrases whose first word may be typed abbreviated (multi-word phrases, legal-form words), by its first letter.
    private readonly Dictionary<char, List<Phrase>> _abbreviatable = [];

    // Multi-word phrases by each of their keys, for the order-free pass.
    private readonly Dictionary<string, List<Phrase>> _byAnyKey = new(StringComparer.Ordinal);

    /// <summary>The multi-word phrases that have a word with this key, in table order.</summary>
    internal IReadOnlyList<Phrase> MultiWordPhrasesWith(string key) => _byAnyKey.TryGetValue(key, out var list) ? list : [];

    private void Add(Phrase p)
    {
        if (p.Keys.Length > 1)
        {
            foreach (var k in p.Keys)
            {
                if (!_byAnyKey.TryGetValue(k, out var any)) _byAnyKey[k] = any = [];
                if (!any.Contains(p)) any.Add(p);
            }
        }
        if (!_byFirstKey.TryGetValue(p.Keys[0], out var list)) _byFirstKey[p.Keys[0]] = list = [];
        list.Add(p);
        if (p.Texts[0].Length >= FuzzyMinLength)
        {
            var bucket = (p.Keys[0][0], p.Keys[0].Length);
            if (!_fuzzyFirst.TryGetValue(bucket, out var fl)) _fuzzyFirst[bucket] = fl = [];
            fl.Add(p);
        }
        if (AbbreviationsApply(p) && p.Texts[0].Length > NormalizationRules.PhraseAbbreviationMinLength)
        {
            if (!_abbreviatable.TryGetValue(p.Texts[0][0], out var al)) _abbreviatable[p.Texts[0][0]] = al = [];
            al.Add(p);
        }
        MaxLength = Math.Max(MaxLength, p.Keys.Length);
    }

    private const int FuzzyMinLength = NormalizationRules.PhraseFuzzyMinLength;
    private const int OneWordFuzzyMinLength = NormalizationRules.OneWordTermFuzzyMinLength;

    // One edit on the plain texts (the list word has five letters or more, the token four), or on the keys when both have five.
    private static bool FuzzyEquals(string phraseKey, string phraseText, NameToken token) =>
        phraseText.Length >= FuzzyMinLength && token.Text.Length >= FuzzyMinLength - 1 &&
        (Text.EditDistance.Osa(phraseText, token.Text, 1) <= 1 ||
         (token.Text.Length >= FuzzyMinLength && Text.EditDistance.Osa(phraseKey, token.Key, 1) <= 1));

    /// <summary>Finds the longest phrase starting at <paramref name="start"/>; returns its length or 0.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="start">Where the phrase starts.</param>
    /// <param name="phrase">The phrase found.</param>
    /// <param name="batch">Within one batch: per word, the phrases of the fuzzy buckets whose first word it meets, in
    /// bucket-scan order. Words repeat across a customer book, and the check depends on the word alone (before phrases,
    /// a token's key and class follow from its text). Null outside batches.</param>
    public int Match(List<NameToken> tokens, int start, out Phrase? phrase, BoundedCache<(string Text, KeyOrigin Origin), List<Phrase>>? batch)
    {
        phrase = null;
        var best = 0;
        var t = tokens[start];
        if (_byFirstKey.TryGetValue(t.Key, out var candidates)) Consider(candidates, tokens, start, ref best, ref phrase);
        if (t.Text.Length < NormalizationRules.PhraseAbbreviationMinLength) return best;
        if (batch is null)
        {
            Consider(FirstWordMatches(t), tokens, start, ref best, ref phrase);
            return best;
        }
        if (!batch.TryGet((t.Text, t.Origin), out var met))
        {
            met = FirstWordMatches(t);
            batch.Add((t.Text, t.Origin), met);
        }
        Consider(met, tokens, start, ref best, ref phrase);
        return best;
    }

    // The phrases whose first word this token meets other than by its key: misspelt (a misspelling keeps the first letter
    // and changes the key's length by at most two), then abbreviated (a phrase word typed shortened); in scan order.
    internal List<Phrase> FirstWordMatches(NameToken t) => FirstWordMatches(t, useMasks: true);

    /// <summary>The scan without the letter-mask filter: the reference the tests hold the filter to.</summary>
    internal List<Phrase> FirstWordMatchesUnfiltered(NameToken t) => FirstWordMatches(t, useMasks: false);

    private List<Phrase> FirstWordMatches(NameToken t, bool useMasks)
    {
        var met = new List<Phrase>();
        var first = t.Key;
        if (t.Text.Length >= FuzzyMinLength - 1)
        {
            var textMask = Text.LetterMask.Of(t.Text);
            var keyMask = Text.LetterMask.Of(t.Key);
            for (var len = first.Length - 2; len <= first.Length + 2; len++)
            {
                if (!_fuzzyFirst.TryGetValue((first[0], len), out var fuzzy)) continue;
                foreach (var p in fuzzy)
                    if ((!useMasks || MayMeetFirst(p, textMask, keyMask)) && WordMatches(p, 0, t)) met.Add(p);
            }
        }
        if (_abbreviatable.TryGetValue(t.Text[0], out var shortened))
        {
            foreach (var p in shortened)
                if (!met.Contains(p) && WordMatches(p, 0, t)) met.Add(p);
        }
        return met;
    }

    /// <summary>
    /// Order-free pass: the longest multi-word phrase whose every word occurs among the unconsumed word tokens,
    /// in any order and with other words between (JOINT BANK ... STOCK COMPANY). Fills <paramref name="positions"/>.
    /// </summary>
    /// <remarks>
    /// The first phrase of the greatest length, in token order and then table order, wins; its j-th word with a given key
    /// takes the j-th word token with that key. Each phrase is tried once per call, against an index of the tokens by
    /// key, so a call costs the tokens plus the phrases they name, not their product.
    /// </remarks>
    public Phrase? MatchScattered(List<NameToken> tokens, List<int> positions, ScatteredScratch scratch)
    {
        Phrase? best = null;
        positions.Clear();
        var byKey = scratch.PositionsByKey;
        foreach (var key in scratch.Touched) byKey[key].Clear();
        scratch.Touched.Clear();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Class != TokenClass.Word || !_byAnyKey.ContainsKey(t.Key)) continue;
            if (!byKey.TryGetValue(t.Key, out var at)) byKey[t.Key] = at = [];
            if (at.Count == 0) scratch.Touched.Add(t.Key);
            at.Add(i);
        }
        // Most names hold no word of a multi-word phrase.
        if (scratch.Touched.Count == 0) return null;
        var tried = scratch.Tried;
        tried.Clear();
        var trial = scratch.Trial;
        var used = scratch.Used;
        foreach (var t in tokens)
        {
            if (t.Class != TokenClass.Word || !_byAnyKey.TryGetValue(t.Key, out var candidates)) continue;
            foreach (var p in candidates)
            {
                if (best is not null && p.Keys.Length <= best.Keys.Length) continue;
                // The positions a phrase takes do not depend on the token that named it: trying it again cannot win.
                if (!tried.Add(p)) continue;
                trial.Clear();
                used.Clear();
                var ok = true;
                for (var k = 0; k < p.Keys.Length; k++)
                {
                    var key = p.Keys[k];
                    used.TryGetValue(key, out var taken);
                    if (!byKey.TryGetValue(key, out var at) || taken >= at.Count) { ok = false; break; }
                    // Short words meet by their letters here too: keys fold W into V, and B & W is not B.V.
                    if (!WordMatches(p, k, tokens[at[taken]])) { ok = false; break; }
                    trial.Add(at[taken]);
                    used[key] = taken + 1;
                }
                if (!ok) continue;
                best = p;
                positions.Clear();
                positions.AddRange(trial);
            }
        }
        return best;
    }

    /// <summary>Working memory of <see cref="MatchScattered"/>, reused across calls by one thread.</summary>
    internal sealed class ScatteredScratch
    {
        public Dictionary<string, List<int>> PositionsByKey { get; } = new(StringComparer.Ordinal);
        public List<string> Touched { get; } = [];
        public HashSet<Phrase> Tried { get; } = new(ReferenceEqualityComparer.Instance);
        public List<int> Trial { get; } = new(8);
        public Dictionary<string, int> Used { get; } = new(StringComparer.Ordinal);
    }

    private static void Consider(List<Phrase> candidates, List<NameToken> tokens, int start, ref int best, ref Phrase? phrase)
    {
        foreach (var p in candidates)
        {
            if (p.Keys.Length <= best || start + p.Keys.Length > tokens.Count) continue;
            var ok = true;
            var shortened = 0;
            for (var k = 0; k < p.Keys.Length && ok; k++)
            {
                var meets = WordMeets(p, k, tokens[start + k]);
                ok = meets != Meeting.No;
                if (meets == Meeting.Abbreviated) shortened++;
            }
            if (ok && AbbreviationsHold(p, shortened))
            {
                best = p.Keys.Length;
                phrase = p;
            }
        }
    }

    // Abbreviated words (LTD LIAB CO, SCI RES INST) hold a phrase together only where they cannot be a name's own
    // acronyms by chance: beside a word of the phrase written out, or three of them or more in a row.
    private static bool AbbreviationsHold(Phrase p, int shortened) =>
        shortened == 0 || shortened < p.Keys.Length || shortened >= NormalizationRules.PhraseAbbreviationsAlone;

    // Only words of multi-word phrases are read abbreviated: a lone word that abbreviates a legal-form word (NPC,
    // JOIN, PUBLIC) is far more often a name's own word.
    private static bool AbbreviationsApply(Phrase p) => p.Keys.Length > 1;

    private enum Meeting { No, Yes, Abbreviated }

    private static bool WordMatches(Phrase p, int k, NameToken t) => WordMeets(p, k, t) != Meeting.No;

    // Whether word k of a phrase meets token t. Depends on the phrase and the token alone.
    private static Meeting WordMeets(Phrase p, int k, NameToken t)
    {
        // One-word terms (TRADE, PLANT) must match exactly: a misspelling there is more likely another word.
        // Parts of legal forms (OTKRYTOE, STOCK) stand alone only when spelled right: OTKRITIE is a bank, not OTKRYTOE.
        var fuzzy = p.Keys.Length > 1 || (p.Class == TokenClass.LegalForm && !p.IsPart);
        // A one-word term takes a misspelling only when long, and only on the typed letters: a one-edit key match
        // turned SANAN into SANAYI (INDUSTRY) and INTEST into INVEST, and two different names then met exactly.
        var fuzzyText = !fuzzy && !p.IsPart && p.Texts[0].Length >= OneWordFuzzyMinLength;
        // Short words match by their letters: keys of short words collide (SCI/SKY, MACH/MATCH).
        if (t.Class == TokenClass.Number) return Meeting.No;
        var exact = p.Texts[k].Length <= NormalizationRules.ExactPhraseWordLength || t.Text.Length <= NormalizationRules.ExactPhraseWordLength
            ? p.Texts[k] == t.Text || (p.Keys[k] == t.Key && t.Origin == KeyOrigin.Transliterated)
            : p.Keys[k] == t.Key || (fuzzy && FuzzyEquals(p.Keys[k], p.Texts[k], t)) ||
              (fuzzyText && t.Text.Length >= OneWordFuzzyMinLength - 1 && Text.EditDistance.Osa(p.Texts[k], t.Text, 1) <= 1);
        if (exact) return Meeting.Yes;
        // A word of a multi-word phrase may be typed abbreviated (LTD LIAB CO, SCI RES INST): a shortening of three
        // letters or more of a longer word (see AbbreviationsHold).
        return AbbreviationsApply(p) && t.Text.Length >= NormalizationRules.PhraseAbbreviationMinLength
               && t.Origin != KeyOrigin.Transliterated && Text.Abbreviations.Abbreviates(t.Text, p.Texts[k])
            ? Meeting.Abbreviated : Meeting.No;
    }
}
