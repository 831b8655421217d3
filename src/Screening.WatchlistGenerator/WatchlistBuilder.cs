using System.Globalization;
using Screening.Watchlists;

namespace Screening.WatchlistGenerator;

/// <summary>What a generation produced, with the accounting the summary reports.</summary>
/// <param name="Watchlist">The built-in watchlist.</param>
/// <param name="RecordsRead">Records read per list.</param>
/// <param name="OrganizationRecords">Organization records per list (the input of the merge).</param>
/// <param name="SelectedRecords">Records selected by a rule, per list.</param>
/// <param name="SelectionReasons">Selected records per rule (e.g. <c>program:RUSSIA-EO14024</c>).</param>
internal sealed record GenerationResult(
    Watchlist Watchlist,
    IReadOnlyDictionary<SourceList, int> RecordsRead,
    IReadOnlyDictionary<SourceList, int> OrganizationRecords,
    IReadOnlyDictionary<SourceList, int> SelectedRecords,
    IReadOnlyDictionary<string, int> SelectionReasons);

/// <summary>Builds the built-in watchlist from source records: select, merge, tag, sort.</summary>
internal static class WatchlistBuilder
{
    /// <summary>The list id.</summary>
    public const string ListId = BuiltInWatchlist.Id;

    /// <summary>The display name.</summary>
    public const string DisplayName = "Russia defense procurement: firms and third-country suppliers (OFAC, BIS)";

    /// <summary>Builds the list.</summary>
    /// <param name="records">Every record of the source lists (any type; people, vessels and aircraft are dropped here).</param>
    /// <param name="sourceDates">The publication dates the providers reported; the newest is the list's version.</param>
    public static GenerationResult Build(IReadOnlyList<SourceRecord> records, IEnumerable<DateTimeOffset?> sourceDates)
    {
        var read = new SortedDictionary<SourceList, int>();
        var orgCount = new SortedDictionary<SourceList, int>();
        var selCount = new SortedDictionary<SourceList, int>();
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var organizations = new List<SourceRecord>();
        var selected = new HashSet<SourceRecord>(ReferenceEqualityComparer.Instance);
        foreach (var r in records)
        {
            Increment(read, r.List);
            if (!SelectionRules.IsOrganization(r.Entry)) continue;
            Increment(orgCount, r.List);
            organizations.Add(r);
            if (SelectionRules.Select(r) is { } reason)
            {
                selected.Add(r);
                Increment(selCount, r.List);
                Increment(reasons, reason);
            }
        }

        var entries = new List<WatchlistEntry>();
        foreach (var group in RecordMerger.Group(organizations))
        {
            var keep = false;
            foreach (var r in group) keep |= selected.Contains(r);
            if (keep) entries.Add(MergeEntry(group));
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));

        var date = NewestDate(sourceDates, records);
        var label = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
        var list = new Watchlist(ListId, DisplayName, new WatchlistVersion(label, date), entries);
        return new GenerationResult(list, read, orgCount, selCount, reasons);
    }

    /// <summary>
    /// One output entry from the records of one firm (sorted by list precedence, then source id). The id is the first
    /// record's, prefixed by its list (<c>SDN-46431</c>); the primary name is the first record's primary name; every other
    /// name of every record follows once (same normalized name = same name; the strongest kind wins: primary, strong alias,
    /// former name, weak alias), sorted by kind then text. Countries, identifiers, programs and tags are sorted unions;
    /// addresses and remarks keep record order; <see cref="WatchlistEntry.Sources"/> has one item per record.
    /// </summary>
    public static WatchlistEntry MergeEntry(IReadOnlyList<SourceRecord> group)
    {
        if (group.Count == 0) throw new ArgumentException("Empty group.", nameof(group));
        var first = group[0];

        // Names.
        var byKey = new Dictionary<string, (string Value, NameStrength Strength, int Order)>(StringComparer.Ordinal);
        var order = 0;
        string? primaryKey = null;
        foreach (var r in group)
        {
            var isFirst = ReferenceEquals(r, first);
            foreach (var n in r.Entry.Names)
            {
                if (string.IsNullOrWhiteSpace(n.Value)) continue;
                var value = n.Value.Trim();
                var key = RecordMerger.NormalizedName(value);
                if (key.Length == 0) key = value;
                var strength = n.Strength == NameStrength.Primary && !isFirst ? NameStrength.Strong : n.Strength;
                if (isFirst && n.Strength == NameStrength.Primary && primaryKey is null) primaryKey = key;
                if (byKey.TryGetValue(key, out var existing))
                {
                    if (Rank(strength) < Rank(existing.Strength)) byKey[key] = (existing.Value, strength, existing.Order);
                }
                else byKey[key] = (value, strength, order++);
            }
        }
        var names = new List<EntryName>();
        if (primaryKey is not null && byKey.Remove(primaryKey, out var primary)) names.Add(new EntryName(primary.Value, NameStrength.Primary));
        var rest = byKey.Values.ToList();
        rest.Sort((a, b) =>
        {
            var c = Rank(a.Strength).CompareTo(Rank(b.Strength));
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });
        foreach (var n in rest)
            names.Add(new EntryName(n.Value, names.Count == 0 ? NameStrength.Primary : n.Strength == NameStrength.Primary ? NameStrength.Strong : n.Strength));

        // Unions.
        var countries = new SortedSet<string>(StringComparer.Ordinal);
        var programs = new SortedSet<string>(StringComparer.Ordinal);
        var identifiers = new SortedSet<(string Type, string Value, string Country)>(Comparer<(string Type, string Value, string Country)>.Create(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Type, b.Type);
            if (c == 0) c = string.CompareOrdinal(a.Value, b.Value);
            return c != 0 ? c : string.CompareOrdinal(a.Country, b.Country);
        }));
        var addresses = new List<EntryAddress>();
        var addressSeen = new HashSet<EntryAddress>();
        var remarks = new List<string>();
        var sources = new List<EntrySource>();
        var lists = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var r in group)
        {
            var e = r.Entry;
            foreach (var c in SelectionRules.Countries(e)) countries.Add(c);
            foreach (var p in e.Programs) if (!string.IsNullOrWhiteSpace(p)) programs.Add(p.Trim());
            foreach (var id in e.Identifiers)
                if (!string.IsNullOrWhiteSpace(id.Value)) identifiers.Add((id.Type.Trim(), id.Value.Trim(), id.Country?.Trim() ?? ""));
            foreach (var a in e.Addresses)
            {
                var clean = new EntryAddress(Clean(a.Street), Clean(a.City), Clean(a.Country), Clean(a.CountryCode)?.ToUpperInvariant());
                if (clean.Street is null && clean.City is null && clean.Country is null && clean.CountryCode is null) continue;
                if (addressSeen.Add(clean)) addresses.Add(clean);
            }
            if (Clean(e.Remarks) is { } rem && !remarks.Contains(rem, StringComparer.Ordinal)) remarks.Add(rem);
            sources.Add(r.ToSource());
            lists.Add(r.List.DisplayName());
        }

        var merged = new WatchlistEntry
        {
            Id = first.List.IdPrefix() + first.Entry.Id,
            Type = EntityType.Organization,
            Names = names,
            Countries = [.. countries],
            Identifiers = [.. identifiers.Select(i => new EntryIdentifier(i.Type, i.Value, i.Country.Length == 0 ? null : i.Country))],
            Programs = [.. programs],
            Addresses = addresses,
            Remarks = remarks.Count == 0 ? null : string.Join(" | ", remarks),
            Sources = sources,
        };

        var tags = new SortedSet<string>(StringComparer.Ordinal) { SelectionRules.Role(merged) };
        foreach (var s in SelectionRules.Sectors(merged)) tags.Add("sector:" + s);
        foreach (var c in countries) tags.Add("country:" + c);
        foreach (var l in lists) tags.Add("list:" + l);
        return new WatchlistEntry
        {
            Id = merged.Id, Type = merged.Type, Names = merged.Names, Countries = merged.Countries, Identifiers = merged.Identifiers,
            Programs = merged.Programs, Addresses = merged.Addresses, Remarks = merged.Remarks, Sources = merged.Sources, Tags = [.. tags],
        };
    }

    // Primary, then strong aliases, former names, weak aliases.
    private static int Rank(NameStrength s) => s switch
    {
        NameStrength.Primary => 0,
        NameStrength.Strong => 1,
        NameStrength.Former => 2,
        _ => 3,
    };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// The list's date: the newest publication date a provider reported; when none reported one, the newest designation or
    /// listing date among the records' sources.
    /// </summary>
    public static DateTimeOffset? NewestDate(IEnumerable<DateTimeOffset?> sourceDates, IReadOnlyList<SourceRecord> records)
    {
        DateTimeOffset? best = null;
        foreach (var d in sourceDates)
            if (d is { } v && (best is null || v > best)) best = v;
        if (best is not null) return new DateTimeOffset(best.Value.UtcDateTime.Date, TimeSpan.Zero);
        foreach (var r in records)
        {
            if (r.Date is { } s && DateTime.TryParseExact(s.Length >= 10 ? s[..10] : s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt))
            {
                var v = new DateTimeOffset(dt.Date, TimeSpan.Zero);
                if (best is null || v > best) best = v;
            }
        }
        return best;
    }

    private static void Increment<TKey>(IDictionary<TKey, int> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
}
