using System.Diagnostics;
using System.Globalization;
using System.Text;
using Screening;
using Screening.Evaluation;
using Screening.Evaluation.HeldOut;
using Screening.Evaluation.RealWorld;
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

// 3. Negatives (their words also tell the held-out generators which words are ordinary English).
var (negatives, negativeStats) = Negatives.Load(negativesFolder);
Log($"{negatives.Count} negative names");

// Held-out categories (independent generators, dev and test halves) and the real cross-list set.
var vocabulary = Vocabulary.Build(list.Entries, negatives.Select(n => n.Name));
var heldOutListed = list.Entries.SelectMany(e => e.Names).Select(n => NameParts.SpacedKey(n.Value)).ToHashSet(StringComparer.Ordinal);
var heldOut = HeldOutQuerySet.Generate(russiaOrgs, vocabulary, heldOutListed, options.Seed, options.HeldOutPerHalf);
var crosslist = new List<CrosslistQuery>();
if (File.Exists(options.CrosslistPath)) crosslist = CrosslistSet.Load(options.CrosslistPath);
else Log($"no cross-list file at {options.CrosslistPath}: its section is left out");
var extraQueries = heldOut.Select(ExtraQuery.From).Concat(crosslist.Select(ExtraQuery.From)).ToList();
Log($"{heldOut.Count} held-out queries ({heldOut.Count(q => q.Half == HeldOutHalf.Dev)} dev, {heldOut.Count(q => q.Half == HeldOutHalf.Test)} test), {crosslist.Count} cross-list queries");

if (options.PrintSamples > 0)
{
    foreach (var group in queries.GroupBy(q => q.Category))
    {
        Console.WriteLine($"## {group.Key} ({group.Count()})");
        foreach (var q in group.Take(options.PrintSamples)) Console.WriteLine($"  {q.BaseName}  ->  {q.Text}");
    }
    Console.WriteLine($"## near-miss ({nearMisses.Count})");
    foreach (var q in nearMisses.Take(options.PrintSamples)) Console.WriteLine($"  {q.BaseName}  ->  {q.Text}");
    // The dev half only: the test half is not to be looked at while tuning.
    foreach (var group in heldOut.Where(q => q.Half == HeldOutHalf.Dev).GroupBy(q => q.Category))
    {
        Console.WriteLine($"## {group.Key}, dev half ({group.Count()}; test half not shown)");
        foreach (var q in group.Take(options.PrintSamples)) Console.WriteLine($"  {q.BaseName}  ->  {q.Text}    [{q.How}]");
    }
    return 0;
}

async Task WriteFalseAlertsAsync(string path, IReadOnlyList<Outcome> outcomes)
{
    var lines = new List<string>();
    for (var i = 0; i < negatives.Count; i++)
    {
        if (!outcomes[i].Alert) continue;
        var top = screener.Screen(negatives[i].Name).Matches[0];
        lines.Add($"{top.Score:0.000}\t{negatives[i].Name}\t{top.EntryId}\t{top.MatchedName}\t{top.Explanation}");
    }
    lines.Sort(StringComparer.Ordinal);
    await File.WriteAllLinesAsync(path, lines);
    Log($"wrote {lines.Count} false alerts to {path}");
}

if (options.Quick)
{
    var quickEvaluator = new Evaluator(screener);
    var quickBaseline = new FuzzyBaseline(list.Entries);
    var quickWatch = Stopwatch.StartNew();
    var negOutcomes = quickEvaluator.RunFast(negatives.Select(n => n.Name).ToList(), negatives.Select(_ => (string?)null).ToList());
    var negAlerts = negOutcomes.Count(o => o.Alert);
    if (options.FalseAlertsOut is { } quickFalseAlerts) await WriteFalseAlertsAsync(quickFalseAlerts, negOutcomes);
    var nmAlerts = quickEvaluator.RunFast(nearMisses.Select(q => q.Text).ToList(), nearMisses.Select(q => (string?)q.ExpectedId).ToList()).Count(o => o.Hit);
    Log($"negatives and near-misses in {quickWatch.Elapsed.TotalSeconds:0.0}s");
    var quickRun = ExtraCategories.Run(quickEvaluator, quickBaseline, extraQueries, threshold, options.HeldOutAgreementSample, options.Seed);
    Log($"held-out and cross-list queries, FuzzySharp, miss analysis{(options.HeldOutAgreementSample > 0 ? " and agreement" : "")} in {quickRun.Elapsed.TotalSeconds:0.0}s");
    var quickReport = new ExtraReport(quickRun, EntryMap(list), threshold, options);
    var header = $"```\n{options.CommandLine()}\n```\n\nRun {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(Report.GitCommit() is { } c ? $" at commit {c}" : "")}, threshold {threshold:0.00}, seed {options.Seed}; total {total.Elapsed.TotalSeconds:0} s."
        + (options.Note is { } note ? $"\n\n> **{note}**" : "");
    var quickMarkdown = quickReport.Quick(negatives.Count, negAlerts, nearMisses.Count, nmAlerts, header);
    Console.WriteLine(quickMarkdown);
    await WriteAsync(options.OutPath, quickMarkdown);
    await WriteAsync(options.MissesPath, quickReport.DevMisses());
    await WriteLocalAsync(quickReport);
    Log($"wrote {options.OutPath}, {options.MissesPath}{(crosslist.Count > 0 ? $" and {options.CrosslistMissesPath}" : "")}");
    return 0;
}

// 4. The fast path on everything.
var evaluator = new Evaluator(screener);
var fastWatch = Stopwatch.StartNew();
var positiveOutcomes = evaluator.RunFast(queries.Select(q => q.Text).ToList(), queries.Select(q => (string?)q.ExpectedId).ToList());
var nearMissOutcomes = evaluator.RunFast(nearMisses.Select(q => q.Text).ToList(), nearMisses.Select(q => (string?)q.ExpectedId).ToList());
var negativeOutcomes = evaluator.RunFast(negatives.Select(n => n.Name).ToList(), negatives.Select(_ => (string?)null).ToList());
fastWatch.Stop();
Log($"fast path done in {fastWatch.Elapsed.TotalSeconds:0.0}s");
if (options.FalseAlertsOut is { } falseAlertsPath) await WriteFalseAlertsAsync(falseAlertsPath, negativeOutcomes);

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

// 5b. The held-out and cross-list categories.
var extraRun = ExtraCategories.Run(evaluator, baseline, extraQueries, threshold, options.HeldOutAgreementSample, options.Seed);
Log($"held-out and cross-list: {extraQueries.Count} queries, FuzzySharp, miss analysis and agreement in {extraRun.Elapsed.TotalSeconds:0.0}s");
var extraReport = new ExtraReport(extraRun, EntryMap(list), threshold, options);

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
    total.Elapsed, fastWatch.Elapsed, baselineWatch.Elapsed, baselineScanMs, screener, extraReport);
var markdown = report.Quality();
Console.WriteLine(markdown);
await WriteAsync(options.OutPath, markdown);
await WriteAsync(options.MissesPath, report.Misses());
await WriteLocalAsync(extraReport);
Log($"wrote {options.OutPath} and {options.MissesPath}{(crosslist.Count > 0 ? $"; cross-list misses with query text (local only) in {options.CrosslistMissesPath}" : "")}");
return 0;

static Dictionary<string, WatchlistEntry> EntryMap(Watchlist list) => list.Entries.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

static async Task WriteAsync(string path, string text)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    await File.WriteAllTextAsync(path, text, new UTF8Encoding(false));
}

// Outputs that must stay local: the cross-list misses with EU text, and the test half's misses only when asked.
async Task WriteLocalAsync(ExtraReport extra)
{
    if (extra.HasCrosslist) await WriteAsync(Options.LocalOnly("--crosslist-misses-out", options.CrosslistMissesPath), extra.LocalCrosslistMisses());
    if (options.TestMissesOut is { } testPath)
    {
        await WriteAsync(testPath, extra.TestMisses());
        Log($"wrote the held-out test half's misses to {testPath} (the test half is now seen: say so when quoting it)");
    }
}

