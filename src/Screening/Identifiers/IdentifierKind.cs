namespace Screening.Identifiers;

/// <summary>
/// The identifier schemes the library parses and validates. Every other identifier a list or a request carries is
/// <see cref="Other"/>: kept, compared only exactly, never validated.
/// </summary>
public enum IdentifierKind
{
    /// <summary>Any other identifier (passport, OKPO, D-U-N-S, ...): compared only exactly, never validated.</summary>
    Other = 0,

    /// <summary>Russian taxpayer number (ИНН): 10 digits for an organization, 12 for a person; check digits.</summary>
    Inn,

    /// <summary>Russian primary state registration number of an organization (ОГРН): 13 digits, check digit mod 11.</summary>
    Ogrn,

    /// <summary>Russian registration number of a sole proprietor (ОГРНИП): 15 digits, check digit mod 13.</summary>
    Ogrnip,

    /// <summary>
    /// Russian tax registration reason code (КПП): 9 characters, format only (no check digit). Not unique: many
    /// firms share one.
    /// </summary>
    Kpp,

    /// <summary>Chinese unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, mod-31 check character.</summary>
    Uscc,

    /// <summary>Legal Entity Identifier (ISO 17442): 20 characters, ISO 7064 MOD 97-10 check digits.</summary>
    Lei,

    /// <summary>IMO ship identification number: 7 digits, weighted check digit.</summary>
    Imo,

    /// <summary>SWIFT/BIC (ISO 9362): 8 or 11 characters, format only (bank, ISO country code, location, branch).</summary>
    Bic,

    /// <summary>Hong Kong Companies Registry number (CR No.): up to 7 digits, or F and 7 digits for a registered non-Hong Kong company; format only.</summary>
    HkCompanyNumber,

    /// <summary>Turkish tax number (Vergi Kimlik Numarası): 10 digits, check digit.</summary>
    Vkn,

    /// <summary>UAE trade or commercial licence number: format only (the emirates and free zones have no common check digit).</summary>
    UaeTradeLicence,
}

/// <summary>What validation found about one identifier value.</summary>
public enum IdentifierStatus
{
    /// <summary>Well formed and its check digits are right.</summary>
    Valid = 0,

    /// <summary>Well formed; the scheme has no check digit to verify (KPP, SWIFT/BIC, Hong Kong CR No., UAE licence).</summary>
    WellFormed,

    /// <summary>Wrong length, characters or check digit: never matched.</summary>
    Invalid,

    /// <summary>An <see cref="IdentifierKind.Other"/> identifier: not validated, compared only exactly.</summary>
    NotValidated,
}

/// <summary>The result of validating one identifier.</summary>
/// <param name="Kind">The scheme.</param>
/// <param name="Value">The value normalized for comparison: upper case, without spaces, dashes, dots and a leading label such as <c>INN</c> or <c>ОГРН</c>.</param>
/// <param name="Status">Valid, well formed (no check digit exists), invalid, or not validated (<see cref="IdentifierKind.Other"/>).</param>
/// <param name="Problem">Why the value is invalid, e.g. <c>check digit is 4, expected 3</c>; null otherwise.</param>
public sealed record IdentifierCheck(IdentifierKind Kind, string Value, IdentifierStatus Status, string? Problem = null)
{
    /// <summary>Whether the value may be matched: valid, well formed, or an <see cref="IdentifierKind.Other"/> value.</summary>
    public bool IsUsable => Status != IdentifierStatus.Invalid && Value.Length > 0;
}
