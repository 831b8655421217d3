using Screening.Identifiers;
using Screening.Watchlists;

namespace Screening;

/// <summary>One screen: a name with its hints, and what a compliance workflow adds to it.</summary>
/// <param name="Name">The name to screen. May be empty when <see cref="Identifiers"/> are given (a lookup by identifier).</param>
/// <param name="Id">The caller's id for the request, echoed in the result.</param>
/// <param name="Country">An optional country hint (alpha-2 code or name). It only adjusts scores, never excludes.</param>
/// <param name="Type">An optional entity-type hint. It only adjusts scores, never excludes.</param>
public sealed record ScreeningRequest(string Name, string? Id = null, string? Country = null, EntityType? Type = null)
{
    /// <summary>
    /// The party's identifiers (INN, OGRN, LEI, IMO...): an exact, valid match on one is near-certain evidence, identifiers
    /// of one scheme that disagree lower the score, and an invalid one is reported, never compared. Default none.
    /// </summary>
    public IReadOnlyList<ScreeningIdentifier> Identifiers { get; init; } = [];

    /// <summary>The customer's key, under which reviewed false positives are recorded (<see cref="ScreeningOptions.AllowList"/>); default: the normalized name.</summary>
    public string? CustomerKey { get; init; }

    /// <summary>A threshold for this request only (greater than 0, at most 1); default: the screener's.</summary>
    public double? Threshold { get; init; }

    /// <summary>Narrows the entries this request may match, within the screener's <see cref="ScreeningOptions.Filter"/>; default: none.</summary>
    public ScreeningFilter? Filter { get; init; }
}
