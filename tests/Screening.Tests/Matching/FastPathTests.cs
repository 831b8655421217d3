using Screening.Watchlists;

namespace Screening.Tests.Matching;

// The indexed fast path must return what the exhaustive reference returns: same entries, same scores.
public class FastPathTests
{
    private static readonly string[] Syllables = ["KA", "RO", "ZAV", "TEK", "MASH", "PRIBOR", "ELEK", "TRON", "NOV", "GRAD", "SIB", "VOLG", "AVIA", "STAL", "KHIM", "NEFT", "LIN", "BAL", "TSENTR", "MET", "ZHEL", "SHCH", "YU", "YA"];
    private static readonly string[] Common = ["TRADING", "GROUP", "INTERNATIONAL", "PLANT", "HOLDING", "RUS", "SERVICE", "BANK", "OF", "AND", "NO"];
    // Generic words rare enough to stay under the common-key cutoff: their postings hold only all-generic names.
    private static readonly string[] RareGeneric = ["LOGISTICS", "IMPEX", "DIGITAL", "SUPPLY"];
    private static readonly string[] Legal = ["LLC", "OOO", "JSC", "AO", "CO LTD", "LIMITED", "PJSC", "GMBH", ""];

    private static string Word(Random rnd)
    {
        var parts = rnd.Next(1, 4);
        var s = "";
        for (var i = 0; i < parts; i++) s += Syllables[rnd.Next(Syllables.Length)];
        return s;
    }

    private static string Name(Random rnd)
    {
        var words = new List<string>();
        var n = rnd.Next(1, 5);
        for (var i = 0; i < n; i++)
            words.Add(rnd.Next(30) == 0 ? RareGeneric[rnd.Next(RareGeneric.Length)] : rnd.Next(4) == 0 ? Common[rnd.Next(Common.Length)] : Word(rnd));
        if (rnd.Next(3) == 0) words.Add(rnd.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var legal = Legal[rnd.Next(Legal.Length)];
        if (legal.Length > 0) { if (rnd.Next(2) == 0) words.Insert(0, legal); else words.Add(legal); }
        return string.Join(rnd.Next(5) == 0 ? "-" : " ", words);
    }

    private static string Mutate(Random rnd, string name)
    {
        var c = name.ToCharArray().ToList();
        switch (rnd.Next(7))
        {
            case 0: if (c.Count > 3) c.RemoveAt(rnd.Next(c.Count)); break;
            case 1: c.Insert(rnd.Next(c.Count + 1), (char)('A' + rnd.Next(26))); break;
            case 2: c[rnd.Next(c.Count)] = (char)('A' + rnd.Next(26)); break;
            case 3: { var i = c.IndexOf(' '); if (i > 0) c.RemoveAt(i); break; }
            case 4: { var p = rnd.Next(1, Math.Max(2, c.Count - 1)); if (p < c.Count) c.Insert(p, ' '); break; }
            case 5: return string.Join(' ', name.Split(' ').OrderBy(_ => rnd.Next()));
            default: break;
        }
        return new string([.. c]);
    }

    [Fact]
    public async Task Screen_RandomQueries_MatchesExhaustiveReference()
    {
        var rnd = new Random(1234);
        var entries = new List<WatchlistEntry>();
        for (var i = 0; i < 2000; i++)
        {
            var names = new List<EntryName> { new(Name(rnd)) };
            if (rnd.Next(3) == 0) names.Add(new(Name(rnd), rnd.Next(4) == 0 ? NameStrength.Weak : NameStrength.Strong));
            entries.Add(new WatchlistEntry { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Names = names, Type = EntityType.Organization });
        }
        var list = new Watchlist("random", "Random", new WatchlistVersion("1"), entries);
        foreach (var threshold in new[] { 0.6, 0.8 })
        {
            var screener = await new ScreenerBuilder().AddWatchlist(list).Configure(o => { o.Threshold = threshold; o.MaxMatches = 5; }).BuildAsync();
            var queries = 0;
            for (var i = 0; i < 500; i++)
            {
                var source = entries[rnd.Next(entries.Count)].Names[0].Value;
                var query = rnd.Next(6) == 0 ? Name(rnd) : Mutate(rnd, source);
                if (string.IsNullOrWhiteSpace(query) || !query.Any(char.IsLetterOrDigit)) continue;
                queries++;
                AssertSameAsReference(screener, query, threshold);
            }
            Assert.True(queries > 350);
        }
    }

    // Words of listed phrases (DESIGN BUREAU = KB, CENTRAL DESIGN BUREAU = TsKB) met whole, in part and by their
    // abbreviations, beside short words: phrase keys are short (TsKB keys to KKB, one deletion from KB's key).
    private static readonly string[] PhraseWords = ["CENTRAL", "DESIGN", "BUREAU", "RESEARCH", "INSTITUTE", "SCIENTIFIC", "SPECIAL",
        "EXPERIMENTAL", "KB", "TSNII", "TSKB", "OKB", "SKB", "NII", "OF", "Q", "ZX", "AB", "KONSTRUKTORSKOE", "BYURO"];

    [Theory]
    [InlineData(8)]
    [InlineData(14)]
    [InlineData(38)]
    public async Task Screen_RandomPhraseNames_MatchesExhaustiveReference(int seed)
    {
        var rnd = new Random(seed);
        string PhraseName()
        {
            var words = new List<string>();
            var n = rnd.Next(1, 6);
            for (var i = 0; i < n; i++) words.Add(rnd.Next(2) == 0 ? PhraseWords[rnd.Next(PhraseWords.Length)] : Word(rnd));
            return string.Join(' ', words);
        }
        var entries = new List<WatchlistEntry>();
        var count = rnd.Next(200, 3000);
        for (var i = 0; i < count; i++) entries.Add(Entry(i, PhraseName()));
        var list = new Watchlist("phrases", "Phrases", new WatchlistVersion("1"), entries);
        foreach (var threshold in new[] { 0.6, 0.7, 0.8 })
        {
            var screener = await new ScreenerBuilder().AddWatchlist(list).Configure(o => { o.Threshold = threshold; o.MaxMatches = 50; }).BuildAsync();
            for (var i = 0; i < 300; i++) AssertSameAsReference(screener, PhraseName(), threshold);
        }
    }

    private static void AssertSameAsReference(Screener screener, string query, double threshold)
    {
        var fast = screener.Screen(query);
        var reference = screener.ScreenExhaustive(query);
        Assert.True(reference.Matches.Count == fast.Matches.Count, $"'{query}' at {threshold}: fast {fast.Matches.Count} vs reference {reference.Matches.Count} matches");
        for (var k = 0; k < fast.Matches.Count; k++)
        {
            Assert.Equal(reference.Matches[k].Score, fast.Matches[k].Score, 6);
            Assert.Equal(reference.Matches[k].EntryId, fast.Matches[k].EntryId);
        }
    }

    [Fact]
    public async Task CandidateCount_CommonAndFunctionWords_ReadOnlyPostingsThatCanReachThreshold()
    {
        // OF on 600 names, BANK on 300, KAROZAV on 70: all three are common here (the cut-off is 64 names).
        // A name met only through OF never scores (no content word), and one met only through BANK cannot reach 0.8
        // beside an unmatched KAROZAV, so only KAROZAV's names are candidates.
        var entries = new List<WatchlistEntry>();
        for (var i = 0; i < 600; i++) entries.Add(Entry(i, $"PLANT {i} OF {(i < 300 ? "BANK" : "TRADE")} N{i}"));
        for (var i = 600; i < 670; i++) entries.Add(Entry(i, $"KAROZAV MASH M{i}"));
        entries.Add(Entry(670, "KAROZAV BANK"));
        var screener = await new ScreenerBuilder().AddWatchlist(new Watchlist("t", "T", new WatchlistVersion("1"), entries)).BuildAsync();
        int Count(string q) => screener.Engine.CandidateCount(Screening.Normalization.NameNormalizer.Normalize(q), screener.Threshold);

        Assert.Equal(71, Count("KAROZAV OF BANK"));
        Assert.Equal("670", screener.Screen("KAROZAV OF BANK").Matches[0].EntryId);
        // With nothing else to miss, the bound cannot rule the names with BANK out: they are read.
        Assert.True(Count("BANK OF") >= 301);
    }

    private static WatchlistEntry Entry(int id, string name) => new()
    {
        Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Names = [new(name)],
        Type = EntityType.Organization,
    };
}
