using Screening.Watchlists;

namespace Screening.Evaluation.RealWorld;

/// <summary>
/// One real query of the cross-list set: a firm as another authority (the EU) names it, linked to its OFAC SDN entry
/// by a registration or tax number, so the truth does not depend on any name.
/// </summary>
/// <param name="Id">The row id (<c>x0</c>, <c>x1</c>...): the only handle committed reports may use.</param>
/// <param name="Name">The query text. CC BY-NC, evaluation only: never written to a committed file.</param>
/// <param name="ExpectedId">The SDN entry number it must find (list <c>ofac-sdn</c>).</param>
/// <param name="Category">The category (<c>cross_list_latin</c>, <c>cross_list_native</c>).</param>
/// <param name="Source">The source column as given (empty in the dev set).</param>
internal sealed record CrosslistQuery(string Id, string Name, string ExpectedId, string Category, string Source);

/// <summary>
/// Reads <c>crosslist_dev.csv</c> (columns <c>id,name,expected,category,source</c>; any order, extra columns ignored).
/// A malformed file is a <see cref="WatchlistFormatException"/> naming the file, the row and the field, never a
/// silently shorter set.
/// </summary>
internal static class CrosslistSet
{
    public const string LatinCategory = "cross_list_latin";
    public const string NativeCategory = "cross_list_native";

    /// <summary>The categories in report order, with a description for the report.</summary>
    public static readonly (string Name, string Description)[] Categories =
    [
        (LatinCategory, "the EU's Latin-script name of a firm linked to an SDN entry by a registration or tax number, as published (quotes, parentheses, slashes and all)"),
        (NativeCategory, "the EU's first native-script alias of such a firm (Russian, Belarusian or Ukrainian Cyrillic)"),
    ];

    private static readonly string[] Required = ["id", "name", "expected", "category"];

    public static List<CrosslistQuery> Load(string path)
    {
        using var csv = CsvReader.Open(path);
        return Read(csv);
    }

    public static List<CrosslistQuery> Read(CsvReader csv)
    {
        if (!csv.TryReadRecord(out var header))
            throw new WatchlistFormatException(csv.File, 0, null, "the file is empty (expected a header id,name,expected,category,source)");
        var columns = header.Select(h => h.Trim()).ToArray();
        csv.FieldNames = columns;
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Length; i++) index.TryAdd(columns[i], i);
        foreach (var r in Required)
            if (!index.ContainsKey(r))
                throw new WatchlistFormatException(csv.File, csv.RecordLine, r, $"the header has no '{r}' column (found: {string.Join(", ", columns)})");
        var source = index.GetValueOrDefault("source", -1);

        var rows = new List<CrosslistQuery>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var known = Categories.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        while (csv.TryReadRecord(out var fields))
        {
            string Field(string name)
            {
                var i = index[name];
                if (i >= fields.Count)
                    throw new WatchlistFormatException(csv.File, csv.RecordLine, name, $"the row has {fields.Count} fields, the header {columns.Length}");
                return fields[i].Trim();
            }
            var id = Field("id");
            var name = Field("name");
            var expected = Field("expected");
            var category = Field("category");
            if (id.Length == 0) throw new WatchlistFormatException(csv.File, csv.RecordLine, "id", "empty");
            if (!ids.Add(id)) throw new WatchlistFormatException(csv.File, csv.RecordLine, "id", $"'{id}' appears twice");
            if (name.Length == 0) throw new WatchlistFormatException(csv.File, csv.RecordLine, "name", $"empty (row {id})");
            if (expected.Length == 0 || !expected.All(char.IsAsciiDigit))
                throw new WatchlistFormatException(csv.File, csv.RecordLine, "expected", $"'{expected}' is not an SDN entry number (row {id})");
            if (!known.Contains(category))
                throw new WatchlistFormatException(csv.File, csv.RecordLine, "category", $"'{category}' is not one of {string.Join(", ", known)} (row {id})");
            var src = source >= 0 && source < fields.Count ? fields[source].Trim() : "";
            rows.Add(new CrosslistQuery(id, name, expected, category, src));
        }
        return rows;
    }
}
