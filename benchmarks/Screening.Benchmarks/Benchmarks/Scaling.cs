using BenchmarkDotNet.Attributes;
using Screening.Benchmarks.Generation;

namespace Screening.Benchmarks.Benchmarks;

/// <summary>
/// Per-query cost against synthetic lists of 10k to 1M names built from the real SDN words (see
/// <see cref="SyntheticList"/>). The queries: names drawn from the list at hand with one or two typos, and invented
/// unlisted company names (the same for every size). Each list is built once per size in the global setup.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(ScalingConfig))]
public class Scaling
{
    public const int QueryCount = 256;

    private Screener _screener = null!;
    private string[] _listedTypos = null!;
    private string[] _unlisted = null!;

    /// <summary>The list sizes: 10k, 50k, 200k and 1M names, or those given with <c>--sizes</c>.</summary>
    public static IEnumerable<int> Sizes => BenchSettings.ScalingSizes;

    [ParamsSource(nameof(Sizes))]
    public int Names { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var list = SyntheticList.Build(SdnData.List, Names);
        var generated = started.Elapsed;
        _screener = SdnData.BuildScreener(list);
        var rng = new Random(QueryMix.DefaultSeed + Names);
        _listedTypos = new string[QueryCount];
        for (var i = 0; i < QueryCount;)
        {
            var entry = list.Entries[rng.Next(list.Entries.Count)];
            var typo = Typos.Apply(entry.Names[rng.Next(entry.Names.Count)].Value, 1 + rng.Next(2), rng);
            if (typo is not null) _listedTypos[i++] = typo;
        }
        _unlisted = new QueryMix(SdnData.List).Build(QueryCategory.Unlisted, QueryCount);
        BenchSettings.WarmUp(_screener, [_listedTypos, _unlisted], TimeSpan.FromSeconds(3));
        Console.WriteLine($"// Scaling: {Names:N0} names ({list.Entries.Count:N0} entries, {_screener.Engine.VocabularySize:N0} distinct tokens), " +
                          $"generated in {generated.TotalSeconds:F1} s, built in {(started.Elapsed - generated).TotalSeconds:F1} s; " +
                          $"candidates per query: listed {Candidates(_listedTypos)}, unlisted {Candidates(_unlisted)}");
    }

    [Benchmark(OperationsPerInvoke = QueryCount)]
    public int ListedWithTypos() => ScreenAll(_listedTypos);

    [Benchmark(OperationsPerInvoke = QueryCount)]
    public int Unlisted() => ScreenAll(_unlisted);

    // Mean and max of the candidate names the index hands to scoring: what grows with the list.
    private string Candidates(string[] queries)
    {
        long sum = 0;
        var max = 0;
        var worst = "";
        foreach (var q in queries)
        {
            var n = _screener.Engine.CandidateCount(Screening.Normalization.NameNormalizer.Normalize(q), _screener.Threshold);
            sum += n;
            if (n > max) (max, worst) = (n, q);
        }
        return $"mean {sum / (double)queries.Length:F0}, max {max:N0} ('{worst}')";
    }

    private int ScreenAll(string[] queries)
    {
        var hits = 0;
        foreach (var q in queries)
            hits += _screener.Screen(q).Matches.Count;
        return hits;
    }
}
