using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Screening.Server;
using Screening.Watchlists;

// A bounded HTTP load test of POST /screen: requests/s and latency percentiles at several concurrency levels.
// Usage (from the repository root):
//   dotnet run -c Release --project benchmarks/Screening.LoadTest -- [--url URL] [--list SPEC] [--api-key KEY]
//       [--concurrency 1,16,64] [--duration 10] [--warmup 3] [--queries N] [--out FILE] [--note TEXT]
// Without --url it starts the service in this process on a loopback port, over --list
// (default ofac-sdn:../shared/data/ofac_sdn). With --url it loads a server already running (the better measurement:
// client and server do not share a garbage collector). The queries: listed names of the list (hits) and generated
// unlisted company names (misses), half each, in a fixed order.

string? url = null, apiKey = null, outFile = null, note = null;
var list = "ofac-sdn:" + Path.Combine("..", "shared", "data", "ofac_sdn");
int[] levels = [1, 16, 64];
double duration = 10, warmup = 3;
var queryCount = 4000;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--url": url = Next(); break;
        case "--list": list = Next(); break;
        case "--api-key": apiKey = Next(); break;
        case "--concurrency": levels = Next().Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray(); break;
        case "--duration": duration = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--warmup": warmup = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--queries": queryCount = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--out": outFile = Next(); break;
        case "--note": note = Next(); break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}");
            return 2;
    }
}
if (levels.Length == 0 || levels.Any(l => l is < 1 or > 1024) || duration <= 0 || duration > 600 || warmup < 0 || queryCount < 2)
{
    Console.Error.WriteLine("--concurrency takes 1..1024 each, --duration 0..600 s, --warmup >= 0, --queries >= 2");
    return 2;
}

var provider = WatchlistSpec.CreateProvider(list);
var watchlist = await provider.LoadAsync();
var queries = Queries.Build(watchlist, queryCount);

Microsoft.AspNetCore.Builder.WebApplication? app = null;
if (url is null)
{
    app = ScreeningServer.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Screening:Lists:0"] = list,
        ["Logging:LogLevel:Default"] = "Warning",
    }));
    await app.StartAsync();
    url = app.Urls.First();
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = levels.Max(), PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
await WaitReadyAsync(client);

var report = new StringBuilder();
report.AppendLine("# HTTP load: POST /screen").AppendLine();
if (note is not null) report.AppendLine(note).AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"List `{list}` ({watchlist.Entries.Count:N0} entries); {queries.Length:N0} queries, half listed names, half unlisted; " +
    $"{duration:0.#} s per level after {warmup:0.#} s of warm-up; server {(app is null ? url : "in this process")}; " +
    $"{Environment.ProcessorCount} cores, .NET {Environment.Version}.").AppendLine();
report.AppendLine("| concurrency | requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |");
report.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var level in levels)
{
    if (warmup > 0) await Load.RunAsync(client, queries, level, TimeSpan.FromSeconds(warmup));
    var r = await Load.RunAsync(client, queries, level, TimeSpan.FromSeconds(duration));
    var line = string.Create(CultureInfo.InvariantCulture,
        $"| {level} | {r.Count:N0} | {r.Count / r.Elapsed.TotalSeconds:N0} | {r.Percentile(0.50):0.00} | {r.Percentile(0.90):0.00} | {r.Percentile(0.99):0.00} | {r.Percentile(1):0.00} | {r.Errors} |");
    report.AppendLine(line);
    Console.WriteLine(line);
}
Console.WriteLine();
Console.WriteLine(report);
if (outFile is not null) await File.WriteAllTextAsync(outFile, report.ToString());
if (app is not null) await app.StopAsync();
return 0;

static async Task WaitReadyAsync(HttpClient client)
{
    var deadline = DateTime.UtcNow.AddMinutes(2);
    while (true)
    {
        try
        {
            if ((await client.GetAsync("/readyz")).IsSuccessStatusCode) return;
        }
        catch (HttpRequestException) when (DateTime.UtcNow < deadline)
        {
        }
        if (DateTime.UtcNow > deadline) throw new TimeoutException("The server did not become ready within 2 minutes.");
        await Task.Delay(200);
    }
}

internal static class Queries
{
    private static readonly string[] s_words =
    [
        "NORTHERN", "GLOBAL", "TRADING", "LOGISTICS", "ALPINE", "RIVERSIDE", "BALTIC", "ORCHARD", "SILVER", "HARBOR",
        "PRECISION", "SYSTEMS", "CONSULTING", "MEADOW", "TEXTILES", "FOODS", "MARINE", "SOLAR", "GRANITE", "PACIFIC",
    ];

    private static readonly string[] s_forms = ["LLC", "GMBH", "LTD", "SA", "CO., LTD.", "INC", "BV", "AB"];

    // Request bodies serialized once: the load generator should spend its time on the wire, not in JSON.
    public static byte[][] Build(Watchlist list, int count)
    {
        var names = list.Entries.Where(e => e.Type is EntityType.Organization or EntityType.Unknown).Select(e => e.PrimaryName).ToArray();
        var random = new Random(20260101);
        var bodies = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var name = i % 2 == 0 && names.Length > 0
                ? names[random.Next(names.Length)]
                : $"{s_words[random.Next(s_words.Length)]} {s_words[random.Next(s_words.Length)]} {s_forms[random.Next(s_forms.Length)]}";
            bodies[i] = JsonSerializer.SerializeToUtf8Bytes(new { name });
        }
        return bodies;
    }
}

internal sealed record LoadResult(long Count, long Errors, TimeSpan Elapsed, long[] SortedTicks)
{
    public double Percentile(double p)
    {
        if (SortedTicks.Length == 0) return double.NaN;
        var index = Math.Min(SortedTicks.Length - 1, (int)Math.Ceiling(p * SortedTicks.Length) - 1);
        return SortedTicks[Math.Max(0, index)] * 1000.0 / Stopwatch.Frequency;
    }
}

internal static class Load
{
    // `concurrency` workers send requests back to back until the time is up; each keeps its own latencies.
    public static async Task<LoadResult> RunAsync(HttpClient client, byte[][] bodies, int concurrency, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<long>[concurrency];
        var errors = new long[concurrency];
        var workers = new Task[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            var id = w;
            latencies[id] = new List<long>(1 << 16);
            workers[id] = Task.Run(async () =>
            {
                var next = id;
                while (Stopwatch.GetTimestamp() < end)
                {
                    var body = bodies[next % bodies.Length];
                    next += concurrency;
                    var t0 = Stopwatch.GetTimestamp();
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new("application/json");
                    try
                    {
                        using var response = await client.PostAsync("/screen", content);
                        await response.Content.LoadIntoBufferAsync();
                        if (response.StatusCode != HttpStatusCode.OK) errors[id]++;
                    }
                    catch (HttpRequestException)
                    {
                        errors[id]++;
                    }
                    latencies[id].Add(Stopwatch.GetTimestamp() - t0);
                }
            });
        }
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(all.Length, errors.Sum(), elapsed, all);
    }
}
