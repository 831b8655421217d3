using static Screening.WatchlistGenerator.Tests.GeneratorTestData;
using Screening.Watchlists;

namespace Screening.WatchlistGenerator.Tests;

public class RecordMergerTests
{
    private static IReadOnlyList<IReadOnlyList<SourceRecord>> Group(params SourceRecord[] records) => RecordMerger.Group(records);

    [Fact]
    public void Group_SharedTaxId_Merged()
    {
        // VTB is on the SDN list and, with the same ent_num and tax id, on the non-SDN list.
        var sdn = Sdn("17013", "VTB BANK PUBLIC JOINT STOCK COMPANY", countries: ["RU"], identifiers: [new("Tax ID No.", "7702070139", "RU")]);
        var ns = NonSdn("17013", "VTB BANK PJSC", countries: ["RU"], identifiers: [new("Tax ID No.", "7702070139", "RU")]);
        var groups = Group(ns, sdn);
        Assert.Single(groups);
        Assert.Same(sdn, groups[0][0]); // SDN before Non-SDN
    }

    [Fact]
    public void Group_RegistrationNumberSpellings_OneKind()
    {
        var a = Sdn("1", "OOO A", countries: ["RU"], identifiers: [new("Registration Number", "1027700004012", "RU")]);
        var b = NonSdn("2", "OOO B", countries: ["RU"], identifiers: [new("Registration ID", "1027700004012", "RU")]);
        Assert.Single(Group(a, b));
    }

    [Fact]
    public void Group_SameNormalizedNameAndCountry_Merged()
    {
        // SDN 36431 PJSC UNITED AIRCRAFT CORPORATION and the Entity List's "United Aircraft Corporation" spelling, Russia.
        var sdn = Sdn("36431", "PUBLIC JOINT STOCK COMPANY UNITED AIRCRAFT CORPORATION", countries: ["RU"],
            aliases: [new("UNITED AIRCRAFT CORPORATION", NameStrength.Strong)]);
        var el = EntityList("d48e6cde26", "United Aircraft Corporation", ["RU"], "87 FR 12240", "2022-03-03");
        var groups = Group(el, sdn);
        Assert.Single(groups);
        Assert.Equal(SourceList.OfacSdn, groups[0][0].List);
    }

    [Fact]
    public void Group_PunctuationAndCase_Folded()
    {
        var a = Sdn("1", "ROSTEKH - AZIMUTH", countries: ["RU"]);
        var b = EntityList("x", "Rostekh – Azimuth", ["RU"]);
        Assert.Single(Group(a, b));
    }

    [Fact]
    public void Group_SameNameOtherCountry_NotMerged()
    {
        var ru = Sdn("1", "LIMITED LIABILITY COMPANY ALFA", countries: ["RU"]);
        var cy = EntityList("x", "Limited Liability Company Alfa", ["CY"]);
        Assert.Equal(2, Group(ru, cy).Count);
    }

    [Fact]
    public void Group_NameWithoutCountry_NotMerged()
    {
        var a = Sdn("1", "OOO ALFA");
        var b = EntityList("x", "OOO Alfa");
        Assert.Equal(2, Group(a, b).Count);
    }

    [Fact]
    public void Group_SameValueOtherType_NotMerged()
    {
        var a = Sdn("1", "OOO A", countries: ["RU"], identifiers: [new("Tax ID No.", "1027700004012", "RU")]);
        var b = NonSdn("2", "OOO B", countries: ["RU"], identifiers: [new("Registration Number", "1027700004012", "RU")]);
        Assert.Equal(2, Group(a, b).Count);
    }

    [Fact]
    public void Group_SameValueOtherIssuer_NotMerged()
    {
        var a = Sdn("1", "A LTD", countries: ["CY"], identifiers: [new("Registration Number", "HE319556", "CY")]);
        var b = NonSdn("2", "B LTD", countries: ["MT"], identifiers: [new("Registration Number", "HE319556", "MT")]);
        Assert.Equal(2, Group(a, b).Count);
    }

    [Fact]
    public void Group_WebsiteOrShortValue_NotMergeKeys()
    {
        var a = Sdn("1", "A", countries: ["RU"], identifiers: [new("Website", "www.kupol.ru"), new("Registration Number", "2175", "IQ")]);
        var b = NonSdn("2", "B", countries: ["RU"], identifiers: [new("Website", "www.kupol.ru"), new("Registration Number", "2175", "IQ")]);
        Assert.Equal(2, Group(a, b).Count);
    }

    [Fact]
    public void Group_WeakAlias_NotMergeKey()
    {
        var a = Sdn("1", "OOO ALFA", countries: ["RU"], aliases: [new("VOLNA", NameStrength.Weak)]);
        var b = EntityList("x", "Volna", ["RU"]);
        Assert.Equal(2, Group(a, b).Count);
    }

    [Fact]
    public void Group_TwoSdnRecordsSharingAnIdentifier_NotMerged()
    {
        // Real OFAC data error: SDN 35864 and 35865 carry the same Registration Number.
        var granit = Sdn("35864", "JOINT STOCK COMPANY CONCERN GRANIT-ELECTRON", countries: ["RU"],
            identifiers: [new("Tax ID No.", "7842335610", "RU"), new("Registration Number", "5067847016782", "RU")]);
        var molot = Sdn("35865", "AKTSIONERNOE OBSHCHESTVO PETROVSKII ELEKTROMEKHANICHESKII ZAVOD MOLOT", countries: ["RU"],
            identifiers: [new("Tax ID No.", "6444009038", "RU"), new("Registration Number", "5067847016782", "RU")]);
        Assert.Equal(2, Group(granit, molot).Count);
    }

    [Fact]
    public void Group_BridgeBetweenTwoSdnRecords_JoinsOnlyTheFirst()
    {
        var a = Sdn("1", "OOO ALFA", countries: ["RU"]);
        var b = Sdn("2", "OOO BETA", countries: ["RU"]);
        var bridge = EntityList("x", "OOO Alfa", ["RU"], aliases: [new("OOO Beta", NameStrength.Strong)]);
        var groups = Group(bridge, b, a);
        Assert.Equal(2, groups.Count);
        Assert.Equal(["1", "x"], groups[0].Select(r => r.Entry.Id));
        Assert.Equal(["2"], groups[1].Select(r => r.Entry.Id));
    }

    [Fact]
    public void Group_EntityListDuplicates_Merged()
    {
        // The Entity List lists a firm once per address.
        var a = EntityList("a1", "FAU Glavgosekspertiza Rossii", ["RU"]);
        var b = EntityList("a2", "FAU Glavgosekspertiza Rossii", ["RU", "UA"]);
        Assert.Single(Group(a, b));
    }

    [Fact]
    public void Group_InputOrder_DoesNotMatter()
    {
        var records = new[]
        {
            Sdn("3", "OOO GAMMA", countries: ["RU"]), EntityList("z", "OOO Gamma", ["RU"]), Sdn("1", "OOO ALFA", countries: ["RU"]),
            NonSdn("1", "OOO ALFA", countries: ["RU"]), EntityList("y", "Other", ["BY"]),
        };
        string Shape(IEnumerable<SourceRecord> rs) => string.Join(" / ", RecordMerger.Group(rs).Select(g => string.Join(",", g.Select(r => r.List + ":" + r.Entry.Id))));
        var expected = Shape(records);
        Assert.Equal(expected, Shape(records.Reverse()));
        Assert.Equal("OfacSdn:1,OfacNonSdn:1 / OfacSdn:3,BisEntityList:z / BisEntityList:y", expected);
    }

    // ---- The merged entry ----

    [Fact]
    public void MergeEntry_IdNamesSourcesProgramsUnion()
    {
        var sdn = Sdn("36431", "PUBLIC JOINT STOCK COMPANY UNITED AIRCRAFT CORPORATION", countries: ["RU"],
            aliases: [new("PJSC UAC", NameStrength.Strong), new("UNITED AIRCRAFT CORPORATION", NameStrength.Strong), new("MIG", NameStrength.Weak)]);
        var el = EntityList("d48e6cde26", "United Aircraft Corporation", ["RU"], "87 FR 12240", "2022-03-03",
            aliases: [new("OAK", NameStrength.Strong), new("PJSC UAC", NameStrength.Strong)]);
        var e = WatchlistBuilder.MergeEntry(RecordMerger.Group([el, sdn])[0]);

        Assert.Equal("SDN-36431", e.Id);
        Assert.Equal(EntityType.Organization, e.Type);
        Assert.Equal("PUBLIC JOINT STOCK COMPANY UNITED AIRCRAFT CORPORATION", e.PrimaryName);
        Assert.Equal(NameStrength.Primary, e.Names[0].Strength);
        // Names are unique by normalized form; the spelling seen first wins, the strongest kind wins.
        Assert.Equal(["OAK", "PJSC UAC", "UNITED AIRCRAFT CORPORATION", "MIG"], e.Names.Skip(1).Select(n => n.Value));
        Assert.Equal(NameStrength.Weak, e.Names[^1].Strength);
        Assert.Equal(2, e.Sources.Count);
        Assert.Equal(("OFAC SDN", "36431"), (e.Sources[0].List, e.Sources[0].EntryId));
        Assert.Equal(["RUSSIA-EO14024"], e.Sources[0].Programs);
        Assert.Null(e.Sources[0].Citation);
        Assert.Equal("BIS Entity List", e.Sources[1].List);
        Assert.Equal("87 FR 12240", e.Sources[1].Citation);
        Assert.Equal("2022-03-03", e.Sources[1].Date);
        Assert.Equal(["RUSSIA-EO14024"], e.Programs);
        Assert.Equal(["country:RU", "list:BIS Entity List", "list:OFAC SDN", "role:defense-industry", "sector:aviation"], e.Tags);
    }

    [Fact]
    public void MergeEntry_EntityListOnly_CslId()
    {
        var el = EntityList("72a650542e", "Admiralty Shipyard JSC", ["RU"], "87 FR 12240", "2022-03-03");
        var e = WatchlistBuilder.MergeEntry([el]);
        Assert.Equal("CSL-72a650542e", e.Id);
        Assert.Single(e.Sources);
        Assert.Contains("sector:shipbuilding", e.Tags);
        Assert.Single(e.Tags, t => t.StartsWith("role:", StringComparison.Ordinal));
    }

    [Fact]
    public void MergeEntry_PrimaryOfLaterRecord_BecomesStrongAlias()
    {
        var sdn = Sdn("1", "JOINT STOCK COMPANY 140 REPAIR PLANT", countries: ["BY"], programs: ["BELARUS-EO14038"],
            identifiers: [new("Registration Number", "600132890", "BY")]);
        var el = EntityList("x", "140 Repair Plant JSC", ["BY"], aliases: [new("JOINT STOCK COMPANY 140 REPAIR PLANT", NameStrength.Strong)]);
        var e = WatchlistBuilder.MergeEntry(RecordMerger.Group([sdn, el])[0]);
        Assert.Equal("JOINT STOCK COMPANY 140 REPAIR PLANT", e.PrimaryName);
        Assert.Equal(new EntryName("140 Repair Plant JSC", NameStrength.Strong), e.Names[1]);
        Assert.Equal(2, e.Names.Count);
    }
}
