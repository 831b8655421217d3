namespace Screening.Watchlists;

/// <summary>
/// Loads the OFAC Specially Designated Nationals (SDN) list in OFAC's legacy CSV format from a folder holding
/// <c>sdn.csv</c> and, optionally, <c>alt.csv</c> (aliases), <c>add.csv</c> (addresses) and <c>sdn_comments.csv</c>
/// (remarks beyond 1,000 characters). List id <c>ofac-sdn</c>; list SPEC <c>ofac-sdn:DIR</c>.
/// </summary>
/// <remarks>
/// <para>The files have no header row, are Latin-1 with CRLF line ends, write <c>-0- </c> for an empty field and end with a
/// 0x1A byte. <c>sdn.csv</c> columns: ent_num, SDN_Name, SDN_Type (<c>-0-</c> for an entity, <c>individual</c>,
/// <c>vessel</c>, <c>aircraft</c>), Program (several joined as <c>A] [B</c>, split into distinct programs), Title,
/// Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks.</para>
/// <para>Mapping: entry id = ent_num as written; the SDN name is the primary name, kept as OFAC writes it (persons as
/// <c>LAST, First</c>; no reordered variant is added because the matcher aligns tokens regardless of order).
/// <c>alt.csv</c> aka and nka become strong aliases, fka former names. The <c>a.k.a. 'X'</c> names inside Remarks are
/// OFAC's weak AKAs (the legacy files carry weak AKAs only there) and become weak aliases; <c>f.k.a. 'X'</c> there
/// becomes a former name. Identifiers (<c>Tax ID No.</c>, <c>Registration Number</c>, <c>Government Gazette Number</c>,
/// <c>Legal Entity Number</c>, <c>IMO</c>, <c>MMSI</c>, <c>Website</c>, passports and about eighty more) are parsed
/// from Remarks with their issuing country; the Call_Sign column becomes a <c>Call Sign</c> identifier. Countries are,
/// in order, the address countries, nationality and citizenship from Remarks, identifier issuers and a vessel's flag.
/// Title, vessel type, flag, owner, tonnage and GRT become tags (<c>title:</c>, <c>vessel-type:</c>, ...).</para>
/// <para>Accounting: every <c>sdn.csv</c> row is loaded or reported as Rejected (wrong field count, non-numeric ent_num,
/// no name). Alias, address and comment rows whose entry is absent are Orphan issues; malformed ones are Warnings.
/// An absent optional file is a <see cref="LoadIssueKind.MissingFile"/> issue, and a file that does not end with
/// OFAC's end-of-file byte 0x1A (every published file does; one cut at a line boundary, e.g. by an interrupted
/// download, does not) a <see cref="LoadIssueKind.Truncated"/> issue: reported, and refused under
/// <c>ScreeningOptions.StrictLoading</c>. A folder named like one of the files, broken quoting or a truncated quoted
/// field throws <see cref="WatchlistFormatException"/>.</para>
/// <para>Version: the format carries no publication date, so the label is <c>sha256:</c> plus the first 12 hex digits
/// of the SHA-256 over the present files concatenated in the order sdn.csv, alt.csv, add.csv, sdn_comments.csv
/// (the same as <c>cat sdn.csv alt.csv add.csv sdn_comments.csv | sha256sum</c>).</para>
/// </remarks>
public sealed class OfacSdnProvider : IWatchlistProvider, IWatchlistFileSource
{
    /// <summary>The list SPEC kind, <c>ofac-sdn</c>.</summary>
    public const string Kind = "ofac-sdn";

    private readonly string _path;

    /// <summary>Creates a provider over a folder.</summary>
    /// <param name="folder">The folder holding <c>sdn.csv</c> (a path to a file inside it is accepted too).</param>
    public OfacSdnProvider(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _path = folder;
    }

    /// <inheritdoc />
    public string Source => Kind + ":" + _path;

    /// <inheritdoc />
    /// <remarks>The four files of the set, found as a load finds them (a case-insensitive match included).</remarks>
    public IReadOnlyList<string> SourceFiles => OfacLegacyFiles.SourceFiles(OfacFileSet.Sdn, _path);

    /// <inheritdoc />
    public Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default) =>
        OfacLegacyReader.LoadAsync(OfacFileSet.Sdn, _path, cancellationToken);
}
