using System.Globalization;
using System.Text;
using System.Text.Json;
using Screening.Watchlists;

namespace Screening.Watchlists;

/// <summary>The text encoding of a mapped CSV file. A byte-order mark in the file always wins.</summary>
public enum CsvTextEncoding
{
    /// <summary>UTF-8 (JSON <c>"utf-8"</c>). The default.</summary>
    Utf8 = 0,
    /// <summary>ISO 8859-1 (JSON <c>"latin-1"</c>): every byte is one character.</summary>
    Latin1,
    /// <summary>Windows-1252 (JSON <c>"windows-1252"</c>), what Excel on Western Windows writes as "CSV".</summary>
    Windows1252,
}

/// <summary>A reference to one CSV column: by header name, or by 0-based position.</summary>
public sealed record CsvColumn
{
    private CsvColumn(string? name, int index)
    {
        Name = name;
        Index = index;
    }

    /// <summary>The header name (matched trimmed and case-insensitively), or null for a positional reference.</summary>
    public string? Name { get; }

    /// <summary>The 0-based position, or -1 for a reference by name.</summary>
    public int Index { get; }

    /// <summary>A column by its header name.</summary>
    /// <param name="name">The header name.</param>
    public static CsvColumn Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new CsvColumn(name, -1);
    }

    /// <summary>A column by its 0-based position.</summary>
    /// <param name="index">The 0-based position.</param>
    public static CsvColumn At(int index) => new(null, index);

    /// <inheritdoc />
    public override string ToString() => Name is not null ? $"'{Name}'" : $"#{Index}";
}

/// <summary>A column that holds an identifier of one type, e.g. a column <c>INN</c> of Russian tax numbers.</summary>
/// <param name="Column">The column.</param>
/// <param name="Type">The identifier type written into each <see cref="EntryIdentifier"/>, e.g. <c>INN</c>.</param>
/// <param name="Country">The issuing country (ISO alpha-2 or a country name), when the whole column has one. Default none.</param>
/// <param name="Separator">Splits a cell holding several identifiers; null (the default) reads the cell as one.</param>
public sealed record CsvIdentifierColumn(CsvColumn Column, string Type, string? Country = null, string? Separator = null);

/// <summary>
/// Says how to read a CSV file as a watchlist: which columns hold the name, aliases, id, type, countries, identifiers,
/// programs and remarks. Build one in code, or load it from a JSON mapping file with <see cref="Load"/> (the format is
/// described in <c>docs/mapped-csv.md</c>). <see cref="Validate"/> checks it; errors name the field.
/// </summary>
public sealed class CsvMapping
{
    /// <summary>The list's id, e.g. <c>acme-inhouse</c>: letters, digits, <c>.</c>, <c>_</c> and <c>-</c>. Required.</summary>
    public required string ListId { get; init; }

    /// <summary>The list's display name. Default: the list id.</summary>
    public string? ListName { get; init; }

    /// <summary>The field separator. Default <c>,</c>. Not a quote or a line end.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>The text encoding when the file has no byte-order mark. Default <see cref="CsvTextEncoding.Utf8"/>.</summary>
    public CsvTextEncoding Encoding { get; init; } = CsvTextEncoding.Utf8;

    /// <summary>Whether the first record is a header row. Default true. Without one, columns must be given by position.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>The column of the primary name. Required; a row with an empty name is rejected.</summary>
    public required CsvColumn Name { get; init; }

    /// <summary>The column of aliases (strong a.k.a.), split on <see cref="AliasSeparator"/>. Default none.</summary>
    public CsvColumn? Aliases { get; init; }

    /// <summary>Splits the aliases cell. Default <c>;</c>.</summary>
    public string AliasSeparator { get; init; } = ";";

    /// <summary>The column of the entry id; a row with an empty id is rejected. Default none: the id is the 1-based data row number (the header not counted).</summary>
    public CsvColumn? Id { get; init; }

    /// <summary>The column of the entity type. Default none: every entry has <see cref="DefaultType"/>.</summary>
    public CsvColumn? Type { get; init; }

    /// <summary>
    /// Maps the type column's values (trimmed, case-insensitive) to types, e.g. <c>C</c> to Organization. Values not
    /// mapped here are read as <c>organization</c>/<c>entity</c>/<c>company</c>, <c>person</c>/<c>individual</c>,
    /// <c>vessel</c>, <c>aircraft</c>, <c>unknown</c>; anything else is a warning and <see cref="DefaultType"/>. Default none.
    /// </summary>
    public IReadOnlyDictionary<string, EntityType>? TypeValues { get; init; }

    /// <summary>The type of an entry whose type cell is empty or absent. Default <see cref="EntityType.Unknown"/>.</summary>
    public EntityType DefaultType { get; init; } = EntityType.Unknown;

    /// <summary>The column of countries (ISO alpha-2 codes or names), split on <see cref="CountrySeparator"/>. Default none.</summary>
    public CsvColumn? Country { get; init; }

    /// <summary>Splits the country cell. Default <c>;</c>.</summary>
    public string CountrySeparator { get; init; } = ";";

    /// <summary>Identifier columns, each with its identifier type. Default none.</summary>
    public IReadOnlyList<CsvIdentifierColumn> Identifiers { get; init; } = [];

    /// <summary>The column of sanctions programs or listing reasons, split on <see cref="ProgramSeparator"/>. Default none.</summary>
    public CsvColumn? Programs { get; init; }

    /// <summary>Splits the programs cell. Default <c>;</c>.</summary>
    public string ProgramSeparator { get; init; } = ";";

    /// <summary>The column of free-text remarks. Default none.</summary>
    public CsvColumn? Remarks { get; init; }

    /// <summary>Tags added to every entry, e.g. <c>list:In-house</c>. Default none.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Where the mapping comes from, named in error messages: the mapping file, or <c>mapping</c> (the default) when built in code.</summary>
    public string Origin { get; init; } = "mapping";

    /// <summary>The known JSON fields of a mapping file.</summary>
    internal static readonly string[] TopLevelFields =
        ["listId", "listName", "separator", "encoding", "header", "name", "aliases", "id", "type", "country", "identifiers", "programs", "remarks", "tags"];

    /// <summary>Checks the mapping.</summary>
    /// <exception cref="WatchlistFormatException">A field is missing or wrong; the exception names <see cref="Origin"/> and the field (by its JSON name).</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ListId)) throw Error("listId", "the list id is required");
        foreach (var ch in ListId)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))
                throw Error("listId", $"'{ListId}' may hold only letters, digits, '.', '_' and '-'");
        }
        if (Separator is '"' or '\r' or '\n' or '\0') throw Error("separator", "the separator must not be a quote, a line end or NUL");
        if (!Enum.IsDefined(Encoding)) throw Error("encoding", $"unknown encoding {Encoding}");
        if (!Enum.IsDefined(DefaultType)) throw Error("type.default", $"unknown type {DefaultType}");
        if (Name is null) throw Error("name", "the name column is required");
        CheckColumn(Name, "name");
        CheckColumn(Aliases, "aliases");
        CheckColumn(Id, "id");
        CheckColumn(Type, "type");
        CheckColumn(Country, "country");
        CheckColumn(Programs, "programs");
        CheckColumn(Remarks, "remarks");
        if (string.IsNullOrEmpty(AliasSeparator)) throw Error("aliases.separator", "the separator must not be empty");
        if (string.IsNullOrEmpty(CountrySeparator)) throw Error("country.separator", "the separator must not be empty");
        if (string.IsNullOrEmpty(ProgramSeparator)) throw Error("programs.separator", "the separator must not be empty");
        if (TypeValues is not null)
        {
            foreach (var (value, type) in TypeValues)
            {
                if (value is null) throw Error("type.values", "a value must not be null");
                if (!Enum.IsDefined(type)) throw Error($"type.values.{value}", $"unknown type {type}");
            }
        }
        if (Identifiers is null) throw Error("identifiers", "must be a list (empty for none)");
        for (var i = 0; i < Identifiers.Count; i++)
        {
            var idc = Identifiers[i] ?? throw Error($"identifiers[{i}]", "must not be null");
            if (idc.Column is null) throw Error($"identifiers[{i}].column", "the column is required");
            CheckColumn(idc.Column, $"identifiers[{i}].column");
            if (string.IsNullOrWhiteSpace(idc.Type)) throw Error($"identifiers[{i}].type", "the identifier type is required, e.g. \"INN\"");
            if (idc.Country is not null && !CountryCodes.TryGetCode(idc.Country, out _))
                throw Error($"identifiers[{i}].country", $"'{idc.Country}' is not a known country code or name");
            if (idc.Separator is { Length: 0 }) throw Error($"identifiers[{i}].separator", "the separator must not be empty");
        }
        if (Tags is null) throw Error("tags", "must be a list (empty for none)");
        for (var i = 0; i < Tags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Tags[i])) throw Error($"tags[{i}]", "a tag must not be empty");
        }
    }

    private void CheckColumn(CsvColumn? column, string field)
    {
        if (column is null) return;
        if (column.Name is not null)
        {
            if (string.IsNullOrWhiteSpace(column.Name)) throw Error(field, "a column name must not be empty");
            if (!HasHeader) throw Error(field, $"column {column} is given by name, but \"header\" is false: give its 0-based position instead");
        }
        else if (column.Index < 0)
        {
            throw Error(field, $"a column position must be 0 or more, was {column.Index}");
        }
    }

    private WatchlistFormatException Error(string field, string reason) => new(Origin, 0, field, reason);

    /// <summary>Loads and validates a JSON mapping file.</summary>
    /// <param name="path">The mapping file.</param>
    /// <exception cref="WatchlistFormatException">The file is missing, not JSON, or a field is wrong; the exception names the file and the field.</exception>
    public static CsvMapping Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path)) throw ListFiles.IsDirectory(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new WatchlistFormatException(path, 0, null, "mapping file not found", ex);
        }
        return Parse(bytes, path);
    }

    /// <summary>Parses and validates a JSON mapping.</summary>
    /// <param name="utf8Json">The JSON as UTF-8 (a BOM is allowed). Comments and trailing commas are allowed.</param>
    /// <param name="origin">The name used in messages, usually the mapping file.</param>
    /// <exception cref="WatchlistFormatException">Not JSON, or a field is wrong; the exception names <paramref name="origin"/> and the field.</exception>
    public static CsvMapping Parse(ReadOnlySpan<byte> utf8Json, string origin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(origin);
        Utf8Text.Validate(utf8Json, origin, "; a mapping file is JSON, which must be UTF-8");
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8Json = utf8Json[3..];
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new WatchlistFormatException(origin, (ex.LineNumber ?? -1) + 1, null, "invalid JSON: " + ex.Message, ex);
        }
        using (doc)
        {
            var mapping = new CsvMappingJson(origin).Read(doc.RootElement);
            mapping.Validate();
            return mapping;
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"CsvMapping({ListId}, name {Name})");
}
