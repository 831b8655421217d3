using System.Text.RegularExpressions;
using Screening.Watchlists;

namespace Screening.Evaluation;

/// <summary>One negatives file as read: rows, rows excluded as possible real listings, names kept.</summary>
internal sealed record NegativeFileStats(string File, int Rows, int Excluded, int Skipped, int Kept);

/// <summary>A real, unlisted company name. The names have mixed licences: they are never written to committed files.</summary>
internal sealed record NegativeName(string Source, string Name);

/// <summary>
/// Reads the negative set: Hong Kong registry sample (English names), Forbes Global 2000, S&amp;P 500, Nasdaq- and
/// NYSE/other-listed securities with the security suffix stripped, less every row named in possible_sanctioned_overlaps.csv,
/// deduplicated on the folded name.
/// </summary>
internal static partial class Negatives
{
    public const string OverlapsFile = "possible_sanctioned_overlaps.csv";

    public static (List<NegativeName> Names, List<NegativeFileStats> Stats) Load(string folder)
    {
        var excluded = new HashSet<(string File, string Name)>();
        var excludedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in ReadRows(Path.Combine(folder, OverlapsFile)))
        {
            var file = row.GetValueOrDefault("negatives_file", "");
            var name = row.GetValueOrDefault("negative_name", "").Trim();
            excluded.Add((file, name));
            excludedKeys.Add(Word.KeyOf(Clean(file, name) ?? name));
        }

        var names = new List<NegativeName>();
        var stats = new List<NegativeFileStats>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(string file, Func<Dictionary<string, string>, (string? Raw, bool Keep)> select)
        {
            int rows = 0, excl = 0, skipped = 0, kept = 0;
            foreach (var row in ReadRows(Path.Combine(folder, file)))
            {
                rows++;
                var (raw, keep) = select(row);
                raw = raw?.Trim();
                if (!keep || string.IsNullOrWhiteSpace(raw)) { skipped++; continue; }
                var cleaned = Clean(file, raw);
                if (string.IsNullOrWhiteSpace(cleaned)) { skipped++; continue; }
                var key = Word.KeyOf(cleaned);
                if (excluded.Contains((file, raw)) || excludedKeys.Contains(key)) { excl++; continue; }
                if (key.Length == 0 || !seen.Add(key)) { skipped++; continue; }
                names.Add(new NegativeName(file, cleaned));
                kept++;
            }
            stats.Add(new NegativeFileStats(file, rows, excl, skipped, kept));
        }

        Add("hk_companies_registry_incorporated_2021_2022_sample30k.csv", r => (r.GetValueOrDefault("name_en"), true));
        Add("forbes_global_2000_2025.csv", r => (r.GetValueOrDefault("Company"), true));
        Add("sp500_constituents.csv", r => (r.GetValueOrDefault("Security"), true));
        // Nasdaq: company securities are "Issuer - Security"; rows without the dash are ETFs and funds.
        Add("nasdaq_listed.csv", r =>
        {
            var s = r.GetValueOrDefault("Security Name") ?? "";
            return (s, s.Contains(" - ", StringComparison.Ordinal));
        });
        Add("nyse_and_other_listed.csv", r => (r.GetValueOrDefault("Company Name"),
            r.GetValueOrDefault("ETF") == "N" && r.GetValueOrDefault("Test Issue") != "Y"));
        return (names, stats);
    }

    // The issuer's name without the security description.
    public static string? Clean(string file, string raw)
    {
        var s = raw.Trim();
        if (file.StartsWith("nasdaq", StringComparison.Ordinal))
        {
            var dash = s.IndexOf(" - ", StringComparison.Ordinal);
            if (dash > 0) s = s[..dash];
        }
        if (file.StartsWith("nasdaq", StringComparison.Ordinal) || file.StartsWith("nyse", StringComparison.Ordinal))
        {
            var m = SecuritySuffix().Match(s);
            if (m.Success && m.Index > 0) s = s[..m.Index];
        }
        s = s.Trim().TrimEnd(',').Trim();
        return s.Length == 0 ? null : s;
    }

    [GeneratedRegex(@"\s+(\(The\)\s+)?(\(New\)\s+)?(Class\s+[A-Z]\s+)?(Common\s+Stock|Common\s+Shares|Common\s+Units|Ordinary\s+Shares?|American\s+Deposit[ao]ry\s+Shares?|Sponsored\s+ADR|ADR|ADS|Units?\b|Warrants?|Rights?\b|Depositary\s+(Shares|Receipts)|Shares\s+of\s+Beneficial|Subordinate\s+Voting|Limited\s+Voting|Preferred|Series\s|Tranche|Senior\s+Notes|Notes\s+due|Fixed|\d+(\.\d+)?%)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecuritySuffix();

    private static IEnumerable<Dictionary<string, string>> ReadRows(string path)
    {
        using var csv = CsvReader.Open(path);
        if (!csv.TryReadRecord(out var header)) yield break;
        var columns = header.ToArray();
        while (csv.TryReadRecord(out var fields))
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Length && i < fields.Count; i++) row[columns[i]] = fields[i];
            yield return row;
        }
    }
}
