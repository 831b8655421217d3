using Screening.Evaluation.HeldOut;
using Screening.Watchlists;

namespace Screening.Tests.Evaluation;

public class HeldOutQuerySetTests
{
    private static readonly string[] Syllables = ["KA", "RO", "VI", "STA", "MEN", "DOR", "LU", "PEK", "ZHI", "TSO"];
    private static readonly string[] Patterns =
    [
        "LIMITED LIABILITY COMPANY {0} SCIENTIFIC RESEARCH INSTITUTE",
        "JOINT STOCK COMPANY {0} MACHINE BUILDING PLANT",
        "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU {0} TEKHNOLOGII",
        "AKTSIONERNOE OBSHCHESTVO NAUCHNO PROIZVODSTVENNOE PREDPRIYATIE {0}",
        "{0} INTERNATIONAL TRADING LIMITED",
        "PUBLIC JOINT STOCK COMPANY {0} ENGINEERING SERVICES",
    ];

    // Invented Russia-program organizations: a distinctive made-up word in ordinary company-name patterns.
    private static List<WatchlistEntry> Entries(int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var word = Syllables[i % 10] + Syllables[i / 10 % 10] + Syllables[i / 100 % 10] + "N";
            return new WatchlistEntry
            {
                Id = (30000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Type = EntityType.Organization,
                Names = [new EntryName(string.Format(System.Globalization.CultureInfo.InvariantCulture, Patterns[i % Patterns.Length], word))],
                Programs = ["RUSSIA-EO14024"],
            };
        }).ToList();

    private static Vocabulary Vocab(List<WatchlistEntry> entries) =>
        Vocabulary.Build(entries, ["Summit Research Institute Ltd", "Carter Machine Building Plant", "Global International Trading Limited", "Acme Engineering Services"]);

    private static List<HeldOutQuery> Generate(List<WatchlistEntry> entries, int seed) =>
        HeldOutQuerySet.Generate(entries, Vocab(entries), new HashSet<string>(StringComparer.Ordinal), seed, 40);

    [Fact]
    public void HalfOf_FixedIds_SameHalvesEveryRunAndAboutHalfEach()
    {
        var ids = Enumerable.Range(1, 4000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var first = ids.Select(HeldOutQuerySet.HalfOf).ToList();
        var second = ids.Select(HeldOutQuerySet.HalfOf).ToList();

        Assert.Equal(first, second);
        var dev = first.Count(h => h == HeldOutHalf.Dev);
        Assert.InRange(dev, 1800, 2200);
        // Pinned: the split must never move a firm between halves once tuning has begun (salt and hash unchanged).
        Assert.Equal(2002, dev);
        Assert.Equal([HeldOutHalf.Dev, HeldOutHalf.Test, HeldOutHalf.Dev, HeldOutHalf.Dev], new[] { "33411", "34769", "18779", "44032" }.Select(HeldOutQuerySet.HalfOf));
    }

    [Fact]
    public void Generate_SameSeed_SameQueries()
    {
        var entries = Entries(600);

        var a = Generate(entries, 7);
        var b = Generate(entries, 7);

        Assert.NotEmpty(a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Generate_AnySeed_DevAndTestComeFromDisjointEntriesChosenByTheSplit()
    {
        var entries = Entries(600);

        foreach (var seed in new[] { 7, 8 })
        {
            var queries = Generate(entries, seed);
            var dev = queries.Where(q => q.Half == HeldOutHalf.Dev).Select(q => q.ExpectedId).ToHashSet();
            var test = queries.Where(q => q.Half == HeldOutHalf.Test).Select(q => q.ExpectedId).ToHashSet();

            Assert.NotEmpty(dev);
            Assert.NotEmpty(test);
            Assert.Empty(dev.Intersect(test));
            Assert.All(queries, q => Assert.Equal(HeldOutQuerySet.HalfOf(q.ExpectedId), q.Half));
        }
    }

    [Fact]
    public void Generate_EveryCategoryAndHalf_HasQueriesOneEntryAtMostOnce()
    {
        var queries = Generate(Entries(600), 7);

        foreach (var (category, _) in HeldOutCategories.All)
            foreach (var half in new[] { HeldOutHalf.Dev, HeldOutHalf.Test })
            {
                var group = queries.Where(q => q.Category == category && q.Half == half).ToList();
                Assert.True(group.Count > 0, $"{category} {half}: no queries");
                Assert.Equal(group.Count, group.Select(q => q.ExpectedId).Distinct().Count());
                Assert.All(group, q => Assert.NotEqual(NameParts.SpacedKey(q.BaseName), NameParts.SpacedKey(q.Text)));
            }
    }

    [Fact]
    public void Generate_OtherSeed_OtherVariantsOfTheSameHalves()
    {
        var entries = Entries(600);

        var a = Generate(entries, 7);
        var b = Generate(entries, 8);

        Assert.NotEqual(a.Select(q => q.Text), b.Select(q => q.Text));
    }

    [Fact]
    public void Generate_VariantThatIsAListedName_Skipped()
    {
        var entries = Entries(600);
        var first = Generate(entries, 7);
        var listed = first.Select(q => NameParts.SpacedKey(q.Text)).ToHashSet(StringComparer.Ordinal);

        var again = HeldOutQuerySet.Generate(entries, Vocab(entries), listed, 7, 40);

        Assert.DoesNotContain(again, q => listed.Contains(NameParts.SpacedKey(q.Text)));
    }
}
