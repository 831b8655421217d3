using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Csv;

// The byte-mutation loop shared by the CSV-based providers' fuzz tests: every mutation must load (with rows read =
// loaded + rejected) or fail with WatchlistFormatException, and both outcomes must occur.
internal static class CsvFuzz
{
    public static async Task AssertListOrFormatErrorOnly(byte[] original, int seed, int iterations, int maxMutations, byte[] interesting, Func<byte[], Task<Watchlist>> load)
    {
        var rng = new Random(seed);
        var loaded = 0;
        var formatErrors = 0;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var bytes = new List<byte>(original);
            var mutations = 1 + rng.Next(maxMutations);
            for (var m = 0; m < mutations && bytes.Count > 0; m++)
            {
                var at = rng.Next(bytes.Count);
                switch (rng.Next(5))
                {
                    case 0: bytes[at] = (byte)rng.Next(256); break;
                    case 1: bytes[at] = interesting[rng.Next(interesting.Length)]; break;
                    case 2: bytes.Insert(at, interesting[rng.Next(interesting.Length)]); break;
                    case 3: bytes.RemoveAt(at); break;
                    default: bytes.RemoveRange(at, bytes.Count - at); break; // truncate
                }
            }
            try
            {
                var list = await load([.. bytes]);
                Assert.Equal(list.Report.RowsRead, list.Report.EntriesLoaded + list.Report.RowsRejected);
                loaded++;
            }
            catch (WatchlistFormatException)
            {
                formatErrors++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {iteration} (seed {seed}) threw {ex.GetType().Name}: {ex.Message}");
            }
        }
        // Both outcomes occur, so the mutations reach the parser and the reader.
        Assert.True(loaded > 0 && formatErrors > 0, $"loaded {loaded}, format errors {formatErrors}");
    }
}
