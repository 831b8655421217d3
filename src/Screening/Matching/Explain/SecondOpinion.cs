namespace Screening.Matching.Explain;

/// <summary>
/// A familiar second opinion for reviewers, the one place FuzzySharp is used: its token-set ratio (0 to 100) between
/// two normalized texts. Only ever fed normalized ASCII (its default processor would delete non-ASCII letters).
/// </summary>
internal static class SecondOpinion
{
    public static int TokenSetRatio(string normalizedQuery, string normalizedMatch) =>
        FuzzySharp.Fuzz.TokenSetRatio(normalizedQuery, normalizedMatch, FuzzySharp.PreProcess.PreprocessMode.None);
}
