using Screening.Identifiers;
using Screening.AllowLists;
using Screening.Audit;

namespace Screening.Cli;

/// <summary>
/// What the compliance options add to one screened row: identifier evidence (<c>--id</c>, identifier columns), the
/// allow-list (<c>--allow</c>) and the audit trail (<c>--audit</c>). The library does the work; until its screen takes
/// identifiers, they are looked up beside the name screen and never change a score.
/// </summary>
internal sealed class Workflow : IAsyncDisposable
{
    private readonly Screener _screener;
    private readonly IdentifierIndex? _index;
    private readonly AllowList? _allow;
    private readonly JsonlFileAuditSink? _audit;

    private Workflow(Screener screener, IdentifierIndex? index, AllowList? allow, JsonlFileAuditSink? audit)
    {
        _screener = screener;
        _index = index;
        _allow = allow;
        _audit = audit;
    }

    public bool HasAllowList => _allow is not null;

    public bool HasIdentifiers => _index is not null;

    /// <summary>Loads the allow-list, opens the audit file and indexes the lists' identifiers, as the options ask.</summary>
    public static async Task<Workflow> CreateAsync(Screener screener, string? allowPath, string? auditPath, bool identifiers, CancellationToken cancellationToken)
    {
        AllowList? allow = null;
        if (allowPath is not null)
        {
            if (!File.Exists(allowPath)) throw new InputException($"--allow {allowPath}: file not found");
            allow = await AllowList.LoadAsync(new JsonFileAllowListStore(allowPath), cancellationToken).ConfigureAwait(false);
        }
        JsonlFileAuditSink? audit = null;
        if (auditPath is not null)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(auditPath));
            if (dir is not null && !Directory.Exists(dir)) throw new InputException($"--audit {auditPath}: the folder does not exist");
            audit = new JsonlFileAuditSink(auditPath);
        }
        var index = identifiers ? IdentifierIndex.Build(screener.Watchlists) : null;
        return new Workflow(screener, index, allow, audit);
    }

    /// <summary>Applies the options to one result.</summary>
    /// <param name="result">The name screen, or null for an identifier-only screen.</param>
    /// <param name="identifiers">The row's identifiers, classified and validated.</param>
    /// <param name="customerKey">The customer's key, or null to key the allow-list by the normalized name.</param>
    public async Task<RowOutcome> ProcessAsync(ScreeningResult? result, IReadOnlyList<PreparedIdentifier> identifiers, string? customerKey, CancellationToken cancellationToken)
    {
        AllowListResult? allowed = null;
        string? key = null;
        if (_allow is not null && result is not null)
        {
            key = AllowList.KeyFor(result, customerKey);
            allowed = _allow.Apply(result.Matches, key, result.ScreenedAt);
        }
        var evidence = new Dictionary<ScreeningMatch, IReadOnlyList<IdentifierEvidence>>(ReferenceEqualityComparer.Instance);
        IReadOnlyList<IdentifierHit> found = [];
        if (_index is not null && identifiers.Count > 0)
        {
            foreach (var m in result?.Matches ?? [])
            {
                var e = _index.Evidence(identifiers, m.Entry);
                if (e.Count > 0) evidence[m] = e;
            }
            // Entries an identifier finds that the name screen did not return.
            var inResult = new HashSet<Watchlists.WatchlistEntry>((result?.Matches ?? []).Select(m => m.Entry), ReferenceEqualityComparer.Instance);
            found = [.. _index.Find(identifiers).Where(h => !inResult.Contains(h.Entry))];
        }
        var outcome = new RowOutcome(allowed, identifiers, evidence, found);
        if (_audit is not null && result is not null)
        {
            var record = ScreeningAuditRecord.Create(result, _screener.Options, allowed, customerKey ?? key, [.. identifiers.Select(i => i.Source)]);
            await _audit.WriteAsync(record, cancellationToken).ConfigureAwait(false);
        }
        return outcome;
    }

    public async ValueTask DisposeAsync()
    {
        if (_audit is not null) await _audit.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>What the options added to one row.</summary>
/// <param name="Allow">The allow-list applied, if one was.</param>
/// <param name="Identifiers">The row's identifiers, validated.</param>
/// <param name="Evidence">Identifier evidence per name match.</param>
/// <param name="FoundByIdentifier">Entries an exact identifier match finds that the name screen did not return.</param>
internal sealed record RowOutcome(AllowListResult? Allow, IReadOnlyList<PreparedIdentifier> Identifiers,
    IReadOnlyDictionary<ScreeningMatch, IReadOnlyList<IdentifierEvidence>> Evidence, IReadOnlyList<IdentifierHit> FoundByIdentifier)
{
    public static RowOutcome None { get; } = new(null, [], new Dictionary<ScreeningMatch, IReadOnlyList<IdentifierEvidence>>(), []);

    /// <summary>An alert: a name match the allow-list does not suppress, or an exact identifier match (fail closed).</summary>
    public bool IsAlert(ScreeningResult? result) =>
        (Allow?.IsHit ?? result?.IsHit ?? false) || FoundByIdentifier.Count > 0;

    public AllowListHit? AllowFor(ScreeningMatch m) => Allow?.Hits.FirstOrDefault(h => ReferenceEquals(h.Match, m));
}
