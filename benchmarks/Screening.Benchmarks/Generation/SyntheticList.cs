using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Benchmarks.Generation;

/// <summary>
/// Synthetic lists of any size built deterministically from the real list's words: organization names recombine
/// words drawn with their real frequencies (so the Zipf-like skew of INTERNATIONAL, TRADING, COMPANY survives), most
/// carry a legal form, persons recombine real surnames and given names. A share of new words (two real words
/// blended) lets the vocabulary grow with the list as it does in real registries, instead of saturating at the
/// source's vocabulary.
/// </summary>
internal static class SyntheticList
{
    private static readonly string[] LegalForms =
    [
        "LLC", "LLC", "LLC", "OOO", "JSC", "JSC", "AO", "CO., LTD.", "CO., LTD.", "COMPANY LIMITED", "LIMITED", "LIMITED", "LTD",
        "INC.", "CORP.", "GMBH", "FZE", "PJSC", "OJSC", "LIMITED LIABILITY COMPANY", "JOINT STOCK COMPANY", "LTD STI", "S.A.",
    ];

    private sealed class Pools
    {
        public required string[] OrgWords; // with repetitions: a uniform pick is a frequency-weighted pick
        public required string[] Surnames;
        public required string[] GivenNames;
    }

    /// <summary>Builds a list with <paramref name="nameCount"/> names (primary names plus about one alias per five entries).</summary>
    public static Watchlist Build(Watchlist source, int nameCount, int seed = QueryMix.DefaultSeed)
    {
        var pools = CollectPools(source);
        var rng = new Random(seed ^ nameCount);
        var entries = new List<WatchlistEntry>(nameCount);
        var names = 0;
        while (names < nameCount)
        {
            var person = rng.Next(100) < 30;
            var primary = person ? PersonName(pools, rng) : OrganizationName(pools, rng);
            var entryNames = new List<EntryName> { new(primary) };
            if (names + 1 < nameCount && rng.Next(5) == 0)
                entryNames.Add(new EntryName(person ? PersonName(pools, rng) : OrganizationName(pools, rng), NameStrength.Strong));
            names += entryNames.Count;
            entries.Add(new WatchlistEntry
            {
                Id = "S" + entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Type = person ? EntityType.Person : EntityType.Organization,
                Names = entryNames,
                Programs = ["SYNTHETIC"],
            });
        }
        return new Watchlist($"synthetic-{nameCount}", $"Synthetic list of {nameCount:N0} names", new WatchlistVersion($"seed-{seed}"), entries);
    }

    private static string OrganizationName(Pools p, Random rng)
    {
        var words = rng.Next(100) switch { < 25 => 1, < 65 => 2, < 88 => 3, _ => 4 };
        var parts = new List<string>(words + 1);
        for (var i = 0; i < words; i++) parts.Add(rng.Next(100) < 15 ? Blend(p.OrgWords, rng) : p.OrgWords[rng.Next(p.OrgWords.Length)]);
        var roll = rng.Next(100);
        if (roll < 45) parts.Add(LegalForms[rng.Next(LegalForms.Length)]);
        else if (roll < 60) parts.Insert(0, LegalForms[rng.Next(LegalForms.Length)]);
        return string.Join(' ', parts);
    }

    private static string PersonName(Pools p, Random rng)
    {
        var surname = rng.Next(100) < 15 ? Blend(p.Surnames, rng) : p.Surnames[rng.Next(p.Surnames.Length)];
        var given = p.GivenNames[rng.Next(p.GivenNames.Length)];
        return rng.Next(3) == 0 ? $"{surname}, {given} {p.GivenNames[rng.Next(p.GivenNames.Length)]}" : $"{surname}, {given}";
    }

    // The start of one real word and the end of another: KUPOLTEKH, ROSNEFTMASH.
    private static string Blend(string[] pool, Random rng)
    {
        string a, b;
        do a = pool[rng.Next(pool.Length)]; while (a.Length < 4);
        do b = pool[rng.Next(pool.Length)]; while (b.Length < 4);
        return a[..(a.Length / 2 + 1)] + b[(b.Length / 2)..];
    }

    private static Pools CollectPools(Watchlist source)
    {
        var orgWords = new List<string>();
        var surnames = new List<string>();
        var given = new List<string>();
        foreach (var e in source.Entries)
        {
            foreach (var n in e.Names)
            {
                if (string.IsNullOrWhiteSpace(n.Value)) continue;
                if (e.Type == EntityType.Person)
                {
                    // OFAC writes persons as "LAST, First Middle".
                    var comma = n.Value.IndexOf(',', StringComparison.Ordinal);
                    if (comma <= 0) continue;
                    surnames.AddRange(Words(n.Value[..comma]));
                    given.AddRange(Words(n.Value[(comma + 1)..]));
                }
                else if (e.Type is EntityType.Organization or EntityType.Unknown)
                {
                    foreach (var w in Words(n.Value))
                        if (!IsLegalForm(w)) orgWords.Add(w);
                }
            }
        }
        return new Pools { OrgWords = [.. orgWords], Surnames = [.. surnames], GivenNames = [.. given] };
    }

    private static readonly Dictionary<string, bool> LegalFormCache = new(StringComparer.Ordinal);

    private static bool IsLegalForm(string word)
    {
        if (LegalFormCache.TryGetValue(word, out var legal)) return legal;
        var tokens = NameNormalizer.Normalize(word).Tokens;
        legal = tokens.Length == 0 || Array.TrueForAll(tokens, t => t.Class == TokenClass.LegalForm);
        LegalFormCache[word] = legal;
        return legal;
    }

    private static IEnumerable<string> Words(string text)
    {
        foreach (var raw in text.Split([' ', ',', '(', ')', '"', '\'', ';', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw.Trim('.', '-', ':').ToUpperInvariant();
            if (w.Length >= 2 && w.Any(char.IsLetter)) yield return w;
        }
    }
}
