namespace Screening.Normalization;

/// <summary>What role a token plays in a name.</summary>
internal enum TokenClass : byte
{
    /// <summary>An ordinary word; its weight comes from its rarity.</summary>
    Word,
    /// <summary>A run of digits: matched exactly only.</summary>
    Number,
    /// <summary>A legal form (LLC, OOO, JSC, GmbH...): a weak signal.</summary>
    LegalForm,
    /// <summary>A function word (AND, OF, THE): nearly weightless.</summary>
    Stop,
}

/// <summary>One normalized token.</summary>
/// <param name="Original">The source text the token came from, for the audit trail.</param>
/// <param name="Text">Folded Latin text: upper-case ASCII letters and digits.</param>
/// <param name="Key">The matching key: romanization-folded, abbreviations and legal forms canonicalized.</param>
/// <param name="Class">The token's class.</param>
/// <param name="Origin">How the key was derived from the text (plain, transliterated, abbreviation, legal form).</param>
/// <param name="Parts">For a token made from a phrase (KONSTRUKTORSKOE BYURO -> KB), the keys of the words it was made of.</param>
internal sealed record NameToken(string Original, string Text, string Key, TokenClass Class, KeyOrigin Origin, string[]? Parts = null);

/// <summary>How a token's key relates to its text.</summary>
internal enum KeyOrigin : byte
{
    /// <summary>The text itself, romanization-folded.</summary>
    Plain,
    /// <summary>Transliterated from a non-Latin script.</summary>
    Transliterated,
    /// <summary>An abbreviation or translation mapped to a canonical term.</summary>
    Term,
    /// <summary>A legal form mapped to its class.</summary>
    LegalForm,
}

/// <summary>A normalized name: its tokens in order.</summary>
internal sealed class NormalizedName(NameToken[] tokens, bool truncated = false)
{
    public NameToken[] Tokens { get; } = tokens;

    /// <summary>Whether the name had more than <see cref="NormalizationRules.MaxTokens"/> tokens and the rest was not read.</summary>
    public bool Truncated { get; } = truncated;

    public override string ToString()
    {
        var parts = new string[Tokens.Length];
        for (var i = 0; i < parts.Length; i++) parts[i] = Tokens[i].Text;
        return string.Join(' ', parts);
    }
}
