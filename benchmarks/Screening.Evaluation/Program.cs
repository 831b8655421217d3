using System.Diagnostics;
using System.Globalization;
using System.Text;
using Screening;
using Screening.Evaluation;
using Screening.Watchlists;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Options options;
try
{
    options = Options.Parse(args);
}
catch (HelpRequestedException)
{
    Console.WriteLine(Options.Usage);
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

var total = Stopwatch.StartNew();
void Log(string message) => Console.Error.WriteLine($"[{total.Elapsed.TotalSeconds,6:0.0}s] {message}");

var sdnFolder = Path.Combine(options.Data, "ofac_sdn");
var negativesFolder = Path.Combine(options.Data, "negatives");
if (!Directory.Exists(sdnFolder) || !Directory.Exists(negativesFolder))
{
    Console.Error.WriteLine($"Data not found: need {sdnFolder} and {negativesFolder} (set --data).");
    return 2;
}

// 1. The full SDN list through the library's own provider, and the screener over it.
Log($"loading {sdnFolder}");
var provider = new OfacSdnProvider(sdnFolder);
var list = await provider.LoadAsync();
var threshold = options.Threshold ?? ScreeningOptions.DefaultThreshold;
var buildWatch = Stopwatch.StartNew();
var screener = await new ScreenerBuilder().AddWatchlist(list).Configure(o => o.Threshold = threshold).BuildAsync();
buildWatch.Stop();
Log($"{list.Entries.Count} entries, {list.Entries.Sum(e => e.Names.Count)} names; screener built in {buildWatch.Elapsed.TotalSeconds:0.0}s");

if (options.Explain.Count > 0)
{
    var probe = new Evaluator(screener);
    foreach (var name in options.Explain)
    {
        Console.WriteLine($"## {name}  (normalized: {Screening.Normalization.NameNormalizer.Normalize(name)})");
        foreach (var (label, matches) in new[] { ("fast", probe.Fast(name, 0.3, 5)), ("exhaustive", probe.Exhaustive(name, 0.3, 5)) })
            foreach (var m in matches) Console.WriteLine($"  [{label}] {m.EntryId} {m.Score:0.000} {m.Explanation}");
    }
    return 0;
}

// 2. Source entries and generated queries.
var stats = new TokenStats(list.Entries);
var russiaOrgs = list.Entries.Where(QuerySet.IsRussiaOrganization).ToList();
var russiaChina = russiaOrgs.Where(QuerySet.IsChinaLinked).ToList();
var chinaOrgs = list.Entries.Where(e => e.Type == EntityType.Organization && QuerySet.IsChinaLinked(e)).ToList();
var queries = QuerySet.Generate(russiaOrgs, chinaOrgs, stats, options.Seed, options.PerCategory);
var listedKeys = list.Entries.SelectMany(e => e.Names).Select(n => Word.KeyOf(n.Value)).ToHashSet(StringComparer.Ordinal);
var nearMisses = QuerySet.NearMisses(russiaOrgs, stats, listedKeys, options.Seed, options.NearMisses);
Log($"{russiaOrgs.Count} Russia-program organizations ({russiaChina.Count} China/HK-linked), {chinaOrgs.Count} China/HK-linked organizations in all; {queries.Count} queries, {nearMisses.Count} near-misses");

if (options.PrintSamples > 0)
{
    foreach (var group in queries.GroupBy(q => q.Category))
    {
        Console.WriteLine($"## {group.Key} ({group.Count()})");
        foreach (var q in group.Take(options.PrintSamples)) Console.WriteLine($"  {q.BaseName}  ->  {q.Text}");
    }
    Console.WriteLine($"## near-miss ({nearMisses.Count})");
    foreach (var q in nearMisses.Take(options.PrintSamples)) Console.WriteLine($"  {q.BaseName}  ->  {q.Text}");
    return 0;
}

// 3. Negatives.
var (negatives, negativeStats) = Negatives.Load(negativesFolder);
Log($"{negatives.Count} negative names");

// 4. The fast path on everything.
var evaluator = new Evaluator(screener);
var fastWatch = Stopwatch.StartNew();
var positiveOutcomes = evaluator.RunFast(queries.Select(q => q.Text).ToList(), queries.Select(q => (string?)q.ExpectedId).ToList());
var nearMissOutcomes = evaluator.RunFast(nearMisses.Select(q => q.Text).ToList(), nearMisses.Select(q => (string?)q.ExpectedId).ToList());
var negativeOutcomes = evaluator.RunFast(negatives.Select(n => n.Name).ToList(), negatives.Select(_ => (string?)null).ToList());
fastWatch.Stop();
Log($"fast path done in {fastWatch.Elapsed.TotalSeconds:0.0}s");
if (options.FalseAlertsOut is { } falseAlertsPath)
{
    var lines = new List<string>();
    for (var i = 0; i < negatives.Count; i++)
    {
        if (!negativeOutcomes[i].Alert) continue;
        var top = screener.Screen(negatives[i].Name).Matches[0];
        lines.Add($"{top.Score:0.000}\t{negatives[i].Name}\t{top.EntryId}\t{top.MatchedName}\t{top.Explanation}");
    }
    lines.Sort(StringComparer.Ordinal);
    await File.WriteAllLinesAsync(falseAlertsPath, lines);
    Log($"wrote {lines.Count} false alerts to {falseAlertsPath}");
}

// Latency: a single-thread loop over positives and negatives mixed.
var latencyRng = new Random(options.Seed + 7);
var latencyTexts = queries.Select(q => q.Text).Concat(negatives.Select(n => n.Name)).OrderBy(_ => latencyRng.Next()).Take(options.LatencySample).ToList();
var latency = evaluator.MeasureLatency(latencyTexts);
Log($"latency p50 {latency.P50Us:0}us p99 {latency.P99Us:0}us");

// Agreement of the fast path with the exhaustive reference.
var agreementRng = new Random(options.Seed + 11);
var agreementTexts = queries.Select(q => q.Text).OrderBy(_ => agreementRng.Next()).Take(options.AgreementSample * 6 / 10)
    .Concat(nearMisses.Select(q => q.Text).OrderBy(_ => agreementRng.Next()).Take(options.AgreementSample / 10))
    .Concat(negatives.Select(n => n.Name).OrderBy(_ => agreementRng.Next()).Take(options.AgreementSample * 3 / 10)).ToList();
var agreementWatch = Stopwatch.StartNew();
var agreement = evaluator.CompareWithExhaustive(agreementTexts);
agreementWatch.Stop();
Log($"agreement {agreement.SameTop}/{agreement.Queries} in {agreementWatch.Elapsed.TotalSeconds:0.0}s");

// 5. The FuzzySharp baseline on samples.
var baseline = new FuzzyBaseline(list.Entries);
var scanWatch = Stopwatch.StartNew();
baseline.SelfCheck(queries[0].Text); // two full scans
var baselineScanMs = scanWatch.Elapsed.TotalMilliseconds / 2;
var baselineQueries = new List<(string Category, string Text, string? Expected, int Index)>();
foreach (var group in queries.Select((q, i) => (q, i)).GroupBy(x => x.q.Category))
    foreach (var (q, i) in group.Take(options.BaselineSample)) baselineQueries.Add((q.Category, q.Text, q.ExpectedId, i));
foreach (var (q, i) in nearMisses.Select((q, i) => (q, i)).Take(options.BaselineSample)) baselineQueries.Add(("near-miss", q.Text, q.ExpectedId, i));
var negativeRng = new Random(options.Seed + 13);
foreach (var i in Enumerable.Range(0, negatives.Count).OrderBy(_ => negativeRng.Next()).Take(options.NegativeBaselineSample))
    baselineQueries.Add(("negative", negatives[i].Name, null, i));
var baselineWatch = Stopwatch.StartNew();
var baselineOutcomes = baseline.Run(baselineQueries.Select(b => (b.Text, b.Expected)).ToList());
baselineWatch.Stop();
Log($"FuzzySharp baseline: {baselineQueries.Count} queries x {baseline.NameCount} names in {baselineWatch.Elapsed.TotalSeconds:0.0}s");

// 6. Misses at the operating threshold, with the exhaustive path's view of the expected entry.
var missIndexes = Enumerable.Range(0, queries.Count).Where(i => !positiveOutcomes[i].Hit).ToList();
var missDetails = new MissDetail[missIndexes.Count];
Parallel.For(0, missIndexes.Count, k =>
{
    var i = missIndexes[k];
    var q = queries[i];
    IReadOnlyList<ScreeningMatch> all;
    try { all = evaluator.Exhaustive(q.Text, 0.2, 200); }
    catch (ArgumentException) { all = []; }
    var expected = all.FirstOrDefault(m => m.EntryId == q.ExpectedId);
    missDetails[k] = new MissDetail(q, positiveOutcomes[i], expected, all.FirstOrDefault());
});
Log($"{missIndexes.Count} misses explained");

var report = new Report(options, list, threshold, buildWatch.Elapsed, russiaOrgs.Count, russiaChina.Count, chinaOrgs.Count,
    queries, positiveOutcomes, nearMisses, nearMissOutcomes, negatives, negativeStats, negativeOutcomes,
    baselineQueries.Select(b => (b.Category, b.Index)).ToList(), baselineOutcomes, baseline.NameCount, agreement, latency, missDetails,
    total.Elapsed, fastWatch.Elapsed, baselineWatch.Elapsed, baselineScanMs, screener);
var markdown = report.Quality();
Console.WriteLine(markdown);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
await File.WriteAllTextAsync(options.Out, markdown, new UTF8Encoding(false));
await File.WriteAllTextAsync(options.MissesPath, report.Misses(), new UTF8Encoding(false));
Log($"wrote {options.Out} and {options.MissesPath}");
return 0;
