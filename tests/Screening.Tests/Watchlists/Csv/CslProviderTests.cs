using System.Diagnostics;
using System.Text;
using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Csv;

public sealed class CslProviderContractTests : WatchlistProviderContract
{
    internal static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "csl", "consolidated-excerpt.csv");
    protected override IWatchlistProvider CreateProvider() => new CslProvider(Fixture);
    protected override IWatchlistProvider CreateMissingSourceProvider() => new CslProvider(Fixture + ".missing");
    protected override int ExpectedEntryCount => 44;
    protected override (string Id, string Name) KnownEntry => ("26512", "JSC CONCERN OKEANPRIBOR");
}

public class CslProviderTests
{
    private const string Header =
        "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order," +
        "license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner," +
        "remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";

    private const string ElSource = "Entity List (EL) - Bureau of Industry and Security";

    private static Task<Watchlist> LoadFixture() => new CslProvider(CslProviderContractTests.Fixture).LoadAsync();

    // The real CSL, loaded once for the full-data tests (only called when the file is present).
    private static readonly Lazy<Task<Watchlist>> RealCsl = new(() => new CslProvider(SharedData.Find("us_csl/2022-05/consolidated.csv")!).LoadAsync());

    private static Task<Watchlist> LoadText(string text, string name = "t.csv") => LoadBytes(Encoding.UTF8.GetBytes(text), name);

    private static Task<Watchlist> LoadBytes(byte[] bytes, string name = "t.csv") =>
        new CslProvider(() => new MemoryStream(bytes, writable: false), name).LoadAsync();

    // One CSL row with the given cells; the rest empty.
    private static string Row(string id, string source, string name, string type = "", string entityNumber = "", string addresses = "",
        string altNames = "", string ids = "", string programs = "", string startDate = "", string frn = "")
    {
        var cells = new string[29];
        Array.Fill(cells, "");
        cells[0] = id; cells[1] = source; cells[2] = entityNumber; cells[3] = type; cells[4] = programs; cells[5] = name;
        cells[7] = addresses; cells[8] = frn; cells[9] = startDate; cells[22] = altNames; cells[28] = ids;
        return string.Join(",", cells.Select(c => c.Contains(',') || c.Contains('"') || c.Contains('\n') ? "\"" + c.Replace("\"", "\"\"") + "\"" : c));
    }

    private static WatchlistEntry Entry(Watchlist list, string id) => Assert.Single(list.Entries, e => e.Id == id);

    [Fact]
    public async Task LoadAsync_Fixture_TagsEverySourceListWithItsShortName()
    {
        var list = await LoadFixture();
        int Tagged(string shortName) => list.Entries.Count(e => e.Tags.Contains("list:" + shortName));
        Assert.Equal(20, Tagged("Entity List"));
        Assert.Equal(9, Tagged("SDN"));
        Assert.Equal(3, Tagged("MEU"));
        Assert.Equal(2, Tagged("DPL"));
        Assert.Equal(2, Tagged("SSI"));
        foreach (var s in new[] { "ISN", "PLC", "CMIC", "UVL", "ITAR Debarred", "CAPTA", "FSE", "NS-MBS" }) Assert.Equal(1, Tagged(s));
        Assert.All(list.Entries, e => Assert.Single(e.Tags));
        Assert.Equal("us-csl", list.Id);
        // The one warning: a C1 control character in an MEU name read as Windows-1252 punctuation.
        var warning = Assert.Single(list.Report.Issues, i => i.Kind == LoadIssueKind.Warning);
        Assert.Equal("name", warning.Field);
    }

    [Fact]
    public async Task LoadAsync_EntityListRecord_KeepsAddressesAliasesAndSource()
    {
        var e = Entry(await LoadFixture(), "36b9bed40af2770218ba60d7bad49c0e925f38ee");
        Assert.Equal(["AO Kronshtadt", "Kronshtadt Group", "Kronshtadt", "Kronde Group", "ZAO Kronshtadt"], e.Names.Select(n => n.Value));
        Assert.Equal(EntityType.Unknown, e.Type);
        Assert.Equal(["RU"], e.Countries);
        Assert.Equal(3, e.Addresses.Count);
        Assert.Equal(new EntryAddress("18 Stromynka Street", "Moscow, 107076", "RU", "RU"), e.Addresses[0]);
        var source = Assert.Single(e.Sources);
        Assert.Equal(ElSource, source.List);
        Assert.Equal("87 FR 13141", source.Citation);
        Assert.Equal("2022-03-09", source.Date);
        Assert.Contains("License policy: Policy of denial.", e.Remarks);
    }

    [Fact]
    public async Task LoadAsync_EntityListAliasProse_Removed()
    {
        var e = Entry(await LoadFixture(), "d5df042f05d9209a1dfde7564bf645849342e67d");
        Assert.Equal("David Lee", e.Names[^1].Value);
        Assert.Equal(["HK", "IR", "MY"], e.Countries);
    }

    [Fact]
    public async Task LoadAsync_SdnRecord_ParsesIdsAndKeepsFactsInRemarks()
    {
        var e = Entry(await LoadFixture(), "26512");
        Assert.Equal(EntityType.Organization, e.Type);
        Assert.Equal(
            [new EntryIdentifier("Registration ID", "1067847424160", "RU"), new EntryIdentifier("Tax ID No.", "7813341546", "RU"), new EntryIdentifier("Website", "www.oceanpribor.ru")],
            e.Identifiers);
        Assert.Equal(["UKRAINE-EO13662"], e.Programs);
        Assert.Contains("Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209", e.Remarks);
        Assert.Equal(["list:SDN"], e.Tags);
    }

    [Fact]
    public async Task LoadAsync_Vessel_CallSignIsAnIdentifier()
    {
        var e = Entry(await LoadFixture(), "31920");
        Assert.Equal(EntityType.Vessel, e.Type);
        Assert.Contains(new EntryIdentifier("Call Sign", "UDQB"), e.Identifiers);
        Assert.Contains(new EntryIdentifier("Vessel Registration Identification", "IMO 8770261"), e.Identifiers);
        Assert.Contains("Vessel flag: Russia", e.Remarks);
    }

    [Fact]
    public async Task LoadAsync_DeniedPersonWithUsAddress_CountryIsUs()
    {
        var e = Entry(await LoadFixture(), "0dbd98f1969cb28bbe39669ea97c5ca9d0cac0f4");
        Assert.Equal(["US"], e.Countries);
        Assert.Equal("ANTHONY, NM, 88201", e.Addresses[0].City);
    }

    [Fact]
    public async Task LoadAsync_SamePartyOnThreeLists_AllLoadedAndDuplicatesReported()
    {
        var list = await LoadFixture();
        var vtb = list.Entries.Where(e => e.Id == "18725").ToList();
        Assert.Equal(["list:CAPTA", "list:SDN", "list:SSI"], vtb.SelectMany(e => e.Tags).Order());
        var dups = list.Report.Issues.Where(i => i.Kind == LoadIssueKind.Duplicate).ToList();
        Assert.Equal(2, dups.Count);
        Assert.All(dups, d => Assert.Contains("'18725'", d.Message));
    }

    [Fact]
    public async Task LoadAsync_Fixture_VersionIsNewestStartDateAndHash()
    {
        var list = await LoadFixture();
        Assert.Equal("2022-04-07 (newest start_date)", list.Version.Label);
        Assert.Null(list.Version.PublishedAt);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(CslProviderContractTests.Fixture)));
        Assert.Equal(sha, list.Version.Sha256);
    }

    [Fact]
    public async Task LoadAsync_NoStartDates_LabelIsHashPrefix()
    {
        var list = await LoadText(Header + "\n" + Row("1", ElSource, "Acme") + "\n");
        Assert.Equal("sha256:" + list.Version.Sha256![..12], list.Version.Label);
    }

    [Fact]
    public async Task LoadAsync_Types_Mapped()
    {
        var list = await LoadText(string.Join("\n", Header,
            Row("1", ElSource, "A", "Entity"), Row("2", ElSource, "B", "Individual"), Row("3", ElSource, "C", "Vessel"),
            Row("4", ElSource, "D", "Aircraft"), Row("5", ElSource, "E", ""), Row("6", ElSource, "F", "Planet")));
        Assert.Equal([EntityType.Organization, EntityType.Person, EntityType.Vessel, EntityType.Aircraft, EntityType.Unknown, EntityType.Unknown],
            list.Entries.Select(e => e.Type));
        var warning = Assert.Single(list.Report.Issues, i => i.Kind == LoadIssueKind.Warning);
        Assert.Equal("type", warning.Field);
        Assert.Equal(7, warning.Row);
    }

    [Fact]
    public async Task LoadAsync_EntityNumberPresent_IsTheId()
    {
        var list = await LoadText(Header + "\n" + Row("abc", ElSource, "A", entityNumber: "777") + "\n" + Row("def", ElSource, "B") + "\n");
        Assert.Equal(["777", "def"], list.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task LoadAsync_EmptyName_RowRejectedOthersLoaded()
    {
        var list = await LoadText(Header + "\n" + Row("1", ElSource, "A") + "\n" + Row("2", ElSource, "  ") + "\n" + Row("3", ElSource, "C") + "\n");
        Assert.Equal(2, list.Entries.Count);
        var rejected = Assert.Single(list.Report.Issues, i => i.Kind == LoadIssueKind.Rejected);
        Assert.Equal(3, rejected.Row);
        Assert.Equal("name", rejected.Field);
        Assert.Equal(3, list.Report.RowsRead);
        Assert.Equal(list.Report.RowsRead, list.Report.EntriesLoaded + list.Report.RowsRejected);
    }

    [Fact]
    public async Task LoadAsync_RowWithWrongFieldCount_Rejected()
    {
        var list = await LoadText(Header + "\n" + Row("1", ElSource, "A") + "\nonly,three,fields\n");
        Assert.Single(list.Entries);
        var rejected = Assert.Single(list.Report.Issues, i => i.Kind == LoadIssueKind.Rejected);
        Assert.Contains("3 fields", rejected.Message);
    }

    [Fact]
    public async Task LoadAsync_NoIds_RowRejected()
    {
        var list = await LoadText(Header + "\n" + Row("", ElSource, "A") + "\n");
        Assert.Empty(list.Entries);
        Assert.Equal("_id", Assert.Single(list.Report.Issues).Field);
    }

    [Fact]
    public async Task LoadAsync_UnknownSource_TaggedWithFullStringAndWarned()
    {
        var list = await LoadText(Header + "\n" + Row("1", "Brand New List - Somewhere", "A") + "\n" + Row("2", "Brand New List - Somewhere", "B") + "\n");
        Assert.All(list.Entries, e => Assert.Equal(["list:Brand New List - Somewhere"], e.Tags));
        Assert.Single(list.Report.Issues, i => i.Kind == LoadIssueKind.Warning && i.Field == "source");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("_id")]
    [InlineData("alt_names")]
    [InlineData("ids")]
    public async Task LoadAsync_RequiredColumnMissing_ThrowsNamingIt(string column)
    {
        var header = string.Join(",", Header.Split(',').Select(h => h == column ? "something_else" : h));
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => LoadText(header + "\n" + Row("1", ElSource, "A") + "\n"));
        Assert.Equal(column, ex.Field);
        Assert.Equal(1, ex.Row);
        Assert.Equal("t.csv", ex.File);
        Assert.Contains($"'{column}'", ex.Message);
    }

    [Fact]
    public async Task LoadAsync_OptionalColumnMissing_Warned()
    {
        var header = Header.Replace(",title,", ",whatever,", StringComparison.Ordinal);
        var list = await LoadText(header + "\n" + Row("1", ElSource, "A") + "\n");
        Assert.Single(list.Entries);
        Assert.Equal("title", Assert.Single(list.Report.Issues).Field);
    }

    [Fact]
    public async Task LoadAsync_EmptyFile_Throws()
    {
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => LoadBytes([]));
        Assert.Contains("header", ex.Reason);
    }

    [Fact]
    public async Task LoadAsync_HeaderWithBom_Read()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Header + "\r\n" + Row("1", ElSource, "A") + "\r\n")).ToArray();
        Assert.Single((await LoadBytes(bytes)).Entries);
    }

    [Fact]
    public async Task LoadAsync_TruncatedInsideQuotedField_ThrowsNamingLineAndColumn()
    {
        var text = File.ReadAllText(CslProviderContractTests.Fixture);
        var cut = text.IndexOf("18 Stromynka Street, Mos", StringComparison.Ordinal);
        var line = text[..cut].Count(c => c == '\n') + 1;
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => LoadText(text[..cut]));
        Assert.Equal(line, ex.Row);
        Assert.Equal("addresses", ex.Field);
        Assert.Contains("truncated", ex.Reason);
    }

    [Fact]
    public async Task LoadAsync_TruncatedInsideUnquotedRow_LastRowRejected()
    {
        var text = File.ReadAllText(CslProviderContractTests.Fixture).TrimEnd('\n');
        var cut = text.LastIndexOf(",https://bit.ly/2XaGPYw,", StringComparison.Ordinal);
        var list = await LoadText(text[..cut]);
        Assert.Equal(43, list.Entries.Count);
        Assert.Equal(45, Assert.Single(list.Report.Issues, i => i.Kind == LoadIssueKind.Rejected).Row);
    }

    [Fact]
    public async Task LoadAsync_BadQuoting_ThrowsNamingLineAndColumn()
    {
        var text = Header + "\n" + Row("1", ElSource, "A") + "\n" + Row("2", ElSource, "B") + ",x\n";
        text = text.Replace("B,", "B \"Quoted\" Co,", StringComparison.Ordinal);
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => LoadText(text));
        Assert.Equal(3, ex.Row);
        Assert.Equal("name", ex.Field);
    }

    [Fact]
    public async Task LoadAsync_CrlfAndEmbeddedNewlines_Read()
    {
        var row = Row("1", ElSource, "Acme", addresses: "Line one\r\nline two, Moscow, RU");
        var list = await LoadText(Header + "\r\n" + row + "\r\n" + Row("2", ElSource, "Beta") + "\r\n");
        Assert.Equal(2, list.Entries.Count);
        Assert.Equal(["RU"], list.Entries[0].Countries);
        Assert.Empty(list.Report.Issues);
    }

    [Fact]
    public async Task LoadAsync_C1ControlInName_RepairedAndWarned()
    {
        var list = await LoadFixture();
        var e = Entry(list, "a0370b407aeb2a264477376bad653c57a2a8a94c");
        Assert.Equal("CAST Xi\u2019an Spaceflight Engine Factory", e.PrimaryName);
        Assert.Equal(["list:MEU"], e.Tags);
        Assert.Contains(list.Report.Issues, i => i.Kind == LoadIssueKind.Warning && i.Message.Contains("Xi\u2019an", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_ManyRows_HonoursCancellationMidway()
    {
        var sb = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 2000; i++) sb.Append(Row(i.ToString(System.Globalization.CultureInfo.InvariantCulture), ElSource, "Name " + i)).Append('\n');
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        using var cts = new CancellationTokenSource();
        var provider = new CslProvider(() => { cts.Cancel(); return new MemoryStream(bytes); }, "big.csv");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.LoadAsync(cts.Token));
    }

    [Fact]
    public async Task LoadAsync_FixtureMutations_ListOrFormatErrorOnly()
    {
        byte[] interesting = [(byte)'"', (byte)',', (byte)'\n', (byte)'\r', (byte)';', 0x1A, 0xEF, 0xBB, 0xBF, 0xFF, 0xC3, 0x00];
        var iteration = 0;
        await CsvFuzz.AssertListOrFormatErrorOnly(File.ReadAllBytes(CslProviderContractTests.Fixture), 20220521, 250, 8, interesting,
            bytes => LoadBytes(bytes, $"mutation-{iteration++}.csv"));
    }

    [SharedDataFact("us_csl/2022-05/consolidated.csv")]
    public async Task LoadAsync_RealFile_LoadsEveryRecordAndReconciles()
    {
        var sw = Stopwatch.StartNew();
        var list = await new CslProvider(SharedData.Find("us_csl/2022-05/consolidated.csv")!).LoadAsync();
        sw.Stop();
        Assert.Equal(14160, list.Entries.Count);
        Assert.Equal(14160, list.Report.RowsRead);
        Assert.Equal(0, list.Report.RowsRejected);
        Assert.Equal(2001, list.Entries.Count(e => e.Tags.Contains("list:Entity List")));
        Assert.Equal(71, list.Entries.Count(e => e.Tags.Contains("list:MEU")));
        Assert.Equal(10026, list.Entries.Count(e => e.Tags.Contains("list:SDN")));
        Assert.All(list.Entries, e => Assert.Single(e.Tags));
        Assert.Equal("2022-04-21 (newest start_date)", list.Version.Label);
        Assert.Equal(list.Report.RowsRead, list.Report.EntriesLoaded + list.Report.RowsRejected);
        // 71 entity numbers are shared by two or three Treasury lists.
        Assert.Equal(71, list.Entries.GroupBy(e => e.Id).Count(g => g.Count() > 1));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), $"load took {sw.Elapsed}");
    }

    [SharedDataFact("us_csl/2022-05/consolidated.csv")]
    public async Task LoadAsync_RealFile_EntityListCountriesAsProvenanceStates()
    {
        var list = await RealCsl.Value;
        var el = list.Entries.Where(e => e.Tags.Contains("list:Entity List")).ToList();
        // PROVENANCE.md: RU 573, CN 465, AE 156, HK 91 by its own count of trailing address codes. Entries with an
        // address in the country (counted once each) land near those figures; country names are mapped too.
        Assert.InRange(el.Count(e => e.Countries.Contains("RU")), 560, 590);
        Assert.InRange(el.Count(e => e.Countries.Contains("CN")), 455, 480);
        Assert.InRange(el.Count(e => e.Countries.Contains("AE")), 150, 160);
        Assert.InRange(el.Count(e => e.Countries.Contains("HK")), 88, 110);
    }

    [SharedDataFact("us_csl/2022-05/consolidated.csv")]
    public async Task Screen_RealCsl_FindsEntityListFirmByAlias()
    {
        var list = await RealCsl.Value;
        var screener = await new ScreenerBuilder().AddWatchlist(list).BuildAsync();
        var result = screener.Screen("Kronshtadt Group");
        Assert.Contains(result.Matches, m => m.EntryId == "36b9bed40af2770218ba60d7bad49c0e925f38ee");
    }
}

public class CslFieldsTests
{
    [Theory]
    [InlineData("Moscow, RU", null, "Moscow", "RU")]
    [InlineData("RU", null, null, "RU")]
    [InlineData("P.O. Box 42340, Dubai, AE", "P.O. Box 42340", "Dubai", "AE")]
    [InlineData("Flat G, 19 FL Maple Mansion, Taikoo Shing, Quarry Bay, HK", "Flat G, 19 FL Maple Mansion, Taikoo Shing", "Quarry Bay", "HK")]
    [InlineData("Dobrovolcheskoy Brigady St., 15, Krasnoyarsk Territory, 660077, RU", "Dobrovolcheskoy Brigady St., 15", "Krasnoyarsk Territory, 660077", "RU")]
    [InlineData("7405 SW 79CT, MIAMI, FL, 33143", "7405 SW 79CT", "MIAMI, FL, 33143", "US")]
    [InlineData("399 MAPLEWOOD AVENUE, PORTSMOUTH, NH, 3801", "399 MAPLEWOOD AVENUE", "PORTSMOUTH, NH, 3801", "US")]
    [InlineData("5 Cheng Wen Road, Chengdu, China", "5 Cheng Wen Road", "Chengdu", "CN")]
    [InlineData("Suite 404, Tianjin Airport Economic Zone;, CN", "Suite 404", "Tianjin Airport Economic Zone", "CN")]
    [InlineData("Lole Ribar Street, Mitrovica North, XK", "Lole Ribar Street", "Mitrovica North", "XK")]
    [InlineData("Hamra Street, Saroulla Building, 11th Floor", "Hamra Street", "Saroulla Building, 11th Floor", null)]
    public void ParseAddress_RealShapes_SplitIntoStreetCityCountry(string text, string? street, string? city, string? code)
    {
        var a = CslFields.ParseAddress(text)!;
        Assert.Equal(street, a.Street);
        Assert.Equal(city, a.City);
        Assert.Equal(code, a.CountryCode);
    }

    [Fact]
    public void ParseAddress_Blank_Null()
    {
        Assert.Null(CslFields.ParseAddress(" , ;"));
    }

    private static (List<EntryIdentifier> Ids, List<string> Facts) Ids(string text)
    {
        var ids = new List<EntryIdentifier>();
        var facts = new List<string>();
        CslFields.ParseIds(text, ids, facts);
        return (ids, facts);
    }

    [Fact]
    public void ParseIds_CountryNumberType_Parsed()
    {
        var (ids, facts) = Ids("RU, 1067847424160, Registration ID; RU, 7813341546, Tax ID No.; www.oceanpribor.ru, Website");
        Assert.Equal([new("Registration ID", "1067847424160", "RU"), new("Tax ID No.", "7813341546", "RU"), new("Website", "www.oceanpribor.ru", null)], ids);
        Assert.Empty(facts);
    }

    [Fact]
    public void ParseIds_ExpiryAndIssueDates_DroppedFromValue()
    {
        var (ids, _) = Ids("JO, 2014-08-30, 2009-08-31, K475336, Passport; 2017-08-21, 3284670, Driver's License No.");
        Assert.Equal([new("Passport", "K475336", "JO"), new("Driver's License No.", "3284670", null)], ids);
    }

    [Fact]
    public void ParseIds_LoneDate_IsTheValue()
    {
        var (ids, facts) = Ids("2012-07-25, Organization Established Date");
        Assert.Empty(ids);
        Assert.Equal(["Organization Established Date: 2012-07-25"], facts);
    }

    [Fact]
    public void ParseIds_FactsWithCommasInValue_GoToFacts()
    {
        var (ids, facts) = Ids("Male, Gender; section 1(b) of Executive Order 13224, as amended by Executive Order 13886, Secondary sanctions risk:; " +
                               "LB, 2020-08-28, RL 3367620, Passport");
        Assert.Equal([new("Passport", "RL 3367620", "LB")], ids);
        Assert.Equal(["Gender: Male", "Secondary sanctions risk: section 1(b) of Executive Order 13224, as amended by Executive Order 13886"], facts);
    }

    [Fact]
    public void ParseIds_ValueHoldingSemicolon_JoinedToItsType()
    {
        var (ids, _) = Ids("part one; part two, Registration Number");
        Assert.Equal([new("Registration Number", "part one; part two", null)], ids);
    }

    [Fact]
    public void ParseIds_TwoLetterValueWithoutCountry_KeptAsValue()
    {
        var (ids, _) = Ids("PA, Registration Number");
        Assert.Equal([new("Registration Number", "PA", null)], ids);
    }

    [Theory]
    [InlineData("Gender", true)]
    [InlineData("Additional Sanctions Information -", true)]
    [InlineData("Listing Date (CMIC)", true)]
    [InlineData("Organization Type:", true)]
    [InlineData("Aircraft Model", true)]
    [InlineData("Tax ID No.", false)]
    [InlineData("Candidate Number", false)]
    [InlineData("Website", false)]
    public void IsInformational_Types_Classified(string type, bool expected) => Assert.Equal(expected, CslFields.IsInformational(type));

    [Theory]
    [InlineData("and 46 TsNII MO RF", "46 TsNII MO RF", NameStrength.Strong)]
    [InlineData("-LLC Syrgutmebel", "LLC Syrgutmebel", NameStrength.Strong)]
    [InlineData("f.k.a. Sibirskaya Neftyanaya Kompaniya OAO", "Sibirskaya Neftyanaya Kompaniya OAO", NameStrength.Former)]
    [InlineData("Andromeda Ltd", "Andromeda Ltd", NameStrength.Strong)]
    [InlineData("(all of preceding located in or near Mianyang)", null, NameStrength.Strong)]
    [InlineData("and", null, NameStrength.Strong)]
    public void CleanAlias_ListProse_Removed(string item, string? expected, NameStrength strength)
    {
        Assert.Equal(expected, CslFields.CleanAlias(item, out var s));
        if (expected is not null) Assert.Equal(strength, s);
    }

    [Theory]
    [InlineData("Entity List (EL) - Bureau of Industry and Security", "Entity List")]
    [InlineData("Military End User (MEU) List - Bureau of Industry and Security", "MEU")]
    [InlineData("Specially Designated Nationals (SDN) - Treasury Department", "SDN")]
    [InlineData("Sectoral Sanctions Identifications List (SSI) - Treasury Department", "SSI")]
    [InlineData("Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department", "CMIC")]
    [InlineData("Denied Persons List (DPL) - Bureau of Industry and Security", "DPL")]
    [InlineData("Unverified List (UVL) - Bureau of Industry and Security", "UVL")]
    [InlineData("Nonproliferation Sanctions (ISN) - State Department", "ISN")]
    [InlineData("ITAR Debarred (DTC) - State Department", "ITAR Debarred")]
    [InlineData("Palestinian Legislative Council List (PLC) - Treasury Department", "PLC")]
    [InlineData("Capta List (CAP) - Treasury Department", "CAPTA")]
    [InlineData("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department", "NS-MBS")]
    [InlineData("Foreign Sanctions Evaders (FSE) - Treasury Department", "FSE")]
    [InlineData("Entity List (EL) - Bureau of Industry & Security, reworded", "Entity List")]
    [InlineData("Something Else (XYZ) - Nowhere", null)]
    public void ShortName_CslSources_MapToShortNames(string source, string? expected) => Assert.Equal(expected, CslSources.ShortName(source));

    [Fact]
    public void RepairCp1252_C1Quote_BecomesPunctuation()
    {
        Assert.Equal("Xi\u2019an", CslFields.RepairCp1252("Xi\u0092an", out var repaired));
        Assert.True(repaired);
        Assert.Same("plain", CslFields.RepairCp1252("plain", out repaired));
        Assert.False(repaired);
    }

    [Fact]
    public void CountryCodes_KosovoCode_Known()
    {
        Assert.True(CountryCodes.IsCode("XK"));
        Assert.True(CountryCodes.TryGetCode("Russia", out var ru));
        Assert.Equal("RU", ru);
    }
}
