using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Screening.Watchlists;

/// <summary>
/// A stable SHA-256 of what in an entry matters for screening, so that a reviewed decision about an entry (an
/// allow-list entry) holds only while the entry is unchanged, and a list delta can tell changed entries from unchanged
/// ones.
/// </summary>
/// <remarks>
/// <para>Hashed, in a canonical JSON document (<c>screening-entry-content/1</c>; strings trimmed and Unicode
/// NFC-normalized, case kept):</para>
/// <list type="bullet">
/// <item>the entity type;</item>
/// <item>the names with their strength: the primary name first, then the others sorted (the order a source lists
/// aliases in is not meaningful);</item>
/// <item>countries, programs (sorted sets), identifiers (type, value, country), addresses (street, city, country,
/// code), links (relationship, name, linked id) and sources (list, source id, programs, citation, date), each sorted.</item>
/// </list>
/// <para>Not hashed: the entry id (it is part of any decision's key already), <see cref="WatchlistEntry.SourceReference"/>
/// (a file row or URL that moves with every publication), <see cref="WatchlistEntry.Remarks"/> (their screening facts,
/// weak aliases, identifiers, nationalities and links, are parsed into the fields above; the rest is prose such as
/// directive notices whose rewording would re-alert every reviewed pair) and <see cref="WatchlistEntry.Tags"/> (labels
/// derived by a loader or the generator, not facts of the source). A change to a hashed field, even to one alias or
/// one address, changes the hash: it is meant to re-alert.</para>
/// </remarks>
public static class EntryContentHash
{
    /// <summary>The version of the canonical form, written first in the hashed document.</summary>
    public const string Format = "screening-entry-content/1";

    /// <summary>The content hash of <paramref name="entry"/>: 64 lower-case hex digits.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    public static string Compute(WatchlistEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Convert.ToHexStringLower(SHA256.HashData(Canonical(entry)));
    }

    /// <summary>The canonical UTF-8 JSON document that is hashed (for audit and tests).</summary>
    internal static byte[] Canonical(WatchlistEntry entry)
    {
        using var ms = new MemoryStream(512);
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("type", entry.Type.ToString());
            w.WriteStartArray("names");
            var names = entry.Names.Select(n => new[] { n.Strength.ToString(), Text(n.Value) }).ToList();
            if (names.Count > 0) Tuple(w, names[0]);
            foreach (var n in Sorted(names.Skip(1))) Tuple(w, n);
            w.WriteEndArray();
            Set(w, "countries", entry.Countries.Select(c => new[] { Text(c) }));
            Set(w, "programs", entry.Programs.Select(p => new[] { Text(p) }));
            Set(w, "identifiers", entry.Identifiers.Select(i => new[] { Text(i.Type), Text(i.Value), Text(i.Country) }));
            Set(w, "addresses", entry.Addresses.Select(a => new[] { Text(a.Street), Text(a.City), Text(a.Country), Text(a.CountryCode) }));
            Set(w, "links", entry.Links.Select(l => new[] { Text(l.Relationship), Text(l.Name), Text(l.EntryId) }));
            Set(w, "sources", entry.Sources.Select(s =>
                new[] { Text(s.List), Text(s.EntryId), string.Join('\n', s.Programs.Select(Text).Distinct().Order(StringComparer.Ordinal)), Text(s.Citation), Text(s.Date) }));
            w.WriteEndObject();
        }
        return ms.ToArray();
    }

    // A sorted set of tuples: duplicates (the same alias twice) count once.
    private static void Set(Utf8JsonWriter w, string name, IEnumerable<string[]> items)
    {
        w.WriteStartArray(name);
        foreach (var t in Sorted(items)) Tuple(w, t);
        w.WriteEndArray();
    }

    private static IEnumerable<string[]> Sorted(IEnumerable<string[]> items) =>
        items.DistinctBy(t => string.Join('\u0001', t), StringComparer.Ordinal).Order(Comparer<string[]>.Create(Compare));

    private static int Compare(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }

    private static void Tuple(Utf8JsonWriter w, string[] t)
    {
        w.WriteStartArray();
        foreach (var s in t) w.WriteStringValue(s);
        w.WriteEndArray();
    }

    // Null and blank are the same; surrounding blanks and Unicode composition are not content.
    private static string Text(string? s) => string.IsNullOrWhiteSpace(s) ? "" : s.Trim().Normalize(NormalizationForm.FormC);
}
