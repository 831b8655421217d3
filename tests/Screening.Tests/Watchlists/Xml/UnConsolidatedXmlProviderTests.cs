using System.Security.Cryptography;
using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Xml;

public sealed class UnConsolidatedXmlProviderContractTests : WatchlistProviderContract
{
    protected override IWatchlistProvider CreateProvider() => new UnConsolidatedXmlProvider(XmlTestData.UnFixture);
    protected override IWatchlistProvider CreateMissingSourceProvider() => new UnConsolidatedXmlProvider(XmlTestData.UnFixture + ".missing");
    protected override int ExpectedEntryCount => 17;
    protected override (string Id, string Name) KnownEntry => ("KPe.029", "NATIONAL AEROSPACE TECHNOLOGY ADMINISTRATION");
}

public class UnConsolidatedXmlProviderTests
{
    private static Task<Watchlist> Fixture() => new UnConsolidatedXmlProvider(XmlTestData.UnFixture).LoadAsync();

    private static WatchlistEntry Entry(Watchlist list, string id) => Assert.Single(list.Entries, e => e.Id == id);

    private static NameStrength StrengthOf(WatchlistEntry e, string name) => Assert.Single(e.Names, n => n.Value == name).Strength;

    // One record per line so that a test can name the line of each.
    private static string Doc(string individuals, string entities = "") =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:09.554Z\">\n" +
        $"<INDIVIDUALS>\n{individuals}\n</INDIVIDUALS>\n<ENTITIES>\n{entities}\n</ENTITIES>\n</CONSOLIDATED_LIST>\n";

    private static string Individual(string? reference, string? first, string? second = null, string aliases = "", string dataId = "1") =>
        $"<INDIVIDUAL><DATAID>{dataId}</DATAID><FIRST_NAME>{first}</FIRST_NAME>{(second is null ? "" : $"<SECOND_NAME>{second}</SECOND_NAME>")}" +
        $"<UN_LIST_TYPE>DPRK</UN_LIST_TYPE>{(reference is null ? "" : $"<REFERENCE_NUMBER>{reference}</REFERENCE_NUMBER>")}{aliases}</INDIVIDUAL>";

    [Fact]
    public async Task LoadAsync_Fixture_SetsVersionFromDateGeneratedAndFileHash()
    {
        var list = await Fixture();
        Assert.Equal("un", list.Id);
        Assert.Equal("2026-02-27", list.Version.Label);
        Assert.Equal(new DateTimeOffset(2026, 2, 27, 0, 0, 9, 554, TimeSpan.Zero), list.Version.PublishedAt);
        var expected = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(XmlTestData.UnFixture)));
        Assert.Equal(expected, list.Version.Sha256);
        Assert.Equal(17, list.Report.RowsRead);
        Assert.Equal(10, list.Entries.Count(e => e.Type == EntityType.Person));
        Assert.Equal(7, list.Entries.Count(e => e.Type == EntityType.Organization));
    }

    [Fact]
    public async Task LoadAsync_Individual_JoinsNamePartsAndReadsOriginalScript()
    {
        var list = await Fixture();
        var saddam = Entry(list, "IQi.001");
        Assert.Equal("SADDAM HUSSEIN AL-TIKRITI", saddam.PrimaryName);
        Assert.Equal(NameStrength.Strong, StrengthOf(saddam, "صدام حسين التكريتي"));
        Assert.Equal("RAED MUHAMMAD HASAN MUHAMMAD HIJAZI", Entry(list, "QDi.029").PrimaryName);
        Assert.Equal(NameStrength.Strong, StrengthOf(Entry(list, "QDi.290"), "Умаров Доку Хаматович"));
    }

    [Fact]
    public async Task LoadAsync_AliasQuality_MapsToStrengths()
    {
        var list = await Fixture();
        var abdurakhmanov = Entry(list, "QDi.363");
        Assert.Equal(NameStrength.Weak, StrengthOf(abdurakhmanov, "Abu Banat"));        // Low
        Assert.Equal(NameStrength.Strong, StrengthOf(Entry(list, "CDi.009"), "Kawa Panga")); // Good
        var adf = Entry(list, "CDe.001");
        Assert.Equal(NameStrength.Strong, StrengthOf(adf, "Allied Democratic Forces"));  // a.k.a.
        Assert.Equal(NameStrength.Former, StrengthOf(adf, "NALU"));                      // f.k.a.
    }

    [Fact]
    public async Task LoadAsync_EntityNameListingSeveralNames_SplitsIntoAliases()
    {
        var cagl = Entry(await Fixture(), "CDe.003");
        Assert.Equal("COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)", cagl.PrimaryName);
        Assert.Equal(NameStrength.Strong, StrengthOf(cagl, "GREAT LAKES BUSINESS COMPANY (GLBC)"));
    }

    [Fact]
    public async Task LoadAsync_Documents_BecomeIdentifiers()
    {
        var list = await Fixture();
        Assert.Contains(new EntryIdentifier("Passport", "96 03 464086", "RU"), Entry(list, "QDi.290").Identifiers);
        Assert.Contains(new EntryIdentifier("National Identification Number (national passport number)", "8200203535", "RU"), Entry(list, "QDi.363").Identifiers);
        Assert.Contains(new EntryIdentifier("Passport", "AA862825", "LY"), Entry(list, "LYi.015").Identifiers);
        Assert.Empty(Entry(list, "CDi.001").Identifiers);
    }

    [Fact]
    public async Task LoadAsync_Countries_FromNationalityAndAddresses()
    {
        var list = await Fixture();
        Assert.Equal(["CF", "SS", "UG"], Entry(list, "CFi.001").Countries);
        Assert.Equal(["HK"], Entry(list, "KPe.017").Countries);                  // "China, Hong Kong Special Administrative Region"
        Assert.Contains("TR", Entry(list, "LYi.015").Countries);                 // "Türkiye"
        Assert.Equal(["RU"], Entry(list, "QDi.290").Countries);                  // "former Soviet Union" has no code
        var warning = Assert.Single(list.Report.Issues);
        Assert.Equal(LoadIssueKind.Warning, warning.Kind);
        Assert.Contains("former Soviet Union", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_ProgramRemarksAndDataId_Read()
    {
        var list = await Fixture();
        var kp = Entry(list, "KPe.029");
        Assert.Equal(["DPRK"], kp.Programs);
        Assert.Equal("consolidated_excerpt.xml#DATAID=6908523", kp.SourceReference);
        Assert.StartsWith("He fled to Rwanda in March 2013", Entry(list, "CDi.001").Remarks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_RecordWithoutName_RejectedWithItsLine()
    {
        var list = await XmlTestData.LoadUn(Doc(Individual("KPi.900", "KIM", "CHOL") + "\n" + Individual("KPi.901", null), "<ENTITY><DATAID>3</DATAID><REFERENCE_NUMBER>KPe.900</REFERENCE_NUMBER><FIRST_NAME>ACME TRADING</FIRST_NAME></ENTITY>"));
        Assert.Equal(["KPi.900", "KPe.900"], list.Entries.Select(e => e.Id));
        var issue = Assert.Single(list.Report.Issues);
        Assert.Equal(LoadIssueKind.Rejected, issue.Kind);
        Assert.Equal(5, issue.Row);
        Assert.Equal("t.xml", issue.File);
        Assert.Equal(3, list.Report.RowsRead);
        Assert.Equal(list.Report.RowsRead, list.Report.EntriesLoaded + list.Report.RowsRejected);
    }

    [Fact]
    public async Task LoadAsync_NoReferenceNumber_UsesDataIdWithWarning()
    {
        var list = await XmlTestData.LoadUn(Doc(Individual(null, "KIM", "CHOL", dataId: "777")));
        Assert.Equal("DATAID:777", Assert.Single(list.Entries).Id);
        Assert.Equal(1, list.Report.Count(LoadIssueKind.Warning));
    }

    [Fact]
    public async Task LoadAsync_OnlyAliases_PromotesStrongAlias()
    {
        const string aliases = "<INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu X</ALIAS_NAME></INDIVIDUAL_ALIAS><INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>John Doe</ALIAS_NAME></INDIVIDUAL_ALIAS>";
        var e = Assert.Single((await XmlTestData.LoadUn(Doc(Individual("QDi.900", null, aliases: aliases)))).Entries);
        Assert.Equal("John Doe", e.PrimaryName);
        Assert.Equal(new EntryName("Abu X", NameStrength.Weak), e.Names[1]);
    }

    [Fact]
    public async Task LoadAsync_DuplicateReference_ReportedNotFatal()
    {
        var list = await XmlTestData.LoadUn(Doc(Individual("KPi.900", "KIM") + "\n" + Individual("KPi.900", "PAK")));
        Assert.Equal(2, list.Entries.Count);
        Assert.Equal(1, list.Report.Count(LoadIssueKind.Duplicate));
    }

    [Fact]
    public async Task LoadAsync_BadDateGenerated_WarnsAndLabelsWithHash()
    {
        var list = await XmlTestData.LoadUn(Doc(Individual("KPi.900", "KIM")).Replace("2026-02-27T00:00:09.554Z", "yesterday", StringComparison.Ordinal));
        Assert.Null(list.Version.PublishedAt);
        Assert.StartsWith("sha256:", list.Version.Label, StringComparison.Ordinal);
        Assert.Equal("CONSOLIDATED_LIST/@dateGenerated", Assert.Single(list.Report.Issues).Field);
    }

    [Fact]
    public async Task LoadAsync_TruncatedFile_ThrowsWithFileAndLine()
    {
        var bytes = await File.ReadAllBytesAsync(XmlTestData.UnFixture);
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => XmlTestData.LoadUn(bytes[..(bytes.Length * 2 / 3)]));
        Assert.Equal("t.xml", ex.File);
        Assert.True(ex.Row > 100, $"row {ex.Row}");
    }

    [Theory]
    [InlineData("not xml")]
    [InlineData("<sanctionsData/>")]
    [InlineData("<CONSOLIDATED_LIST dateGenerated=\"2026-02-27\"/>")]
    public async Task LoadAsync_NotAUnList_Throws(string text)
    {
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => XmlTestData.LoadUn(text));
        Assert.Equal("t.xml", ex.File);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_ThrowsFormatExceptionNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".xml");
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => new UnConsolidatedXmlProvider(path).LoadAsync());
        Assert.Equal(path, ex.File);
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchlistSpec_UnKind_LoadsTheFile()
    {
        var provider = WatchlistSpec.CreateProvider("un:" + XmlTestData.UnFixture);
        Assert.IsType<UnConsolidatedXmlProvider>(provider);
        Assert.Equal(17, (await provider.LoadAsync()).Entries.Count);
    }
}
