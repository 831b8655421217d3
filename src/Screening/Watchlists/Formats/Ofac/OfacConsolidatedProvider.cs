namespace Screening.Watchlists;

/// <summary>
/// Loads OFAC's Consolidated (non-SDN) Sanctions List (SSI, NS-MBS, CMIC, FSE, PLC, 561 and similar lists) in the legacy
/// CSV format from a folder holding <c>cons_prim.csv</c> and, optionally, <c>cons_alt.csv</c>, <c>cons_add.csv</c> and
/// <c>cons_comments.csv</c>. List id <c>ofac-cons</c>; list SPEC <c>ofac-cons:DIR</c>.
/// </summary>
/// <remarks>
/// The files have the same layout as the SDN files and are read by the same code: see <see cref="OfacSdnProvider"/>
/// for the columns, the mapping, the load accounting and the version label (SHA-256 over cons_prim.csv,
/// cons_alt.csv, cons_add.csv, cons_comments.csv in that order).
/// </remarks>
public sealed class OfacConsolidatedProvider : IWatchlistProvider, IWatchlistFileSource
{
    /// <summary>The list SPEC kind, <c>ofac-cons</c>.</summary>
    public const string Kind = "ofac-cons";

    private readonly string _path;

    /// <summary>Creates a provider over a folder.</summary>
    /// <param name="folder">The folder holding <c>cons_prim.csv</c> (a path to a file inside it is accepted too).</param>
    public OfacConsolidatedProvider(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _path = folder;
    }

    /// <inheritdoc />
    public string Source => Kind + ":" + _path;

    /// <inheritdoc />
    /// <remarks>The four files of the set, found as a load finds them (a case-insensitive match included).</remarks>
    public IReadOnlyList<string> SourceFiles => OfacLegacyFiles.SourceFiles(OfacFileSet.Consolidated, _path);

    /// <inheritdoc />
    public Task<Watchlist> LoadAsync(CancellationToken cancellationToken = default) =>
        OfacLegacyReader.LoadAsync(OfacFileSet.Consolidated, _path, cancellationToken);
}
