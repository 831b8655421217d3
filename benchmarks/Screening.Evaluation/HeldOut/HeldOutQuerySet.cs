using System.Text;
using Screening.Watchlists;

namespace Screening.Evaluation.HeldOut;

/// <summary>Which half of the held-out categories a query belongs to.</summary>
internal enum HeldOutHalf
{
    /// <summary>The matcher may be tuned on it; its misses are listed.</summary>
    Dev,

    /// <summary>Never looked at while tuning: only counts are reported, its misses are not written anywhere by default.</summary>
    Test,
}

/// <summary>One held-out query.</summary>
/// <param name="Category">The category.</param>
/// <param name="Half">Dev or test.</param>
/// <param name="Text">The query.</param>
/// <param name="ExpectedId">The SDN entry it was made from.</param>
/// <param name="BaseName">The listed name it was made from.</param>
/// <param name="How">The edits that made it.</param>
internal sealed record HeldOutQuery(string Category, HeldOutHalf Half, string Text, string ExpectedId, string BaseName, string How);

/// <summary>The held-out categories, in report order.</summary>
internal static class HeldOutCategories
{
    public const string Abbreviation = "heldout-abbreviation";
    public const string BrokenOrGlued = "heldout-broken-or-glued";
    public const string TokenDropped = "heldout-token-dropped";
    public const string TokenAdded = "heldout-token-added";
    public const string Romanization = "heldout-romanization";

    public static readonly (string Name, string Description)[] All =
    [
        (Abbreviation, "ordinary words shortened as people type them, with or without dots (SCIENTIFIC RESEARCH INSTITUTE -> SCI RES INST, PRODUCTION -> PROD., ASSOCIATION -> ASSN, SERVICES -> SRVCS, NAUCHNO-PROIZVODSTVENNOE -> NAUCH.-PROIZV., INSTITUT -> IN-T, SANAYI VE TICARET -> SAN. VE TIC.), or a long ordinary word cut after a consonant (INSTRUMENTATION -> INSTRUM); all shortenable words, one or two"),
        (BrokenOrGlued, "a space inside a word whose halves are not words (MANA GMENT, LIAB ILITY; sometimes a leftover hyphenation MANAGE- MENT), two words glued, a legal form to the name first (LLCTELLUR, LIABILITYCOMPANY), a hyphen removed or added; one edit or two"),
        (TokenDropped, "one token left out: a legal-form qualifier (PUBLIC/OPEN/CLOSED, LIABILITY, S, FEDERAL), a function word (OF, AND, THE), an ordinary descriptor (a word on 10+ SDN entries) or a place qualifier; never the name's rarest word"),
        (TokenAdded, "one token added: a descriptor (GROUP, PLANT, TRADING...) at the front, after a leading or before a trailing legal form, a legal form (a second one in the other style: OOO X LLC), a place (RUSSIA, RUS, MOSCOW, RF), an office word (BRANCH, HQ) or a leading THE"),
        (Romanization, "the Russian words re-romanized in another system: GOST 7.79 B (X, CZ, SHH, J), ISO 9 with or without diacritics (Ž, Č, Š, Ŝ, Û, Â), ICAO 9303 passports (IU, IA, I), French (OU, TCH, CH, J), German (W, SCH, TSCH, Z, J) or informal typing (H, J, C)"),
    ];
}

/// <summary>
/// Builds the held-out query set. The source entries are split once, by a fixed hash of the entry id (independent of
/// the seed), into two disjoint halves; each half is generated from its own seed. A change of seed re-draws the
/// variants, never moves a firm from one half to the other.
/// </summary>
internal static class HeldOutQuerySet
{
    /// <summary>The salt of the split hash. Changing it would reshuffle the halves: never do so once tuning has begun.</summary>
    public const string SplitSalt = "screening-heldout-split-v1|";

    /// <summary>The half an entry belongs to: the low bit of a 32-bit FNV-1a hash of the salted id.</summary>
    public static HeldOutHalf HalfOf(string entryId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(SplitSalt + entryId))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        // The low bit of FNV-1a follows the last byte's low bit; fold the high bits in first.
        hash ^= hash >> 16;
        return (hash & 1) == 0 ? HeldOutHalf.Dev : HeldOutHalf.Test;
    }

    /// <summary>The seed of one category's half: a separate stream per category and half.</summary>
    public static int SeedOf(int seed, int category, HeldOutHalf half) => unchecked(seed * 7919 + 1009 * (category + 1) + (half == HeldOutHalf.Test ? 503 : 0));

    /// <summary>
    /// Up to <paramref name="perHalf"/> queries per category and half, one per entry at most. A variant whose text is a
    /// listed name (of any entry; <paramref name="listedKeys"/> holds <see cref="NameParts.SpacedKey"/> of every listed
    /// name) is skipped: it would be an exact match or ambiguous.
    /// </summary>
    public static List<HeldOutQuery> Generate(IReadOnlyList<WatchlistEntry> sources, Vocabulary vocab, ISet<string> listedKeys, int seed, int perHalf)
    {
        var queries = new List<HeldOutQuery>();
        var byHalf = sources.GroupBy(e => HalfOf(e.Id)).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Id, StringComparer.Ordinal).ToArray());
        for (var c = 0; c < HeldOutCategories.All.Length; c++)
        {
            var category = HeldOutCategories.All[c].Name;
            foreach (var half in new[] { HeldOutHalf.Dev, HeldOutHalf.Test })
            {
                if (!byHalf.TryGetValue(half, out var entries)) continue;
                var rng = new Random(SeedOf(seed, c, half));
                var gen = new HeldOutGenerator(rng, vocab);
                var pool = entries.ToArray();
                for (var i = pool.Length - 1; i > 0; i--)
                {
                    var j = rng.Next(i + 1);
                    (pool[i], pool[j]) = (pool[j], pool[i]);
                }
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var made = 0;
                foreach (var entry in pool)
                {
                    if (made >= perHalf) break;
                    foreach (var source in SourceNames(entry, rng))
                    {
                        var v = category switch
                        {
                            HeldOutCategories.Abbreviation => gen.Abbreviate(source),
                            HeldOutCategories.BrokenOrGlued => gen.BreakOrGlue(source),
                            HeldOutCategories.TokenDropped => gen.DropToken(source),
                            HeldOutCategories.TokenAdded => gen.AddToken(source),
                            HeldOutCategories.Romanization => gen.Romanize(source),
                            _ => throw new InvalidOperationException(category),
                        };
                        if (v is null) continue;
                        var key = NameParts.SpacedKey(v.Text);
                        if (key.Length == 0 || key == NameParts.SpacedKey(source) || listedKeys.Contains(key) || !seen.Add(key)) continue;
                        queries.Add(new HeldOutQuery(category, half, v.Text, entry.Id, source, v.How));
                        made++;
                        break;
                    }
                }
            }
        }
        return queries;
    }

    /// <summary>The names a query may start from: the primary name, then the strong aliases in a random order; Latin script only.</summary>
    private static IEnumerable<string> SourceNames(WatchlistEntry e, Random rng)
    {
        var aliases = e.Names.Skip(1).Where(n => n.Strength == NameStrength.Strong && IsLatin(n.Value)).Select(n => n.Value).ToList();
        for (var i = aliases.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (aliases[i], aliases[j]) = (aliases[j], aliases[i]);
        }
        if (e.Names.Count > 0 && IsLatin(e.Names[0].Value)) yield return e.Names[0].Value;
        foreach (var a in aliases) yield return a;
    }

    /// <summary>Latin script: every letter below U+0250 and at least one letter.</summary>
    public static bool IsLatin(string s) => s.Any(char.IsLetter) && s.Where(char.IsLetter).All(c => c < '\u0250');
}
