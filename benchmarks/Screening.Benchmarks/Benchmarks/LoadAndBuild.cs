using BenchmarkDotNet.Attributes;
using Screening.Watchlists;

namespace Screening.Benchmarks.Benchmarks;

/// <summary>
/// Time and allocations of loading the OFAC SDN set (<c>OfacSdnProvider.LoadAsync</c>), of building a screener
/// from the preloaded list (normalization, vocabulary, postings, deletion index), and of both together as an
/// application start does. One operation per iteration (monitoring strategy): these are seconds-scale, not micro.
/// Retained memory is measured by <c>--memory</c>, not here: BenchmarkDotNet reports what is allocated.
/// </summary>
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
[Config(typeof(LoadAndBuildConfig))]
public class LoadAndBuild
{
    private IWatchlistProvider _provider = null!;
    private Watchlist _preloaded = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = SdnData.CreateProvider();
        _preloaded = _provider.LoadAsync().GetAwaiter().GetResult();
        Console.WriteLine($"// LoadAndBuild: {_preloaded.Entries.Count:N0} entries from {_provider.Source}");
    }

    [Benchmark(Description = "OfacSdnProvider.LoadAsync")]
    public Watchlist Load() => _provider.LoadAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "Build from preloaded list")]
    public Screener Build() => new ScreenerBuilder().AddWatchlist(_preloaded).BuildAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "Load + build")]
    public Screener LoadThenBuild() => new ScreenerBuilder().AddProvider(_provider).BuildAsync().GetAwaiter().GetResult();
}
