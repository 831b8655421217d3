using System.Globalization;
using System.Text.Json;

namespace Screening.Watchlists;

// Reads a mapping file's JSON into a CsvMapping, naming the field at fault in every error.
internal readonly struct CsvMappingJson(string origin)
{
    public CsvMapping Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Error("$", "the mapping must be a JSON object");
        foreach (var p in root.EnumerateObject())
        {
            if (Array.IndexOf(CsvMapping.TopLevelFields, p.Name) < 0)
                throw Error(p.Name, $"unknown field; the fields are {string.Join(", ", CsvMapping.TopLevelFields)}");
        }
        var header = OptBool(root, "header") ?? true;
        var name = root.TryGetProperty("name", out var nameEl) && nameEl.ValueKind != JsonValueKind.Null
            ? Column(nameEl, "name", out _, [])
            : throw Error("name", "the name column is required, e.g. \"name\": \"Company name\"");
        var aliases = OptColumn(root, "aliases", out var aliasSep, ["separator"]);
        var id = OptColumn(root, "id", out _, []);
        var country = OptColumn(root, "country", out var countrySep, ["separator"]);
        var programs = OptColumn(root, "programs", out var programSep, ["separator"]);
        var remarks = OptColumn(root, "remarks", out _, []);
        var (type, typeValues, defaultType) = ReadType(root);
        return new CsvMapping
        {
            Origin = origin,
            ListId = ReqString(root, "listId"),
            ListName = OptString(root, "listName"),
            Separator = ReadSeparator(root),
            Encoding = ReadEncoding(root),
            HasHeader = header,
            Name = name,
            Aliases = aliases,
            AliasSeparator = aliasSep ?? ";",
            Id = id,
            Type = type,
            TypeValues = typeValues,
            DefaultType = defaultType,
            Country = country,
            CountrySeparator = countrySep ?? ";",
            Identifiers = ReadIdentifiers(root),
            Programs = programs,
            ProgramSeparator = programSep ?? ";",
            Remarks = remarks,
            Tags = ReadTags(root),
        };
    }

    private char ReadSeparator(JsonElement root)
    {
        var s = OptRawString(root, "separator");
        if (s is null) return ',';
        if (s.Equals("tab", StringComparison.OrdinalIgnoreCase)) return '\t';
        if (s.Length != 1) throw Error("separator", $"must be one character (or \"tab\"), was \"{s}\"");
        return s[0];
    }

    private CsvTextEncoding ReadEncoding(JsonElement root)
    {
        var s = OptString(root, "encoding");
        if (s is null) return CsvTextEncoding.Utf8;
        return CsvSupport.TryParseEncoding(s, out var encoding)
            ? encoding
            : throw Error("encoding", $"unknown encoding \"{s}\"; use \"utf-8\", \"latin-1\" or \"windows-1252\"");
    }

    private (CsvColumn? Column, Dictionary<string, EntityType>? Values, EntityType Default) ReadType(JsonElement root)
    {
        if (!root.TryGetProperty("type", out var el) || el.ValueKind == JsonValueKind.Null) return (null, null, EntityType.Unknown);
        if (el.ValueKind != JsonValueKind.Object) return (Column(el, "type", out _, []), null, EntityType.Unknown);
        CheckFields(el, "type", ["column", "values", "default"]);
        CsvColumn? column = null;
        if (el.TryGetProperty("column", out var colEl) && colEl.ValueKind != JsonValueKind.Null) column = ColumnRef(colEl, "type.column");
        var defaultType = EntityType.Unknown;
        var d = OptString(el, "default", "type.default");
        if (d is not null && !JsonWatchlistProvider.TryParseType(d, out defaultType))
            throw Error("type.default", $"unknown type \"{d}\" (organization, person, vessel, aircraft, unknown)");
        Dictionary<string, EntityType>? values = null;
        if (el.TryGetProperty("values", out var valuesEl) && valuesEl.ValueKind != JsonValueKind.Null)
        {
            if (valuesEl.ValueKind != JsonValueKind.Object) throw Error("type.values", "must be an object such as {\"C\": \"organization\", \"P\": \"person\"}");
            values = new Dictionary<string, EntityType>(StringComparer.OrdinalIgnoreCase);
            foreach (var v in valuesEl.EnumerateObject())
            {
                var field = $"type.values.{v.Name}";
                if (v.Value.ValueKind != JsonValueKind.String || !JsonWatchlistProvider.TryParseType(v.Value.GetString()!, out var t))
                    throw Error(field, "must be one of \"organization\", \"person\", \"vessel\", \"aircraft\", \"unknown\"");
                if (!values.TryAdd(v.Name.Trim(), t)) throw Error(field, "the value is mapped twice (values are case-insensitive)");
            }
        }
        if (column is null && values is not null) throw Error("type.column", "\"values\" needs a \"column\" to read");
        return (column, values, defaultType);
    }

    private List<CsvIdentifierColumn> ReadIdentifiers(JsonElement root)
    {
        var list = new List<CsvIdentifierColumn>();
        if (!root.TryGetProperty("identifiers", out var arr) || arr.ValueKind == JsonValueKind.Null) return list;
        if (arr.ValueKind != JsonValueKind.Array) throw Error("identifiers", "must be an array such as [{\"column\": \"INN\", \"type\": \"INN\"}]");
        var i = 0;
        foreach (var x in arr.EnumerateArray())
        {
            var f = $"identifiers[{i++}]";
            if (x.ValueKind != JsonValueKind.Object) throw Error(f, "must be an object with \"column\" and \"type\"");
            CheckFields(x, f, ["column", "type", "country", "separator"]);
            if (!x.TryGetProperty("column", out var colEl) || colEl.ValueKind == JsonValueKind.Null) throw Error(f + ".column", "the column is required");
            var column = ColumnRef(colEl, f + ".column");
            var type = OptString(x, "type", f + ".type") ?? throw Error(f + ".type", "the identifier type is required, e.g. \"INN\"");
            list.Add(new CsvIdentifierColumn(column, type, OptString(x, "country", f + ".country"), OptRawString(x, "separator", f + ".separator")));
        }
        return list;
    }

    private List<string> ReadTags(JsonElement root)
    {
        var list = new List<string>();
        if (!root.TryGetProperty("tags", out var arr) || arr.ValueKind == JsonValueKind.Null) return list;
        if (arr.ValueKind != JsonValueKind.Array) throw Error("tags", "must be an array of strings");
        var i = 0;
        foreach (var x in arr.EnumerateArray())
        {
            if (x.ValueKind != JsonValueKind.String) throw Error($"tags[{i}]", "must be a string");
            list.Add(x.GetString()!);
            i++;
        }
        return list;
    }

    private CsvColumn? OptColumn(JsonElement root, string field, out string? separator, string[] extra)
    {
        separator = null;
        if (!root.TryGetProperty(field, out var el) || el.ValueKind == JsonValueKind.Null) return null;
        return Column(el, field, out separator, extra);
    }

    // "Column name", 3, or {"column": ..., "separator": ...}.
    private CsvColumn Column(JsonElement el, string field, out string? separator, string[] extra)
    {
        separator = null;
        if (el.ValueKind != JsonValueKind.Object) return ColumnRef(el, field);
        CheckFields(el, field, ["column", .. extra]);
        if (!el.TryGetProperty("column", out var colEl) || colEl.ValueKind == JsonValueKind.Null) throw Error(field + ".column", "the column is required");
        if (extra.Contains("separator")) separator = OptRawString(el, "separator", field + ".separator");
        return ColumnRef(colEl, field + ".column");
    }

    private CsvColumn ColumnRef(JsonElement el, string field)
    {
        switch (el.ValueKind)
        {
            case JsonValueKind.String:
                var s = el.GetString()!;
                if (string.IsNullOrWhiteSpace(s)) throw Error(field, "a column name must not be empty");
                return CsvColumn.Named(s.Trim());
            case JsonValueKind.Number:
                if (!el.TryGetInt32(out var i) || i < 0) throw Error(field, $"a column position must be a whole number 0 or more, was {el.GetRawText()}");
                return CsvColumn.At(i);
            default:
                throw Error(field, "must be a column name (string) or a 0-based column position (number)");
        }
    }

    private void CheckFields(JsonElement obj, string field, string[] allowed)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (Array.IndexOf(allowed, p.Name) < 0)
                throw Error($"{field}.{p.Name}", $"unknown field; {field} takes {string.Join(", ", allowed)}");
        }
    }

    private bool? OptBool(JsonElement obj, string prop)
    {
        if (!obj.TryGetProperty(prop, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(prop, $"must be true or false, was {v.ValueKind}"),
        };
    }

    private string ReqString(JsonElement obj, string prop) =>
        OptString(obj, prop) ?? throw Error(prop, "required field is missing");

    private string? OptString(JsonElement obj, string prop, string? field = null)
    {
        var s = OptRawString(obj, prop, field);
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    // Untrimmed, so that " " or "\t" can be a separator.
    private string? OptRawString(JsonElement obj, string prop, string? field = null)
    {
        if (!obj.TryGetProperty(prop, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw Error(field ?? prop, $"must be a string, was {v.ValueKind}");
        return v.GetString();
    }

    private WatchlistFormatException Error(string field, string reason) => new(origin, 0, field, reason);
}
