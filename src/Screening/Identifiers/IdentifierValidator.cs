using Screening.Identifiers;

namespace Screening.Identifiers;

/// <summary>
/// Validates identifiers: normalizes a value the way the screener compares it and checks its length, characters and
/// check digits (or its format, for schemes without one). Useful at onboarding, before a customer's number is stored
/// or screened, and used by the screener for request and list identifiers alike.
/// </summary>
public static class IdentifierValidator
{
    /// <summary>Validates <paramref name="value"/> as an identifier of <paramref name="kind"/>.</summary>
    /// <param name="kind">The scheme. <see cref="IdentifierKind.Other"/> is normalized only, never validated.</param>
    /// <param name="value">The value as written, e.g. <c>ИНН 1831083343</c>, <c>7707 083 893</c> or <c>sabrrummxxx</c>.</param>
    /// <returns>The normalized value, the status and, when invalid, why.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static IdentifierCheck Validate(IdentifierKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > IdentifierValues.MaxLength)
            return new IdentifierCheck(kind, "", IdentifierStatus.Invalid, $"longer than {IdentifierValues.MaxLength} characters");
        var v = IdentifierValues.Normalize(kind, value);
        if (v.Length == 0) return new IdentifierCheck(kind, v, IdentifierStatus.Invalid, "no letters or digits");
        var problem = kind switch
        {
            IdentifierKind.Inn => Checksums.Inn(v),
            IdentifierKind.Ogrn => Checksums.Ogrn(v),
            IdentifierKind.Ogrnip => Checksums.Ogrnip(v),
            IdentifierKind.Kpp => Checksums.Kpp(v),
            IdentifierKind.Uscc => Checksums.Uscc(v),
            IdentifierKind.Lei => Checksums.Lei(v),
            IdentifierKind.Imo => Checksums.Imo(v),
            IdentifierKind.Bic => Checksums.Bic(v),
            IdentifierKind.HkCompanyNumber => Checksums.HkCompanyNumber(v),
            IdentifierKind.Vkn => Checksums.Vkn(v),
            IdentifierKind.UaeTradeLicence => Checksums.UaeTradeLicence(v),
            _ => null,
        };
        if (problem is not null) return new IdentifierCheck(kind, v, IdentifierStatus.Invalid, problem);
        var status = kind switch
        {
            IdentifierKind.Other => IdentifierStatus.NotValidated,
            IdentifierKind.Kpp or IdentifierKind.Bic or IdentifierKind.HkCompanyNumber or IdentifierKind.UaeTradeLicence => IdentifierStatus.WellFormed,
            _ => IdentifierStatus.Valid,
        };
        return new IdentifierCheck(kind, v, status);
    }
}
