namespace Screening.Watchlists;

/// <summary>
/// Reads one remarks segment as an identifier: <c>Tax ID No. 1831083343 (Russia)</c>, <c>IMO 9123456</c>,
/// <c>Digital Currency Address - XBT 1Abc...</c>, with the issuing country when the segment ends with one.
/// </summary>
internal static class OfacRemarkIdentifiers
{
    /// <summary>Parses one remarks segment (without <c>alt. </c> and the final period) as an identifier.</summary>
    public static bool TryParse(ReadOnlySpan<char> segment, CountryLookup lookup, out EntryIdentifier identifier)
    {
        identifier = null!;
        string type;
        ReadOnlySpan<char> rest;
        if (segment.StartsWith(DigitalCurrency, StringComparison.Ordinal))
        {
            // "Digital Currency Address - XBT 1Abc...": the ticker is part of the type.
            var space = segment[DigitalCurrency.Length..].IndexOf(' ');
            if (space <= 0) return false;
            type = segment[..(DigitalCurrency.Length + space)].ToString();
            rest = segment[(DigitalCurrency.Length + space + 1)..];
        }
        else
        {
            var match = Match(segment);
            if (match is null) return false;
            type = match.Value.Type;
            rest = segment[match.Value.Label.Length..].TrimStart(": ");
        }

        rest = CutAt(rest, " issued");
        rest = CutAt(rest, ", issued");
        rest = CutAt(rest, " expires");
        rest = CutAt(rest, ", expires");
        rest = rest.Trim().TrimEnd(".,").Trim();

        // A trailing "(Country)" is the issuing country; other parentheses stay in the value.
        string? country = null;
        if (rest.EndsWith(')'))
        {
            var open = rest.LastIndexOf('(');
            if (open >= 0 && lookup.TryGet(rest[(open + 1)..^1], out var code))
            {
                country = code;
                rest = rest[..open].Trim();
            }
        }
        if (rest.IsEmpty || rest.Length > 200 || !HasAlphanumeric(rest)) return false;
        identifier = new EntryIdentifier(type, rest.ToString(), country);
        return true;
    }

    private const string DigitalCurrency = "Digital Currency Address - ";

    // The source's label and the identifier type it is recorded under. The type is the source's own label except
    // where the label ends in a scheme name that belongs in the type (IMO numbers). Indexed by the label's first
    // word, longest label first within a word, so a segment is compared with a few labels only.
    private static readonly Dictionary<string, (string Label, string Type)[]> LabelsByFirstWord = BuildLabels();
    private static readonly Dictionary<string, (string Label, string Type)[]>.AlternateLookup<ReadOnlySpan<char>> LabelLookup =
        LabelsByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, (string Label, string Type)[]> BuildLabels()
    {
        (string, string)[] special =
        [
            ("Vessel Registration Identification IMO", "IMO"),
            ("IMO", "IMO"),
            ("Identification Number IMO", "IMO Company Number"),
            ("Company Number IMO", "IMO Company Number"),
            ("Other Vessel Call Sign", "Call Sign"),
            ("Vessel Call Sign", "Call Sign"),
            ("Italian Fiscal Code:", "Italian Fiscal Code"),
            ("Passport Booklet:", "Passport Booklet"),
        ];
        string[] plain =
        [
            // Companies.
            "Tax ID No.", "Registration Number", "Registration ID", "Government Gazette Number", "Business Registration Number",
            "Legal Entity Number", "Unified Social Credit Code (USCC)", "United Social Credit Code Certificate (USCCC)",
            "Company Number", "UK Company Number", "Commercial Registry Number", "Chamber of Commerce Number",
            "Istanbul Chamber of Comm. No.", "Dubai Chamber of Commerce Membership No.", "Central Registration System Number",
            "Trade License No.", "C.R. No.", "V.A.T. Number", "Enterprise Number", "Branch Unit Number",
            "Economic Register Number (CBLS)", "D-U-N-S Number", "SWIFT/BIC", "BIK (RU)", "ISIN", "Certificate of Incorporation Number",
            "Business Number", "Business Registration Document #", "Public Registration Number", "Organization Code", "US FEIN",
            "NIT #", "RUC #", "RIF #", "R.F.C.", "R.F.C. #", "RFC", "C.U.I.T.", "C.I.F.", "Folio Mercantil No.", "Matricula Mercantil No",
            "Registered Charity No.", "Romanian C.R.", "Numero Unico de Identificacao Tributaria (NUIT)", "Paraguayan tax identification number",
            "Afghan Money Service Provider License Number", "Registration Certificate Number",
            // People.
            "Passport", "Diplomatic Passport", "British National Overseas Passport", "Passport Booklet", "National ID No.",
            "Personal ID Card", "Cedula No.", "C.U.R.P.", "C.U.R.P. #", "D.N.I.", "SSN", "Identification Number",
            "National Foreign ID Number", "Turkish Identification Number", "Italian Fiscal Code", "Residency Number",
            "Driver's License No.", "Electoral Registry No.", "Credencial electoral", "I.F.E.", "C.U.I.", "C.U.I.P.",
            "Travel Document Number", "Kenyan ID No.", "RTN", "LE Number", "Citizen's Card Number", "Tazkira National ID Card",
            "Refugee ID Card", "Numero de Identidad", "Moroccan Personal ID No.", "Bosnian Personal ID No.", "UAE Identification",
            "Birth Certificate Number", "Military Registration Number",
            // Vessels and aircraft.
            "MMSI", "Aircraft Manufacturer's Serial Number (MSN)", "Aircraft Tail Number", "Aircraft Mode S Transponder Code",
            "Aircraft Serial Identification", "Aircraft Construction Number (also called L/N or S/N or F/N)",
            // Contact points that identify a party.
            "Website", "Email Address",
        ];
        var all = new List<(string Label, string Type)>(special);
        foreach (var p in plain) all.Add((p, p));
        // Longest label first, so "Identification Number IMO" wins over "Identification Number".
        all.Sort((a, b) => b.Label.Length.CompareTo(a.Label.Length));
        var byWord = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var l in all)
        {
            var word = FirstWord(l.Label).ToString();
            if (!byWord.TryGetValue(word, out var list)) byWord[word] = list = [];
            list.Add(l);
        }
        var result = new Dictionary<string, (string Label, string Type)[]>(StringComparer.Ordinal);
        foreach (var (word, list) in byWord) result[word] = [.. list];
        return result;
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> s)
    {
        var space = s.IndexOf(' ');
        return space < 0 ? s : s[..space];
    }

    private static (string Label, string Type)? Match(ReadOnlySpan<char> segment)
    {
        if (!LabelLookup.TryGetValue(FirstWord(segment), out var candidates)) return null;
        foreach (var (label, type) in candidates)
        {
            if (segment.Length > label.Length + 1 && segment.StartsWith(label, StringComparison.Ordinal)
                && (segment[label.Length] == ' ' || label[^1] == ':'))
                return (label, type);
        }
        return null;
    }

    private static ReadOnlySpan<char> CutAt(ReadOnlySpan<char> s, string marker)
    {
        var i = s.IndexOf(marker, StringComparison.Ordinal);
        return i > 0 ? s[..i] : s;
    }

    private static bool HasAlphanumeric(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (char.IsLetterOrDigit(c)) return true;
        return false;
    }
}
