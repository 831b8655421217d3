using Screening.Identifiers;

namespace Screening.Identifiers;

/// <summary>An identifier of the party being screened: a tax id, a registration number, an LEI, an IMO number...</summary>
/// <param name="Type">
/// The scheme or the type as your data names it: <c>INN</c>, <c>OGRN</c>, <c>OGRNIP</c>, <c>KPP</c>, <c>USCC</c>,
/// <c>LEI</c>, <c>IMO</c>, <c>BIC</c> (or <c>SWIFT</c>), <c>VKN</c>, <c>HK-CR</c>, <c>UAE-TL</c>, or a source's label
/// such as <c>Tax ID No.</c> with <paramref name="Country"/> <c>RU</c>. Any other type is compared only exactly.
/// </param>
/// <param name="Value">The value as written; labels, spaces and dashes are ignored (<c>ИНН 1831083343</c>).</param>
/// <param name="Country">The issuing country (ISO alpha-2 or a name), needed only for generic types such as <c>Tax ID No.</c>.</param>
public sealed record ScreeningIdentifier(string Type, string Value, string? Country = null);

/// <summary>How an identifier of the request relates to the identifiers of a listed entry.</summary>
public enum IdentifierEvidenceKind
{
    /// <summary>The same value, both sides valid (or of a scheme without a check digit): near-certain evidence of identity for most schemes.</summary>
    Match = 0,

    /// <summary>Both sides hold a valid identifier of the same scheme and no value agrees: evidence against identity.</summary>
    Mismatch,

    /// <summary>The request's identifier is invalid (length, characters or check digit), so it was not compared.</summary>
    InvalidInRequest,

    /// <summary>The entry's identifier of this scheme is invalid as published, so it was not compared.</summary>
    InvalidInEntry,
}

/// <summary>One piece of identifier evidence about a listed entry.</summary>
/// <param name="Kind">Match, mismatch, or an invalid value on one side.</param>
/// <param name="Scheme">The scheme compared (<see cref="IdentifierKind.Other"/> when a side did not name one).</param>
/// <param name="RequestValue">The request's value, normalized; null when the evidence is about the entry only.</param>
/// <param name="EntryType">The entry identifier's type as the list writes it (<c>Tax ID No.</c>).</param>
/// <param name="EntryValue">The entry identifier's value as the list writes it.</param>
/// <param name="Problem">For an invalid value: what is wrong with it.</param>
public sealed record IdentifierEvidence(IdentifierEvidenceKind Kind, IdentifierKind Scheme, string? RequestValue, string? EntryType, string? EntryValue, string? Problem = null)
{
    /// <summary>One line for an explanation, e.g. <c>INN 1831083343 matches the entry's Tax ID No. 1831083343</c>.</summary>
    public override string ToString()
    {
        var scheme = Scheme == IdentifierKind.Other ? "identifier" : IdentifierNames.Of(Scheme);
        return Kind switch
        {
            IdentifierEvidenceKind.Match => $"{scheme} {RequestValue} matches the entry's {EntryType} {EntryValue}",
            IdentifierEvidenceKind.Mismatch => $"{scheme} {RequestValue} differs from the entry's {EntryType} {EntryValue}",
            IdentifierEvidenceKind.InvalidInRequest => $"the request's {scheme} {RequestValue} is invalid ({Problem}); not compared",
            _ => $"the entry's {EntryType} {EntryValue} is not a valid {scheme} ({Problem}); not compared",
        };
    }
}
