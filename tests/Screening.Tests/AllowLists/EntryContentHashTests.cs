using System.Text;
using Screening.Watchlists;

namespace Screening.Tests.Allow;

public class EntryContentHashTests
{
    internal static WatchlistEntry Kupol(Action<List<EntryName>>? names = null) => new()
    {
        Id = "46431",
        Type = EntityType.Organization,
        Names = Names(names),
        Countries = ["RU"],
        Identifiers = [new EntryIdentifier("Tax ID No.", "1831083343", "RU"), new EntryIdentifier("Business Registration Number", "1021801143374", "RU")],
        Programs = ["RUSSIA-EO14024"],
        Addresses = [new EntryAddress("ul. Pesochnaya 3", "Izhevsk", "Russia", "RU")],
        Remarks = "Tax ID No. 1831083343 (Russia)",
        SourceReference = "sdn.csv line 14000",
        Tags = ["role:defense-industry"],
    };

    private static List<EntryName> Names(Action<List<EntryName>>? edit)
    {
        var n = new List<EntryName>
        {
            new("JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL"), new("JSC IEMZ KUPOL", NameStrength.Strong), new("AO IEMZ KUPOL", NameStrength.Strong),
        };
        edit?.Invoke(n);
        return n;
    }

    [Fact]
    public void Compute_SameContent_SameHash()
    {
        var h = EntryContentHash.Compute(Kupol());
        Assert.Matches("^[0-9a-f]{64}$", h);
        Assert.Equal(h, EntryContentHash.Compute(Kupol()));
    }

    [Fact]
    public void Compute_LoadOrderOfAliasesIdentifiersAndCountries_DoesNotMatter()
    {
        var a = Kupol();
        var b = new WatchlistEntry
        {
            Id = "other-id", Type = a.Type, Names = [a.Names[0], a.Names[2], a.Names[1], a.Names[1]], Countries = ["RU", " RU "],
            Identifiers = [.. a.Identifiers.Reverse()], Programs = a.Programs, Addresses = a.Addresses,
            Remarks = "reworded remarks", SourceReference = "sdn.csv line 99", Tags = ["role:other"],
        };
        Assert.Equal(EntryContentHash.Compute(a), EntryContentHash.Compute(b));
    }

    [Fact]
    public void Compute_UnicodeComposition_DoesNotMatter()
    {
        var composed = Kupol(n => n.Add(new EntryName("ÉLECTRO", NameStrength.Weak)));
        var decomposed = Kupol(n => n.Add(new EntryName("E\u0301LECTRO", NameStrength.Weak)));
        Assert.Equal(EntryContentHash.Compute(composed), EntryContentHash.Compute(decomposed));
    }

    public static TheoryData<string, Func<WatchlistEntry, WatchlistEntry>> Changes => new()
    {
        { "alias added", e => Copy(e, names: [.. e.Names, new EntryName("KUPOL-2", NameStrength.Strong)]) },
        { "alias weakened", e => Copy(e, names: [e.Names[0], e.Names[1] with { Strength = NameStrength.Weak }, e.Names[2]]) },
        { "primary swapped", e => Copy(e, names: [e.Names[1] with { Strength = NameStrength.Primary }, e.Names[0] with { Strength = NameStrength.Strong }, e.Names[2]]) },
        { "type", e => Copy(e, type: EntityType.Unknown) },
        { "country", e => Copy(e, countries: ["RU", "BY"]) },
        { "identifier", e => Copy(e, identifiers: [.. e.Identifiers, new EntryIdentifier("KPP", "183101001", "RU")]) },
        { "program", e => Copy(e, programs: ["RUSSIA-EO14024", "UKRAINE-EO13662"]) },
        { "address", e => Copy(e, addresses: [new EntryAddress("ul. Pesochnaya 5", "Izhevsk", "Russia", "RU")]) },
        { "link", e => Copy(e, links: [new EntryLink("Owned or Controlled By", "STATE CORPORATION ROSTEC", "17260")]) },
        { "source", e => Copy(e, sources: [new EntrySource("OFAC SDN", "46431", ["RUSSIA-EO14024"], null, "2022-06-28")]) },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Compute_ScreeningContentChanged_HashChanges(string change, Func<WatchlistEntry, WatchlistEntry> edit)
    {
        var before = Kupol();
        Assert.True(EntryContentHash.Compute(before) != EntryContentHash.Compute(edit(before)), change);
    }

    [Fact]
    public void Canonical_IsDocumentedJson()
    {
        var json = Encoding.UTF8.GetString(EntryContentHash.Canonical(Kupol()));
        Assert.StartsWith("{\"format\":\"screening-entry-content/1\",\"type\":\"Organization\",\"names\":[[\"Primary\",\"JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL\"],[\"Strong\",\"AO IEMZ KUPOL\"]", json);
        Assert.DoesNotContain("sdn.csv", json, StringComparison.Ordinal);
        Assert.DoesNotContain("role:", json, StringComparison.Ordinal);
    }

    internal static WatchlistEntry Copy(WatchlistEntry e, IReadOnlyList<EntryName>? names = null, EntityType? type = null, IReadOnlyList<string>? countries = null,
        IReadOnlyList<EntryIdentifier>? identifiers = null, IReadOnlyList<string>? programs = null, IReadOnlyList<EntryAddress>? addresses = null,
        IReadOnlyList<EntryLink>? links = null, IReadOnlyList<EntrySource>? sources = null) => new()
    {
        Id = e.Id, Type = type ?? e.Type, Names = names ?? e.Names, Countries = countries ?? e.Countries, Identifiers = identifiers ?? e.Identifiers,
        Programs = programs ?? e.Programs, Addresses = addresses ?? e.Addresses, Remarks = e.Remarks, SourceReference = e.SourceReference, Tags = e.Tags,
        Sources = sources ?? e.Sources, Links = links ?? e.Links,
    };
}
