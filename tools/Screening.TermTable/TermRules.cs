namespace Screening.TermTable;

/// <summary>A place whose adjective or English name cannot be derived by the rule (MOSCOW / MOSKVA / MOSKOVSKIY).</summary>
internal sealed record PlaceRule(string Canonical, List<string> Names, List<string> Stems);

/// <summary>
/// The hand-kept rules (tools/Screening.TermTable/terms.rules.txt), tab-separated, one a line:
/// <c>symbol CANONICAL section/key, ...</c> takes rigour lists under a canonical term; <c>add CANONICAL v | v</c> adds
/// reviewed variants (kept as they are); <c>drop v | v</c> and <c>keep v | v</c> override the automatic filters for
/// rigour variants; <c>place CANONICAL names | ... stems | ...</c> gives a place whose adjective is irregular.
/// </summary>
internal sealed class TermRules
{
    /// <summary>Canonical terms in rules order, each with its rigour lists.</summary>
    public List<(string Canonical, List<string> Lists)> Symbols { get; } = [];

    /// <summary>Hand variants by canonical, in rules order.</summary>
    public Dictionary<string, List<string>> Added { get; } = new(StringComparer.Ordinal);

    /// <summary>Canonicals in first-seen order (symbol or add lines).</summary>
    public List<string> Order { get; } = [];

    public HashSet<string> Dropped { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Kept { get; } = new(StringComparer.Ordinal);

    public List<PlaceRule> Places { get; } = [];

    public static TermRules Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"rules file is missing: {path}", path);
        var rules = new TermRules();
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            if (raw.Length == 0 || raw[0] == '#') continue;
            var cols = raw.Split('\t');
            InvalidDataException Bad(string why) => new($"{path}, line {lineNo}: {why}");
            switch (cols[0])
            {
                case "symbol" when cols.Length == 3:
                    rules.Touch(cols[1]);
                    rules.Symbols.Add((cols[1], Split(cols[2], ',')));
                    break;
                case "add" when cols.Length == 3:
                    rules.Touch(cols[1]);
                    rules.Added[cols[1]].AddRange(Split(cols[2], '|'));
                    break;
                case "drop" when cols.Length == 2:
                    foreach (var v in Split(cols[1], '|')) rules.Dropped.Add(Variants.Fold(v));
                    break;
                case "keep" when cols.Length == 2:
                    foreach (var v in Split(cols[1], '|')) rules.Kept.Add(Variants.Fold(v));
                    break;
                case "place" when cols.Length == 4:
                    rules.Places.Add(new PlaceRule(cols[1], Split(cols[2], '|'), Split(cols[3], '|')));
                    break;
                default:
                    throw Bad($"expected symbol/add (3 columns), drop/keep (2) or place (4), got '{cols[0]}' with {cols.Length} columns");
            }
        }
        return rules;
    }

    private void Touch(string canonical)
    {
        if (Added.ContainsKey(canonical)) return;
        Added[canonical] = [];
        Order.Add(canonical);
    }

    private static List<string> Split(string text, char separator) =>
        [.. text.Split(separator).Select(s => s.Trim()).Where(s => s.Length > 0)];
}
