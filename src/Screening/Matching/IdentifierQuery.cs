using Screening.Identifiers;
using Screening.Watchlists;

namespace Screening.Matching;

/// <summary>
/// The identifiers one screen carries (the request's, and a bare identifier typed as the name), validated once and
/// resolved against the loaded lists' identifier index: the entries they find, and the evidence about any entry.
/// </summary>
internal sealed class IdentifierQuery
{
    private readonly IdentifierIndex _index;
    private IReadOnlyList<IdentifierHit>? _found;

    public IdentifierQuery(IReadOnlyList<PreparedIdentifier> request, IdentifierIndex index, PreparedIdentifier? fromName = null)
    {
        Request = request;
        _index = index;
        FromName = fromName;
    }

    /// <summary>The identifier the name itself is (a bare identifier typed as the name), screened instead of the name; or null.</summary>
    public PreparedIdentifier? FromName { get; }

    /// <summary>The identifiers, as classified and validated.</summary>
    public IReadOnlyList<PreparedIdentifier> Request { get; }

    /// <summary>The entries holding an identifier that matches one of the request's (found once, on first use).</summary>
    public IReadOnlyList<IdentifierHit> Found => _found ??= _index.Find(Request);

    /// <summary>Every piece of identifier evidence about one entry (empty when it has no identifiers to compare).</summary>
    public IReadOnlyList<IdentifierEvidence> EvidenceFor(WatchlistEntry entry) => _index.Evidence(Request, entry);
}
