using Microsoft.Extensions.Time.Testing;
using Screening.Tests.Matching;
using Screening.Watchlists;

namespace Screening.Tests;

public class ScreenerTests
{
    private static Task<Screener> Build(Action<ScreeningOptions>? configure = null, TimeProvider? time = null)
    {
        var b = new ScreenerBuilder().AddWatchlist(ScreenerSmokeTests.Sample());
        if (configure is not null) b.Configure(configure);
        if (time is not null) b.UseTimeProvider(time);
        return b.BuildAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public async Task Screen_EmptyOrWhitespace_ThrowsArgumentException(string name)
    {
        var s = await Build();
        Assert.Throws<ArgumentException>(() => s.Screen(name));
    }

    [Fact]
    public async Task Screen_Null_ThrowsArgumentNullException()
    {
        var s = await Build();
        Assert.Throws<ArgumentNullException>(() => s.Screen((string)null!));
    }

    [Fact]
    public async Task Screen_TooLong_ThrowsWithLimit()
    {
        var s = await Build(o => o.MaxNameLength = 50);
        var ex = Assert.Throws<ArgumentException>(() => s.Screen(new string('A', 51)));
        Assert.Contains("50", ex.Message);
    }

    [Fact]
    public async Task Screen_OnlyPunctuation_ThrowsArgumentException()
    {
        var s = await Build();
        Assert.Throws<ArgumentException>(() => s.Screen("--- ... !!!"));
    }

    [Fact]
    public async Task Screen_Result_IsSelfDescribing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var s = await Build(o => o.Threshold = 0.75, time);
        var r = s.Screen("IEMZ Kupol", country: "RU");
        Assert.Equal("IEMZ Kupol", r.Query);
        Assert.Equal("IEMZ KUPOL", r.NormalizedQuery);
        Assert.Equal(0.75, r.Threshold);
        Assert.Equal(time.GetUtcNow(), r.ScreenedAt);
        var list = Assert.Single(r.Lists);
        Assert.Equal("test", list.Id);
        Assert.Equal("1", list.Version.Label);
        var m = r.Matches[0];
        Assert.Equal("46431", m.EntryId);
        Assert.Equal("JSC IEMZ KUPOL", m.MatchedName);
        Assert.Equal(NameStrength.Strong, m.MatchedNameStrength);
        Assert.Contains("country hint RU matches", m.Explanation);
        Assert.Contains(m.Alignment, a => a.Kind == TokenMatchKind.Exact && a.ListToken == "KUPOL");
    }

    [Fact]
    public async Task Screen_Matches_OrderedByScoreAndCappedByLimit()
    {
        var s = await Build(o => { o.Threshold = 0.3; o.MaxMatches = 2; });
        var r = s.Screen("Kupol Almaz Antey Tsentr");
        Assert.True(r.Matches.Count <= 2);
        for (var i = 1; i < r.Matches.Count; i++) Assert.True(r.Matches[i - 1].Score >= r.Matches[i].Score);
    }

    [Fact]
    public async Task Screen_ExactName_ScoresOne()
    {
        var s = await Build();
        Assert.Equal(1.0, s.Screen("JOINT-STOCK COMPANY CONCERN ALMAZ-ANTEY").Matches[0].Score);
    }

    [Fact]
    public async Task TokenSetRatio_CyrillicQuery_ComparesNormalizedTexts()
    {
        var s = await Build();
        var m = s.Screen("АО ИЭМЗ Купол").Matches[0];
        Assert.Equal("46431", m.EntryId);
        Assert.InRange(m.TokenSetRatio, 80, 100); // FuzzySharp alone, on the raw Cyrillic, would see nothing
    }

    [Fact]
    public async Task Screen_TypeHintMismatch_LowersButNeverExcludes()
    {
        var s = await Build();
        var plain = s.Screen("IEMZ Kupol").Matches[0];
        var hinted = s.Screen("IEMZ Kupol", entityType: EntityType.Person).Matches[0];
        Assert.Equal(plain.EntryId, hinted.EntryId);
        Assert.True(hinted.Score < plain.Score);
        Assert.Contains("never exclude", hinted.Explanation);
    }

    [Fact]
    public async Task Screen_WeakAlias_ScoresBelowDefaultThresholdAlone()
    {
        var list = new Watchlist("w", "w", new WatchlistVersion("1"),
        [
            new WatchlistEntry { Id = "1", Names = [new("ROMASHKA TRADING HOUSE"), new("ZVEZDA", NameStrength.Weak)] },
            new WatchlistEntry { Id = "2", Names = [new("KOLOKOL INDUSTRIES"), new("ZVEZDA", NameStrength.Strong)] },
        ]);
        var s = await new ScreenerBuilder().AddWatchlist(list).BuildAsync();
        var r = s.Screen("ZVEZDA");
        var strong = Assert.Single(r.Matches);
        Assert.Equal("2", strong.EntryId);
        Assert.Equal(1.0, strong.Score);

        // OFAC: weak AKAs are broad; a verbatim one scores x0.78, shown only below the default threshold.
        var lower = await new ScreenerBuilder().AddWatchlist(list).Configure(o => o.Threshold = 0.7).BuildAsync();
        var weak = Assert.Single(lower.Screen("ZVEZDA").Matches, m => m.EntryId == "1");
        Assert.Equal(0.78, weak.Score, 3);
        Assert.Contains("weak alias", weak.Explanation);
    }

    [Theory]
    // The EU names firms by the acronym OFAC lists as weak, with their legal form: a weak alias met with a legal form
    // of a class the entry has alerts (x0.85); alone, or with a legal form of another class, it stays below (x0.78).
    [InlineData("JSC MMZ", 0.85)]
    [InlineData("АО «ММЗ»", 0.85)]
    [InlineData("MMZ", 0.78)]
    [InlineData("MMZ LIMITED", 0.78)]
    public async Task Screen_WeakAliasWithTheEntrysLegalForm_Alerts(string query, double expected)
    {
        var list = new Watchlist("w", "w", new WatchlistVersion("1"),
        [
            new WatchlistEntry { Id = "1", Names = [new("MARIYSKIY MACHINE-BUILDING PLANT OPEN JOINT STOCK COMPANY"), new("MMZ", NameStrength.Weak)] },
        ]);
        var s = await new ScreenerBuilder().AddWatchlist(list).Configure(o => o.Threshold = 0.7).BuildAsync();
        var match = Assert.Single(s.Screen(query).Matches);
        Assert.Equal(expected, match.Score, 3);
        Assert.Contains(expected > 0.8 ? "weak alias met with a legal form the entry has" : "for a weak alias", match.Explanation);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public async Task BuildAsync_InvalidThreshold_ThrowsNamingOption(double threshold)
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Build(o => o.Threshold = threshold));
        Assert.Contains("Threshold", ex.Message);
    }

    [Fact]
    public async Task BuildAsync_InvalidMaxMatches_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Build(o => o.MaxMatches = 0));
    }

    [Fact]
    public async Task BuildAsync_DuplicateListIds_Throws()
    {
        var b = new ScreenerBuilder().AddWatchlist(ScreenerSmokeTests.Sample()).AddWatchlist(ScreenerSmokeTests.Sample());
        await Assert.ThrowsAsync<InvalidOperationException>(() => b.BuildAsync());
    }

    [Fact]
    public async Task ScreenMany_KeepsInputOrderAndReportsBadRows()
    {
        var s = await Build();
        var requests = new List<ScreeningRequest>();
        for (var i = 0; i < 5000; i++)
            requests.Add(new ScreeningRequest(i % 1000 == 7 ? "  " : i % 2 == 0 ? "IEMZ Kupol" : $"Unlisted Name {i}", Id: i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var results = s.ScreenMany(requests, chunkSize: 256).ToList();
        Assert.Equal(requests.Count, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            Assert.Equal(requests[i].Id, results[i].RequestId);
            if (i % 1000 == 7) Assert.NotNull(results[i].Error);
            else Assert.Equal(i % 2 == 0, results[i].IsHit);
        }
    }

    [Fact]
    public async Task ScreenManyAsync_KeepsInputOrder()
    {
        var s = await Build();
        static async IAsyncEnumerable<ScreeningRequest> Source()
        {
            for (var i = 0; i < 3000; i++)
            {
                if (i % 500 == 0) await Task.Yield();
                yield return new ScreeningRequest(i % 3 == 0 ? "Almaz Antey" : "Nothing Here", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        var n = 0;
        await foreach (var r in s.ScreenManyAsync(Source(), chunkSize: 100))
        {
            Assert.Equal(n.ToString(System.Globalization.CultureInfo.InvariantCulture), r.RequestId);
            Assert.Equal(n % 3 == 0, r.IsHit);
            n++;
        }
        Assert.Equal(3000, n);
    }

    [Fact]
    public async Task Screen_ManyThreads_SameResults()
    {
        var s = await Build();
        var expected = s.Screen("Izhevsk Electromechanical Plant Kupol").Matches[0].Score;
        Parallel.For(0, 2000, _ => Assert.Equal(expected, s.Screen("Izhevsk Electromechanical Plant Kupol").Matches[0].Score));
    }
}
