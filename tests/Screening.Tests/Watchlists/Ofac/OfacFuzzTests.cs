using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Ofac;

public class OfacFuzzTests
{
    private static readonly byte[] Interesting = "\",\r\n\u001a-0 ]['.;()a9".Select(c => (byte)c).Concat(new byte[] { 0x00, 0xFF, 0xE9 }).ToArray();

    // Mutates one file of the excerpt (flip, insert, delete, duplicate a span, truncate) and requires each load to either
    // return a list whose report reconciles or throw WatchlistFormatException: never another exception or a hang.
    [Theory(Timeout = 120_000)]
    [InlineData("sdn", 20240503)]
    [InlineData("cons", 20251219)]
    public async Task Parse_MutatedExcerpt_ReturnsListOrThrowsFormatException(string which, int seed)
    {
        var set = which == "sdn" ? OfacFileSet.Sdn : OfacFileSet.Consolidated;
        var original = OfacFixtures.ReadSet(set, which == "sdn" ? OfacFixtures.SdnFolder : OfacFixtures.ConsFolder);
        var rng = new Random(seed);
        int loaded = 0, rejectedFormat = 0;
        await Task.Run(() =>
        {
            for (var iteration = 0; iteration < 250; iteration++)
            {
                var files = original.Select(f => f with { Bytes = (byte[])f.Bytes!.Clone() }).ToArray();
                var target = iteration % 5 == 0 ? 0 : rng.Next(files.Length);
                files[target] = files[target] with { Bytes = Mutate(files[target].Bytes!, rng) };
                try
                {
                    var list = OfacFixtures.Parse(set, files);
                    Assert.Equal(list.Report.RowsRead, list.Report.EntriesLoaded + list.Report.RowsRejected);
                    Assert.All(list.Entries, e => Assert.NotEmpty(e.Names));
                    loaded++;
                }
                catch (WatchlistFormatException ex)
                {
                    Assert.False(string.IsNullOrEmpty(ex.File));
                    rejectedFormat++;
                }
            }
        });
        // Both outcomes must occur, or the mutations are not exercising the reader.
        Assert.True(loaded > 0 && rejectedFormat > 0, $"loaded {loaded}, format errors {rejectedFormat}");
    }

    private static byte[] Mutate(byte[] b, Random rng)
    {
        var list = new List<byte>(b);
        var edits = 1 + rng.Next(4);
        for (var e = 0; e < edits && list.Count > 0; e++)
        {
            var at = rng.Next(list.Count);
            switch (rng.Next(6))
            {
                case 0: list[at] ^= (byte)(1 << rng.Next(8)); break;
                case 1: list.Insert(at, Interesting[rng.Next(Interesting.Length)]); break;
                case 2: list.RemoveAt(at); break;
                case 3: list.RemoveRange(at, list.Count - at); break; // truncate
                case 4: list[at] = Interesting[rng.Next(Interesting.Length)]; break;
                default:
                    var len = Math.Min(rng.Next(1, 200), list.Count - at);
                    list.InsertRange(at, list.GetRange(at, len)); // duplicate a span (repeated rows, split quotes)
                    break;
            }
        }
        return [.. list];
    }
}
