namespace Screening.Watchlists;

/// <summary>The mapping's columns as positions in the file; -1 when not mapped.</summary>
internal sealed class MappedCsvColumns
{
    private readonly string[]? _header;

    public MappedCsvColumns(CsvMapping m, string[]? header, string file, long headerLine)
    {
        _header = header;
        Dictionary<string, int>? index = null;
        HashSet<string>? ambiguous = null;
        if (header is not null) index = CsvSupport.IndexHeader(header, out ambiguous);
        int Resolve(CsvColumn? column, string field)
        {
            if (column is null) return -1;
            int at;
            if (column.Name is not null)
            {
                if (index is null || !index.TryGetValue(column.Name.Trim(), out at))
                    throw new WatchlistFormatException(file, headerLine, column.Name,
                        $"column '{column.Name}' (mapping field '{field}') is missing from the header; the header has: {string.Join(", ", header ?? [])}");
                if (ambiguous!.Contains(column.Name.Trim()))
                    throw new WatchlistFormatException(file, headerLine, column.Name, $"column '{column.Name}' (mapping field '{field}') occurs more than once in the header");
            }
            else
            {
                at = column.Index;
                if (header is not null && at >= header.Length)
                    throw new WatchlistFormatException(file, headerLine, $"#{at}", $"column #{at} (mapping field '{field}') is beyond the header's {header.Length} columns (positions are 0-based)");
            }
            MaxIndex = Math.Max(MaxIndex, at);
            return at;
        }
        Name = Resolve(m.Name, "name");
        Aliases = Resolve(m.Aliases, "aliases");
        Id = Resolve(m.Id, "id");
        Type = Resolve(m.Type, "type");
        Country = Resolve(m.Country, "country");
        Programs = Resolve(m.Programs, "programs");
        Remarks = Resolve(m.Remarks, "remarks");
        Identifiers = new int[m.Identifiers.Count];
        for (var i = 0; i < Identifiers.Length; i++) Identifiers[i] = Resolve(m.Identifiers[i].Column, $"identifiers[{i}].column");
    }

    public int Name { get; }
    public int Aliases { get; }
    public int Id { get; }
    public int Type { get; }
    public int Country { get; }
    public int Programs { get; }
    public int Remarks { get; }
    public int[] Identifiers { get; }
    public int MaxIndex { get; private set; }

    public string Label(int column) =>
        _header is not null && column < _header.Length && _header[column].Trim().Length > 0 ? _header[column].Trim() : $"#{column}";
}
