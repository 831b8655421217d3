namespace Screening.Watchlists;

/// <summary>What kind of party a watchlist entry describes.</summary>
public enum EntityType
{
    /// <summary>The source does not say.</summary>
    Unknown = 0,
    /// <summary>A company, institute, agency or other organization.</summary>
    Organization,
    /// <summary>A natural person.</summary>
    Person,
    /// <summary>A ship.</summary>
    Vessel,
    /// <summary>An aircraft.</summary>
    Aircraft,
}

/// <summary>How much a name of an entry can be relied on.</summary>
public enum NameStrength
{
    /// <summary>The entry's primary (listed) name.</summary>
    Primary = 0,
    /// <summary>A strong alias (a.k.a.): a name the party is known by.</summary>
    Strong,
    /// <summary>A weak alias: OFAC's "low quality" a.k.a. Alone it is not enough for a hit, so it lowers the score.</summary>
    Weak,
    /// <summary>A former name (f.k.a.).</summary>
    Former,
}

/// <summary>One name of a watchlist entry.</summary>
/// <param name="Value">The name as the source writes it.</param>
/// <param name="Strength">Primary name, strong or weak alias, or former name.</param>
public sealed record EntryName(string Value, NameStrength Strength = NameStrength.Primary);

/// <summary>An identifier of an entry: a tax id, a registration number, an IMO number and so on.</summary>
/// <param name="Type">The identifier's type as the source names it, e.g. <c>Tax ID No.</c> or <c>INN</c>.</param>
/// <param name="Value">The identifier itself.</param>
/// <param name="Country">The issuing country as ISO 3166 alpha-2, when known.</param>
public sealed record EntryIdentifier(string Type, string Value, string? Country = null);

/// <summary>A postal address of an entry. All parts are optional.</summary>
/// <param name="Street">Street lines.</param>
/// <param name="City">City, region and postal code as the source gives them.</param>
/// <param name="Country">The country name as the source writes it.</param>
/// <param name="CountryCode">The ISO 3166 alpha-2 code, when it could be derived.</param>
public sealed record EntryAddress(string? Street, string? City, string? Country, string? CountryCode);

/// <summary>Where an entry comes from: one source list's record. Merged entries carry several.</summary>
/// <param name="List">The source list, e.g. <c>OFAC SDN</c> or <c>BIS Entity List</c>.</param>
/// <param name="EntryId">The source's own id of the record.</param>
/// <param name="Programs">The sanctions programs of the record.</param>
/// <param name="Citation">A Federal Register citation or similar, when the source gives one.</param>
/// <param name="Date">The designation or listing date as the source gives it (ISO 8601 where possible).</param>
public sealed record EntrySource(string List, string EntryId, IReadOnlyList<string> Programs, string? Citation = null, string? Date = null);

/// <summary>
/// A relationship of an entry to another party as the source states it: OFAC's <c>Linked To: X</c>, the enhanced XML's
/// <c>Owned or Controlled By</c> or <c>Acting for or on behalf of</c>, the CSL's <c>(Linked To: X)</c>. A step toward
/// ownership screening: links are kept with the linked party's id where the source gives one, so they can be resolved
/// to entries of the loaded lists; they are not resolved or screened yet.
/// </summary>
/// <param name="Relationship">The relationship as the source words it, e.g. <c>Linked To</c> or <c>Owned or Controlled By</c>.</param>
/// <param name="Name">The linked party's name as the source writes it.</param>
/// <param name="EntryId">The linked party's id in the same source (the enhanced XML's <c>entityId</c>), when given.</param>
public sealed record EntryLink(string Relationship, string Name, string? EntryId = null);

/// <summary>One listed party.</summary>
public sealed class WatchlistEntry
{
    /// <summary>The source's own id, kept as-is for audit (for OFAC, the SDN entry number).</summary>
    public required string Id { get; init; }

    /// <summary>The kind of party. Default <see cref="EntityType.Unknown"/>.</summary>
    public EntityType Type { get; init; }

    /// <summary>The names: the primary name first, then aliases and former names.</summary>
    public required IReadOnlyList<EntryName> Names { get; init; }

    /// <summary>Countries tied to the entry, as ISO 3166 alpha-2 codes.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Identifiers: tax ids, registration numbers, IMO numbers.</summary>
    public IReadOnlyList<EntryIdentifier> Identifiers { get; init; } = [];

    /// <summary>Sanctions programs, e.g. <c>RUSSIA-EO14024</c>.</summary>
    public IReadOnlyList<string> Programs { get; init; } = [];

    /// <summary>Addresses.</summary>
    public IReadOnlyList<EntryAddress> Addresses { get; init; } = [];

    /// <summary>Free-text remarks from the source.</summary>
    public string? Remarks { get; init; }

    /// <summary>A reference to the source document or record (a URL or a file and row).</summary>
    public string? SourceReference { get; init; }

    /// <summary>Free tags, e.g. <c>role:defense-industry</c>, <c>sector:electronics</c>, <c>list:Entity List</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Provenance: every source record this entry was built from. Empty for single-source lists.</summary>
    public IReadOnlyList<EntrySource> Sources { get; init; } = [];

    /// <summary>Relationships to other parties as the source states them (<c>Linked To</c>, <c>Owned or Controlled By</c>...).</summary>
    public IReadOnlyList<EntryLink> Links { get; init; } = [];

    /// <summary>The primary name (the first name).</summary>
    public string PrimaryName => Names.Count > 0 ? Names[0].Value : string.Empty;
}

/// <summary>The version of a loaded list: a label, the publication date where the format has one, and a hash of the source bytes.</summary>
/// <param name="Label">A human-readable version, usually the publication date or a hash prefix.</param>
/// <param name="PublishedAt">The publication date the source states, if any.</param>
/// <param name="Sha256">The SHA-256 of the source bytes in lower-case hex, if computed.</param>
public sealed record WatchlistVersion(string Label, DateTimeOffset? PublishedAt = null, string? Sha256 = null)
{
    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>A loaded watchlist: immutable once built.</summary>
public sealed class Watchlist
{
    /// <summary>Creates a watchlist.</summary>
    /// <param name="id">A stable id, e.g. <c>ofac-sdn</c>.</param>
    /// <param name="displayName">A display name.</param>
    /// <param name="version">The list's version.</param>
    /// <param name="entries">The entries.</param>
    /// <param name="report">What the load read, loaded and rejected; an empty report when omitted.</param>
    public Watchlist(string id, string displayName, WatchlistVersion version, IReadOnlyList<WatchlistEntry> entries, WatchlistLoadReport? report = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(entries);
        Id = id;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? id : displayName;
        Version = version;
        Entries = entries;
        Report = report ?? new WatchlistLoadReport(entries.Count, entries.Count, []);
    }

    /// <summary>The list's id.</summary>
    public string Id { get; }

    /// <summary>The list's display name.</summary>
    public string DisplayName { get; }

    /// <summary>The list's version.</summary>
    public WatchlistVersion Version { get; }

    /// <summary>The entries.</summary>
    public IReadOnlyList<WatchlistEntry> Entries { get; }

    /// <summary>What the load read, loaded and rejected.</summary>
    public WatchlistLoadReport Report { get; }
}

/// <summary>What kind of problem a load met.</summary>
public enum LoadIssueKind
{
    /// <summary>A source row was not loaded.</summary>
    Rejected,
    /// <summary>A secondary row (alias, address, comment) names an entry that is absent.</summary>
    Orphan,
    /// <summary>An entry id occurs more than once.</summary>
    Duplicate,
    /// <summary>Loaded, but something was odd (a field ignored, a value repaired).</summary>
    Warning,
    /// <summary>An optional source file is absent (e.g. OFAC's <c>alt.csv</c>): its rows are not loaded.</summary>
    MissingFile,
    /// <summary>A source file looks cut short (e.g. an OFAC file without its end-of-file byte): rows may be missing.</summary>
    Truncated,
}

/// <summary>One problem met while loading a list.</summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="File">The file (or source) name.</param>
/// <param name="Row">The 1-based row (line or record) number, or 0 when not applicable.</param>
/// <param name="Field">The field, when one is at fault.</param>
/// <param name="Message">What is wrong.</param>
public sealed record LoadIssue(LoadIssueKind Kind, string File, long Row, string? Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Kind}: {File}{(Row > 0 ? $", row {Row}" : "")}{(Field is null ? "" : $", field '{Field}'")}: {Message}";
}

/// <summary>
/// The accounting of one load: every primary row read is loaded, rejected, or left out by a filter the loader was
/// given (<see cref="EntriesFiltered"/>).
/// </summary>
/// <param name="RowsRead">Primary rows (records) read from the source.</param>
/// <param name="EntriesLoaded">Entries loaded (after any filter: the list's entries).</param>
/// <param name="Issues">Rejected rows, orphans, duplicates and warnings.</param>
public sealed record WatchlistLoadReport(long RowsRead, long EntriesLoaded, IReadOnlyList<LoadIssue> Issues)
{
    /// <summary>
    /// Entries read and valid but left out by the loader's filter (<see cref="ScreeningOptions.BuiltInWatchlistFilter"/>).
    /// Default 0: no filter.
    /// </summary>
    public long EntriesFiltered { get; init; }

    /// <summary>Primary rows that were not loaded.</summary>
    public long RowsRejected => Count(LoadIssueKind.Rejected);

    /// <summary>Counts the issues of one kind.</summary>
    public long Count(LoadIssueKind kind)
    {
        long n = 0;
        foreach (var issue in Issues)
        {
            if (issue.Kind == kind) n++;
        }
        return n;
    }
}
