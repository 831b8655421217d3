using Screening.Watchlists;

namespace Screening.Matching;

/// <summary>What one screen asks of the engine: the threshold, how many matches, and the hints.</summary>
/// <param name="Threshold">The score at or above which a match is returned.</param>
/// <param name="Limit">The most matches returned.</param>
/// <param name="Country">An alpha-2 country hint, or null.</param>
/// <param name="Type">An entity-type hint, or null.</param>
internal readonly record struct MatchRequest(double Threshold, int Limit, string? Country, EntityType? Type)
{
    /// <summary>Per entry index, whether it may be returned (the filters in force); null: every entry.</summary>
    public bool[]? Allowed { get; init; }

    /// <summary>The identifiers the screen carries, resolved against the index; null when it carries none.</summary>
    public IdentifierQuery? Identifiers { get; init; }
}
