namespace Screening.Watchlists;

/// <summary>Parsers for the CSL's packed cells: <c>addresses</c> and <c>ids</c>.</summary>
internal static class CslFields
{
    /// <summary>The separator between the items of a packed cell.</summary>
    public const string ItemSeparator = "; ";

    private static readonly HashSet<string> UsStates = new(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
        "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
    };

    // `ids` items whose "type" is a fact about the record rather than an identifier of the party.
    private static readonly HashSet<string> InformationalTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Gender", "Target Type", "Aircraft Model", "Aircraft Operator", "Issuer Name", "Former Vessel Flag",
        "Other Vessel Flag", "Other Vessel Type", "Nationality of Registration", "Registration Country",
    };

    /// <summary>
    /// Parses one address of the <c>addresses</c> cell: <c>street, city, region, postal code, CC</c> with empty parts
    /// left out. The country is the trailing ISO alpha-2 code (or a country name); a trailing US state and ZIP code
    /// without a country (Denied Persons addresses) is US. The city keeps the locality with any region and postal code
    /// after it; what comes before is the street.
    /// </summary>
    public static EntryAddress? ParseAddress(string text)
    {
        var parts = new List<string>();
        foreach (var p in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var t = p.Trim(';', ' ');
            if (t.Length > 0) parts.Add(t);
        }
        if (parts.Count == 0) return null;

        string? country = null;
        string? code = null;
        var last = parts[^1];
        if (last.Length == 2 && IsUpper(last) && CountryCodes.IsCode(last))
        {
            country = last;
            code = last;
            parts.RemoveAt(parts.Count - 1);
        }
        else if (last.Length > 2 && !HasDigit(last) && CountryCodes.TryGetCode(last, out var byName))
        {
            country = last;
            code = byName;
            parts.RemoveAt(parts.Count - 1);
        }
        else if (parts.Count >= 2 && IsZip(last) && UsStates.Contains(parts[^2]))
        {
            code = "US";
        }

        if (parts.Count == 0) return new EntryAddress(null, null, country, code);
        // The city block: trailing postal codes and region codes, plus the locality before them.
        var cityStart = parts.Count - 1;
        while (cityStart > 0 && (IsPostalCode(parts[cityStart]) || IsRegionCode(parts[cityStart]))) cityStart--;
        var city = string.Join(", ", parts.GetRange(cityStart, parts.Count - cityStart));
        var street = cityStart == 0 ? null : string.Join(", ", parts.GetRange(0, cityStart));
        return new EntryAddress(street, city, country, code);
    }

    /// <summary>
    /// Parses the <c>ids</c> cell. Each item is <c>[CC, ][expiry date, ][issue date, ]number, type</c>; items are
    /// separated by <c>"; "</c>, and a piece without a <c>", type"</c> belongs to the next piece (a value holding
    /// <c>"; "</c>). Items whose type is a fact about the record (gender, sanctions information, listing dates,
    /// organization type, aircraft model) go to <paramref name="facts"/> as <c>type: value</c> instead.
    /// </summary>
    public static void ParseIds(string text, List<EntryIdentifier> identifiers, List<string> facts)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var pieces = text.Split(ItemSeparator);
        string? carry = null;
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = carry is null ? pieces[i] : carry + ItemSeparator + pieces[i];
            carry = null;
            var typeAt = piece.LastIndexOf(", ", StringComparison.Ordinal);
            if (typeAt < 0)
            {
                if (i < pieces.Length - 1) carry = piece;
                else if (!string.IsNullOrWhiteSpace(piece)) facts.Add(piece.Trim());
                continue;
            }
            var type = piece[(typeAt + 2)..].Trim();
            var parts = piece[..typeAt].Split(", ");
            var start = 0;
            string? country = null;
            if (parts.Length >= 2 && parts[0].Length == 2 && IsUpper(parts[0]) && CountryCodes.IsCode(parts[0]))
            {
                country = parts[0];
                start = 1;
            }
            // Up to two dates (expiry, then issue) before the number; a lone date is the value itself.
            for (var d = 0; d < 2 && parts.Length - start >= 2 && IsIsoDate(parts[start]); d++) start++;
            var value = string.Join(", ", parts, start, parts.Length - start).Trim();
            if (value.Length == 0 || type.Length == 0)
            {
                if (piece.Trim().Length > 0) facts.Add(piece.Trim());
                continue;
            }
            if (IsInformational(type)) facts.Add($"{type.TrimEnd(':', '-', ' ')}: {value}");
            else identifiers.Add(new EntryIdentifier(type, value, country));
        }
    }

    /// <summary>
    /// The links in a <c>remarks</c> cell: OFAC's remarks as the CSL carries them, <c>(Linked To: A; Linked To: B)</c>.
    /// </summary>
    public static List<EntryLink> ParseLinks(string remarks)
    {
        var links = new List<EntryLink>();
        const string marker = "Linked To:";
        for (var at = remarks.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = remarks.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            var start = at + marker.Length;
            var end = remarks.IndexOf(';', start);
            var name = (end < 0 ? remarks[start..] : remarks[start..end]).Trim();
            // The group closes with ")" (names may hold parentheses of their own: "(IRGC)-QODS FORCE").
            if (end < 0 && name.EndsWith(')') && Depth(name) < 0) name = name[..^1].TrimEnd();
            name = name.TrimEnd('.').Trim();
            if (name.Length == 0) continue;
            var link = new EntryLink("Linked To", name);
            if (!links.Contains(link)) links.Add(link);
        }
        return links;
    }

    // Opening minus closing parentheses.
    private static int Depth(string s)
    {
        var d = 0;
        foreach (var c in s)
        {
            if (c == '(') d++;
            else if (c == ')') d--;
        }
        return d;
    }

    /// <summary>
    /// Cleans one <c>alt_names</c> item of the list prose the Entity List keeps in it (<c>...; and X</c>, <c>-X</c>,
    /// <c>f.k.a. X</c>). Returns null for an item that is no name: empty, a bare <c>and</c>, or a parenthesised note
    /// such as <c>(all of preceding located in ...)</c>.
    /// </summary>
    public static string? CleanAlias(string item, out NameStrength strength)
    {
        strength = NameStrength.Strong;
        var s = item.Trim();
        if (s.StartsWith("and ", StringComparison.Ordinal)) s = s[4..].TrimStart();
        else if (s.StartsWith('-')) s = s.TrimStart('-', ' ');
        if (s.StartsWith("f.k.a.", StringComparison.OrdinalIgnoreCase))
        {
            s = s[6..].TrimStart(' ', ',', ':');
            strength = NameStrength.Former;
        }
        else if (s.StartsWith("a.k.a.", StringComparison.OrdinalIgnoreCase))
        {
            s = s[6..].TrimStart(' ', ',', ':');
        }
        if (s.Length == 0 || s == "and" || s.StartsWith('(')) return null;
        return s;
    }

    // Windows-1252 0x80..0x9F; U+FFFD where 1252 defines nothing.
    private const string Cp1252High = "\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD" +
        "\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178";

    /// <summary>
    /// Repairs C1 control characters (U+0080..U+009F) that are Windows-1252 punctuation decoded as Latin-1 upstream
    /// (the 2022 file writes <c>Xi\u0092an</c> for <c>Xi’an</c>); returns the text unchanged when it has none.
    /// </summary>
    public static string RepairCp1252(string text, out bool repaired)
    {
        repaired = false;
        var i = 0;
        while (i < text.Length && text[i] is < '\u0080' or > '\u009F') i++;
        if (i == text.Length) return text;
        repaired = true;
        var chars = text.ToCharArray();
        for (; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u0080' and <= '\u009F') chars[i] = Cp1252High[chars[i] - 0x80];
        }
        return new string(chars);
    }

    /// <summary>Whether an <c>ids</c> item type is a fact about the record rather than an identifier.</summary>
    public static bool IsInformational(string type) =>
        type.EndsWith(':') || type.EndsWith('-') || type.StartsWith("Date", StringComparison.Ordinal) ||
        type.Contains(" Date", StringComparison.Ordinal) || type.Contains("Information", StringComparison.OrdinalIgnoreCase) ||
        InformationalTypes.Contains(type);

    /// <summary>Whether <paramref name="s"/> is <c>yyyy-MM-dd</c>.</summary>
    public static bool IsIsoDate(string s) =>
        s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

    private static bool IsUpper(string s)
    {
        foreach (var c in s)
        {
            if (c is < 'A' or > 'Z') return false;
        }
        return true;
    }

    private static bool HasDigit(string s)
    {
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c)) return true;
        }
        return false;
    }

    // 12345 or 12345-6789; also 1234, a ZIP code whose leading zero a spreadsheet dropped (NH, 3801).
    private static bool IsZip(string s) =>
        (s.Length is 4 or 5 || (s.Length == 10 && s[5] == '-')) && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[3]) && AllDigitsOrDash(s);

    private static bool AllDigitsOrDash(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && c != '-') return false;
        }
        return true;
    }

    // A postal code: short, with a digit, at most one inner space (110 00, SW1A 1AA, 22204-2245).
    private static bool IsPostalCode(string s)
    {
        if (s.Length > 10 || !HasDigit(s)) return false;
        var spaces = 0;
        foreach (var c in s)
        {
            if (c == ' ') spaces++;
            else if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
        }
        return spaces <= 1;
    }

    // A state or province code such as TX or NSW.
    private static bool IsRegionCode(string s) => s.Length is 2 or 3 && IsUpper(s);
}
