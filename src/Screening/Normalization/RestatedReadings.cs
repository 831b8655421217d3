using System.Text;

namespace Screening.Normalization;

/// <summary>
/// Readings of a field cut at a legal form that opens a name (see <see cref="NameReadings"/>): a name restated after a
/// second legal form, or a name followed by its short form after a legal form.
/// </summary>
internal static class RestatedReadings
{
    // The legal forms that open a company's name in the Russian-speaking registries (the classes of OOO, AO, FGUP, ANO):
    // a second one inside a field starts the name again.
    private static readonly HashSet<string> OpensName = new(StringComparer.Ordinal)
    {
        Canonical("LLC"), Canonical("JSC"), Canonical("FGUP"), Canonical("ANO"),
    };

    // The opening forms as the Russian-speaking registries abbreviate them (not S.A. or A.S., of the same classes).
    private static readonly HashSet<string> RussianAbbreviations = new(StringComparer.Ordinal)
    {
        "OOO", "AO", "OAO", "ZAO", "PAO", "JSC", "OJSC", "CJSC", "PJSC", "LLC", "FGUP",
    };

    private static string Canonical(string legalForm) => NameNormalizer.Normalize(legalForm).Tokens[0].Key;

    /// <summary>Whether a field may hold a name cut at a legal form (a query's; lists give their aliases apart).</summary>
    public static bool MayHold(NormalizedName whole, bool listed) =>
        HasTwoLegalForms(whole) || (!listed && ShortNameAfterLegalForm(whole.Tokens) > 0);

    /// <summary>Adds the readings cut at legal forms.</summary>
    public static void Add(List<NameReading> readings, HashSet<string> seen, NormalizedName whole)
    {
        AddRestated(readings, seen, whole);
        if (ShortNameAfterLegalForm(whole.Tokens) is not (var at and > 0)) return;
        AddTokens(readings, seen, whole.Tokens, 0, at);
        AddTokens(readings, seen, whole.Tokens, at, whole.Tokens.Length);
    }

    // X JSC Y: a name of two words or more, then the only legal form, abbreviated, opening a name of one or two words (its
    // acronym: SCIENTIFIC-TECHNICAL CENTER FOR ELECTRONIC WARFARE JSC NTC REB). Where the legal form stands, or -1.
    private static int ShortNameAfterLegalForm(NameToken[] tokens)
    {
        var at = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Class != TokenClass.LegalForm) continue;
            if (at >= 0) return -1;
            at = i;
        }
        if (at < 2 || tokens.Length - at - 1 is < 1 or > 2 || !RussianAbbreviations.Contains(tokens[at].Text)) return -1;
        return NameReadings.HasContent(tokens, 0, at) && NameReadings.HasContent(tokens, at + 1, tokens.Length) ? at : -1;
    }

    private static bool HasTwoLegalForms(NormalizedName name)
    {
        var n = 0;
        foreach (var t in name.Tokens)
            if (t.Class == TokenClass.LegalForm && ++n == 2) return true;
        return false;
    }

    // A name restated after a second legal form: LEGAL X LEGAL Y (АО "ШВАБЕ" Акционерное общество "ШВАБЕ"), or X LEGAL Y
    // LEGAL where the middle one is written out in words (X Public Joint Stock Company "Y" ... PJSC). Cut before each such
    // legal form that has distinctive words on both sides of it. A short legal form inside a name (PAN AT ASIAN TRADE,
    // where AT is also the Ukrainian JSC) does not cut it.
    private static void AddRestated(List<NameReading> readings, HashSet<string> seen, NormalizedName whole)
    {
        var tokens = whole.Tokens;
        if (!HasTwoLegalForms(whole)) return;
        var startsLegal = tokens[0].Class == TokenClass.LegalForm;
        var endsLegal = tokens[^1].Class == TokenClass.LegalForm;
        var start = 0;
        for (var p = 1; p < tokens.Length; p++)
        {
            if (tokens[p].Class != TokenClass.LegalForm || !NameReadings.HasContent(tokens, start, p) || !NameReadings.HasContent(tokens, p + 1, tokens.Length)) continue;
            // Only a legal form that opens a name restates it (AO, OOO, PJSC, FGUP...): COMPANY, CORPORATION, LIMITED
            // inside a name (BATTERY COMPANY RIGEL, BANK FINANCIAL CORPORATION OTKRITIE) are part of it.
            if (!OpensName.Contains(tokens[p].Key)) continue;
            var writtenOut = tokens[p].Parts is { Length: >= 2 };
            if (!startsLegal && !(writtenOut && endsLegal)) continue;
            AddTokens(readings, seen, tokens, start, p);
            start = p;
        }
        if (start > 0) AddTokens(readings, seen, tokens, start, tokens.Length);
    }

    private static void AddTokens(List<NameReading> readings, HashSet<string> seen, NameToken[] tokens, int from, int to)
    {
        var part = new NormalizedName(tokens[from..to]);
        var text = new StringBuilder();
        for (var i = from; i < to; i++) text.Append(i > from ? " " : "").Append(tokens[i].Original);
        NameReadings.Add(readings, seen, text.ToString(), part, ReadingKind.Restated);
    }
}
