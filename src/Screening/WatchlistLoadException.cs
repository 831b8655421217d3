namespace Screening;

/// <summary>
/// A list loaded but cannot be screened safely: it has no entries, fewer than its minimum, or (with
/// <see cref="ScreeningOptions.StrictLoading"/>) rejected rows, a truncated file or a missing file. The message names
/// the list, its source and the counts.
/// </summary>
public sealed class WatchlistLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="listId">The list's id.</param>
    /// <param name="source">The provider's source, e.g. <c>ofac-sdn:/data/ofac</c>.</param>
    /// <param name="message">What is wrong.</param>
    public WatchlistLoadException(string listId, string source, string message) : this(listId, source, message, message, LoadFailure.Other)
    {
    }

    internal WatchlistLoadException(string listId, string source, string detail, string message, LoadFailure failure) : base(message)
    {
        ListId = listId;
        ProviderSource = source;
        Detail = detail;
        Failure = failure;
    }

    /// <summary>The list's id.</summary>
    public string ListId { get; }

    /// <summary>The provider's source.</summary>
    public string ProviderSource { get; }

    // The message without the hint naming the option, so the CLI can name its own flag instead.
    internal string Detail { get; }

    internal LoadFailure Failure { get; }
}

/// <summary>Which load rule refused a list.</summary>
internal enum LoadFailure
{
    Other,
    Empty,
    BelowMinimum,
    Strict,
}
