using System.Globalization;
using System.Text;

namespace Screening.Watchlists;

/// <summary>
/// Reads OFAC's legacy CSV format (no header, Latin-1, CRLF, <c>-0- </c> for empty, trailing 0x1A). Shared by the
/// SDN and the consolidated providers, which differ only in file names and list id.
/// </summary>
internal static class OfacLegacyReader
{
    private const int PrimaryFields = 12;
    private const int AliasFields = 5;
    private const int AddressFields = 6;
    private const int CommentFields = 2;

    private static readonly string[] PrimaryFieldNames =
        ["ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"];

    /// <summary>Reads the set from a folder (or from the folder of a file in it) and parses it.</summary>
    /// <exception cref="WatchlistFormatException">The folder or the primary file is missing, or a file is malformed.</exception>
    public static async Task<Watchlist> LoadAsync(OfacFileSet set, string path, CancellationToken cancellationToken)
    {
        var files = await OfacLegacyFiles.ReadAsync(set, path, cancellationToken).ConfigureAwait(false);
        return Parse(set, files[0], files[1], files[2], files[3], cancellationToken);
    }

    /// <summary>Parses a file set held in memory.</summary>
    /// <param name="set">Which list.</param>
    /// <param name="primary">The primary file; its bytes are required.</param>
    /// <param name="aliases">The alias file; null bytes when absent.</param>
    /// <param name="addresses">The address file; null bytes when absent.</param>
    /// <param name="comments">The remarks-overflow file; null bytes when absent.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    public static Watchlist Parse(OfacFileSet set, OfacSourceFile primary, OfacSourceFile aliases, OfacSourceFile addresses,
        OfacSourceFile comments, CancellationToken cancellationToken = default)
    {
        if (primary.Bytes is null) throw new WatchlistFormatException(primary.Name, 0, null, "file not found");
        OfacSourceFile[] files = [primary, aliases, addresses, comments];
        var builders = new List<OfacEntryBuilder>(primary.Bytes.Length / 250);
        using var load = new WatchlistAccumulator(primary.Name, builders.Capacity);
        // The same as `cat sdn.csv alt.csv add.csv sdn_comments.csv | sha256sum`: the present files in that order.
        foreach (var f in files)
        {
            if (f.Bytes is not null) load.AppendSource(f.Bytes);
        }
        var byId = new Dictionary<long, OfacEntryBuilder>(builders.Capacity);

        var countries = new CountryLookup();

        CheckFiles(set, files, load);
        ReadPrimary(primary, builders, byId, load, cancellationToken);
        if (aliases.Bytes is not null) ReadAliases(set, aliases, byId, load, cancellationToken);
        if (addresses.Bytes is not null) ReadAddresses(set, addresses, byId, load, countries, cancellationToken);
        if (comments.Bytes is not null) ReadComments(set, comments, byId, load, cancellationToken);

        for (var i = 0; i < builders.Count; i++)
        {
            if ((i & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            load.Add(builders[i].Build(countries));
        }
        return load.Build(set.ListId, set.DisplayName);
    }

    // OFAC ends every legacy file with the DOS end-of-file byte 0x1A (checked on the SDN and consolidated sets). A
    // file without it was most likely cut short, e.g. by an interrupted download: a cut at a line boundary parses
    // cleanly and would silently drop the rows after it. An absent optional file drops its aliases, addresses or
    // remarks. Both are reported (and refused under strict loading), never silent.
    private static void CheckFiles(OfacFileSet set, OfacSourceFile[] files, WatchlistAccumulator load)
    {
        var names = set.FilesInOrder;
        string[] what = ["entries", "aliases", "addresses", "remarks overflow"];
        for (var i = 0; i < files.Length; i++)
        {
            var f = files[i];
            if (f.Bytes is null)
            {
                load.Issue(LoadIssueKind.MissingFile, f.Name, 0, null, $"optional file {names[i]} is absent; its {what[i]} are not loaded");
                continue;
            }
            if (f.Bytes.Length == 0 || f.Bytes[^1] != 0x1A)
                load.Issue(LoadIssueKind.Truncated, f.Name, 0, null,
                    f.Bytes.Length == 0
                        ? "the file is empty (0 bytes; OFAC's files end with the end-of-file byte 0x1A): it may be cut short"
                        : "the file does not end with OFAC's end-of-file byte 0x1A: it may be cut short (e.g. an interrupted download), so rows may be missing");
        }
    }

    private static CsvReader Open(OfacSourceFile file) =>
        new(new StreamReader(new MemoryStream(file.Bytes!, writable: false), Encoding.Latin1, detectEncodingFromByteOrderMarks: true), file.Name);

    private static void ReadPrimary(OfacSourceFile file, List<OfacEntryBuilder> builders, Dictionary<long, OfacEntryBuilder> byId,
        WatchlistAccumulator load, CancellationToken ct)
    {
        using var csv = Open(file);
        while (csv.TryReadRecord(out var f))
        {
            if ((load.CountRow() & 1023) == 1) ct.ThrowIfCancellationRequested();
            var line = csv.RecordLine;
            if (f.Count != PrimaryFields)
            {
                load.Reject(line, f.Count < PrimaryFields ? PrimaryFieldNames[Math.Max(f.Count, 1)] : null,
                    $"expected {PrimaryFields} fields, found {f.Count}; row not loaded");
                continue;
            }
            if (!TryEntNum(f[0], out var entNum, out var idText))
            {
                load.Reject(line, "ent_num", $"'{Clip(f[0])}' is not an entry number; row not loaded");
                continue;
            }
            var name = OfacFields.Value(f[1]);
            if (name is null)
            {
                load.Reject(line, "SDN_Name", $"entry {idText} has no name; row not loaded");
                continue;
            }
            var type = ParseType(f[2], out var knownType);
            if (!knownType)
                load.Warn(line, "SDN_Type", $"unknown type '{Clip(f[2])}' for entry {idText}; loaded as Unknown");

            var b = new OfacEntryBuilder(idText, type, name, line, Path.GetFileName(file.Name))
            {
                Programs = OfacFields.SplitPrograms(f[3]),
                Title = OfacFields.Value(f[4]),
                CallSign = OfacFields.Value(f[5]),
                VesselType = OfacFields.Value(f[6]),
                Tonnage = OfacFields.Value(f[7]),
                Grt = OfacFields.Value(f[8]),
                VesselFlag = OfacFields.Value(f[9]),
                VesselOwner = OfacFields.Value(f[10]),
                // Not trimmed at the end: at OFAC's 1,000-character cut a trailing blank belongs between words.
                Remarks = OfacFields.IsEmpty(f[11]) ? null : f[11].TrimStart(),
            };
            builders.Add(b);
            if (byId.TryGetValue(entNum, out var first))
            {
                load.Issue(LoadIssueKind.Duplicate, line, "ent_num",
                    $"entry number {idText} occurs more than once (first on row {first.Line}); both loaded, related rows apply to both");
                while (first.NextSameId is not null) first = first.NextSameId;
                first.NextSameId = b;
            }
            else byId.Add(entNum, b);
        }
    }

    private static void ReadAliases(OfacFileSet set, OfacSourceFile file, Dictionary<long, OfacEntryBuilder> byId, WatchlistAccumulator load, CancellationToken ct)
    {
        using var csv = Open(file);
        long rows = 0;
        while (csv.TryReadRecord(out var f))
        {
            if ((rows++ & 1023) == 0) ct.ThrowIfCancellationRequested();
            if (!Secondary(set, file, csv.RecordLine, f, AliasFields, "alias", byId, load, out var b)) continue;
            var name = OfacFields.Value(f[3]);
            if (name is null)
            {
                load.Issue(LoadIssueKind.Warning, file.Name, csv.RecordLine, "alt_name", $"alias row of entry {b!.Id} has no name; ignored");
                continue;
            }
            var strength = AliasStrength(f[2], f[4], out var known);
            if (!known)
                load.Issue(LoadIssueKind.Warning, file.Name, csv.RecordLine, "alt_type", $"unknown alias type '{Clip(f[2])}'; loaded as a strong alias");
            for (var t = b; t is not null; t = t.NextSameId) t.Aliases.Add(new EntryName(name, strength));
        }
    }

    private static void ReadAddresses(OfacFileSet set, OfacSourceFile file, Dictionary<long, OfacEntryBuilder> byId, WatchlistAccumulator load,
        CountryLookup countries, CancellationToken ct)
    {
        using var csv = Open(file);
        long rows = 0;
        while (csv.TryReadRecord(out var f))
        {
            if ((rows++ & 1023) == 0) ct.ThrowIfCancellationRequested();
            if (!Secondary(set, file, csv.RecordLine, f, AddressFields, "address", byId, load, out var b)) continue;
            var street = OfacFields.Value(f[2]);
            var city = OfacFields.Value(f[3]);
            var country = OfacFields.Value(f[4]);
            if (street is null && city is null && country is null) continue; // an all-empty placeholder row
            string? code = null;
            if (country is not null)
            {
                if (countries.TryGet(country, out var c)) code = c;
                else if (!country.Equals("undetermined", StringComparison.OrdinalIgnoreCase))
                    load.Issue(LoadIssueKind.Warning, file.Name, csv.RecordLine, "country", $"country '{Clip(country)}' has no ISO code; address kept without one");
            }
            // OFAC writes Hong Kong addresses with country "China"; ISO gives Hong Kong its own code.
            if (code == "CN" && (Mentions(city, "Hong Kong") || Mentions(street, "Hong Kong"))) code = "HK";
            var address = new EntryAddress(street, city, country, code);
            for (var t = b; t is not null; t = t.NextSameId) t.Addresses.Add(address);
        }
    }

    private static void ReadComments(OfacFileSet set, OfacSourceFile file, Dictionary<long, OfacEntryBuilder> byId, WatchlistAccumulator load, CancellationToken ct)
    {
        using var csv = Open(file);
        long rows = 0;
        while (csv.TryReadRecord(out var f))
        {
            if ((rows++ & 1023) == 0) ct.ThrowIfCancellationRequested();
            if (!Secondary(set, file, csv.RecordLine, f, CommentFields, "comment", byId, load, out var b)) continue;
            // The overflow is cut mid-word, so it is kept verbatim (not trimmed).
            var text = f[1];
            if (OfacFields.IsEmpty(text)) continue;
            for (var t = b; t is not null; t = t.NextSameId)
            {
                var before = t.Remarks ?? "";
                t.Remarks = OfacRemarksOverflow.Join(t.Remarks, text, out var join);
                var message = join.Kind switch
                {
                    OverflowJoinKind.Overlapped =>
                        $"entry {t.Id}: this overflow restates the last {join.Overlap} characters of the remarks, so the files are from different publications; joined where they overlap",
                    OverflowJoinKind.NewSegments =>
                        $"entry {t.Id} has {before.Length}-character remarks (OFAC cuts at {OfacRemarksOverflow.RemarksLimit}), so this overflow does not continue them (the files are from different publications); " +
                        $"its cut-off first piece '{Clip(join.Dropped ?? "")}' is dropped and {join.Appended} whole segment{(join.Appended == 1 ? "" : "s")} not already in the remarks appended",
                    _ => null,
                };
                if (message is not null) load.Issue(LoadIssueKind.Warning, file.Name, csv.RecordLine, "remarks", message);
            }
        }
    }

    // Validates a secondary row: field count, entry number, and that the entry exists (else an Orphan issue).
    private static bool Secondary(OfacFileSet set, OfacSourceFile file, long line, IReadOnlyList<string> f, int expected, string what,
        Dictionary<long, OfacEntryBuilder> byId, WatchlistAccumulator load, out OfacEntryBuilder? builder)
    {
        builder = null;
        if (f.Count != expected)
        {
            load.Issue(LoadIssueKind.Warning, file.Name, line, null, $"{what} row has {f.Count} fields, expected {expected}; ignored");
            return false;
        }
        if (!TryEntNum(f[0], out var entNum, out var idText))
        {
            load.Issue(LoadIssueKind.Warning, file.Name, line, "ent_num", $"'{Clip(f[0])}' is not an entry number; {what} row ignored");
            return false;
        }
        if (!byId.TryGetValue(entNum, out builder))
        {
            load.Issue(LoadIssueKind.Orphan, file.Name, line, "ent_num", $"{what} row for entry {idText}, which is not in {set.Primary}");
            return false;
        }
        return true;
    }

    private static bool TryEntNum(string field, out long value, out string text)
    {
        text = field.Trim();
        value = 0;
        if (text.Length is 0 or > 18) return false;
        foreach (var c in text) if (c is < '0' or > '9') return false;
        value = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    internal static EntityType ParseType(string field, out bool known)
    {
        known = true;
        if (OfacFields.IsEmpty(field)) return EntityType.Organization; // OFAC leaves entities untyped
        switch (field.Trim().ToLowerInvariant())
        {
            case "individual": return EntityType.Person;
            case "vessel": return EntityType.Vessel;
            case "aircraft": return EntityType.Aircraft;
            case "entity": return EntityType.Organization;
            default: known = false; return EntityType.Unknown;
        }
    }

    /// <summary>
    /// aka and nka are strong aliases, fka a former name. The legacy alias file has no weak marker (weak AKAs sit in the
    /// primary file's remarks), but a type or remark that says "weak" is honoured.
    /// </summary>
    internal static NameStrength AliasStrength(string type, string remarks, out bool known)
    {
        known = true;
        var t = LettersOnly(type);
        if (t.Contains("weak", StringComparison.Ordinal) || (!OfacFields.IsEmpty(remarks) && remarks.Contains("weak", StringComparison.OrdinalIgnoreCase)))
            return NameStrength.Weak;
        switch (t)
        {
            case "aka" or "nka": return NameStrength.Strong;
            case "fka": return NameStrength.Former;
            default: known = false; return NameStrength.Strong;
        }
    }

    private static string LettersOnly(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (char.IsLetter(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static bool Mentions(string? text, string what) => text is not null && text.Contains(what, StringComparison.OrdinalIgnoreCase);

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
