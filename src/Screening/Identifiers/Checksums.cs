namespace Screening.Identifiers;

/// <summary>
/// The check-digit and format rules of each scheme, on normalized values (upper case, no separators). Each returns
/// null when the value is right, else a short reason.
/// </summary>
internal static class Checksums
{
    // GB 32100-2015: the 31 characters of a unified social credit code (no I, O, S, V, Z).
    internal const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Inn10Weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12Weights11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12Weights12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    public static string? Inn(string v)
    {
        if (v.Length is not (10 or 12))
        {
            var hint = v.Length == 9 && AllDigits(v) ? Inn("0" + v) is null ? " (with a leading 0 it verifies: the zero may have been lost)"
                : v.AsSpan(4, 2).SequenceEqual("01") ? " (shaped like a KPP)" : "" : "";
            return $"{Length(v)}, expected 10 (organization) or 12 (person){hint}";
        }
        if (!AllDigits(v)) return "not all digits";
        if (v.Length == 10)
        {
            var c = WeightedMod11(v, Inn10Weights);
            return Digit(v, 9, c);
        }
        return Digit(v, 10, WeightedMod11(v, Inn12Weights11)) ?? Digit(v, 11, WeightedMod11(v, Inn12Weights12));
    }

    // ОГРН: the first 12 digits as a number, mod 11, mod 10.
    public static string? Ogrn(string v)
    {
        if (v.Length != 13) return $"{Length(v)}, expected 13";
        if (!AllDigits(v)) return "not all digits";
        return Digit(v, 12, (int)(long.Parse(v.AsSpan(0, 12), provider: System.Globalization.CultureInfo.InvariantCulture) % 11 % 10));
    }

    // ОГРНИП: the first 14 digits as a number, mod 13, mod 10.
    public static string? Ogrnip(string v)
    {
        if (v.Length != 15) return $"{Length(v)}, expected 15";
        if (!AllDigits(v)) return "not all digits";
        return Digit(v, 14, (int)(long.Parse(v.AsSpan(0, 14), provider: System.Globalization.CultureInfo.InvariantCulture) % 13 % 10));
    }

    // КПП: tax office (4 digits), reason (2 digits or Latin capitals since 2013), number (3 digits).
    public static string? Kpp(string v)
    {
        if (v.Length != 9) return $"{Length(v)}, expected 9";
        for (var i = 0; i < 9; i++)
        {
            var ok = i is 4 or 5 ? char.IsAsciiDigit(v[i]) || char.IsAsciiLetterUpper(v[i]) : char.IsAsciiDigit(v[i]);
            if (!ok) return $"character {i + 1} '{v[i]}' is not allowed (4 digits, 2 digits or letters, 3 digits)";
        }
        return null;
    }

    // GB 32100-2015: weights 3^i mod 31; check = 31 - (sum mod 31), 31 written as 0. Characters 3-8 are the
    // administrative division code (digits).
    public static string? Uscc(string v)
    {
        if (v.Length != 18) return $"{Length(v)}, expected 18";
        var sum = 0;
        var weight = 1;
        for (var i = 0; i < 17; i++)
        {
            var code = UsccAlphabet.IndexOf(v[i], StringComparison.Ordinal);
            if (code < 0) return $"character {i + 1} '{v[i]}' is outside the GB 32100 alphabet";
            if (i is >= 2 and <= 7 && code > 9) return $"character {i + 1} '{v[i]}' must be a digit (administrative division code)";
            sum += code * weight;
            weight = weight * 3 % 31;
        }
        var expected = (31 - sum % 31) % 31;
        var actual = UsccAlphabet.IndexOf(v[17], StringComparison.Ordinal);
        if (actual < 0) return $"check character '{v[17]}' is outside the GB 32100 alphabet";
        return actual == expected ? null : $"check character is '{v[17]}', expected '{UsccAlphabet[expected]}'";
    }

    // ISO 17442 with ISO 7064 MOD 97-10: letters count A=10 ... Z=35; the whole code mod 97 is 1.
    public static string? Lei(string v)
    {
        if (v.Length != 20) return $"{Length(v)}, expected 20";
        var mod = 0;
        for (var i = 0; i < 20; i++)
        {
            var c = v[i];
            if (char.IsAsciiDigit(c)) mod = (mod * 10 + (c - '0')) % 97;
            else if (char.IsAsciiLetterUpper(c)) mod = (mod * 100 + (c - 'A' + 10)) % 97;
            else return $"character {i + 1} '{c}' is not a digit or a Latin capital";
            if (i >= 18 && !char.IsAsciiDigit(c)) return "the last two characters (check digits) must be digits";
        }
        return mod == 1 ? null : "check digits do not verify (ISO 7064 MOD 97-10)";
    }

    // IMO ship number: the first six digits weighted 7..2, sum mod 10.
    public static string? Imo(string v)
    {
        if (v.Length != 7) return $"{Length(v)}, expected 7";
        if (!AllDigits(v)) return "not all digits";
        var sum = 0;
        for (var i = 0; i < 6; i++) sum += (v[i] - '0') * (7 - i);
        return Digit(v, 6, sum % 10);
    }

    // ISO 9362: party prefix (4 letters or digits), ISO 3166 country (2 letters), location (2), optional branch (3).
    public static string? Bic(string v)
    {
        if (v.Length is not (8 or 11)) return $"{Length(v)}, expected 8 or 11";
        foreach (var c in v)
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c)) return $"'{c}' is not a letter or digit";
        var country = v.Substring(4, 2);
        if (!char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1]) || !Watchlists.CountryCodes.IsCode(country))
            return $"characters 5-6 '{country}' are not an ISO 3166 country code";
        return null;
    }

    // Companies Registry numbers: up to 7 digits (normalized to 7 with leading zeros), or F and 7 digits.
    public static string? HkCompanyNumber(string v)
    {
        var digits = v.Length > 0 && v[0] == 'F' ? v.AsSpan(1) : v.AsSpan();
        if (digits.Length != 7) return $"{Length(v)}, expected up to 7 digits (or F and 7 digits)";
        foreach (var c in digits)
            if (!char.IsAsciiDigit(c)) return "not all digits";
        return null;
    }

    // Vergi Kimlik Numarası: for digit i (1-based) of the first nine, t = (d + 10 - i) mod 10, then
    // t * 2^(10-i) mod 9 (9 when that is 0 and t is not); check = (10 - sum mod 10) mod 10.
    public static string? Vkn(string v)
    {
        if (v.Length != 10) return $"{Length(v)}, expected 10";
        if (!AllDigits(v)) return "not all digits";
        var sum = 0;
        for (var i = 1; i <= 9; i++)
        {
            var t = (v[i - 1] - '0' + 10 - i) % 10;
            var p = t * (1 << (10 - i)) % 9;
            sum += t != 0 && p == 0 ? 9 : p;
        }
        return Digit(v, 9, (10 - sum % 10) % 10);
    }

    // No common scheme across the emirates and free zones: 3 to 20 letters, digits, '/' and '-', with a digit.
    public static string? UaeTradeLicence(string v)
    {
        if (v.Length is < 3 or > 20) return $"{Length(v)}, expected 3 to 20 characters";
        var digit = false;
        foreach (var c in v)
        {
            if (char.IsAsciiDigit(c)) digit = true;
            else if (!char.IsAsciiLetterUpper(c) && c is not ('/' or '-')) return $"'{c}' is not allowed";
        }
        return digit ? null : "no digit";
    }

    private static int WeightedMod11(string v, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += (v[i] - '0') * weights[i];
        return sum % 11 % 10;
    }

    private static string? Digit(string v, int at, int expected) =>
        v[at] - '0' == expected ? null : $"check digit {at + 1} is {v[at]}, expected {expected}";

    private static bool AllDigits(string v)
    {
        foreach (var c in v)
            if (!char.IsAsciiDigit(c)) return false;
        return v.Length > 0;
    }

    private static string Length(string v) => $"{v.Length} character{(v.Length == 1 ? "" : "s")}";
}
