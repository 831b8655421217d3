namespace Screening.Normalization;

/// <summary>
/// The normalizer's rules and limits, in one place (the scoring rules are in <c>Matching/Scoring/ScoringModel.cs</c>).
/// </summary>
internal static class NormalizationRules
{
    /// <summary>
    /// Tokens read from one name; the rest is cut and the name says so (<see cref="NormalizedName.Truncated"/>). The
    /// matcher uses at most 48 tokens after phrases (ScoringModel.MaxTokens); 96 raw tokens leave room for phrases to
    /// collapse, and keep phrase matching, which is quadratic in tokens, near a millisecond (a 1,000-character run of Han
    /// characters is 1,000 tokens; at 128 its slowest screens took up to 3 ms).
    /// </summary>
    public const int MaxTokens = 96;

    /// <summary>Readings of one name that holds several (X (Y), A / B, X formerly Y...), the whole name included.</summary>
    public const int MaxReadings = 8;

    /// <summary>Dotted initials join when every part has at most this many letters (L.L.C., S.A.); otherwise dots split.</summary>
    public const int DottedInitialLength = 2;

    /// <summary>Words in legal forms (OBSHCHESTVO, OTVETSTVENNOSTYU, STOCK) are often misspelled: one edit from five letters on.</summary>
    public const int PhraseFuzzyMinLength = 5;

    /// <summary>
    /// A one-word term (TRADE, PLANT) takes a misspelling only from eight letters, and only on the typed letters: a one-edit
    /// key match turned SANAN into SANAYI (INDUSTRY) and INTEST into INVEST, and two different names then met exactly.
    /// </summary>
    public const int OneWordTermFuzzyMinLength = 8;

    /// <summary>A word of a multi-word phrase may be typed shortened from this many letters (LTD LIAB CO).</summary>
    public const int PhraseAbbreviationMinLength = 3;

    /// <summary>
    /// A phrase all of whose words are abbreviated must have this many words (SCI RES INST, DSGN BUR, MACH BLDG; a lone
    /// NPC is a name). At 3, two-word descriptors typed short were left as unknown words: held-out dev abbreviations
    /// 92.7 -> 93.7% at 2, false alerts unchanged.
    /// </summary>
    public const int PhraseAbbreviationsAlone = 2;

    /// <summary>Phrase words this short match by their letters only: keys of short words collide (SCI/SKY, MACH/MATCH).</summary>
    public const int ExactPhraseWordLength = 4;

    /// <summary>
    /// A word broken in two is joined when the join is a table word of at least this many letters (LIABILITY, LIMITED,
    /// INSTITUTE): shorter joins (CO MPANY aside) are too often two real words.
    /// </summary>
    public const int RepairJoinMinLength = 6;

    /// <summary>Glued legal-form words are parted only when each part has this many letters (STOCK+COMPANY, not AO+...).</summary>
    public const int RepairSplitPartMinLength = 3;

    /// <summary>Words longer than this are not repaired (no table word is this long).</summary>
    public const int RepairMaxLength = 40;
}
