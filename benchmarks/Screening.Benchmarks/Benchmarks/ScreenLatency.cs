using BenchmarkDotNet.Attributes;
using Screening.Benchmarks.Generation;

namespace Screening.Benchmarks.Benchmarks;

/// <summary>
/// Single-name <see cref="Screener.Screen(string, string?, EntityType?)"/> latency against the full OFAC SDN list, one
/// method per query category (each invocation screens the whole category; times are per query), and the naive
/// baseline: FuzzySharp's <c>Process.ExtractTop</c> over every SDN name and alias.
/// </summary>
/// <remarks>
/// The job (<see cref="ScreenLatencyConfig"/>) is short because one baseline query takes about half a second; the
/// screening methods still run many invocations per iteration. The ratio column reads as "N times faster".
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(ScreenLatencyConfig))]
public class ScreenLatency
{
    public const int QueriesPerCategory = 256;
    public const int BaselineQueryCount = 5;

    private Screener _screener = null!;
    private string[] _allNames = null!;
    private string[] _exact = null!, _alias = null!, _oneTypo = null!, _twoTypos = null!, _cyrillic = null!, _chinaHk = null!, _legalSwap = null!, _unlisted = null!;
    private string[] _baselineQueries = null!;

    [GlobalSetup]
    public void Setup()
    {
        var list = SdnData.List;
        _screener = SdnData.BuildScreener(list);
        _allNames = SdnData.AllNames(list);
        var mix = new QueryMix(list);
        _exact = mix.Build(QueryCategory.Exact, QueriesPerCategory);
        _alias = mix.Build(QueryCategory.Alias, QueriesPerCategory);
        _oneTypo = mix.Build(QueryCategory.OneTypo, QueriesPerCategory);
        _twoTypos = mix.Build(QueryCategory.TwoTypos, QueriesPerCategory);
        _cyrillic = mix.Build(QueryCategory.Cyrillic, QueriesPerCategory);
        _chinaHk = mix.Build(QueryCategory.ChinaHongKong, QueriesPerCategory);
        _legalSwap = mix.Build(QueryCategory.LegalFormSwap, QueriesPerCategory);
        _unlisted = mix.Build(QueryCategory.Unlisted, QueriesPerCategory);
        // One query from each of five categories: the baseline and the screener see the same five.
        _baselineQueries = [_exact[0], _oneTypo[0], _cyrillic[1], _legalSwap[0], _unlisted[0]];
        BenchSettings.WarmUp(_screener, [_exact, _alias, _oneTypo, _twoTypos, _cyrillic, _chinaHk, _legalSwap, _unlisted], TimeSpan.FromSeconds(3));
        Console.WriteLine($"// ScreenLatency: {_screener.Engine.NameCount:N0} names, {_allNames.Length:N0} baseline choices, {QueriesPerCategory} queries per category");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BaselineQueryCount, Description = "FuzzySharp ExtractTop (baseline)")]
    public int FuzzySharpBaseline()
    {
        var n = 0;
        foreach (var q in _baselineQueries)
            foreach (var r in FuzzySharp.Process.ExtractTop(q, _allNames, limit: 10))
                n += r.Score;
        return n;
    }

    [Benchmark(OperationsPerInvoke = BaselineQueryCount)]
    public int BaselineQueries() => ScreenAll(_baselineQueries);

    [Benchmark(OperationsPerInvoke = QueriesPerCategory)]
    public int Exact() => ScreenAll(_exact);

    [Benchmark(OperationsPerInvoke = QueriesPerCategory)]
    public int Alias() => ScreenAll(_alias);

    [Benchmark(OperationsPerInvoke = QueriesPerCategory)]
    public int OneTypo() => ScreenAll(_oneTypo);

    [Benchmark(OperationsPerInvoke = QueriesPerCategory)]
    public int TwoTypos() => ScreenAll(_twoTypos);

    [Benchmark(OperationsPerInvoke = QueriesPerCategory)]
    public int Cyrillic() => ScreenAll(_cyrillic);

    [Benchmark(OperationsPerInvoke = QueriesPerCategory)]
    public int ChinaHongKong() => ScreenAll(_chinaHk);

    [Benchmark(OperationsPerInvoke = QueriesPerCategory)]
    public int LegalFormSwap() => ScreenAll(_legalSwap);

    [Benchmark(OperationsPerInvoke = QueriesPerCategory)]
    public int Unlisted() => ScreenAll(_unlisted);

    private int ScreenAll(string[] queries)
    {
        var hits = 0;
        foreach (var q in queries)
            hits += _screener.Screen(q).Matches.Count;
        return hits;
    }
}
