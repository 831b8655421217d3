using System.Globalization;
using Screening.Normalization;
using Screening.Tests.BuiltIn;
using Screening.Watchlists;

namespace Screening.Tests.Matching;

// Every per-input step is bounded: a name is read up to a fixed number of tokens (and says so), phrase matching is
// quadratic at worst in those tokens, a listed word too long for a typo is indexed without deletion variants, and a
// build can be cancelled while the index is being built. Speed itself is measured by the benchmarks (--adversarial).
public class BoundedWorkTests
{
    // The worst inputs seen, each within the default MaxNameLength: a 1,000-character run of Han characters that are
    // all phrase words, legal-form words repeated, 500 one-letter words.
    public static TheoryData<string> WorstInputs() => new()
    {
        string.Concat(Enumerable.Repeat("公限有司", 250)),
        string.Concat(Enumerable.Repeat("有限公司", 250)),
        string.Join(' ', Enumerable.Repeat("JOINT STOCK COMPANY", 50)),
        string.Join(' ', Enumerable.Repeat("LIMITED LIABILITY", 55)),
        string.Join(' ', Enumerable.Repeat("A", 500)),
    };

    // Those of them with more than MaxTokens raw tokens.
    public static TheoryData<string> LongInputs() => new()
    {
        string.Concat(Enumerable.Repeat("公限有司", 250)),
        string.Join(' ', Enumerable.Repeat("JOINT STOCK COMPANY", 50)),
        string.Join(' ', Enumerable.Repeat("A", 500)),
    };

    [Theory]
    [MemberData(nameof(LongInputs))]
    public void Normalize_LongInputs_ReadsAtMostMaxTokensAndSaysSo(string name)
    {
        var normalized = NameNormalizer.Normalize(name);
        Assert.True(normalized.Tokens.Length <= NormalizationRules.MaxTokens, $"{normalized.Tokens.Length} tokens");
        Assert.True(normalized.Truncated);
    }

    [Theory]
    [MemberData(nameof(WorstInputs))]
    public async Task Screen_WorstInputs_ResultSaysTruncated(string name)
    {
        var screener = await new ScreenerBuilder().AddWatchlist(RegressionTests.Fixture()).BuildAsync();
        var result = screener.Screen(name);
        Assert.True(result.Truncated);
        Assert.True(result.NormalizedQuery.Split(' ').Length <= 3 * NormalizationRules.MaxTokens);
    }

    [Fact]
    public async Task Screen_OrdinaryName_NotTruncated()
    {
        var screener = await new ScreenerBuilder().AddWatchlist(RegressionTests.Fixture()).BuildAsync();
        Assert.False(screener.Screen("Izhevsk Electromechanical Plant Kupol JSC").Truncated);
    }

    [Fact]
    public void Normalize_ExactlyMaxTokens_NotTruncated()
    {
        var name = string.Join(' ', Enumerable.Range(0, NormalizationRules.MaxTokens).Select(i => "W" + i.ToString(CultureInfo.InvariantCulture)));
        var normalized = NameNormalizer.Normalize(name);
        Assert.Equal(NormalizationRules.MaxTokens, normalized.Tokens.Length);
        Assert.False(normalized.Truncated);
        Assert.True(NameNormalizer.Normalize(name + " W").Truncated);
    }

    // The order-free phrase pass was rewritten to index the tokens by key; it must choose exactly what the plain scan
    // chose (the first phrase of the greatest length in token order, each word taking the first free token of its key).
    [Fact]
    public void MatchScattered_RandomPhraseWords_SameAsPlainScan()
    {
        string[] words = ["JOINT", "STOCK", "COMPANY", "LIMITED", "LIABILITY", "BANK", "DESIGN", "BUREAU", "SCIENTIFIC", "RESEARCH",
            "INSTITUTE", "CENTRAL", "PRODUCTION", "ASSOCIATION", "OPEN", "CLOSED", "KUPOL", "AND", "OF", "YOU", "XIAN", "GONG", "SI"];
        var rnd = new Random(20261203);
        var table = PhraseTable.Default;
        var scratch = new PhraseTable.ScatteredScratch();
        for (var trial = 0; trial < 3000; trial++)
        {
            var tokens = NameNormalizer.Tokenize(string.Join(' ', Enumerable.Range(0, rnd.Next(2, 14)).Select(_ => words[rnd.Next(words.Length)])));
            var positions = new List<int>();
            var fast = table.MatchScattered(tokens, positions, scratch);
            var expectedPositions = new List<int>();
            var expected = PlainScan(table, tokens, expectedPositions);
            Assert.Same(expected, fast);
            Assert.Equal(expectedPositions, positions);
        }
    }

    // The obviously correct scan the indexed pass replaced (quadratic per phrase, cubic per name).
    private static PhraseTable.Phrase? PlainScan(PhraseTable table, List<NameToken> tokens, List<int> positions)
    {
        PhraseTable.Phrase? best = null;
        var trial = new List<int>();
        foreach (var t in tokens)
        {
            if (t.Class != TokenClass.Word) continue;
            foreach (var p in table.MultiWordPhrasesWith(t.Key))
            {
                if (best is not null && p.Keys.Length <= best.Keys.Length) continue;
                trial.Clear();
                var ok = true;
                foreach (var key in p.Keys)
                {
                    var found = -1;
                    for (var i = 0; i < tokens.Count && found < 0; i++)
                        if (tokens[i].Class == TokenClass.Word && tokens[i].Key == key && !trial.Contains(i)) found = i;
                    if (found < 0) { ok = false; break; }
                    trial.Add(found);
                }
                if (!ok) continue;
                best = p;
                positions.Clear();
                positions.AddRange(trial);
            }
        }
        return best;
    }

    [Fact]
    public async Task Build_ListedWordTooLongForTypos_IndexedWithoutDeletionVariants()
    {
        var longWord = new string('X', 3000);
        var list = new Watchlist("t", "T", new WatchlistVersion("1"),
        [
            new WatchlistEntry { Id = "1", Names = [new(longWord + " TRADING")] },
            new WatchlistEntry { Id = "2", Names = [new("KUPOL PLANT")] },
        ]);
        var screener = await new ScreenerBuilder().AddWatchlist(list).Configure(o => o.MaxNameLength = 4000).BuildAsync();
        // Depth-2 variants of a 3,000-letter key would be about 4.5 million; the index holds a handful of entries.
        Assert.True(screener.Engine.DeletionIndexSize < 100, $"{screener.Engine.DeletionIndexSize} deletion variants");
        Assert.Equal("1", Assert.Single(screener.Screen(longWord + " TRADING").Matches).EntryId);
    }

    [Fact]
    public async Task Build_NameOverVariantBudget_LaterWordsExactOnlyOnBothPaths()
    {
        // Twenty 30-letter words want about 20 x 2 x 466 deletion variants: the first words get their two typos, the
        // last ones match as spelled only, and the exhaustive reference agrees.
        var rnd = new Random(11);
        var words = Enumerable.Range(0, 20).Select(_ => RandomWord(rnd, 30)).ToArray();
        var list = new Watchlist("t", "T", new WatchlistVersion("1"),
        [
            new WatchlistEntry { Id = "long", Names = [new(string.Join(' ', words))] },
            new WatchlistEntry { Id = "other", Names = [new("KUPOL PLANT")] },
        ]);
        var screener = await new ScreenerBuilder().AddWatchlist(list).Configure(o => { o.Threshold = 0.01; o.MaxNameLength = 2000; }).BuildAsync();
        Assert.True(screener.Engine.Index.NamesOverVariantBudget == 1);
        string Typo(string w) => w[..10] + (w[10] == 'Q' ? 'R' : 'Q') + w[11..];
        Assert.Equal("long", Assert.Single(screener.Screen(Typo(words[0])).Matches).EntryId);
        Assert.Empty(screener.Screen(Typo(words[^1])).Matches);
        Assert.Empty(screener.ScreenExhaustive(Typo(words[^1])).Matches);
        Assert.Equal("long", Assert.Single(screener.Screen(words[^1]).Matches).EntryId);
    }

    [Fact]
    public async Task BuildAsync_CancelledWhileIndexing_ThrowsOperationCanceled()
    {
        // Large enough that indexing takes seconds: the cancellation lands while the index is being built.
        var rnd = new Random(7);
        var entries = new List<WatchlistEntry>(300_000);
        for (var i = 0; i < 300_000; i++)
            entries.Add(new WatchlistEntry { Id = i.ToString(CultureInfo.InvariantCulture), Names = [new(RandomWord(rnd) + " " + RandomWord(rnd) + " LLC")] });
        var list = new Watchlist("big", "Big", new WatchlistVersion("1"), entries);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ScreenerBuilder().AddWatchlist(list).BuildAsync(cts.Token));
    }

    private static string RandomWord(Random rnd, int length = 0)
    {
        Span<char> s = stackalloc char[length > 0 ? length : rnd.Next(5, 11)];
        for (var i = 0; i < s.Length; i++) s[i] = (char)('A' + rnd.Next(26));
        return new string(s);
    }
}

// The budget of deletion variants per listed name never binds on real lists, so it changes no real match.
public class VariantBudgetRealDataTests
{
    [RealDataFact]
    public async Task Build_SdnAndCsl_NoNameOverVariantBudget()
    {
        var data = Screening.Tests.BuiltIn.RepoPaths.RealData!;
        var screener = await new ScreenerBuilder()
            .AddProvider(new OfacSdnProvider(Path.Combine(data, "ofac_sdn")))
            .AddProvider(new CslProvider(Path.Combine(data, "us_csl", "2022-05", "consolidated.csv")))
            .BuildAsync();
        var index = screener.Engine.Index;
        Assert.Equal(0, index.NamesOverVariantBudget);
        Assert.True(index.MostVariantsWanted < Screening.Matching.Scoring.ScoringModel.MaxDeletionVariantsPerName);
    }
}
