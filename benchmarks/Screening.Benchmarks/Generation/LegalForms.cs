using System.Text.RegularExpressions;

namespace Screening.Benchmarks.Generation;

// Legal forms as they appear in list names, grouped by meaning, for legal-form swaps and for Cyrillic rewrites.
// Setup-time code: regexes are fine here.
internal static class LegalForms
{
    public sealed record Group(string Id, string? Cyrillic, string[] Variants);

    public static readonly Group[] Groups =
    [
        new("LLC", "ООО", ["LIMITED LIABILITY COMPANY", "LLC", "L.L.C.", "OOO", "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU"]),
        new("OJSC", "ОАО", ["OPEN JOINT STOCK COMPANY", "OPEN JOINT-STOCK COMPANY", "OJSC", "OAO"]),
        new("CJSC", "ЗАО", ["CLOSED JOINT STOCK COMPANY", "CLOSED JOINT-STOCK COMPANY", "CJSC", "ZAO"]),
        new("PJSC", "ПАО", ["PUBLIC JOINT STOCK COMPANY", "PUBLIC JOINT-STOCK COMPANY", "PJSC", "PAO"]),
        new("JSC", "АО", ["JOINT STOCK COMPANY", "JOINT-STOCK COMPANY", "JSC", "AO", "AKTSIONERNOE OBSHCHESTVO"]),
        new("FGUP", "ФГУП", ["FEDERAL STATE UNITARY ENTERPRISE", "FSUE", "FGUP"]),
        new("LTD", null, ["CO., LTD.", "CO., LTD", "CO. LTD.", "CO LTD", "COMPANY LIMITED", "CO., LIMITED", "CO. LIMITED", "LIMITED", "LTD.", "LTD"]),
        new("INC", null, ["INCORPORATED", "INC.", "INC", "CORPORATION", "CORP."]),
        new("GMBH", null, ["GMBH", "GESELLSCHAFT MIT BESCHRANKTER HAFTUNG"]),
        new("FZE", null, ["FZE", "FZCO", "FZ-LLC", "FREE ZONE ESTABLISHMENT"]),
        new("TR", null, ["LIMITED SIRKETI", "LTD. STI.", "LTD STI"]),
    ];

    // Every variant, longest first, so "LIMITED LIABILITY COMPANY" wins over "LIMITED".
    private static readonly (Group Group, string Variant, Regex Pattern)[] Ordered = Groups
        .SelectMany(g => g.Variants.Distinct().Select(v => (g, v, new Regex(@"(?<![A-Z0-9])" + Regex.Escape(v) + @"(?![A-Z0-9])", RegexOptions.CultureInvariant))))
        .OrderByDescending(x => x.Item2.Length)
        .ToArray();

    /// <summary>Finds the longest legal-form variant in an upper-case name.</summary>
    public static bool TryFind(string upper, out Group group, out int index, out int length)
    {
        foreach (var (g, v, pattern) in Ordered)
        {
            var m = pattern.Match(upper);
            if (!m.Success) continue;
            group = g;
            index = m.Index;
            length = v.Length;
            return true;
        }
        group = null!;
        index = length = 0;
        return false;
    }

    /// <summary>Removes one legal form from an upper-case name and tidies the separators left behind.</summary>
    public static string Strip(string upper, int index, int length) => Tidy(upper.Remove(index, length));

    public static string Tidy(string s)
    {
        s = Regex.Replace(s, @"\s+", " ");
        s = Regex.Replace(s, @"\s+,", ",");
        s = Regex.Replace(s, @",\s*,", ",");
        return s.Trim().Trim(',', ' ', '-').Trim();
    }
}
