using System.Text;

namespace Screening.Identifiers;

/// <summary>
/// Normalizes identifier values for comparison and validation: upper case; a leading label of the scheme
/// (<c>INN</c>, <c>ИНН</c>, <c>ОГРН</c>, <c>IMO</c>, <c>SWIFT</c>...) and a <c>No.</c>, <c>№</c>, <c>#</c> or <c>:</c>
/// after it removed; only letters and digits kept (spaces, dashes, dots and slashes go). Then per scheme: a BIC's
/// <c>XXX</c> branch (the head office) is dropped, and a Hong Kong CR No. is padded to 7 digits.
/// </summary>
internal static class IdentifierValues
{
    /// <summary>Values longer than this are not read: no scheme comes near it.</summary>
    public const int MaxLength = 256;

    // Labels a value may start with, per scheme (upper case). Longest first within a scheme.
    internal static readonly (IdentifierKind Kind, string Label)[] Labels =
    [
        (IdentifierKind.Ogrnip, "OGRNIP"), (IdentifierKind.Ogrnip, "ОГРНИП"),
        (IdentifierKind.Ogrn, "OGRN"), (IdentifierKind.Ogrn, "ОГРН"),
        (IdentifierKind.Inn, "INN"), (IdentifierKind.Inn, "ИНН"),
        (IdentifierKind.Kpp, "KPP"), (IdentifierKind.Kpp, "КПП"),
        (IdentifierKind.Uscc, "USCC"), (IdentifierKind.Uscc, "统一社会信用代码"),
        (IdentifierKind.Lei, "LEI"),
        (IdentifierKind.Imo, "IMO NUMBER"), (IdentifierKind.Imo, "IMO"),
        (IdentifierKind.Bic, "SWIFT/BIC"), (IdentifierKind.Bic, "SWIFT"), (IdentifierKind.Bic, "BIC"),
        (IdentifierKind.Vkn, "VKN"),
        (IdentifierKind.HkCompanyNumber, "HK CR"), (IdentifierKind.HkCompanyNumber, "HKCR"),
    ];

    /// <summary>The value of <paramref name="raw"/> normalized for <paramref name="kind"/>.</summary>
    public static string Normalize(IdentifierKind kind, string raw)
    {
        var s = raw.AsSpan().Trim();
        if (kind != IdentifierKind.Other) s = StripLabel(kind, s);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToUpperInvariant(c));
        var v = sb.ToString();
        switch (kind)
        {
            case IdentifierKind.Bic when v.Length == 11 && v.EndsWith("XXX", StringComparison.Ordinal):
                return v[..8];
            case IdentifierKind.HkCompanyNumber:
                var f = v.StartsWith('F') ? "F" : "";
                var digits = v[f.Length..];
                return digits.Length is > 0 and < 7 && IsDigits(digits) ? f + digits.PadLeft(7, '0') : v;
            default:
                return v;
        }
    }

    /// <summary>Removes a leading label of <paramref name="kind"/> and the separators after it.</summary>
    public static ReadOnlySpan<char> StripLabel(IdentifierKind kind, ReadOnlySpan<char> s)
    {
        foreach (var (k, label) in Labels)
        {
            if (k != kind || !StartsWithLabel(s, label)) continue;
            return Separators(s[label.Length..]);
        }
        return s;
    }

    /// <summary>Whether <paramref name="s"/> starts with <paramref name="label"/> (any case) followed by a non-letter.</summary>
    public static bool StartsWithLabel(ReadOnlySpan<char> s, string label) =>
        s.Length > label.Length && s.StartsWith(label, StringComparison.OrdinalIgnoreCase) && !char.IsLetter(s[label.Length]);

    /// <summary>Skips what may stand between a label and its value: blanks, <c>:</c>, <c>#</c>, <c>№</c>, <c>No.</c>.</summary>
    public static ReadOnlySpan<char> Separators(ReadOnlySpan<char> s)
    {
        while (true)
        {
            s = s.TrimStart(" \t:#№.-");
            if (s.Length > 2 && (s[0] is 'N' or 'n') && (s[1] is 'O' or 'o') && !char.IsLetterOrDigit(s[2])) s = s[2..];
            else return s;
        }
    }

    public static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return s.Length > 0;
    }
}
