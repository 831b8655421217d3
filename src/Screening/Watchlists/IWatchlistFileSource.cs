namespace Screening.Watchlists;

/// <summary>
/// Implemented by providers that read their list from local files, so that a host can watch those files and tell from
/// their bytes alone, without parsing, whether a reload would read anything new.
/// </summary>
/// <remarks>
/// The contract: a change to the list is a change to the bytes of one of <see cref="SourceFiles"/> (or a file appearing
/// or vanishing there). A host that finds every file's bytes as they were may skip the reload.
/// </remarks>
public interface IWatchlistFileSource
{
    /// <summary>
    /// The full paths of every file the list is read from, optional ones included whether present or not, in a fixed
    /// order. Empty when the provider reads something else (a stream given in code).
    /// </summary>
    IReadOnlyList<string> SourceFiles { get; }
}
