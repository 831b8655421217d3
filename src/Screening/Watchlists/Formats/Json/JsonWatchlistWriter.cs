using System.Text.Encodings.Web;
using System.Text.Json;

namespace Screening.Watchlists;

/// <summary>Writes lists in the project's JSON watchlist format. The output is deterministic: same list, same bytes.</summary>
public static class JsonWatchlistWriter
{
    /// <summary>Writes one list.</summary>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="watchlist">The list.</param>
    /// <param name="indented">Indent the output. Default <see langword="true"/>.</param>
    public static void Write(Stream stream, Watchlist watchlist, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(watchlist);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("format", JsonWatchlistProvider.FormatTag);
        w.WriteString("id", watchlist.Id);
        w.WriteString("name", watchlist.DisplayName);
        w.WriteString("version", watchlist.Version.Label);
        if (watchlist.Version.PublishedAt is { } p) w.WriteString("publishedAt", p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartArray("entries");
        foreach (var e in watchlist.Entries) WriteEntry(w, e);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes several lists merged into one document with the given id and name.</summary>
    public static void Write(Stream stream, IReadOnlyList<Watchlist> lists, string id, string name, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(lists);
        if (lists.Count == 1 && lists[0].Id == id) { Write(stream, lists[0], indented); return; }
        var entries = new List<WatchlistEntry>();
        var labels = new List<string>();
        foreach (var l in lists)
        {
            labels.Add($"{l.Id}@{l.Version.Label}");
            foreach (var e in l.Entries) entries.Add(PrefixTags(e, l.Id));
        }
        Write(stream, new Watchlist(id, name, new WatchlistVersion(string.Join(";", labels)), entries), indented);
    }

    private static WatchlistEntry PrefixTags(WatchlistEntry e, string listId)
    {
        var tags = new List<string>(e.Tags) { "list-id:" + listId };
        return new WatchlistEntry
        {
            Id = listId + ":" + e.Id, Type = e.Type, Names = e.Names, Countries = e.Countries, Identifiers = e.Identifiers, Programs = e.Programs,
            Addresses = e.Addresses, Remarks = e.Remarks, SourceReference = e.SourceReference, Tags = tags, Sources = e.Sources,
            // A linked id names an entry of the same source list, which is prefixed the same way here.
            Links = [.. e.Links.Select(l => l.EntryId is null ? l : l with { EntryId = listId + ":" + l.EntryId })],
        };
    }

    private static void WriteEntry(Utf8JsonWriter w, WatchlistEntry e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("type", e.Type.ToString().ToLowerInvariant());
        w.WriteStartArray("names");
        foreach (var n in e.Names)
        {
            w.WriteStartObject();
            w.WriteString("value", n.Value);
            w.WriteString("strength", n.Strength.ToString().ToLowerInvariant());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Strings(w, "countries", e.Countries);
        if (e.Identifiers.Count > 0)
        {
            w.WriteStartArray("identifiers");
            foreach (var i in e.Identifiers)
            {
                w.WriteStartObject();
                w.WriteString("type", i.Type);
                w.WriteString("value", i.Value);
                if (i.Country is not null) w.WriteString("country", i.Country);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        Strings(w, "programs", e.Programs);
        if (e.Addresses.Count > 0)
        {
            w.WriteStartArray("addresses");
            foreach (var a in e.Addresses)
            {
                w.WriteStartObject();
                if (a.Street is not null) w.WriteString("street", a.Street);
                if (a.City is not null) w.WriteString("city", a.City);
                if (a.Country is not null) w.WriteString("country", a.Country);
                if (a.CountryCode is not null) w.WriteString("countryCode", a.CountryCode);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (e.Remarks is not null) w.WriteString("remarks", e.Remarks);
        if (e.SourceReference is not null) w.WriteString("source", e.SourceReference);
        Strings(w, "tags", e.Tags);
        if (e.Sources.Count > 0)
        {
            w.WriteStartArray("sources");
            foreach (var s in e.Sources)
            {
                w.WriteStartObject();
                w.WriteString("list", s.List);
                w.WriteString("entryId", s.EntryId);
                Strings(w, "programs", s.Programs);
                if (s.Citation is not null) w.WriteString("citation", s.Citation);
                if (s.Date is not null) w.WriteString("date", s.Date);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (e.Links.Count > 0)
        {
            w.WriteStartArray("links");
            foreach (var l in e.Links)
            {
                w.WriteStartObject();
                w.WriteString("relationship", l.Relationship);
                w.WriteString("name", l.Name);
                if (l.EntryId is not null) w.WriteString("entryId", l.EntryId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
