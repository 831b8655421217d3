namespace Screening.Evaluation;

/// <summary>The query categories, in report order, with a one-line description for the report.</summary>
internal static class Categories
{
    public const string Exact = "exact";
    public const string Alias = "alias";
    public const string CasePunctuation = "case-and-punctuation";
    public const string LegalFormSwapped = "legal-form-swapped";
    public const string LegalFormDropped = "legal-form-dropped";
    public const string OneTypo = "one-typo";
    public const string TwoTypos = "two-typos";
    public const string WordOrder = "word-order";
    public const string SplitOrJoined = "split-or-joined";
    public const string TokenDropped = "token-dropped";
    public const string TokenAdded = "token-added";
    public const string Abbreviation = "abbreviation";
    public const string AlternateRomanization = "alternate-cyrillic-romanization";
    public const string CyrillicScript = "cyrillic-script";
    public const string ChineseSupplier = "chinese-supplier-naming";

    public static readonly (string Name, string Description)[] All =
    [
        (Exact, "the primary name verbatim"),
        (Alias, "a strong alias (a.k.a.) verbatim"),
        (CasePunctuation, "lower or title case; dots, commas, hyphens and quotes changed"),
        (LegalFormSwapped, "legal form replaced by an equivalent (JSC/AO/Aktsionernoe Obshchestvo, LLC/OOO, LTD/LIMITED, CO LTD/COMPANY LIMITED...), sometimes moved to the other end"),
        (LegalFormDropped, "legal form removed"),
        (OneTypo, "one edit (substitution, deletion, insertion or transposition) in a word of 5+ letters (a word is a run of letters: TRV-ENGINEERING is TRV and ENGINEERING)"),
        (TwoTypos, "one edit in each of two words of 5+ letters, or two in one word of 9+ (words as for one-typo)"),
        (WordOrder, "the name proper moved to the front or the back, or two neighbouring words swapped (legal forms stay)"),
        (SplitOrJoined, "a hyphenated or adjacent pair joined, or a long word split"),
        (TokenDropped, "one non-distinctive word (a word on 10 or more SDN entries, never the name's rarest) dropped from a name with 3+ content words"),
        (TokenAdded, "one generic word added (GROUP, HOLDING, TRADING, RUS, INTERNATIONAL...)"),
        (Abbreviation, "a long form abbreviated (TECHNOLOGY->TECH, SCIENTIFIC RESEARCH INSTITUTE->NII, DESIGN BUREAU->KB...) or an abbreviation spelled out"),
        (AlternateRomanization, "competing romanization (KH->H, TS->C, SHCH->SCH, YA->IA, YU->IU, -IY->-Y/-I, EY->EI, ZH->J, X->KS)"),
        (CyrillicScript, "the Latin name written in Cyrillic letters, legal form as ООО/АО/ПАО"),
        (ChineseSupplier, "Chinese/HK naming: city moved, CO LTD<->COMPANY LIMITED, TECH<->TECHNOLOGY, HK<->HONG KONG"),
    ];
}

/// <summary>One generated query and the entry it must find.</summary>
/// <param name="Category">The category.</param>
/// <param name="Text">The query text.</param>
/// <param name="ExpectedId">The id of the entry it was made from.</param>
/// <param name="BaseName">The listed name it was made from.</param>
internal sealed record GeneratedQuery(string Category, string Text, string ExpectedId, string BaseName);
