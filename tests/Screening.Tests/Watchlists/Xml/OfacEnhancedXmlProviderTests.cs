using System.Security.Cryptography;
using System.Text;
using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Xml;

public sealed class OfacEnhancedXmlProviderContractTests : WatchlistProviderContract
{
    protected override IWatchlistProvider CreateProvider() => new OfacEnhancedXmlProvider(XmlTestData.OfacFixture);
    protected override IWatchlistProvider CreateMissingSourceProvider() => new OfacEnhancedXmlProvider(XmlTestData.OfacFixture + ".missing");
    protected override int ExpectedEntryCount => 18;
    protected override (string Id, string Name) KnownEntry => ("17015", "STATE CORPORATION BANK FOR DEVELOPMENT AND FOREIGN ECONOMIC AFFAIRS VNESHECONOMBANK");
}

public class OfacEnhancedXmlProviderTests
{
    private static Task<Watchlist> Fixture() => new OfacEnhancedXmlProvider(XmlTestData.OfacFixture).LoadAsync();

    private static WatchlistEntry Entry(Watchlist list, string id) => Assert.Single(list.Entries, e => e.Id == id);

    private static NameStrength StrengthOf(WatchlistEntry e, string name) => Assert.Single(e.Names, n => n.Value == name).Strength;

    // One entity per line so that a test can name the line of each.
    private static string Doc(string filter, params string[] entities) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
        $"<sanctionsData xmlns=\"{OfacEnhancedXmlProvider.Namespace}\">\n" +
        $"<publicationInfo><dataAsOf>2025-01-10T00:00:00</dataAsOf>{filter}</publicationInfo>\n" +
        "<entities>\n" + string.Join("\n", entities) + "\n</entities>\n</sanctionsData>\n";

    private static string Entity(string id, string? name, string type = "Entity") =>
        $"<entity id=\"{id}\"><generalInfo><entityType>{type}</entityType></generalInfo><names>" +
        (name is null ? "" : $"<name><isPrimary>true</isPrimary><isLowQuality>false</isLowQuality><translations><translation><isPrimary>true</isPrimary><formattedFullName>{name}</formattedFullName></translation></translations></name>") +
        "</names></entity>";

    [Fact]
    public async Task LoadAsync_Fixture_SetsVersionFromDataAsOfAndFileHash()
    {
        var list = await Fixture();
        Assert.Equal("ofac-cons-xml", list.Id);
        Assert.Equal("2025-01-10", list.Version.Label);
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero), list.Version.PublishedAt);
        var expected = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(XmlTestData.OfacFixture)));
        Assert.Equal(expected, list.Version.Sha256);
        Assert.Equal(18, list.Report.RowsRead);
        Assert.Equal(0, list.Report.RowsRejected);
    }

    [Fact]
    public async Task LoadAsync_AliasKinds_MapToStrengths()
    {
        var veb = Entry(await Fixture(), "17015");
        Assert.Equal(NameStrength.Primary, veb.Names[0].Strength);
        Assert.Equal(NameStrength.Weak, StrengthOf(veb, "VEB"));                // A.K.A., isLowQuality
        Assert.Equal(NameStrength.Weak, StrengthOf(veb, "BANK FOR DEVELOPMENT"));
        Assert.Equal(NameStrength.Strong, StrengthOf(veb, "VEB.RF"));           // A.K.A.
        Assert.Equal(NameStrength.Former, StrengthOf(veb, "VNESHECONOMBANK"));  // F.K.A.
    }

    [Fact]
    public async Task LoadAsync_OriginalScriptTranslations_KeptAsNames()
    {
        var list = await Fixture();
        var veb = Entry(list, "17015");
        Assert.Equal(NameStrength.Strong, StrengthOf(veb, "ВЭБ.РФ"));
        Assert.Equal(NameStrength.Strong, StrengthOf(veb, "ГОСУДАРСТВЕННАЯ КОРПОРАЦИЯ РАЗВИТИЯ ВЭБ.РФ"));
        Assert.Contains(Entry(list, "33111").Names, n => n.Value == "深圳市大疆创新科技有限公司");
        Assert.Contains(Entry(list, "33114").Names, n => n.Value == "商湯集團有限公司");
    }

    [Fact]
    public async Task LoadAsync_IdentityDocumentsAndFeatures_BecomeIdentifiers()
    {
        var veb = Entry(await Fixture(), "17015");
        Assert.Contains(new EntryIdentifier("Tax ID No.", "7750004150", "RU"), veb.Identifiers);
        Assert.Contains(new EntryIdentifier("Registration Number", "1077711000102", "RU"), veb.Identifiers);
        Assert.Contains(new EntryIdentifier("SWIFT/BIC", "BFEARUMM"), veb.Identifiers);
        Assert.DoesNotContain(veb.Identifiers, i => i.Type.StartsWith("Organization Established", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_Countries_FromAddressesDocumentsAndNationality()
    {
        var list = await Fixture();
        Assert.Equal(["RU", "CN", "IN"], Entry(list, "17015").Countries);
        Assert.Contains("PS", Entry(list, "9647").Countries);   // Nationality Country "Palestinian"
        Assert.Contains("TR", Entry(list, "26182").Countries);  // Citizenship Country
        Assert.Contains("RU", Entry(list, "23552").Countries);  // Nationality of Registration
        var veb = Entry(list, "17015");
        Assert.Contains(new EntryAddress("20A, CITIC Building, 19, Joanguomenwai Dajie", "Beijing, 100004", "China", "CN"), veb.Addresses);
    }

    [Fact]
    public async Task LoadAsync_TypesProgramsRemarksAndTags_Read()
    {
        var list = await Fixture();
        var haniya = Entry(list, "9639");
        Assert.Equal(EntityType.Person, haniya.Type);
        Assert.Equal("HANIYA, Ismail Abdul Salah", haniya.PrimaryName);
        Assert.Equal(["NS-PLC"], haniya.Programs);
        var veb = Entry(list, "17015");
        Assert.Equal(EntityType.Organization, veb.Type);
        Assert.Equal(["RUSSIA-EO14024", "UKRAINE-EO13662"], veb.Programs);
        Assert.StartsWith("For more information on directives", veb.Remarks, StringComparison.Ordinal);
        Assert.Contains("list:Sectoral Sanctions Identifications List", veb.Tags);
        Assert.Contains("target-type:State-Owned Enterprise", veb.Tags);
        Assert.Equal("https://sanctionssearch.ofac.treas.gov/Details.aspx?id=17015", veb.SourceReference);
        Assert.Equal(15, list.Entries.Count(e => e.Type == EntityType.Organization));
    }

    [Fact]
    public async Task LoadAsync_EntityWithoutName_RejectedWithItsLine()
    {
        var list = await XmlTestData.LoadOfac(Doc("", Entity("1", "ACME LLC"), Entity("2", null), Entity("3", "BETA LLC")));
        Assert.Equal(["1", "3"], list.Entries.Select(e => e.Id));
        var issue = Assert.Single(list.Report.Issues);
        Assert.Equal(LoadIssueKind.Rejected, issue.Kind);
        Assert.Equal("t.xml", issue.File);
        Assert.Equal(6, issue.Row);
        Assert.Contains("entity 2 has no name", issue.Message, StringComparison.Ordinal);
        Assert.Equal(3, list.Report.RowsRead);
        Assert.Equal(list.Report.RowsRead, list.Report.EntriesLoaded + list.Report.RowsRejected);
    }

    [Fact]
    public async Task LoadAsync_EntityWithoutId_Rejected()
    {
        var list = await XmlTestData.LoadOfac(Doc("", Entity("1", "ACME LLC").Replace("id=\"1\"", "", StringComparison.Ordinal)));
        Assert.Empty(list.Entries);
        Assert.Equal("entity/@id", Assert.Single(list.Report.Issues, i => i.Kind == LoadIssueKind.Rejected).Field);
    }

    [Fact]
    public async Task LoadAsync_DuplicateIds_ReportedNotFatal()
    {
        var list = await XmlTestData.LoadOfac(Doc("", Entity("1", "ACME LLC"), Entity("1", "ACME TWO LLC")));
        Assert.Equal(2, list.Entries.Count);
        Assert.Equal(1, list.Report.Count(LoadIssueKind.Duplicate));
    }

    [Fact]
    public async Task LoadAsync_NamePartsOnly_BuildsName()
    {
        const string entity = "<entity id=\"7\"><generalInfo><entityType>Individual</entityType></generalInfo><names><name><isPrimary>true</isPrimary>" +
            "<translations><translation><isPrimary>true</isPrimary><nameParts>" +
            "<namePart><type>First Name</type><value>Ivan</value></namePart><namePart><type>Last Name</type><value>PETROV</value></namePart>" +
            "</nameParts></translation></translations></name></names></entity>";
        var e = Assert.Single((await XmlTestData.LoadOfac(Doc("", entity))).Entries);
        Assert.Equal("PETROV, Ivan", e.PrimaryName);
        Assert.Equal(EntityType.Person, e.Type);
    }

    [Fact]
    public async Task LoadAsync_NoPrimaryFlag_PromotesAliasWithWarning()
    {
        var entity = Entity("5", "ACME LLC").Replace("<isPrimary>true</isPrimary><isLowQuality>", "<isPrimary>false</isPrimary><aliasType>A.K.A.</aliasType><isLowQuality>", StringComparison.Ordinal);
        var list = await XmlTestData.LoadOfac(Doc("", entity));
        Assert.Equal(NameStrength.Primary, Assert.Single(list.Entries).Names[0].Strength);
        Assert.Equal(1, list.Report.Count(LoadIssueKind.Warning));
    }

    [Fact]
    public async Task LoadAsync_Vessel_ReadsFlagTypeAndImo()
    {
        var xml = $"""
            <sanctionsData xmlns="{OfacEnhancedXmlProvider.Namespace}">
              <referenceValues>
                <referenceValue refId="602"><type>SDN TYPE</type><value>Vessel</value></referenceValue>
                <referenceValue refId="11171"><type>COUNTRY</type><value>Russia</value><isoCode>RU</isoCode></referenceValue>
                <referenceValue refId="1626"><type>ID DOCUMENT TYPE</type><value>Vessel Registration Identification</value></referenceValue>
              </referenceValues>
              <entities>
                <entity id="42">
                  <generalInfo><entityType refId="602">stale text</entityType></generalInfo>
                  <names><name><isPrimary>true</isPrimary><translations><translation><isPrimary>true</isPrimary><formattedFullName>SPARTA IV</formattedFullName></translation></translations></name>
                    <name><isPrimary>false</isPrimary><aliasType>A.K.A.</aliasType><isLowQuality>true</isLowQuality><translations><translation><formattedFullName>Sparta 4</formattedFullName></translation></translations></name>
                    <name><isPrimary>false</isPrimary><aliasType>A.K.A.</aliasType><translations><translation><formattedFullName>SPARTA 4</formattedFullName></translation></translations></name></names>
                  <features>
                    <feature><type>Vessel Flag</type><value>Russia</value><valueRefId>11171</valueRefId></feature>
                    <feature><type>Vessel Type</type><value>General Cargo</value></feature>
                  </features>
                  <identityDocuments>
                    <identityDocument><type refId="1626">x</type><documentNumber>IMO 9743033</documentNumber></identityDocument>
                    <identityDocument><type refId="1626">x</type><documentNumber>IMO 9743033</documentNumber></identityDocument>
                  </identityDocuments>
                </entity>
              </entities>
            </sanctionsData>
            """;
        var e = Assert.Single((await XmlTestData.LoadOfac(xml)).Entries);
        Assert.Equal(EntityType.Vessel, e.Type);
        Assert.Equal(["RU"], e.Countries);
        Assert.Contains("vessel-flag:Russia", e.Tags);
        Assert.Contains("vessel-type:General Cargo", e.Tags);
        Assert.Equal([new EntryIdentifier("Vessel Registration Identification", "IMO 9743033")], e.Identifiers);
        // The weak alias repeated as a strong one (in another case) is kept once, as strong.
        Assert.Equal([new EntryName("SPARTA IV"), new EntryName("Sparta 4", NameStrength.Strong)], e.Names);
    }

    [Theory]
    [InlineData("<filters><sanctionsLists><sanctionsList>SDN List</sanctionsList></sanctionsLists></filters>", "ofac-sdn-xml")]
    [InlineData("<filters><sanctionsLists><sanctionsList>Consolidated List</sanctionsList></sanctionsLists></filters>", "ofac-cons-xml")]
    [InlineData("", "ofac-xml")]
    public async Task LoadAsync_PublicationFilter_DecidesListId(string filter, string expectedId)
    {
        Assert.Equal(expectedId, (await XmlTestData.LoadOfac(Doc(filter, Entity("1", "ACME LLC")))).Id);
    }

    [Fact]
    public async Task LoadAsync_NoDataAsOf_LabelsWithHash()
    {
        var list = await XmlTestData.LoadOfac(Doc("", Entity("1", "ACME LLC")).Replace("<dataAsOf>2025-01-10T00:00:00</dataAsOf>", "", StringComparison.Ordinal));
        Assert.Null(list.Version.PublishedAt);
        Assert.Equal("sha256:" + list.Version.Sha256![..12], list.Version.Label);
    }

    [Fact]
    public async Task LoadAsync_TruncatedFile_ThrowsWithFileAndLine()
    {
        var bytes = await File.ReadAllBytesAsync(XmlTestData.OfacFixture);
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => XmlTestData.LoadOfac(bytes[..(bytes.Length / 2)]));
        Assert.Equal("t.xml", ex.File);
        Assert.True(ex.Row > 1000, $"row {ex.Row}");
        Assert.Contains("malformed XML", ex.Message, StringComparison.Ordinal);
        Assert.Contains("t.xml, row ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MismatchedTag_ThrowsWithTheLine()
    {
        var xml = Doc("", Entity("1", "ACME LLC"), Entity("2", "BETA LLC").Replace("</names>", "</nomes>", StringComparison.Ordinal));
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => XmlTestData.LoadOfac(xml));
        Assert.Equal(6, ex.Row);
    }

    [Theory]
    [InlineData("this is not XML at all")]
    [InlineData("")]
    [InlineData("{\"id\": \"x\", \"entries\": []}")]
    public async Task LoadAsync_NotXml_Throws(string text)
    {
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => XmlTestData.LoadOfac(text));
        Assert.Equal("t.xml", ex.File);
    }

    [Fact]
    public async Task LoadAsync_OtherXmlDocument_ThrowsNamingTheRoot()
    {
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => XmlTestData.LoadOfac("<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>"));
        Assert.Contains("CONSOLIDATED_LIST", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_NoEntitiesElement_Throws()
    {
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => XmlTestData.LoadOfac($"<sanctionsData xmlns=\"{OfacEnhancedXmlProvider.Namespace}\"/>"));
        Assert.Equal("entities", ex.Field);
    }

    [Fact]
    public async Task LoadAsync_ContentAfterRoot_Throws()
    {
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => XmlTestData.LoadOfac(Doc("", Entity("1", "ACME LLC")) + "<entity/>"));
        Assert.Equal("t.xml", ex.File);
    }

    [Fact]
    public async Task LoadAsync_Dtd_RefusedBeforeAnyExpansion()
    {
        const string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE sanctionsData [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n" +
            "<sanctionsData><entities>&b;</entities></sanctionsData>";
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => XmlTestData.LoadOfac(laughs));
        Assert.Equal("t.xml", ex.File);
        Assert.Contains("DTD is prohibited", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_RecordOverByteLimit_ThrowsNamingTheLimit()
    {
        var huge = Entity("1", "ACME " + new string('X', 200_000));
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() =>
            XmlTestData.LoadOfac(Doc("", Entity("0", "SMALL LLC"), huge), new XmlReadLimits { MaxRecordBytes = 64 * 1024 }));
        Assert.Contains("MaxRecordBytes", ex.Message, StringComparison.Ordinal);
        Assert.Equal(6, ex.Row);
    }

    [Fact]
    public async Task LoadAsync_DeeplyNestedRecord_FailsFast()
    {
        var nested = string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000));
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => XmlTestData.LoadOfac(Doc("", Entity("1", "ACME" + nested))));
        Assert.Contains("MaxRecordDepth", ex.Message, StringComparison.Ordinal);
        Assert.Equal(5, ex.Row);
    }

    [Fact]
    public void XmlReadLimits_NonPositive_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new XmlReadLimits { MaxRecordDepth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new XmlReadLimits { MaxRecordBytes = -1 });
    }

    [Fact]
    public async Task LoadAsync_DocumentOverCharacterLimit_Throws()
    {
        var bytes = await File.ReadAllBytesAsync(XmlTestData.OfacFixture);
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => XmlTestData.LoadOfac(bytes, new XmlReadLimits { MaxDocumentCharacters = 50_000 }));
        Assert.Contains("MaxCharactersInDocument", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_ThrowsFormatExceptionNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "SDN_ENHANCED.XML");
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => new OfacEnhancedXmlProvider(path).LoadAsync());
        Assert.Equal(path, ex.File);
    }

    [Fact]
    public async Task LoadAsync_Utf16Document_Reads()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Doc("", Entity("1", "ООО РОМАШКА")).Replace("utf-8", "utf-16", StringComparison.Ordinal))).ToArray();
        Assert.Equal("ООО РОМАШКА", Assert.Single((await XmlTestData.LoadOfac(bytes)).Entries).PrimaryName);
    }

    [Fact]
    public async Task WatchlistSpec_OfacXmlKind_LoadsTheFile()
    {
        var provider = WatchlistSpec.CreateProvider("ofac-xml:" + XmlTestData.OfacFixture);
        Assert.IsType<OfacEnhancedXmlProvider>(provider);
        Assert.Equal(18, (await provider.LoadAsync()).Entries.Count);
        Assert.Contains("ofac-xml", WatchlistSpec.Kinds);
    }

    [Fact]
    public async Task Screen_OriginalScriptName_FindsTheEntity()
    {
        var screener = await new ScreenerBuilder().AddWatchlist(await Fixture()).BuildAsync();
        var result = screener.Screen("ВЭБ.РФ");
        Assert.Contains(result.Matches, m => m.EntryId == "17015");
    }
}
