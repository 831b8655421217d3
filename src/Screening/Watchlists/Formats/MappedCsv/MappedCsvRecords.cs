using System.Globalization;

namespace Screening.Watchlists;

/// <summary>
/// Maps the data rows of a mapped CSV to entries: checks a row (field count, name, id), then reads its names, type,
/// countries, identifiers, programs and remarks as the mapping says.
/// </summary>
internal sealed class MappedCsvRecords(CsvMapping mapping, MappedCsvColumns c, int? headerLength, WatchlistAccumulator load)
{
    private readonly string _fileName = Path.GetFileName(load.File);
    private readonly string? _idField = c.Id >= 0 ? c.Label(c.Id) : null;

    /// <summary>Adds the row's entry to the load, or rejects the row.</summary>
    /// <param name="f">The row's fields.</param>
    /// <param name="line">The row's line.</param>
    /// <param name="row">The row's 1-based number among the data rows: the id when no id column is mapped.</param>
    public void Read(IReadOnlyList<string> f, long line, long row)
    {
        if (headerLength is { } length ? f.Count != length : f.Count <= c.MaxIndex)
        {
            var expected = headerLength is not null ? $"the header has {headerLength}" : $"the mapping reads column #{c.MaxIndex}";
            load.Reject(line, null, $"the row has {f.Count} fields, {expected}");
            return;
        }
        var name = Get(f, c.Name);
        if (name.Length == 0)
        {
            load.Reject(line, c.Label(c.Name), "the name is empty");
            return;
        }
        var id = c.Id >= 0 ? Get(f, c.Id) : row.ToString(CultureInfo.InvariantCulture);
        if (id.Length == 0)
        {
            load.Reject(line, c.Label(c.Id), "the id is empty");
            return;
        }

        var remarks = c.Remarks >= 0 ? Get(f, c.Remarks) : "";
        load.Add(new WatchlistEntry
        {
            Id = id,
            Type = ReadType(f, line),
            Names = ReadNames(f, name),
            Countries = ReadCountries(f, line),
            Identifiers = ReadIdentifiers(f),
            Programs = c.Programs >= 0 ? CsvSupport.SplitList(Get(f, c.Programs), mapping.ProgramSeparator) : [],
            Remarks = remarks.Length > 0 ? remarks : null,
            SourceReference = string.Create(CultureInfo.InvariantCulture, $"{_fileName}, line {line}"),
            Tags = mapping.Tags.Count == 0 ? [] : [.. mapping.Tags],
        }, line, _idField, static (e, _, firstRow) => $"entry id '{e.Id}' also at line {firstRow}; both loaded");
    }

    private static string Get(IReadOnlyList<string> fields, int column) =>
        column >= 0 && column < fields.Count ? fields[column].Trim() : "";

    // The name, then the aliases column's distinct items as strong aliases.
    private List<EntryName> ReadNames(IReadOnlyList<string> f, string name)
    {
        var names = new List<EntryName> { new(name) };
        if (c.Aliases < 0) return names;
        var seen = new List<string> { name };
        foreach (var alias in CsvSupport.SplitList(Get(f, c.Aliases), mapping.AliasSeparator))
        {
            if (seen.Contains(alias, StringComparer.Ordinal)) continue;
            seen.Add(alias);
            names.Add(new EntryName(alias, NameStrength.Strong));
        }
        return names;
    }

    private EntityType ReadType(IReadOnlyList<string> f, long line)
    {
        var type = mapping.DefaultType;
        if (c.Type < 0) return type;
        var text = Get(f, c.Type);
        if (text.Length > 0 && !TryMapType(text, out type))
        {
            type = mapping.DefaultType;
            load.Warn(line, c.Label(c.Type), $"unknown type '{text}'; loaded as {type}");
        }
        return type;
    }

    private bool TryMapType(string text, out EntityType type)
    {
        if (mapping.TypeValues is not null)
        {
            foreach (var (key, value) in mapping.TypeValues)
            {
                if (string.Equals(key.Trim(), text, StringComparison.OrdinalIgnoreCase))
                {
                    type = value;
                    return true;
                }
            }
        }
        return JsonWatchlistProvider.TryParseType(text, out type);
    }

    private List<string> ReadCountries(IReadOnlyList<string> f, long line)
    {
        var countries = new List<string>();
        if (c.Country < 0) return countries;
        foreach (var part in CsvSupport.SplitList(Get(f, c.Country), mapping.CountrySeparator))
        {
            if (CountryCodes.TryGetCode(part, out var code)) CsvSupport.AddDistinct(countries, code);
            else load.Warn(line, c.Label(c.Country), $"unknown country '{part}' ignored");
        }
        return countries;
    }

    private List<EntryIdentifier> ReadIdentifiers(IReadOnlyList<string> f)
    {
        var identifiers = new List<EntryIdentifier>();
        for (var i = 0; i < c.Identifiers.Length; i++)
        {
            var spec = mapping.Identifiers[i];
            var cell = Get(f, c.Identifiers[i]);
            if (cell.Length == 0) continue;
            var country = spec.Country is not null && CountryCodes.TryGetCode(spec.Country, out var cc) ? cc : null;
            if (spec.Separator is null) identifiers.Add(new EntryIdentifier(spec.Type, cell, country));
            else foreach (var v in CsvSupport.SplitList(cell, spec.Separator)) identifiers.Add(new EntryIdentifier(spec.Type, v, country));
        }
        return identifiers;
    }
}
