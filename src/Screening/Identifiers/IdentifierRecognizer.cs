namespace Screening.Identifiers;

/// <summary>
/// Recognizes a query "name" that is really an identifier: <c>1831083343</c>, <c>INN 1831083343</c>,
/// <c>ОГРН 1021801434617</c>, <c>IMO 9187629</c>, <c>LEI 253400HA6URWT39X2982</c>.
/// </summary>
/// <remarks>
/// A scheme label (<c>INN</c>, <c>ИНН</c>, <c>OGRN</c>, <c>ОГРН</c>, <c>OGRNIP</c>, <c>KPP</c>, <c>USCC</c>,
/// <c>LEI</c>, <c>IMO</c>, <c>SWIFT</c>, <c>BIC</c>, <c>VKN</c>, <c>HK CR</c>) gives the value its scheme even when the
/// value is invalid, so the result can say so; a generic label (<c>Tax ID</c>, <c>Registration Number</c>,
/// <c>Reg. No.</c>, <c>CR No.</c>, <c>TIN</c>) makes a value-only query. Without a label, only what cannot be a company
/// name is taken: 7 to 20 digits (blanks and dashes allowed), or an 18-character USCC or a 20-character LEI whose check
/// characters verify. After a label, a numeric scheme takes digits only and the others one value with a digit (a BIC
/// one token of 8 or 11), so <c>INN AT THE PARK</c> or <c>INN 2 GO</c> stay names.
/// </remarks>
internal static class IdentifierRecognizer
{
    /// <summary>Longer text is not an identifier query.</summary>
    public const int MaxLength = 64;

    private static readonly string[] GenericLabels =
        ["REGISTRATION NUMBER", "REGISTRATION NO", "REG. NO", "REG NO", "TAX ID NO", "TAX ID", "C.R. NO", "CR NO", "TIN"];

    /// <summary>Reads <paramref name="query"/> as an identifier, if it is one.</summary>
    /// <remarks>Runs on every screened name: a name that cannot be an identifier is rejected without allocating.</remarks>
    public static bool TryRecognize(string? query, out PreparedIdentifier identifier)
    {
        identifier = null!;
        if (query is null || query.Length > MaxLength) return false;
        var s = query.AsSpan().Trim();
        // Every identifier but a labelled BIC has an ASCII digit (and every label is a letter), so most names stop here.
        if (s.IsEmpty || (!s.ContainsAnyInRange('0', '9') && !MayBeLabelledBic(s))) return false;

        foreach (var (kind, label) in IdentifierValues.Labels)
        {
            if (!IdentifierValues.StartsWithLabel(s, label)) continue;
            var rest = IdentifierValues.Separators(s[label.Length..]);
            var ok = kind switch
            {
                IdentifierKind.Inn or IdentifierKind.Ogrn or IdentifierKind.Ogrnip or IdentifierKind.Imo or IdentifierKind.Vkn => Digits(rest, 5),
                IdentifierKind.Bic => Tokens(rest, out _) == 1 && Alphanumerics(rest) is 8 or 11,
                _ => Tokens(rest, out var digit) >= 1 && digit && Alphanumerics(rest) >= 5,
            };
            if (!ok) return false;
            identifier = Prepared(label, rest, kind);
            return true;
        }
        foreach (var label in GenericLabels)
        {
            if (!IdentifierValues.StartsWithLabel(s, label)) continue;
            var rest = IdentifierValues.Separators(s[label.Length..]);
            if (Tokens(rest, out var digit) is < 1 or > 3 || !digit || Alphanumerics(rest) < 5) return false;
            identifier = Prepared(label, rest, IdentifierKind.Other);
            return true;
        }

        if (Digits(s, 7) && Alphanumerics(s) <= 20)
        {
            // A bare number names no scheme: it is compared by value with identifiers of every scheme.
            identifier = Prepared("", s, IdentifierKind.Other);
            return true;
        }
        if (Alphanumerics(s) is 18 or 20 && Tokens(s, out _) == 1)
        {
            var v = IdentifierValues.Normalize(IdentifierKind.Other, s.ToString());
            if (v.Length == 18 && Checksums.Uscc(v) is null) { identifier = Prepared("", s, IdentifierKind.Uscc); return true; }
            if (v.Length == 20 && Checksums.Lei(v) is null) { identifier = Prepared("", s, IdentifierKind.Lei); return true; }
        }
        return false;
    }

    /// <summary>
    /// Whether the text was the identifier and nothing else: a usable value, every word of it with a digit
    /// (<c>1831083343</c>, <c>ИНН 1831 083 343</c>, an LEI). Such a name is screened as the identifier only; a value
    /// with a word beside it (<c>TIN CAN 2000 LTD</c>, <c>SWIFT ELECTRIC</c>) may be a company's name and is screened
    /// as a name too.
    /// </summary>
    public static bool StandsAlone(PreparedIdentifier identifier)
    {
        if (!identifier.Check.IsUsable) return false;
        var inWord = false;
        var digit = false;
        foreach (var c in identifier.Source.Value)
        {
            if (char.IsLetterOrDigit(c))
            {
                inWord = true;
                digit |= char.IsAsciiDigit(c);
                continue;
            }
            if (inWord && !digit) return false;
            (inWord, digit) = (false, false);
        }
        return !inWord || digit;
    }

    // SWIFT, SWIFT/BIC or BIC, then a non-letter: the one label whose value may have no digit.
    private static bool MayBeLabelledBic(ReadOnlySpan<char> s) =>
        (s[0] | 0x20) is 's' or 'b' && (IdentifierValues.StartsWithLabel(s, "SWIFT") || IdentifierValues.StartsWithLabel(s, "BIC"));

    private static PreparedIdentifier Prepared(string label, ReadOnlySpan<char> value, IdentifierKind kind)
    {
        var source = new ScreeningIdentifier(label, value.ToString());
        return new PreparedIdentifier(source, IdentifierValidator.Validate(kind, source.Value));
    }

    // Only digits and blanks or dashes, with at least `min` digits.
    private static bool Digits(ReadOnlySpan<char> s, int min)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c)) n++;
            else if (c is not (' ' or '-')) return false;
        }
        return n >= min;
    }

    // Words of letters and digits separated by blanks, dashes, dots or slashes; -1 when anything else occurs.
    private static int Tokens(ReadOnlySpan<char> s, out bool digit)
    {
        digit = false;
        var words = 0;
        var inWord = false;
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord) words++;
                inWord = true;
                digit |= char.IsAsciiDigit(c);
            }
            else if (c is ' ' or '-' or '.' or '/') inWord = false;
            else return -1;
        }
        return words;
    }

    private static int Alphanumerics(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
            if (char.IsLetterOrDigit(c)) n++;
        return n;
    }
}
