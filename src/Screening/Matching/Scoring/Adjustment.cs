using Screening.Identifiers;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.Matching.Scoring;

/// <summary>What moved a name score on its way to the final score.</summary>
internal enum AdjustmentKind
{
    /// <summary>The matched name is a weak alias (factor).</summary>
    WeakAlias,
    /// <summary>The matched name is a weak alias, met with a legal form the entry has too (a milder factor).</summary>
    WeakAliasWithLegalForm,
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
    /// <summary>An identifier of the request matches one of the entry's: near-certain, the score is raised to a floor.</summary>
    IdentifierFloor,
    /// <summary>An identifier of the request matches one of the entry's: some evidence, a bonus.</summary>
    IdentifierBonus,
    /// <summary>Identifiers of one single-entity scheme disagree (factor).</summary>
    IdentifierDiffers,
    /// <summary>An identifier on either side is invalid: reported, not compared (no change).</summary>
    IdentifierInvalid,
}

/// <summary>One named adjustment: a factor on the score so far, then a delta. The explanation renders it; it holds no rule.</summary>
/// <param name="Kind">Which rule applied.</param>
/// <param name="Delta">Added to the score (after <paramref name="Factor"/>).</param>
/// <param name="Factor">Multiplies the score so far (1 for additive adjustments).</param>
/// <param name="Hint">The hint as given (country code, entity type), for the explanation.</param>
/// <param name="Evidence">The identifier evidence behind an identifier adjustment.</param>
internal readonly record struct Adjustment(AdjustmentKind Kind, double Delta, double Factor = 1, string? Hint = null, IdentifierEvidence? Evidence = null);

/// <summary>
/// The rules that turn a name score into the final score: weak aliases count less; country and entity-type hints nudge,
/// never exclude. One home for them: ranking applies them, the explanation renders what they returned.
/// </summary>
internal static class HintRules
{
    /// <summary>Applies every rule to <paramref name="nameScore"/>; adds what applied to <paramref name="applied"/> when given.</summary>
    public static double Apply(double nameScore, WatchlistEntry entry, NameStrength strength, in MatchRequest request,
        bool queryNamesOrganization, List<Adjustment>? applied) =>
        Apply(nameScore, entry, strength, request, queryNamesOrganization, evidence: null, applied);

    /// <summary>Applies every rule, identifier evidence included; <paramref name="legalFormShared"/>: the query has a legal
    /// form of a class one of the entry's names has (<see cref="Index.MatchIndex.SharesLegalForm"/>).</summary>
    public static double Apply(double nameScore, WatchlistEntry entry, NameStrength strength, in MatchRequest request,
        bool queryNamesOrganization, IReadOnlyList<IdentifierEvidence>? evidence, List<Adjustment>? applied, bool legalFormShared = false)
    {
        var score = nameScore;
        if (strength == NameStrength.Weak)
        {
            score = Add(score, legalFormShared
                ? new Adjustment(AdjustmentKind.WeakAliasWithLegalForm, 0, ScoringModel.WeakAliasWithLegalFormFactor)
                : new Adjustment(AdjustmentKind.WeakAlias, 0, ScoringModel.WeakAliasFactor), applied);
        }
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
        if (evidence is { Count: > 0 }) score = Identifiers(score, nameScore, evidence, applied);
        return Math.Clamp(score, 0, 1);
    }

    // The strongest identifier evidence decides: a single-entity match (floor), a registry match (floor or bonus), an
    // identifier of no scheme (bonus), a KPP (small bonus); else a single-entity mismatch (factor). Invalid ones are shown.
    private static double Identifiers(double score, double nameScore, IReadOnlyList<IdentifierEvidence> evidence, List<Adjustment>? applied)
    {
        IdentifierEvidence? strong = null, registry = null, other = null, kpp = null, mismatch = null;
        foreach (var e in evidence)
        {
            switch (e.Kind)
            {
                case IdentifierEvidenceKind.Match when IsSingleEntity(e.Scheme): strong ??= e; break;
                case IdentifierEvidenceKind.Match when e.Scheme is IdentifierKind.HkCompanyNumber or IdentifierKind.UaeTradeLicence: registry ??= e; break;
                case IdentifierEvidenceKind.Match when e.Scheme == IdentifierKind.Kpp: kpp ??= e; break;
                case IdentifierEvidenceKind.Match when (e.RequestValue?.Length ?? 0) >= ScoringModel.MinOtherIdentifierLength: other ??= e; break;
                case IdentifierEvidenceKind.Mismatch when IsSingleEntity(e.Scheme): mismatch ??= e; break;
                case IdentifierEvidenceKind.InvalidInRequest or IdentifierEvidenceKind.InvalidInEntry:
                    applied?.Add(new Adjustment(AdjustmentKind.IdentifierInvalid, 0, Evidence: e));
                    break;
            }
        }
        if (strong is not null) return Floor(score, ScoringModel.IdentifierMatchFloor, strong, applied);
        if (registry is not null)
            return nameScore >= ScoringModel.RegistryMatchNameAgreement
                ? Floor(score, ScoringModel.RegistryMatchFloor, registry, applied)
                : Add(score, new Adjustment(AdjustmentKind.IdentifierBonus, ScoringModel.WeakIdentifierMatchBonus, Evidence: registry), applied);
        if (other is not null) return Add(score, new Adjustment(AdjustmentKind.IdentifierBonus, ScoringModel.WeakIdentifierMatchBonus, Evidence: other), applied);
        if (kpp is not null) return Add(score, new Adjustment(AdjustmentKind.IdentifierBonus, ScoringModel.KppMatchBonus, Evidence: kpp), applied);
        if (mismatch is not null) return Add(score, new Adjustment(AdjustmentKind.IdentifierDiffers, 0, ScoringModel.IdentifierMismatchFactor, Evidence: mismatch), applied);
        return score;
    }

    private static double Floor(double score, double floor, IdentifierEvidence e, List<Adjustment>? applied) =>
        Add(score, new Adjustment(AdjustmentKind.IdentifierFloor, Math.Max(0, floor - score),
            Hint: floor.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Evidence: e), applied);

    /// <summary>Schemes whose value names one legal person or ship: an exact match is near-certain.</summary>
    public static bool IsSingleEntity(IdentifierKind kind) => kind is IdentifierKind.Inn or IdentifierKind.Ogrn or IdentifierKind.Ogrnip
        or IdentifierKind.Uscc or IdentifierKind.Lei or IdentifierKind.Imo or IdentifierKind.Vkn or IdentifierKind.Bic;

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
