using Screening.Tests.BuiltIn;
using Screening.Watchlists;

namespace Screening.Tests.Rescreening;

/// <summary>
/// The delta path (the pre-filter, then candidates from the delta's names only) must return exactly what a full screen
/// returns on the delta's entries: the same entries, scores, matched names and explanations, row by row. Fixed seeds,
/// many random deltas, books of listed names altered as customers write them.
/// </summary>
public class DeltaRescreenEquivalenceTests
{
    private const int MaxMatches = 3;

    // Names that exercise the rules the pre-filter must respect: generic words only, phrases met in part, words run
    // together and cut, numbers, Cyrillic, short words, a person and a vessel.
    private static readonly string[] Tricky =
    [
        "GLOBAL TRADING GROUP", "SUPPLY LOGISTICS", "CENTRAL DESIGN BUREAU FAKEL", "OKB FAKEL", "ALMAZ ANTEY AIR DEFENSE CONCERN",
        "ALMAZANTEY", "PLANT NO 9", "АО КОНЦЕРН ВКО АЛМАЗ-АНТЕЙ", "NAVIS ELEKTRONIKA", "SCIENTIFIC RESEARCH INSTITUTE OF RADIO ENGINEERING",
        "TSNII KHIMII", "KB PRIBOR", "AB TECH", "Q TECHNOLOGIES", "ZAVOD 174", "OOO NORD", "BUREAUFAKEL HOLDING",
        "INTERNATIONAL DESIGN AND RESEARCH INSTITUTE", "ELEKTROMASH", "SHENZHEN ORION ELECTRONICS CO LIMITED",
        // English words a Russian registry writes in Cyrillic, and Russian words other romanizations spell apart.
        "UNISERVICE LLC", "ORION TRADE SOLUTIONS", "GLOBAL LOGISTIC DEVICE GROUP", "SIBERIAN TECHNOLOGIES AND SERVICE",
        "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU ZAVOD ZHELEZOBETON", "MEKHANICHESKIY ZAVOD SHCHIT",
        "TSENTR KHIMICHESKIKH TEKHNOLOGIY", "MEZHDUNARODNYY ZAVOD CHAYKA", "ZHUKOVSKIY VOZDUSHNYY ZAVOD",
        // Abbreviations of ordinary words written out (met in part when a word of the long form is missing).
        "NPO ALMAZ", "SCIENTIFIC PRODUCTION ASSOCIATION VEGA", "NAUCHNO ISSLEDOVATELSKIY INSTITUT GRANIT", "OKB NOVATOR",
        "NPP PULSAR", "TD ORBITA", "TSNII AVTOMATIKI", "TSKB MORSKOY TEKHNIKI",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ScreenRestricted_RandomDeltasOfBuiltInList_EqualsFullScreenFiltered(int seed)
    {
        var builtIn = await BuiltInWatchlist.CreateProvider().LoadAsync();
        var entries = builtIn.Entries.Concat(Tricky.Select((n, i) => Entry("T-" + i, n, i % 7 == 5 ? EntityType.Person : EntityType.Organization))).ToList();
        var list = new Watchlist(builtIn.Id, builtIn.DisplayName, builtIn.Version, entries);
        var hits = await AssertEquivalentOnRandomDeltas([list], seed, deltas: 6, rows: 300);
        Assert.True(hits > 150, $"only {hits} matches on delta entries: the books must hit the deltas");
    }

    [Fact]
    public async Task ScreenRestricted_RandomDeltasOfFixtureLists_EqualsFullScreenFiltered()
    {
        string Fixture(params string[] path) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. path]);
        Watchlist[] lists =
        [
            await new JsonWatchlistProvider(Fixture("json", "sample.json")).LoadAsync(),
            await new OfacSdnProvider(Fixture("ofac_sdn")).LoadAsync(),
            await new CslProvider(Fixture("csl", "consolidated-excerpt.csv")).LoadAsync(),
            await new UnConsolidatedXmlProvider(Fixture("un", "consolidated_excerpt.xml")).LoadAsync(),
            await new MappedCsvProvider(Fixture("csv", "inhouse.csv")).LoadAsync(),
            await new JsonWatchlistProvider(Fixture("delta", "v2.json")).LoadAsync() is var v2
                ? new Watchlist("delta-v2", "v2", v2.Version, v2.Entries) : null!,
            new Watchlist("tricky", "Tricky", new WatchlistVersion("1"), [.. Tricky.Select((n, i) => Entry("T-" + i, n, EntityType.Organization))]),
        ];
        var hits = await AssertEquivalentOnRandomDeltas(lists, seed: 7, deltas: 10, rows: 200);
        Assert.True(hits > 100, $"only {hits} matches on delta entries");
    }

    [RealDataFact]
    public async Task ScreenRestricted_RandomDeltasOfSdnList_EqualsFullScreenFiltered()
    {
        var sdn = await new OfacSdnProvider(Path.Combine(RepoPaths.RealData!, "ofac_sdn")).LoadAsync();
        var hits = await AssertEquivalentOnRandomDeltas([sdn], seed: 20261203, deltas: 3, rows: 500);
        Assert.True(hits > 200, $"only {hits} matches on delta entries");
    }

    [Fact]
    public async Task Rescreen_RandomNewVersionOfBuiltInList_EqualsFullScreenOfNewVersionFiltered()
    {
        var old = await BuiltInWatchlist.CreateProvider().LoadAsync();
        var rnd = new Random(11);
        var generator = new DeltaQueryGenerator(rnd, old.Entries);
        var entries = old.Entries.ToList();
        for (var k = 0; k < 40; k++)
        {
            var i = rnd.Next(entries.Count);
            var e = entries[i];
            // Renamed (a typo, a Cyrillic spelling, a word added), an alias added, or only its countries changed.
            EntryName[] names = rnd.Next(4) switch
            {
                0 => [new EntryName(generator.Alter(e.PrimaryName)), .. e.Names.Skip(1)],
                1 => [.. e.Names, new EntryName(DeltaQueryGenerator.Cyrillic(e.PrimaryName), NameStrength.Strong)],
                2 => [.. e.Names, new EntryName(generator.ListedWords(), rnd.Next(2) == 0 ? NameStrength.Weak : NameStrength.Strong)],
                _ => [.. e.Names],
            };
            entries[i] = new WatchlistEntry
            {
                Id = e.Id, Type = e.Type, Names = names, Identifiers = e.Identifiers, Programs = e.Programs, Tags = e.Tags,
                Countries = names.Length == e.Names.Count && names.SequenceEqual(e.Names) ? [.. e.Countries, "KZ"] : e.Countries,
            };
        }
        for (var k = 0; k < 8; k++) entries.Add(Entry("NEW-" + k, generator.ListedWords(), EntityType.Organization));
        for (var k = 0; k < 5; k++) entries.RemoveAt(rnd.Next(entries.Count));
        var next = new Watchlist(old.Id, old.DisplayName, new WatchlistVersion("next"), entries);

        var rescreener = await Rescreener.CreateAsync(old, next, o => { o.MaxMatches = MaxMatches; o.Threshold = 0.7; });
        var delta = new Dictionary<WatchlistEntry, EntryChangeKind>(ReferenceEqualityComparer.Instance);
        foreach (var c in rescreener.Delta.Changes)
            if (c.New is not null) delta[c.New] = c.Kind;
        var book = generator.Book(delta.Keys, 600, "v");
        var full = await Build([next], 1000);
        var expected = full.ScreenMany(book)
            .SelectMany(r => r.Matches.Where(m => delta.ContainsKey(m.Entry)).Take(MaxMatches)
                .Select(m => (r.RequestId, m.EntryId, delta[m.Entry], m.Score, m.MatchedName, m.Explanation)))
            .ToList();
        var actual = rescreener.Rescreen(book)
            .SelectMany(r => r.Matches.Select(m => (r.Result.RequestId, m.Match.EntryId, m.Change, m.Match.Score, m.Match.MatchedName, m.Match.Explanation)))
            .ToList();
        Assert.Equal(expected, actual);
        Assert.True(actual.Count > 100, $"only {actual.Count} matches on added or changed entries");
        Assert.Contains(actual, a => a.Item3 == EntryChangeKind.Added);
    }

    [Fact]
    public async Task ScreenRestricted_GoldenPairsOfEveryScoringRule_EqualsIndexedPathAndFullScreen()
    {
        // One real pair per scoring rule (golden-scores.txt: phrases met in part, split readings, romanizations, hints...),
        // each screened with its entry changed (alone, and among random others) at thresholds around its score.
        var builtIn = await BuiltInWatchlist.CreateProvider().LoadAsync();
        var golden = File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "Screening.Tests", "Matching", "golden-scores.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('|').Select(f => f.Trim()).ToArray()).ToList();
        var rnd = new Random(5);
        var compared = 0;
        foreach (var threshold in (double[])[0.3, 0.5, 0.6, 0.7, 0.8])
        {
            var restricted = await Build([builtIn], MaxMatches, threshold);
            var full = await Build([builtIn], 1000, threshold);
            foreach (var g in golden)
            {
                var entry = builtIn.Entries.Single(e => e.Id == g[4]);
                var delta = new HashSet<WatchlistEntry>(ReferenceEqualityComparer.Instance) { entry };
                if (rnd.Next(2) == 0) while (delta.Count < 20) delta.Add(builtIn.Entries[rnd.Next(builtIn.Entries.Count)]);
                ScreeningRequest[] book = [new(g[1], g[0], g[2].Length == 0 ? null : g[2], g[3].Length == 0 ? null : Enum.Parse<EntityType>(g[3]))];
                var want = full.ScreenMany(book).Single().Matches;
                var indexed = restricted.ScreenRestricted(book, Mask(delta), 1, default, deltaSource: false).Single().Matches;
                var actual = restricted.ScreenRestricted(book, Mask(delta), 1, default).Single().Matches;
                var where = $"'{g[1]}' ({g[0]}) at {threshold}";
                AssertSame(where + ", against the indexed path", indexed, actual, want);
                AssertSame(where + ", against the full screen", [.. want.Where(m => delta.Contains(m.Entry)).Take(MaxMatches)], actual, want);
                compared += actual.Count;
            }
        }
        Assert.True(compared > 100, $"only {compared} matches compared");
    }

    [Fact]
    public async Task ScreenRestricted_RecordsSharingAnIdMetByALaterReading_KeptOnceAsInAFullScreen()
    {
        // Two records under one id (as the CSL lists an entity once per agency), both changed; the field's whole reading
        // reaches neither, its part in parentheses both: a full screen keeps one match per id across readings.
        var twin = () => Entry("18725", "BANCO VTB AFRICA", EntityType.Organization);
        var list = new Watchlist("csl", "CSL", new WatchlistVersion("1"), [twin(), twin(), Entry("17526", "BEKTAS HALIS", EntityType.Person)]);
        var screener = await Build([list], MaxMatches);
        var delta = new HashSet<WatchlistEntry>(list.Entries.Take(2), ReferenceEqualityComparer.Instance);
        ScreeningRequest[] book = [new("BEKTAS, Halis (BANCO VTB AFRICA)", "r")];
        var indexed = screener.ScreenRestricted(book, Mask(delta), 1, default, deltaSource: false).Single().Matches;
        var actual = screener.ScreenRestricted(book, Mask(delta), 1, default).Single().Matches;
        Assert.Same(list.Entries[0], Assert.Single(indexed).Entry);
        AssertSame("the row", indexed, actual, indexed);
    }

    /// <summary>
    /// Screens books against random deltas (sets of entries) through the delta path (pre-filter, delta candidates), and
    /// compares row by row with two references: the same restriction through the indexed path (must agree on every row),
    /// and a full screen with room for every match, filtered to the delta (must agree on every row where no entry of the
    /// delta shares its list and id with an entry outside it: a full screen keeps one match per id across a field's
    /// readings, so there the outside twin may hide the delta record). Returns the matches compared with the full screen.
    /// </summary>
    internal static async Task<int> AssertEquivalentOnRandomDeltas(Watchlist[] lists, int seed, int deltas, int rows)
    {
        var restricted = await Build(lists, MaxMatches);
        var full = await Build(lists, 1000);
        var all = lists.SelectMany(l => l.Entries).ToList();
        var listOf = new Dictionary<WatchlistEntry, string>(ReferenceEqualityComparer.Instance);
        foreach (var l in lists)
            foreach (var e in l.Entries) listOf[e] = l.Id;
        var rnd = new Random(seed);
        var generator = new DeltaQueryGenerator(rnd, all);
        int[] sizes = [1, 2, 5, 20, 50, 150];
        var compared = 0;
        for (var d = 0; d < deltas; d++)
        {
            var size = Math.Min(all.Count, sizes[rnd.Next(sizes.Length)]);
            var delta = new HashSet<WatchlistEntry>(ReferenceEqualityComparer.Instance);
            while (delta.Count < size) delta.Add(all[rnd.Next(all.Count)]);
            // Half the deltas take every record under a changed record's id (a CSL entity listed by several agencies).
            if (d % 4 >= 2)
            {
                var ids = delta.Select(e => (listOf[e], e.Id)).ToHashSet();
                foreach (var e in all.Where(e => ids.Contains((listOf[e], e.Id)))) delta.Add(e);
            }
            // Half the deltas also hold the fixture's own trick entries when it has them.
            if (d % 2 == 1) foreach (var e in all.Where(e => e.Id.StartsWith("T-", StringComparison.Ordinal))) delta.Add(e);
            var twins = all.Where(e => !delta.Contains(e)).Select(e => (listOf[e], e.Id))
                .Intersect(delta.Select(e => (listOf[e], e.Id))).ToHashSet();
            var book = generator.Book(delta, rows, $"d{d}");
            var actual = restricted.ScreenRestricted(book, Mask(delta), 0, default).ToList();
            var indexed = restricted.ScreenRestricted(book, Mask(delta), 0, default, deltaSource: false).ToList();
            var expected = full.ScreenMany(book).ToList();
            for (var r = 0; r < book.Count; r++)
            {
                var where = $"delta {d} ({delta.Count} entries), row '{book[r].Name}' ({book[r].Id})";
                AssertSame(where + ", against the indexed path", indexed[r].Matches, actual[r].Matches, expected[r].Matches);
                Assert.Equal(indexed[r].Error, actual[r].Error);
                if (expected[r].Matches.Concat(actual[r].Matches).Any(m => twins.Contains((m.ListId, m.EntryId)))) continue;
                var want = expected[r].Matches.Where(m => delta.Contains(m.Entry)).Take(MaxMatches).ToList();
                AssertSame(where + ", against the full screen", want, actual[r].Matches, expected[r].Matches);
                compared += want.Count;
            }
        }
        return compared;
    }

    private static void AssertSame(string where, IReadOnlyList<ScreeningMatch> want, IReadOnlyList<ScreeningMatch> got, IReadOnlyList<ScreeningMatch> all)
    {
        Assert.True(want.Count == got.Count,
            $"{where}: {got.Count} matches, expected {want.Count}.\nExpected: {Describe(want)}\nGot: {Describe(got)}\nFull screen: {Describe(all)}");
        for (var k = 0; k < want.Count; k++)
        {
            Assert.Same(want[k].Entry, got[k].Entry);
            Assert.Equal((want[k].Score, want[k].MatchedName, want[k].Explanation), (got[k].Score, got[k].MatchedName, got[k].Explanation));
        }
    }

    private static string Describe(IEnumerable<ScreeningMatch> matches) =>
        string.Join("; ", matches.Select(m => $"{m.ListId}/{m.EntryId} {m.Score:F3} '{m.MatchedName}' ({m.Explanation})"));

    internal static Func<Snapshot, bool[]> Mask(HashSet<WatchlistEntry> delta) => snapshot =>
    {
        var index = snapshot.Engine.Index;
        var mask = new bool[index.Entries.Length];
        for (var e = 0; e < mask.Length; e++) mask[e] = delta.Contains(index.Entries[e].Entry);
        return mask;
    };

    internal static Task<Screener> Build(Watchlist[] lists, int maxMatches, double threshold = 0.7)
    {
        var builder = new ScreenerBuilder().Configure(o => { o.UseBuiltInWatchlist = false; o.MaxMatches = maxMatches; o.Threshold = threshold; });
        foreach (var l in lists) builder.AddWatchlist(l);
        return builder.BuildAsync();
    }

    private static WatchlistEntry Entry(string id, string name, EntityType type) => new() { Id = id, Type = type, Names = [new EntryName(name)] };
}
