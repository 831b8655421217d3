using Screening.Watchlists;

namespace Screening.Identifiers;

/// <summary>A request identifier classified and validated once per screen.</summary>
/// <param name="Source">The identifier as given (for a bare identifier typed as the name: type empty or its label).</param>
/// <param name="Check">Its scheme, normalized value and status.</param>
internal sealed record PreparedIdentifier(ScreeningIdentifier Source, IdentifierCheck Check);

/// <summary>An entry identifier as the index holds it.</summary>
internal sealed record IndexedIdentifier(string ListId, WatchlistEntry Entry, EntryIdentifier Source, IdentifierCheck Check);

/// <summary>An entry that holds a matching identifier, with every piece of identifier evidence about it.</summary>
internal sealed record IdentifierHit(string ListId, WatchlistEntry Entry, IReadOnlyList<IdentifierEvidence> Evidence);

/// <summary>
/// The identifiers of the loaded lists by normalized value, each classified and validated once at build. Immutable
/// and thread-safe; built once per list load (a snapshot holds one).
/// </summary>
/// <remarks>
/// The comparison rule, in one place (<see cref="Compare"/>): two identifiers agree when their normalized values are
/// equal, neither is invalid, and their schemes are equal or one side did not name a scheme
/// (<see cref="IdentifierKind.Other"/>: a list's <c>Identification Number</c> without a country, a request's
/// <c>Tax ID</c> without one, a bare number typed as the name). They disagree only when both name the same scheme,
/// both are valid and no value of the entry agrees. An invalid value on either side is reported, never compared.
/// </remarks>
internal sealed class IdentifierIndex
{
    /// <summary>At most this many entries are returned by one lookup: a value shared by more is not an identifier.</summary>
    public const int MaxHits = 1000;

    private readonly Dictionary<string, IndexedIdentifier[]> _byValue;
    private readonly Dictionary<WatchlistEntry, IndexedIdentifier[]> _byEntry;

    private IdentifierIndex(Dictionary<string, IndexedIdentifier[]> byValue, Dictionary<WatchlistEntry, IndexedIdentifier[]> byEntry, int count)
    {
        _byValue = byValue;
        _byEntry = byEntry;
        Count = count;
    }

    /// <summary>An index over no lists.</summary>
    public static IdentifierIndex Empty { get; } = Build([]);

    /// <summary>The number of identifiers indexed.</summary>
    public int Count { get; }

    /// <summary>Every indexed identifier, list by list in entry order.</summary>
    public IEnumerable<IndexedIdentifier> All => _byEntry.Values.SelectMany(a => a);

    /// <summary>Classifies, validates and indexes every identifier of <paramref name="lists"/>.</summary>
    public static IdentifierIndex Build(IReadOnlyList<Watchlist> lists)
    {
        var byValue = new Dictionary<string, List<IndexedIdentifier>>(StringComparer.Ordinal);
        var byEntry = new Dictionary<WatchlistEntry, IndexedIdentifier[]>(ReferenceEqualityComparer.Instance);
        var count = 0;
        foreach (var list in lists)
        {
            foreach (var entry in list.Entries)
            {
                if (entry.Identifiers.Count == 0 || byEntry.ContainsKey(entry)) continue;
                // An identifier without a country is read in the entry's country when it has only one.
                var fallback = entry.Countries.Count == 1 ? entry.Countries[0] : null;
                var items = new IndexedIdentifier[entry.Identifiers.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    var id = entry.Identifiers[i];
                    var item = new IndexedIdentifier(list.Id, entry, id, IdentifierTypes.Check(id.Type, id.Value, id.Country, fallback, entry.Type));
                    items[i] = item;
                    if (item.Check.Value.Length == 0) continue;
                    if (!byValue.TryGetValue(item.Check.Value, out var bucket)) byValue[item.Check.Value] = bucket = [];
                    bucket.Add(item);
                }
                byEntry.Add(entry, items);
                count += items.Length;
            }
        }
        var frozen = new Dictionary<string, IndexedIdentifier[]>(byValue.Count, StringComparer.Ordinal);
        foreach (var (k, v) in byValue) frozen[k] = [.. v];
        return new IdentifierIndex(frozen, byEntry, count);
    }

    /// <summary>Classifies and validates request identifiers (once per screen).</summary>
    public static IReadOnlyList<PreparedIdentifier> Prepare(IReadOnlyList<ScreeningIdentifier>? identifiers)
    {
        if (identifiers is null || identifiers.Count == 0) return [];
        var result = new List<PreparedIdentifier>(identifiers.Count);
        foreach (var id in identifiers)
        {
            if (id is null) continue;
            result.Add(new PreparedIdentifier(id, IdentifierTypes.Check(id.Type, id.Value ?? "", id.Country)));
        }
        return result;
    }

    /// <summary>
    /// The entries holding an identifier that matches one of <paramref name="request"/> (candidates an identifier
    /// alone brings), each with all its identifier evidence; at most <see cref="MaxHits"/>, in index order.
    /// </summary>
    public IReadOnlyList<IdentifierHit> Find(IReadOnlyList<PreparedIdentifier> request)
    {
        if (request.Count == 0) return [];
        var seen = new HashSet<WatchlistEntry>(ReferenceEqualityComparer.Instance);
        var hits = new List<IdentifierHit>();
        foreach (var q in request)
        {
            if (!q.Check.IsUsable || !_byValue.TryGetValue(q.Check.Value, out var bucket)) continue;
            foreach (var item in bucket)
            {
                if (Compare(q.Check, item.Check) != Agreement.Same || !seen.Add(item.Entry)) continue;
                hits.Add(new IdentifierHit(item.ListId, item.Entry, Evidence(request, item.Entry)));
                if (hits.Count == MaxHits) return hits;
            }
        }
        return hits;
    }

    /// <summary>Every piece of identifier evidence about one entry (empty when the request has no identifiers).</summary>
    public IReadOnlyList<IdentifierEvidence> Evidence(IReadOnlyList<PreparedIdentifier> request, WatchlistEntry entry)
    {
        if (request.Count == 0 || !_byEntry.TryGetValue(entry, out var listed)) return [];
        List<IdentifierEvidence>? result = null;
        foreach (var q in request)
        {
            var kind = q.Check.Kind;
            var matched = false;
            var sameScheme = false;
            foreach (var item in listed)
            {
                var c = item.Check;
                if (kind != IdentifierKind.Other && c.Kind == kind) sameScheme = true;
                if (!q.Check.IsUsable) continue;
                if (Compare(q.Check, c) == Agreement.Same)
                {
                    matched = true;
                    Add(ref result, new IdentifierEvidence(IdentifierEvidenceKind.Match, kind != IdentifierKind.Other ? kind : c.Kind, q.Check.Value, item.Source.Type, item.Source.Value));
                }
                else if (c.Status == IdentifierStatus.Invalid && (c.Kind == kind || (kind == IdentifierKind.Other && c.Value == q.Check.Value)))
                {
                    Add(ref result, new IdentifierEvidence(IdentifierEvidenceKind.InvalidInEntry, c.Kind, q.Check.Value, item.Source.Type, item.Source.Value, c.Problem));
                }
            }
            if (!q.Check.IsUsable)
            {
                // Said once per request identifier, and only where the entry has that scheme to compare with.
                if (sameScheme || kind == IdentifierKind.Other)
                    Add(ref result, new IdentifierEvidence(IdentifierEvidenceKind.InvalidInRequest, kind, q.Check.Value, null, null, q.Check.Problem));
                continue;
            }
            if (matched) continue;
            foreach (var item in listed)
            {
                if (Compare(q.Check, item.Check) == Agreement.Differ)
                    Add(ref result, new IdentifierEvidence(IdentifierEvidenceKind.Mismatch, kind, q.Check.Value, item.Source.Type, item.Source.Value));
            }
        }
        return result ?? (IReadOnlyList<IdentifierEvidence>)[];
    }

    /// <summary>The identifiers of one entry, classified (empty when it has none or is not in the index).</summary>
    public IReadOnlyList<IndexedIdentifier> Of(WatchlistEntry entry) => _byEntry.TryGetValue(entry, out var a) ? a : [];

    internal enum Agreement { Unrelated, Same, Differ }

    /// <summary>The comparison rule: see the class remarks.</summary>
    internal static Agreement Compare(IdentifierCheck request, IdentifierCheck listed)
    {
        if (!request.IsUsable || !listed.IsUsable) return Agreement.Unrelated;
        var schemes = request.Kind == listed.Kind || request.Kind == IdentifierKind.Other || listed.Kind == IdentifierKind.Other;
        if (!schemes) return Agreement.Unrelated;
        if (string.Equals(request.Value, listed.Value, StringComparison.Ordinal)) return Agreement.Same;
        return request.Kind == listed.Kind && request.Kind != IdentifierKind.Other ? Agreement.Differ : Agreement.Unrelated;
    }

    private static void Add(ref List<IdentifierEvidence>? list, IdentifierEvidence e)
    {
        list ??= [];
        if (!list.Contains(e)) list.Add(e);
    }
}
