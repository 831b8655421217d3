namespace Screening.Identifiers;

/// <summary>Display names of the identifier schemes.</summary>
internal static class IdentifierNames
{
    public static string Of(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Inn => "INN",
        IdentifierKind.Ogrn => "OGRN",
        IdentifierKind.Ogrnip => "OGRNIP",
        IdentifierKind.Kpp => "KPP",
        IdentifierKind.Uscc => "USCC",
        IdentifierKind.Lei => "LEI",
        IdentifierKind.Imo => "IMO number",
        IdentifierKind.Bic => "SWIFT/BIC",
        IdentifierKind.HkCompanyNumber => "Hong Kong CR No.",
        IdentifierKind.Vkn => "VKN",
        IdentifierKind.UaeTradeLicence => "UAE trade licence",
        _ => "other",
    };
}
