namespace Screening.Watchlists;

/// <summary>
/// One OFAC file set in the legacy CSV format: a primary file plus optional alias, address and comments files,
/// all joined on <c>ent_num</c>.
/// </summary>
/// <param name="ListId">The watchlist id, e.g. <c>ofac-sdn</c>.</param>
/// <param name="DisplayName">The watchlist display name.</param>
/// <param name="Primary">The primary file name (required).</param>
/// <param name="Aliases">The alias file name (optional).</param>
/// <param name="Addresses">The address file name (optional).</param>
/// <param name="Comments">The remarks-overflow file name (optional).</param>
internal sealed record OfacFileSet(string ListId, string DisplayName, string Primary, string Aliases, string Addresses, string Comments)
{
    /// <summary>The SDN list: <c>sdn.csv</c>, <c>alt.csv</c>, <c>add.csv</c>, <c>sdn_comments.csv</c>.</summary>
    public static OfacFileSet Sdn { get; } = new("ofac-sdn", "OFAC SDN List", "sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv");

    /// <summary>The consolidated non-SDN list: <c>cons_prim.csv</c>, <c>cons_alt.csv</c>, <c>cons_add.csv</c>, <c>cons_comments.csv</c>.</summary>
    public static OfacFileSet Consolidated { get; } = new("ofac-cons", "OFAC Consolidated (non-SDN) List", "cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv");

    /// <summary>The file names in hashing order: primary, aliases, addresses, comments.</summary>
    public string[] FilesInOrder => [Primary, Aliases, Addresses, Comments];
}

/// <summary>The bytes of one file of a set, with the name used in messages. Null bytes: the file is absent.</summary>
internal readonly record struct OfacSourceFile(string Name, byte[]? Bytes);
