using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Screening;
using Screening.Server;
using Screening.Watchlists;

// A bounded HTTP load test of POST /screen: requests/s and latency percentiles at several concurrency levels.
// Usage (from the repository root):
//   dotnet run -c Release --project benchmarks/Screening.LoadTest -- [--url URL] [--list SPEC] [--api-key KEY]
//       [--concurrency 1,16,64] [--duration 10] [--warmup 3] [--queries N] [--out FILE] [--note TEXT]
//       [--server-pid PID] [--write-bodies FILE] [--library-cost]
// Without --url it starts the service in this process on a loopback port, over --list
// (default ofac-sdn:../shared/data/ofac_sdn). With --url it loads a server already running (the better measurement:
// client and server do not share a garbage collector); --server-pid then adds the server's CPU time per request.
// The queries are the benchmarks' query mix (benchmarks/README.md), the same number of each category, interleaved in a
// fixed order. --write-bodies writes them as JSON request bodies, one per line, for wrk (benchmarks/http-bench.sh).
// --library-cost screens the same queries with the library alone on one thread (no HTTP) and prints the CPU time per
// screen, the floor under the server's CPU per request.

string? url = null, apiKey = null, outFile = null, note = null, bodiesFile = null;
var libraryCost = false;
int? serverPid = null;
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
        case "--server-pid": serverPid = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--write-bodies": bodiesFile = Next(); break;
        case "--library-cost": libraryCost = true; break;
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
if (libraryCost)
{
    Console.WriteLine(await LibraryCost.MeasureAsync(watchlist, queries, duration));
    return 0;
}
if (bodiesFile is not null)
{
    await File.WriteAllLinesAsync(bodiesFile, queries.Select(b => Encoding.UTF8.GetString(b)));
    Console.WriteLine($"{queries.Length:N0} request bodies written to {bodiesFile}");
    return 0;
}

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
report.AppendLine(CultureInfo.InvariantCulture, $"List `{list}` ({watchlist.Entries.Count:N0} entries); {queries.Length:N0} queries of the benchmarks' query mix; " +
    $"{duration:0.#} s per level after {warmup:0.#} s of warm-up; server {(app is null ? url : "in this process")}; " +
    $"{Environment.ProcessorCount} cores, .NET {Environment.Version}; load average at start {LoadAverage()}.").AppendLine();
report.AppendLine("| concurrency | requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors | server CPU µs/request | client CPU µs/request |");
report.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
using var server = serverPid is { } pid ? System.Diagnostics.Process.GetProcessById(pid) : null;
using var self = System.Diagnostics.Process.GetCurrentProcess();
foreach (var level in levels)
{
    if (warmup > 0) await Load.RunAsync(client, queries, level, TimeSpan.FromSeconds(warmup));
    var serverCpu = CpuTime(server);
    var clientCpu = CpuTime(self);
    var r = await Load.RunAsync(client, queries, level, TimeSpan.FromSeconds(duration));
    var serverPerRequest = server is null ? "" : ((CpuTime(server) - serverCpu).TotalMicroseconds / r.Count).ToString("0", CultureInfo.InvariantCulture);
    var clientPerRequest = app is not null ? "" : ((CpuTime(self) - clientCpu).TotalMicroseconds / r.Count).ToString("0", CultureInfo.InvariantCulture);
    var line = string.Create(CultureInfo.InvariantCulture,
        $"| {level} | {r.Count:N0} | {r.Count / r.Elapsed.TotalSeconds:N0} | {r.Percentile(0.50):0.00} | {r.Percentile(0.90):0.00} | {r.Percentile(0.99):0.00} | {r.Percentile(1):0.00} | {r.Errors} | {serverPerRequest} | {clientPerRequest} |");
    report.AppendLine(line);
    Console.WriteLine(line);
}
report.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Load average at end {LoadAverage()}.");
Console.WriteLine();
Console.WriteLine(report);
if (outFile is not null) await File.WriteAllTextAsync(outFile, report.ToString());
if (app is not null) await app.StopAsync();
return 0;

// User + system time of a process (Linux: /proc/PID/stat); zero without one.
static TimeSpan CpuTime(System.Diagnostics.Process? process)
{
    if (process is null) return TimeSpan.Zero;
    process.Refresh();
    return process.TotalProcessorTime;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

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
    // Request bodies serialized once: the load generator should spend its time on the wire, not in JSON. The categories
    // take turns, so any stretch of the sequence has the mix's proportions.
    // Non-ASCII text (Cyrillic, Han) is sent as UTF-8, as clients do, not as \u escapes.
    private static readonly JsonSerializerOptions s_json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[][] Build(Watchlist list, int count)
    {
        var mix = new Screening.Benchmarks.Generation.QueryMix(list);
        var categories = Screening.Benchmarks.Generation.QueryMix.Categories;
        var perCategory = (count + categories.Count - 1) / categories.Count;
        var names = categories.Select(c => mix.Build(c, perCategory)).ToArray();
        var bodies = new byte[count][];
        for (var i = 0; i < count; i++)
            bodies[i] = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["name"] = names[i % names.Length][i / names.Length] }, s_json);
        return bodies;
    }
}

// The library's share of a request: the same queries screened in this process on one thread, timed by thread CPU time
// (user + system, as the server's is) after a warm-up pass, with the library's metrics recorded (as the server does
// with its Prometheus exporter) or not.
internal static class LibraryCost
{
    public static async Task<string> MeasureAsync(Watchlist list, byte[][] bodies, double seconds)
    {
        var screener = await new ScreenerBuilder().AddWatchlist(list).BuildAsync();
        var names = bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("name").GetString()!).ToArray();
        var quiet = Measure(screener, names, seconds);
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Screening") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => { });
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => { });
        listener.Start();
        var measured = Measure(screener, names, seconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"library CPU per screen ({names.Length:N0} queries, one thread): {quiet.Micros:0.0} µs without a metrics listener, {measured.Micros:0.0} µs with one ({quiet.Count:N0} and {measured.Count:N0} screens); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }

    private static (double Micros, long Count) Measure(Screener screener, string[] names, double seconds)
    {
        // Warm-up until tiered compilation has settled (a few seconds of screens), then the measured loop.
        var warm = Stopwatch.GetTimestamp() + 3 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < warm)
            foreach (var name in names) screener.Screen(name);
        var cpu0 = ThreadCpu();
        var end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long count = 0;
        while (Stopwatch.GetTimestamp() < end)
        {
            foreach (var name in names) screener.Screen(name);
            count += names.Length;
        }
        return ((ThreadCpu() - cpu0).TotalMicroseconds / count, count);
    }

    // This thread's CPU time (Linux: /proc/thread-self/stat, in clock ticks of 10 ms).
    private static TimeSpan ThreadCpu()
    {
        var fields = File.ReadAllText("/proc/thread-self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
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
