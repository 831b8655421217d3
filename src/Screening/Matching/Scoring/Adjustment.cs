using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Matching.Scoring;

/// <summary>What moved a name score on its way to the final score.</summary>
internal enum AdjustmentKind
{
    /// <summary>The matched name is a weak alias (factor).</summary>
    WeakAlias,
    /// <summary>The country hint is among the entry's countries.</summary>
    CountryMatches,
    /// <summary>The country hint is not among the entry's countries.</summary>
    CountryDiffers,
    /// <summary>A country hint was given, but the entry has no country (no change).</summary>
    CountryNotApplicable,
    /// <summary>The entity-type hint equals the entry's type.</summary>
    TypeMatches,
    /// <summary>The entity-type hint differs from the entry's type.</summary>
    TypeDiffers,
    /// <summary>No type hint; the query's legal form names an organization, the entry is a person, vessel or aircraft.</summary>
    InferredTypeDiffers,
}

/// <summary>One named adjustment: a factor on the score so far, then a delta. The explanation renders it; it holds no rule.</summary>
/// <param name="Kind">Which rule applied.</param>
/// <param name="Delta">Added to the score (after <paramref name="Factor"/>).</param>
/// <param name="Factor">Multiplies the score so far (1 for additive adjustments).</param>
/// <param name="Hint">The hint as given (country code, entity type), for the explanation.</param>
internal readonly record struct Adjustment(AdjustmentKind Kind, double Delta, double Factor = 1, string? Hint = null);

/// <summary>
/// The rules that turn a name score into the final score: weak aliases count less; country and entity-type hints nudge,
/// never exclude. One home for them: ranking applies them, the explanation renders what they returned.
/// </summary>
internal static class HintRules
{
    /// <summary>Applies every rule to <paramref name="nameScore"/>; adds what applied to <paramref name="applied"/> when given.</summary>
    public static double Apply(double nameScore, WatchlistEntry entry, NameStrength strength, in MatchRequest request,
        bool queryNamesOrganization, List<Adjustment>? applied)
    {
        var score = nameScore;
        if (strength == NameStrength.Weak) score = Add(score, new Adjustment(AdjustmentKind.WeakAlias, 0, ScoringModel.WeakAliasFactor), applied);
        if (request.Country is { } country)
        {
            if (entry.Countries.Count == 0) applied?.Add(new Adjustment(AdjustmentKind.CountryNotApplicable, 0, Hint: country));
            else
            {
                var found = false;
                foreach (var c in entry.Countries) found |= string.Equals(c, country, StringComparison.OrdinalIgnoreCase);
                score = Add(score, found
                    ? new Adjustment(AdjustmentKind.CountryMatches, ScoringModel.CountryBonus, Hint: country)
                    : new Adjustment(AdjustmentKind.CountryDiffers, -ScoringModel.CountryPenalty, Hint: country), applied);
            }
        }
        if (request.Type is { } type && type != EntityType.Unknown && entry.Type != EntityType.Unknown)
        {
            score = Add(score, entry.Type == type
                ? new Adjustment(AdjustmentKind.TypeMatches, ScoringModel.TypeBonus, Hint: type.ToString())
                : new Adjustment(AdjustmentKind.TypeDiffers, -ScoringModel.TypePenalty, Hint: type.ToString()), applied);
        }
        else if (request.Type is null && queryNamesOrganization && entry.Type is EntityType.Person or EntityType.Vessel or EntityType.Aircraft)
        {
            score = Add(score, new Adjustment(AdjustmentKind.InferredTypeDiffers, -ScoringModel.InferredTypePenalty), applied);
        }
        return Math.Clamp(score, 0, 1);
    }

    /// <summary>
    /// A legal form in the query (LLC, OOO, Co. Ltd) says it names an organization: with no type hint given, persons,
    /// vessels and aircraft then score a little lower, as with a hint. Never excludes.
    /// </summary>
    public static bool QueryNamesOrganization(NormalizedName name)
    {
        foreach (var t in name.Tokens)
            if (t.Class == TokenClass.LegalForm) return true;
        return false;
    }

    private static double Add(double score, Adjustment a, List<Adjustment>? applied)
    {
        applied?.Add(a);
        return a.Factor == 1 ? score + a.Delta : score * a.Factor + a.Delta;
    }
}
