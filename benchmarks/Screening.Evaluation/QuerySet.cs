using Screening.Watchlists;

namespace Screening.Evaluation;

/// <summary>Picks the source entries and builds the categorized queries and the near-misses, all from one seed.</summary>
internal static class QuerySet
{
    public static bool IsRussiaProgram(string program) =>
        program.Contains("RUSSIA-EO14024", StringComparison.OrdinalIgnoreCase)
        || program.StartsWith("UKRAINE-EO1366", StringComparison.OrdinalIgnoreCase)
        || program.Equals("CAATSA - RUSSIA", StringComparison.OrdinalIgnoreCase);

    public static bool IsRussiaOrganization(WatchlistEntry e) =>
        e.Type == EntityType.Organization && e.Programs.Any(IsRussiaProgram);

    public static bool IsChinaLinked(WatchlistEntry e) =>
        e.Countries.Contains("CN") || e.Countries.Contains("HK");

    // Names the generators start from: the primary name and strong aliases, in Latin letters.
    private static IEnumerable<EntryName> SourceNames(WatchlistEntry e) =>
        e.Names.Where((n, i) => (i == 0 || n.Strength == NameStrength.Strong) && IsLatin(n.Value));

    public static bool IsLatin(string s)
    {
        var letters = 0;
        foreach (var c in s)
        {
            if (!char.IsLetter(c)) continue;
            if (c > '\u024F') return false;
            letters++;
        }
        return letters > 0;
    }

    /// <summary>Builds up to <paramref name="perCategory"/> queries per category, one per entry at most.</summary>
    public static List<GeneratedQuery> Generate(IReadOnlyList<WatchlistEntry> russiaOrgs, IReadOnlyList<WatchlistEntry> chinaOrgs,
        TokenStats stats, int seed, int perCategory)
    {
        var queries = new List<GeneratedQuery>();
        for (var c = 0; c < Categories.All.Length; c++)
        {
            var category = Categories.All[c].Name;
            // A seed per category: adding or changing one category leaves the others' queries unchanged.
            var rng = new Random(unchecked(seed * 31 + c + 1));
            var gen = new VariantGenerator(rng, stats);
            var pool = (category == Categories.ChineseSupplier ? chinaOrgs : russiaOrgs).ToArray();
            Shuffle(pool, rng);
            var made = 0;
            var seenTexts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in pool)
            {
                if (made >= perCategory) break;
                var q = MakeOne(category, entry, gen, rng);
                if (q is null || !seenTexts.Add(q.Text)) continue;
                queries.Add(q);
                made++;
            }
        }
        return queries;
    }

    private static GeneratedQuery? MakeOne(string category, WatchlistEntry entry, VariantGenerator gen, Random rng)
    {
        var primary = entry.PrimaryName;
        if (category == Categories.Exact)
            return IsLatin(primary) ? new GeneratedQuery(category, primary, entry.Id, primary) : null;
        if (category == Categories.Alias)
        {
            var primaryKey = Word.KeyOf(primary);
            var aliases = entry.Names.Where(n => n.Strength == NameStrength.Strong && Word.KeyOf(n.Value) != primaryKey).ToList();
            if (aliases.Count == 0) return null;
            var a = aliases[rng.Next(aliases.Count)];
            return new GeneratedQuery(category, a.Value, entry.Id, a.Value);
        }

        // The primary name when the alteration applies to it, else a strong alias where it does.
        var sources = SourceNames(entry).ToList();
        if (sources.Count == 0) return null;
        if (sources.Count > 1)
        {
            var rest = sources.Skip(1).ToList();
            Shuffle(rest, rng);
            sources = [sources[0], .. rest];
        }
        foreach (var source in sources)
        {
            var text = category switch
            {
                Categories.CasePunctuation => gen.CasePunctuation(source.Value),
                Categories.LegalFormSwapped => gen.LegalFormSwapped(source.Value),
                Categories.LegalFormDropped => VariantGenerator.LegalFormDropped(source.Value),
                Categories.OneTypo => gen.OneTypo(source.Value),
                Categories.TwoTypos => gen.TwoTypos(source.Value),
                Categories.WordOrder => gen.WordOrder(source.Value),
                Categories.SplitOrJoined => gen.SplitOrJoined(source.Value),
                Categories.TokenDropped => gen.TokenDropped(source.Value),
                Categories.TokenAdded => gen.TokenAdded(source.Value),
                Categories.Abbreviation => gen.Abbreviation(source.Value),
                Categories.AlternateRomanization => gen.AlternateRomanization(source.Value),
                Categories.CyrillicScript => gen.CyrillicScript(source.Value, entry.Countries),
                Categories.ChineseSupplier => gen.ChineseSupplier(source.Value),
                _ => throw new InvalidOperationException(category),
            };
            if (text is not null && !string.Equals(text, source.Value, StringComparison.Ordinal))
                return new GeneratedQuery(category, text, entry.Id, source.Value);
        }
        return null;
    }

    /// <summary>
    /// Near-misses: the most distinctive word of a listed name (the rarest across the list) replaced by another
    /// entry's distinctive word. Sister firms and unrelated firms share generic words; this is the case a screener
    /// must not flag as the original.
    /// </summary>
    public static List<GeneratedQuery> NearMisses(IReadOnlyList<WatchlistEntry> russiaOrgs, TokenStats stats, ISet<string> listedKeys, int seed, int count)
    {
        var rng = new Random(unchecked(seed * 31 + 1000));
        var pool = russiaOrgs.ToArray();
        Shuffle(pool, rng);

        // Donor words: the rarest word of each entry's primary name, when it is rare enough to be distinctive.
        var donors = new List<(string Word, string EntryId)>();
        foreach (var e in russiaOrgs)
        {
            var p = ParsedName.Parse(e.PrimaryName);
            var content = p.ContentIndexes();
            if (content.Count == 0) continue;
            var best = content.OrderBy(i => stats.DocumentFrequency(p.Words[i].Key)).ThenByDescending(i => p.Words[i].Key.Length).First();
            var key = p.Words[best].Key;
            if (key.Length >= 4 && stats.DocumentFrequency(key) <= 3 && key.All(char.IsAsciiLetter)) donors.Add((key, e.Id));
        }

        var result = new List<GeneratedQuery>();
        foreach (var entry in pool)
        {
            if (result.Count >= count) break;
            if (!IsLatin(entry.PrimaryName)) continue;
            var p = ParsedName.Parse(entry.PrimaryName);
            var content = p.ContentIndexes();
            // Short names, where one word is a real part of the identity; the word replaced is alphabetic (not "50TH").
            if (content.Count < 2 || content.Count > 5) continue;
            var alphabetic = content.Where(i => p.Words[i].Key.Length >= 3 && p.Words[i].Key.All(char.IsAsciiLetter)).ToList();
            if (alphabetic.Count == 0) continue;
            var target = alphabetic.OrderBy(i => stats.DocumentFrequency(p.Words[i].Key)).ThenByDescending(i => p.Words[i].Key.Length).First();
            var old = p.Words[target].Key;
            var contentKeys = content.Select(i => p.Words[i].Key).ToHashSet();
            string? replacement = null;
            for (var attempt = 0; attempt < 50 && replacement is null; attempt++)
            {
                var (word, donorId) = donors[rng.Next(donors.Count)];
                if (donorId == entry.Id || contentKeys.Contains(word)) continue;
                // Clearly a different word, not a misspelling of the one replaced.
                if (Levenshtein(word, old) < 3 || (word.Length >= 4 && old.Length >= 4 && word[..4] == old[..4])) continue;
                replacement = word;
            }
            if (replacement is null) continue;
            var words = p.Words.Select(w => w.Raw).ToArray();
            words[target] = replacement;
            var text = ParsedName.Join(words);
            if (listedKeys.Contains(Word.KeyOf(text))) continue; // by chance a listed name
            result.Add(new GeneratedQuery("near-miss", text, entry.Id, entry.PrimaryName));
        }
        return result;
    }

    public static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    public static void Shuffle<T>(T[] array, Random rng)
    {
        for (var i = array.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (array[i], array[j]) = (array[j], array[i]);
        }
    }

    private static void Shuffle<T>(List<T> list, Random rng)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
