namespace Screening.Watchlists;

/// <summary>
/// Reads the structured facts OFAC writes into the free-text Remarks field of its legacy files: identifiers
/// (<c>Tax ID No. 1831083343 (Russia)</c>), the weak aliases (<c>a.k.a. 'BNC'</c>), nationality and citizenship.
/// Remarks are <c>; </c>-separated segments; a repeated fact is prefixed <c>alt. </c>.
/// </summary>
internal static class OfacRemarks
{
    /// <summary>OFAC's placeholder for an empty field, written <c>-0- </c> (with a trailing space).</summary>
    public const string EmptyMarker = "-0-";

    /// <summary>The length at which OFAC cuts Remarks; the rest goes to the comments file.</summary>
    public const int RemarksLimit = 1000;

    /// <summary>
    /// The shortest restated tail that proves an overflow overlaps the remarks. The real overlaps are 92 to 124
    /// characters; a genuine continuation would have to repeat this many characters exactly at the cut.
    /// </summary>
    public const int MinOverlap = 24;

    /// <summary>
    /// Joins a comments-file row (the text OFAC cut from the remarks) to the remarks of the primary file. The two files
    /// are often from different publications, so the cut need not fall where these remarks end:
    /// <list type="bullet">
    /// <item>the overflow starts by restating the end of the remarks (its publication cut earlier): joined where they
    /// overlap, so nothing is repeated (<see cref="OverflowJoinKind.Overlapped"/>);</item>
    /// <item>the remarks reach OFAC's cut (<see cref="RemarksLimit"/>): the overflow continues them verbatim, even
    /// mid-word (<see cref="OverflowJoinKind.Continued"/>);</item>
    /// <item>otherwise the overflow continues a longer text of another publication: its first piece is the end of a
    /// segment whose start is not here, so it is dropped, and the whole segments not already in the remarks are
    /// appended after <c>; </c> (<see cref="OverflowJoinKind.NewSegments"/>). Gluing the piece on would fuse it into
    /// the last segment (the Alfa-Bank registration number read <c>1027700067328 (Russia). ective Date ...</c>).</item>
    /// </list>
    /// </summary>
    public static string? JoinOverflow(string? remarks, string overflow, out OverflowJoin how)
    {
        var r = remarks ?? "";
        var overlap = OverlapAt(r, overflow);
        if (overlap >= 0)
        {
            how = new OverflowJoin(OverflowJoinKind.Overlapped, r.Length - overlap, null, 0);
            return string.Concat(r.AsSpan(0, overlap), overflow);
        }
        if (r.Length >= RemarksLimit)
        {
            how = new OverflowJoin(OverflowJoinKind.Continued, 0, null, 0);
            return r + overflow;
        }

        var semi = overflow.IndexOf(';');
        var dropped = (semi < 0 ? overflow : overflow[..semi]).Trim();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seg in r.Split(';')) present.Add(Segment(seg).ToString());
        var added = new List<string>();
        if (semi >= 0)
        {
            foreach (var raw in overflow[(semi + 1)..].Split(';'))
            {
                var key = Segment(raw).ToString();
                if (key.Length == 0 || !present.Add(key)) continue;
                added.Add(raw.Trim());
            }
        }
        how = new OverflowJoin(OverflowJoinKind.NewSegments, 0, dropped, added.Count);
        if (added.Count == 0) return remarks;
        var tail = string.Join("; ", added);
        return r.Trim().Length == 0 ? tail : r.TrimEnd() + "; " + tail;
    }

    // The offset in the remarks from which their whole remaining tail (MinOverlap characters or more) starts the
    // overflow, or -1. The longest such tail wins.
    private static int OverlapAt(string remarks, string overflow)
    {
        if (remarks.Length < MinOverlap || overflow.Length < MinOverlap) return -1;
        var probe = overflow.AsSpan(0, MinOverlap);
        var from = 0;
        while (from <= remarks.Length - MinOverlap)
        {
            var i = remarks.AsSpan(from).IndexOf(probe, StringComparison.Ordinal);
            if (i < 0) return -1;
            var at = from + i;
            if (overflow.AsSpan().StartsWith(remarks.AsSpan(at), StringComparison.Ordinal)) return at;
            from = at + 1;
        }
        return -1;
    }

    /// <summary>Whether a field is empty: blank or OFAC's <c>-0-</c> marker.</summary>
    public static bool IsEmpty(string? field)
    {
        if (field is null) return true;
        var t = field.AsSpan().Trim();
        return t.Length == 0 || t.SequenceEqual(EmptyMarker);
    }

    /// <summary>The trimmed field, or null when it is empty or <c>-0-</c>.</summary>
    public static string? Value(string? field) => IsEmpty(field) ? null : field!.Trim();

    /// <summary>
    /// Splits OFAC's program field into distinct programs. Several tags are joined as <c>A] [B</c>
    /// (the outer brackets are missing), e.g. <c>RUSSIA-EO14024] [UKRAINE-EO13662</c>.
    /// </summary>
    public static List<string> SplitPrograms(string? field)
    {
        var result = new List<string>(2);
        if (IsEmpty(field)) return result;
        foreach (var part in field!.Split(']', StringSplitOptions.RemoveEmptyEntries))
        {
            var p = part.Trim().TrimStart('[').Trim();
            if (p.Length == 0 || IsEmpty(p)) continue;
            if (!result.Contains(p, StringComparer.Ordinal)) result.Add(p);
        }
        return result;
    }

    /// <summary>
    /// The aliases quoted inside remarks: <c>a.k.a. 'X'</c> and <c>n.k.a. 'X'</c> are OFAC's weak aliases (the legacy
    /// files carry weak AKAs only here, never in the alias file), <c>f.k.a. 'X'</c> is a former name.
    /// Names may hold apostrophes (<c>a.k.a. 'ABU-'UMAR'</c>), so a name ends only at a quote that is followed by
    /// <c>;</c>, by a final <c>.</c> or by the end of the remarks.
    /// </summary>
    public static void ParseAliases(string? remarks, List<EntryName> into)
    {
        if (string.IsNullOrEmpty(remarks)) return;
        var s = remarks;
        var i = 0;
        while (i < s.Length)
        {
            var at = s.IndexOf(".k.a. '", i, StringComparison.Ordinal);
            if (at < 1) return;
            var kind = s[at - 1];
            var start = at + 7;
            i = start;
            if (kind is not ('a' or 'f' or 'n')) continue;
            if (at >= 2 && char.IsLetterOrDigit(s[at - 2])) continue; // part of a longer word, not a marker
            var end = FindClosingQuote(s, start);
            if (end < 0) return;
            var name = s[start..end].Trim();
            // OFAC sometimes double-quotes a nickname: a.k.a. ''FOOPIE''.
            if (name.Length > 2 && name[0] == '\'' && name[^1] == '\'') name = name[1..^1].Trim();
            i = end + 1;
            if (name.Length == 0) continue;
            into.Add(new EntryName(name, kind == 'f' ? NameStrength.Former : NameStrength.Weak));
        }
    }

    private static int FindClosingQuote(string s, int from)
    {
        for (var j = from; j < s.Length; j++)
        {
            if (s[j] != '\'') continue;
            if (j + 1 == s.Length || s[j + 1] == ';') return j;
            if (s[j + 1] == '.' && (j + 2 == s.Length || s[j + 2] is ' ' or ';')) return j;
        }
        return -1;
    }

    /// <summary>
    /// Reads the <c>;</c>-separated segments of remarks once: identifiers into <paramref name="identifiers"/>, and the
    /// countries of <c>nationality X</c> and <c>citizen X</c> segments into <paramref name="countries"/>.
    /// </summary>
    public static void ParseSegments(string? remarks, List<EntryIdentifier> identifiers, List<string> countries, CountryLookup lookup) =>
        ParseSegments(remarks, identifiers, countries, links: null, lookup);

    /// <summary>As above, and the <c>Linked To: X</c> segments into <paramref name="links"/>.</summary>
    public static void ParseSegments(string? remarks, List<EntryIdentifier> identifiers, List<string> countries, List<EntryLink>? links, CountryLookup lookup)
    {
        if (string.IsNullOrEmpty(remarks)) return;
        // Spans throughout: a full SDN load reads about 150,000 segments and only the values found are allocated.
        var rest = remarks.AsSpan();
        while (!rest.IsEmpty)
        {
            var semi = rest.IndexOf(';');
            var seg = Segment(semi < 0 ? rest : rest[..semi]);
            rest = semi < 0 ? default : rest[(semi + 1)..];
            if (seg.IsEmpty) continue;
            var nation = seg.StartsWith("nationality ", StringComparison.Ordinal) ? seg[12..]
                : seg.StartsWith("citizen ", StringComparison.Ordinal) ? seg[8..] : default;
            if (!nation.IsEmpty)
            {
                if (lookup.TryGet(nation.Trim(), out var code) && !countries.Contains(code)) countries.Add(code);
                continue;
            }
            if (seg.StartsWith(LinkedTo, StringComparison.Ordinal))
            {
                var name = seg[LinkedTo.Length..].Trim();
                if (links is not null && !name.IsEmpty)
                {
                    var link = new EntryLink("Linked To", name.ToString());
                    if (!links.Contains(link)) links.Add(link);
                }
                continue;
            }
            if (TryParseIdentifier(seg, lookup, out var id) && !identifiers.Contains(id)) identifiers.Add(id);
        }
    }

    /// <summary>Parses one remarks segment (without <c>alt. </c> and the final period) as an identifier.</summary>
    public static bool TryParseIdentifier(ReadOnlySpan<char> segment, CountryLookup lookup, out EntryIdentifier identifier)
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

    // OFAC's link to another listed party: "Linked To: LAZARUS GROUP".
    private const string LinkedTo = "Linked To: ";

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

    // A remarks segment without surrounding blanks, the "alt. " prefix and the final period.
    private static ReadOnlySpan<char> Segment(ReadOnlySpan<char> raw)
    {
        var seg = raw.Trim();
        if (seg.StartsWith("alt. ", StringComparison.Ordinal)) seg = seg[5..].TrimStart();
        if (seg.EndsWith('.')) seg = seg[..^1].TrimEnd();
        return seg;
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

    // OFAC spellings that CountryCodes does not know.
    private static readonly (string Spelling, string Code)[] OfacSpellings =
        [("Central African Republic", "CF"), ("Cote d Ivoire", "CI"), ("Region: North Gaza", "PS"), ("Region: Northern Gaza", "PS")];

    /// <summary>
    /// The ISO code of a country as OFAC writes it: besides <see cref="CountryCodes"/> it handles
    /// <c>Region: Crimea</c>, inverted names (<c>Bahamas, The</c>, <c>Man, Isle of</c>) and a few spellings
    /// <see cref="CountryCodes"/> lacks (<c>Central African Republic</c>, <c>Cote d Ivoire</c>).
    /// </summary>
    public static bool TryCountryCode(string? name, out string code)
    {
        code = "";
        if (IsEmpty(name)) return false;
        var n = name!.Trim().TrimEnd('.').Trim();
        if (CountryCodes.TryGetCode(n, out code)) return true;
        if (n.StartsWith("Region: ", StringComparison.Ordinal))
        {
            n = n[8..].Trim();
            if (CountryCodes.TryGetCode(n, out code)) return true;
        }
        foreach (var (spelling, c) in OfacSpellings)
        {
            if (n.Equals(spelling, StringComparison.OrdinalIgnoreCase)) { code = c; return true; }
        }
        var comma = n.IndexOf(", ", StringComparison.Ordinal);
        if (comma > 0)
        {
            var head = n[..comma];
            var tail = n[(comma + 2)..];
            if (CountryCodes.TryGetCode(tail + " " + head, out code)) return true;
            // "North Macedonia, The Republic of": the part before the comma names the country.
            if (CountryCodes.TryGetCode(head, out code)) return true;
        }
        return false;
    }
}

/// <summary>Country-name lookups for one load, cached: a list repeats the same few hundred names thousands of times.</summary>
internal sealed class CountryLookup
{
    private readonly Dictionary<string, string?> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _spans;

    /// <summary>Creates an empty cache.</summary>
    public CountryLookup() => _spans = _cache.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The ISO code of a country as OFAC writes it (see <see cref="OfacRemarks.TryCountryCode"/>).</summary>
    public bool TryGet(ReadOnlySpan<char> name, out string code)
    {
        if (!_spans.TryGetValue(name, out var found))
        {
            var key = name.ToString();
            found = OfacRemarks.TryCountryCode(key, out var c) ? c : null;
            _cache[key] = found;
        }
        code = found ?? "";
        return found is not null;
    }
}

/// <summary>How <see cref="OfacRemarks.JoinOverflow"/> joined an overflow row.</summary>
internal enum OverflowJoinKind
{
    /// <summary>The remarks reach OFAC's cut; the overflow continues them verbatim.</summary>
    Continued,
    /// <summary>The overflow restates the end of the remarks; joined where they overlap.</summary>
    Overlapped,
    /// <summary>The overflow continues another publication's text: its cut-off first piece dropped, new whole segments appended.</summary>
    NewSegments,
}

/// <summary>The outcome of one join, for the load report.</summary>
/// <param name="Kind">How the rows were joined.</param>
/// <param name="Overlap">The characters the overflow restated (<see cref="OverflowJoinKind.Overlapped"/>).</param>
/// <param name="Dropped">The cut-off first piece that was dropped (<see cref="OverflowJoinKind.NewSegments"/>).</param>
/// <param name="Appended">The whole segments appended (<see cref="OverflowJoinKind.NewSegments"/>).</param>
internal readonly record struct OverflowJoin(OverflowJoinKind Kind, int Overlap, string? Dropped, int Appended);
