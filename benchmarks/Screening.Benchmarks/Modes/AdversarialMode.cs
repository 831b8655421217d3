using System.Diagnostics;
using System.Globalization;
using System.Text;
using Screening.Watchlists;

namespace Screening.Benchmarks.Modes;

/// <summary>
/// <c>--adversarial</c>: the bound on work per input (issue: no query slower than 2 ms at the default MaxNameLength, no
/// listed name adding more than 1 ms to the build, BuildAsync honouring cancellation within 100 ms). Names are drawn by a
/// fixed-seed generator of hostile shapes (long runs of phrase words in Han script, legal-form words repeated, one very
/// long word, hundreds of one-letter words, listed words glued, combining marks...), screened warm against the full SDN
/// list; each is timed over several passes and its fastest pass kept (a loaded machine preempts).
/// </summary>
internal static class AdversarialMode
{
    private const int MaxNameLength = 1000; // ScreeningOptions.MaxNameLength's default

    public static int Run(int perFamily, int repeat, string? note, string command)
    {
        var loadAtStart = Report.LoadAverage();
        var list = SdnData.List;
        var screener = SdnData.BuildScreener(list);
        var rnd = new Random(20261203);
        var listedWords = ListedWords(list);
        var families = Families(listedWords);

        var rows = new List<string[]>();
        double worst = 0;
        string worstName = "";
        foreach (var (family, make) in families)
        {
            var names = Enumerable.Range(0, perFamily).Select(_ => Cut(make(rnd))).ToArray();
            var best = new double[names.Length];
            Array.Fill(best, double.MaxValue);
            foreach (var n in names) screener.Screen(n); // warm: JIT and the per-spelling memos
            for (var pass = 0; pass < repeat; pass++)
            {
                for (var i = 0; i < names.Length; i++)
                {
                    var sw = Stopwatch.StartNew();
                    screener.Screen(names[i]);
                    best[i] = Math.Min(best[i], sw.Elapsed.TotalMilliseconds);
                }
            }
            var sorted = best.Order().ToArray();
            var max = sorted[^1];
            if (max > worst) { worst = max; worstName = names[Array.IndexOf(best, max)]; }
            rows.Add([family, Report.N(names.Length), F(sorted[sorted.Length / 2]), F(sorted[(int)(sorted.Length * 0.99)]), F(max),
                Report.N((long)names.Average(n => n.Length))]);
            Console.WriteLine($"{family}: max {F(max)} ms");
        }

        var buildRows = BuildCost(rnd, listedWords);
        var cancel = CancellationLatency(list);

        var report = new Report("Bounded work per input (adversarial names)", command, note, loadAtStart)
            .Line()
            .Line(Inv($"Full OFAC SDN list ({Report.N(screener.Engine.NameCount)} names); {perFamily} names per family, each timed over {repeat} passes (fastest kept), after one warm-up pass; names cut to {MaxNameLength} characters (the default MaxNameLength)."))
            .Line()
            .Table(["Family", "Names", "p50 ms", "p99 ms", "max ms", "mean length"], rows)
            .Line(Inv($"**Slowest query: {F(worst)} ms** (target: none slower than 2 ms): `{Shorten(worstName)}`"))
            .Line()
            .Line("## Build")
            .Line()
            .Line("Per kind of listed name, a list of 500 distinct names of that kind alone, built twice (faster kept); the build's fixed costs are included, so these bound the cost of one name from above (target: no listed name adds more than 1 ms).")
            .Line()
            .Table(["Listed names", "Names", "wall ms per name", "CPU ms per name"], buildRows)
            .Line()
            .Line("## Cancellation")
            .Line()
            .Line(Inv($"BuildAsync of the SDN list cancelled at {cancel.Count} points spread over the build: from the cancel request to the OperationCanceledException, median {F(cancel.Median)} ms, max **{F(cancel.Max)} ms** (target: within 100 ms); {cancel.Completed} builds finished before their cancel point."));
        var path = report.Save("adversarial.md");
        Console.WriteLine($"Wrote {path}");
        return 0;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string F(double ms) => ms.ToString(ms < 1 ? "F3" : "F2", CultureInfo.InvariantCulture);

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";

    private static string Cut(string s) => s.Length <= MaxNameLength ? s : s[..MaxNameLength];

    private static string[] ListedWords(Watchlist list)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in list.Entries)
            foreach (var n in e.Names)
                foreach (var w in n.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (w.Length >= 4 && w.All(char.IsLetter)) words.Add(w.ToUpperInvariant());
        return words.Order(StringComparer.Ordinal).ToArray();
    }

    private static readonly string[] HanPhrase = ["有", "限", "公", "司", "科", "技", "股", "份", "集", "团", "责", "任", "贸", "易", "深", "圳"];
    private static readonly string[] LegalWords = ["JOINT", "STOCK", "COMPANY", "LIMITED", "LIABILITY", "OBSHCHESTVO", "S", "OGRANICHENNOY",
        "OTVETSTVENNOSTYU", "AKTSIONERNOE", "CO", "LTD", "LLC", "OOO", "ZAO", "PUBLIC", "CLOSED", "OPEN", "SCIENTIFIC", "RESEARCH",
        "PRODUCTION", "ASSOCIATION", "DESIGN", "BUREAU", "INSTITUTE", "AND", "OF"];

    private static (string Family, Func<Random, string> Make)[] Families(string[] listed) =>
    [
        ("Han phrase characters, scrambled run", r => Repeat(r, () => HanPhrase[r.Next(HanPhrase.Length)], "", 1000)),
        ("Legal-form and phrase words, repeated", r => Repeat(r, () => LegalWords[r.Next(LegalWords.Length)], " ", 1000)),
        ("One long word", r => new string((char)('A' + r.Next(26)), r.Next(200, 1001))),
        ("One long random word", r => Repeat(r, () => ((char)('A' + r.Next(26))).ToString(), "", r.Next(61, 1001))),
        ("Hundreds of one-letter words", r => Repeat(r, () => ((char)('A' + r.Next(26))).ToString(), " ", 1000)),
        ("Listed words glued, no spaces", r => Repeat(r, () => listed[r.Next(listed.Length)], "", 1000)),
        ("Listed words glued in 60-letter runs", r => Repeat(r, () => Repeat(r, () => listed[r.Next(listed.Length)], "", 60), " ", 1000)),
        ("Listed words, many", r => Repeat(r, () => listed[r.Next(listed.Length)], " ", 1000)),
        ("Listed words with one typo each, many", r => Repeat(r, () => Typo(r, listed[r.Next(listed.Length)]), " ", 1000)),
        ("Dotted initials and ampersands", r => Repeat(r, () => r.Next(3) == 0 ? "&" : "L.L.C.", " ", 1000)),
        ("Letters under combining marks", r => Repeat(r, () => "A" + new string('\u0301', r.Next(1, 20)), "", 1000)),
        ("Cyrillic legal forms and words", r => Repeat(r, () => r.Next(2) == 0 ? "ООО" : "Общество с ограниченной ответственностью", " ", 1000)),
        ("Digits and letters alternating", r => Repeat(r, () => r.Next(2) == 0 ? r.Next(10).ToString(CultureInfo.InvariantCulture) : "K", "", 1000)),
    ];

    private static string Repeat(Random r, Func<string> piece, string separator, int maxLength)
    {
        var sb = new StringBuilder();
        while (sb.Length < maxLength)
        {
            if (sb.Length > 0) sb.Append(separator);
            sb.Append(piece());
        }
        return sb.ToString();
    }

    private static string Typo(Random r, string word)
    {
        var chars = word.ToCharArray();
        chars[1 + r.Next(chars.Length - 1)] = (char)('A' + r.Next(26));
        return new string(chars);
    }

    // Per kind of listed name: a list of 500 distinct names of that kind alone, built twice (the faster kept); wall time
    // and process CPU per name. Fixed costs of a build are included, so these are upper bounds per name.
    private static List<string[]> BuildCost(Random r, string[] listed)
    {
        const int count = 500;
        var kinds = new (string Kind, Func<string> Make)[]
        {
            ("Ordinary invented company names", () => $"{listed[r.Next(listed.Length)]} {listed[r.Next(listed.Length)]} TRADING LLC"),
            ("A 3,000-letter word", () => new string((char)('A' + r.Next(26)), 3000) + " " + listed[r.Next(listed.Length)]),
            ("A 1,000-character run of Han phrase characters", () => Repeat(r, () => HanPhrase[r.Next(HanPhrase.Length)], "", 1000)),
            ("500 one-letter words", () => Repeat(r, () => ((char)('A' + r.Next(26))).ToString(), " ", 1000)),
            ("Legal-form and phrase words repeated", () => Repeat(r, () => LegalWords[r.Next(LegalWords.Length)], " ", 1000)),
            ("Random 12-letter words, 1,000 characters", () => Repeat(r, () => Repeat(r, () => ((char)('A' + r.Next(26))).ToString(), "", 12), " ", 1000)),
            ("Random 60-letter words, 1,000 characters", () => Repeat(r, () => Repeat(r, () => ((char)('A' + r.Next(26))).ToString(), "", 60), " ", 1000)),
        };
        var rows = new List<string[]>();
        var self = Process.GetCurrentProcess();
        foreach (var (kind, make) in kinds)
        {
            var entries = Enumerable.Range(0, count).Select(i => new WatchlistEntry { Id = "X" + i.ToString(CultureInfo.InvariantCulture), Names = [new(make())] }).ToList();
            var list = new Watchlist("adversarial", "Adversarial", new WatchlistVersion("1"), entries);
            double wall = double.MaxValue, cpu = double.MaxValue;
            for (var i = 0; i < 2; i++)
            {
                self.Refresh();
                var cpuStart = self.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                GC.KeepAlive(new ScreenerBuilder().AddWatchlist(list).BuildAsync().GetAwaiter().GetResult());
                wall = Math.Min(wall, sw.Elapsed.TotalMilliseconds);
                self.Refresh();
                cpu = Math.Min(cpu, (self.TotalProcessorTime - cpuStart).TotalMilliseconds);
            }
            rows.Add([kind, Report.N(count), F(wall / count), F(cpu / count)]);
            Console.WriteLine($"build, {kind}: {F(wall / count)} ms per name");
        }
        return rows;
    }

    private static (int Count, double Median, double Max, int Completed) CancellationLatency(Watchlist list)
    {
        var sw = Stopwatch.StartNew();
        SdnData.BuildScreener(list);
        var buildMs = sw.Elapsed.TotalMilliseconds;
        var latencies = new List<double>();
        var completed = 0;
        for (var i = 1; i <= 20; i++)
        {
            using var cts = new CancellationTokenSource();
            var at = buildMs * i / 21;
            var task = new ScreenerBuilder().AddWatchlist(list).BuildAsync(cts.Token);
            Thread.Sleep(TimeSpan.FromMilliseconds(at));
            var cancelled = Stopwatch.StartNew();
            cts.Cancel();
            try
            {
                task.GetAwaiter().GetResult();
                completed++;
            }
            catch (OperationCanceledException)
            {
                latencies.Add(cancelled.Elapsed.TotalMilliseconds);
            }
        }
        latencies.Sort();
        return latencies.Count == 0 ? (0, 0, 0, completed) : (latencies.Count, latencies[latencies.Count / 2], latencies[^1], completed);
    }
}
