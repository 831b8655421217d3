using System.Text;
using Screening.Normalization;
using Screening.Watchlists;
using Screening.Identifiers;

namespace Screening.WatchlistGenerator;

/// <summary>
/// Groups the records that describe the same firm. Two records are the same firm ONLY when
/// <list type="bullet">
/// <item>they share an identifier of a registry kind (<see cref="IdentifierKind"/>): the same kind, the same issuing
/// country as the sources give it, and the same value (letters and digits, case-folded; at least 5 characters with a
/// digit); or</item>
/// <item>they share an exact normalized name (case, punctuation, diacritics and whitespace folded by the library's
/// normalizer, at least 4 letters or digits; primary names, strong aliases and former names, not OFAC's weak aliases)
/// AND a country.</item>
/// </list>
/// Sameness is transitive (union-find), except that two different records of the same OFAC list are never joined
/// (OFAC lists each party once; shared identifiers between two SDN records are data errors). The result does not depend
/// on the input order: records are sorted by list precedence and source id, and their keys in ordinal order, first.
/// </summary>
internal static class RecordMerger
{
    /// <summary>Groups records; each group is sorted by list precedence then source id, and groups by their first record.</summary>
    public static IReadOnlyList<IReadOnlyList<SourceRecord>> Group(IEnumerable<SourceRecord> records)
    {
        var sorted = records.ToList();
        sorted.Sort(SourceRecord.Compare);
        var sets = new DisjointSets(sorted);

        var holders = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < sorted.Count; i++)
        {
            foreach (var key in Keys(sorted[i].Entry))
            {
                if (!holders.TryGetValue(key, out var list)) holders[key] = list = [];
                foreach (var j in list) sets.TryUnion(j, i);
                list.Add(i);
            }
        }

        var groups = new SortedDictionary<int, List<SourceRecord>>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var root = sets.Find(i);
            if (!groups.TryGetValue(root, out var g)) groups[root] = g = [];
            g.Add(sorted[i]);
        }
        // A root is the smallest index of its group, so groups come in record order.
        return [.. groups.Values];
    }

    /// <summary>The merge keys of one record: <c>ID|kind|country|value</c> and <c>NAME|country|name</c>.</summary>
    public static IEnumerable<string> Keys(WatchlistEntry entry)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in entry.Identifiers)
        {
            var kind = IdentifierKind(id.Type);
            var value = IdentifierValue(id.Value);
            if (kind is null || value is null) continue;
            keys.Add($"ID|{kind}|{id.Country?.Trim().ToUpperInvariant()}|{value}");
        }
        var countries = SelectionRules.Countries(entry);
        if (countries.Count > 0)
        {
            foreach (var n in entry.Names)
            {
                if (n.Strength == NameStrength.Weak) continue;
                var name = NormalizedName(n.Value);
                if (CountLettersAndDigits(name) < 4) continue;
                foreach (var c in countries) keys.Add($"NAME|{c}|{name}");
            }
        }
        return keys;
    }

    /// <summary>
    /// The registry kind of an identifier type, or null when the type is not used for merging (web sites, e-mail, IMO
    /// numbers of ships, licences, dates). OFAC writes the Russian OGRN as "Registration Number", "Registration ID" or
    /// "Business Registration Number", so these are one kind; likewise "Tax ID No." and "INN".
    /// </summary>
    public static string? IdentifierKind(string? type)
    {
        if (string.IsNullOrWhiteSpace(type)) return null;
        var t = type.ToUpperInvariant();
        if (t.Contains("TAX ID", StringComparison.Ordinal) || t.Trim() == "INN") return "TAX";
        if (t.Contains("GAZETTE", StringComparison.Ordinal) || t.Trim() == "OKPO") return "OKPO";
        if (t.Contains("LEGAL ENTITY NUMBER", StringComparison.Ordinal) || t.Trim() == "LEI") return "LEI";
        if (t.Contains("SWIFT", StringComparison.Ordinal)) return "SWIFT";
        if (t.Contains("UNIFIED SOCIAL CREDIT", StringComparison.Ordinal) || t.Contains("USCC", StringComparison.Ordinal)
            || t.Contains("REGISTRATION", StringComparison.Ordinal) || t.Trim() == "OGRN"
            || t.Contains("REGISTRY NUMBER", StringComparison.Ordinal) || t.Contains("REGISTER NUMBER", StringComparison.Ordinal))
            return "REG";
        return null;
    }

    /// <summary>The value used for merging: letters and digits, upper case; null when too short or without a digit.</summary>
    public static string? IdentifierValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var sb = new StringBuilder(value.Length);
        var digit = false;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToUpperInvariant(c));
            digit |= char.IsAsciiDigit(c);
        }
        return sb.Length >= 5 && digit ? sb.ToString() : null;
    }

    /// <summary>The exact normalized form of a name used for merging and for de-duplicating names.</summary>
    public static string NormalizedName(string name) => NameNormalizer.Normalize(name).ToString();

    private static int CountLettersAndDigits(string s)
    {
        var n = 0;
        foreach (var c in s) if (char.IsLetterOrDigit(c)) n++;
        return n;
    }

    /// <summary>
    /// Union-find that never puts two different records of the same OFAC list into one group: OFAC lists each party
    /// once, so two SDN records that share an identifier are two parties with an OFAC data error (SDN 35864 CONCERN
    /// GRANIT-ELECTRON and 35865 PETROVSKII ELEKTROMEKHANICHESKII ZAVOD MOLOT share Registration Number
    /// 5067847016782). BIS lists may list one firm several times (once per address), so their records may join.
    /// </summary>
    private sealed class DisjointSets
    {
        private readonly int[] _parent;
        private readonly Dictionary<int, Dictionary<SourceList, string>> _ofacIds = [];

        public DisjointSets(IReadOnlyList<SourceRecord> records)
        {
            _parent = new int[records.Count];
            for (var i = 0; i < _parent.Length; i++)
            {
                _parent[i] = i;
                if (records[i].List is SourceList.OfacSdn or SourceList.OfacNonSdn)
                    _ofacIds[i] = new Dictionary<SourceList, string> { [records[i].List] = records[i].Entry.Id };
            }
        }

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }
            return i;
        }

        /// <summary>Joins the groups of a and b unless that would join two records of one OFAC list; true when joined or already one.</summary>
        public bool TryUnion(int a, int b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra == rb) return true;
            _ofacIds.TryGetValue(ra, out var ia);
            _ofacIds.TryGetValue(rb, out var ib);
            if (ia is not null && ib is not null)
            {
                foreach (var (list, id) in ib)
                    if (ia.TryGetValue(list, out var other) && !string.Equals(other, id, StringComparison.Ordinal)) return false;
            }
            var (root, child) = ra < rb ? (ra, rb) : (rb, ra);
            _parent[child] = root;
            var merged = new Dictionary<SourceList, string>();
            if (ia is not null) foreach (var kv in ia) merged[kv.Key] = kv.Value;
            if (ib is not null) foreach (var kv in ib) merged[kv.Key] = kv.Value;
            _ofacIds.Remove(child);
            if (merged.Count > 0) _ofacIds[root] = merged;
            return true;
        }
    }
}
