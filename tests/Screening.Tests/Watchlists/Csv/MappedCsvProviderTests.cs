using System.Text;
using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Csv;

public sealed class MappedCsvProviderContractTests : WatchlistProviderContract
{
    internal static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "csv", "inhouse.csv");
    internal static string FixtureMapping => Fixture + ".mapping.json";
    protected override IWatchlistProvider CreateProvider() => new MappedCsvProvider(Fixture);
    protected override IWatchlistProvider CreateMissingSourceProvider() => new MappedCsvProvider(Fixture + ".missing", FixtureMapping);
    protected override int ExpectedEntryCount => 10;
    protected override (string Id, string Name) KnownEntry => ("IH-001", "OOO \"Vostok-Mikrotekh\"");
}

public class MappedCsvProviderTests
{
    private static Task<Watchlist> LoadFixture() => new MappedCsvProvider(MappedCsvProviderContractTests.Fixture).LoadAsync();

    private static CsvMapping Simple(bool header = true) => new()
    {
        ListId = "t",
        HasHeader = header,
        Name = header ? CsvColumn.Named("name") : CsvColumn.At(1),
        Id = header ? CsvColumn.Named("id") : CsvColumn.At(0),
    };

    private static Task<Watchlist> Load(string text, CsvMapping mapping) => Load(Encoding.UTF8.GetBytes(text), mapping);

    private static Task<Watchlist> Load(byte[] bytes, CsvMapping mapping) =>
        new MappedCsvProvider(() => new MemoryStream(bytes, writable: false), "t.csv", mapping).LoadAsync();

    private static WatchlistFormatException MappingError(string json) =>
        Assert.Throws<WatchlistFormatException>(() => CsvMapping.Parse(Encoding.UTF8.GetBytes(json), "m.json"));

    private static WatchlistEntry Entry(Watchlist list, string id) => Assert.Single(list.Entries, e => e.Id == id);

    [Fact]
    public async Task LoadAsync_Fixture_MapsEveryColumn()
    {
        var list = await LoadFixture();
        Assert.Equal("acme-inhouse", list.Id);
        Assert.Equal("ACME in-house restricted counterparties", list.DisplayName);
        Assert.Empty(list.Report.Issues);
        var e = Entry(list, "IH-001");
        Assert.Equal(["OOO \"Vostok-Mikrotekh\"", "Vostok Microtech LLC", "ООО «Восток-Микротех»"], e.Names.Select(n => n.Value));
        Assert.Equal([NameStrength.Primary, NameStrength.Strong, NameStrength.Strong], e.Names.Select(n => n.Strength));
        Assert.Equal(EntityType.Organization, e.Type);
        Assert.Equal(["RU"], e.Countries);
        Assert.Equal([new EntryIdentifier("INN", "7701000001", "RU"), new EntryIdentifier("OGRN", "1027700000001", "RU")], e.Identifiers);
        Assert.Equal(["RU-DEFENSE"], e.Programs);
        Assert.Equal("Connectors for a missile plant", e.Remarks);
        Assert.Equal(["list:In-house"], e.Tags);
        Assert.Equal("inhouse.csv, line 2", e.SourceReference);
    }

    [Fact]
    public async Task LoadAsync_Fixture_TypesCountriesAndMultiLineRemarks()
    {
        var list = await LoadFixture();
        Assert.Equal(EntityType.Person, Entry(list, "IH-006").Type);
        Assert.Equal(EntityType.Vessel, Entry(list, "IH-009").Type);
        Assert.Equal(EntityType.Organization, Entry(list, "IH-007").Type); // empty Kind: the default
        Assert.Equal(EntityType.Organization, Entry(list, "IH-010").Type); // "c": values are case-insensitive
        Assert.Equal(["TR"], Entry(list, "IH-004").Countries);
        Assert.Equal(["KZ"], Entry(list, "IH-008").Countries);
        var gulf = Entry(list, "IH-005");
        Assert.Equal(["AE", "RU"], gulf.Countries);
        Assert.Equal(["RE-EXPORT", "RU-DEFENSE"], gulf.Programs);
        Assert.Equal("Two addresses:\r\nDubai and Moscow", gulf.Remarks);
        Assert.Equal(new EntryIdentifier("Unified Social Credit Code (USCC)", "91440300MA00000001", "CN"), Assert.Single(Entry(list, "IH-002").Identifiers));
        Assert.Equal("inhouse.csv, line 8", Entry(list, "IH-006").SourceReference);
    }

    [Fact]
    public async Task LoadAsync_Fixture_VersionIsHashOfCsvBytes()
    {
        var list = await LoadFixture();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(MappedCsvProviderContractTests.Fixture)));
        Assert.Equal(sha, list.Version.Sha256);
        Assert.Equal("sha256:" + sha[..12], list.Version.Label);
        Assert.Null(list.Version.PublishedAt);
    }

    [Fact]
    public async Task CreateProvider_CsvSpec_UsesSiblingMapping()
    {
        var provider = WatchlistSpec.CreateProvider("csv:" + MappedCsvProviderContractTests.Fixture);
        Assert.IsType<MappedCsvProvider>(provider);
        Assert.Equal(10, (await provider.LoadAsync()).Entries.Count);
    }

    [Fact]
    public async Task CreateProvider_CsvSpecWithMap_UsesNamedMapping()
    {
        var dir = Directory.CreateTempSubdirectory("mapped-csv-");
        try
        {
            var csv = Path.Combine(dir.FullName, "list.csv");
            var map = Path.Combine(dir.FullName, "other-name.json");
            File.Copy(MappedCsvProviderContractTests.Fixture, csv);
            File.Copy(MappedCsvProviderContractTests.FixtureMapping, map);
            var provider = WatchlistSpec.CreateProvider($"csv:{csv}?map={map}");
            Assert.Equal($"csv:{csv}?map={map}", provider.Source);
            Assert.Equal(10, (await provider.LoadAsync()).Entries.Count);

            // Without ?map the sibling list.csv.mapping.json is looked for, and its absence is explained.
            var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => WatchlistSpec.CreateProvider("csv:" + csv).LoadAsync());
            Assert.Equal(csv + ".mapping.json", ex.File);
            Assert.Contains("?map=", ex.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("csv:list.csv?mapping=m.json")]
    [InlineData("csv:list.csv?map=")]
    [InlineData("csv:?map=m.json")]
    public void CreateProvider_CsvSpecBadQuery_ThrowsFormatException(string spec)
    {
        var ex = Assert.Throws<FormatException>(() => WatchlistSpec.CreateProvider(spec));
        Assert.Contains("?map=", ex.Message);
    }

    [Fact]
    public void CreateProvider_CslSpec_CreatesCslProvider()
    {
        Assert.IsType<CslProvider>(WatchlistSpec.CreateProvider("csl:data/consolidated.csv"));
        Assert.Contains("csl", WatchlistSpec.Kinds);
        Assert.Contains("csv", WatchlistSpec.Kinds);
    }

    [Fact]
    public async Task LoadAsync_NoHeaderPositions_DefaultIdIsRowNumber()
    {
        var mapping = new CsvMapping { ListId = "t", HasHeader = false, Name = CsvColumn.At(1), Country = CsvColumn.At(0) };
        var list = await Load("RU,Alpha\nCN,Beta\n\nHK,Gamma\n", mapping);
        Assert.Equal(["1", "2", "3"], list.Entries.Select(e => e.Id));
        Assert.Equal(["Alpha", "Beta", "Gamma"], list.Entries.Select(e => e.PrimaryName));
        Assert.Equal(["HK"], list.Entries[2].Countries);
    }

    [Fact]
    public async Task LoadAsync_NoHeaderShortRow_Rejected()
    {
        var mapping = new CsvMapping { ListId = "t", HasHeader = false, Name = CsvColumn.At(1) };
        var list = await Load("RU,Alpha\nlonely\n", mapping);
        Assert.Single(list.Entries);
        var rejected = Assert.Single(list.Report.Issues);
        Assert.Equal(LoadIssueKind.Rejected, rejected.Kind);
        Assert.Equal(2, rejected.Row);
        Assert.Contains("#1", rejected.Message);
    }

    [Fact]
    public async Task LoadAsync_Latin1_DecodesHighBytes()
    {
        var mapping = new CsvMapping { ListId = "t", Name = CsvColumn.Named("name"), Encoding = CsvTextEncoding.Latin1, Separator = ';' };
        var list = await Load(Encoding.Latin1.GetBytes("name;x\nSociété Générale;1\n"), mapping);
        Assert.Equal("Société Générale", list.Entries[0].PrimaryName);
    }

    [Fact]
    public async Task LoadAsync_Windows1252_DecodesPunctuationRange()
    {
        var mapping = new CsvMapping { ListId = "t", Name = CsvColumn.Named("name"), Encoding = CsvTextEncoding.Windows1252 };
        var list = await Load([.. "name\n"u8, 0x8A, .. "koda\n"u8], mapping);
        Assert.Equal("Škoda", list.Entries[0].PrimaryName);
    }

    [Fact]
    public async Task LoadAsync_Utf8BomWithLatin1Mapping_BomWins()
    {
        var mapping = new CsvMapping { ListId = "t", Name = CsvColumn.Named("name"), Encoding = CsvTextEncoding.Latin1 };
        var list = await Load([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("name\nÄrzte AG\n")], mapping);
        Assert.Equal("Ärzte AG", list.Entries[0].PrimaryName);
    }

    [Fact]
    public async Task LoadAsync_EmptyNameAndEmptyId_RejectedWithRowAndColumn()
    {
        var list = await Load("id,name\n1,Alpha\n2,\n,Gamma\n4,Delta\n", Simple());
        Assert.Equal(["1", "4"], list.Entries.Select(e => e.Id));
        var rejected = list.Report.Issues.Where(i => i.Kind == LoadIssueKind.Rejected).ToList();
        Assert.Equal([(3L, "name"), (4L, "id")], rejected.Select(r => (r.Row, r.Field!)));
        Assert.Equal(4, list.Report.RowsRead);
        Assert.Equal(list.Report.RowsRead, list.Report.EntriesLoaded + list.Report.RowsRejected);
    }

    [Fact]
    public async Task LoadAsync_RowWithWrongFieldCount_Rejected()
    {
        var list = await Load("id,name\n1,Alpha\n2,Beta,extra\n3\n", Simple());
        Assert.Single(list.Entries);
        Assert.Equal(2, list.Report.RowsRejected);
    }

    [Fact]
    public async Task LoadAsync_DuplicateIds_ReportedBothLoaded()
    {
        var list = await Load("id,name\n1,Alpha\n1,Alpha Two\n", Simple());
        Assert.Equal(2, list.Entries.Count);
        var dup = Assert.Single(list.Report.Issues);
        Assert.Equal(LoadIssueKind.Duplicate, dup.Kind);
        Assert.Equal(3, dup.Row);
        Assert.Contains("line 2", dup.Message);
    }

    [Fact]
    public async Task LoadAsync_UnknownCountryAndType_WarnedAndLoaded()
    {
        var mapping = new CsvMapping
        {
            ListId = "t", Name = CsvColumn.Named("name"), Country = CsvColumn.Named("country"), Type = CsvColumn.Named("kind"),
            DefaultType = EntityType.Organization,
        };
        var list = await Load("name,country,kind\nAlpha,Narnia;RU,spaceship\n", mapping);
        var e = Assert.Single(list.Entries);
        Assert.Equal(["RU"], e.Countries);
        Assert.Equal(EntityType.Organization, e.Type);
        Assert.Equal(["kind", "country"], list.Report.Issues.Where(i => i.Kind == LoadIssueKind.Warning).Select(i => i.Field));
    }

    [Fact]
    public async Task LoadAsync_IdentifierSeparator_SplitsCell()
    {
        var mapping = new CsvMapping
        {
            ListId = "t", Name = CsvColumn.Named("name"),
            Identifiers = [new CsvIdentifierColumn(CsvColumn.Named("inn"), "INN", "Russia", "/")],
        };
        var list = await Load("name,inn\nAlpha,7701000001 / 7701000002\n", mapping);
        Assert.Equal([new EntryIdentifier("INN", "7701000001", "RU"), new EntryIdentifier("INN", "7701000002", "RU")], list.Entries[0].Identifiers);
    }

    [Fact]
    public async Task LoadAsync_MappedColumnMissingFromHeader_ThrowsNamingColumnAndField()
    {
        var mapping = new CsvMapping { ListId = "t", Name = CsvColumn.Named("name"), Aliases = CsvColumn.Named("Also known as") };
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => Load("name,aka\nAlpha,A\n", mapping));
        Assert.Equal("t.csv", ex.File);
        Assert.Equal(1, ex.Row);
        Assert.Equal("Also known as", ex.Field);
        Assert.Contains("mapping field 'aliases'", ex.Message);
        Assert.Contains("name, aka", ex.Message);
    }

    [Fact]
    public async Task LoadAsync_RequiredNameColumnMissing_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => Load("id,company\n1,Alpha\n", Simple()));
        Assert.Equal("name", ex.Field);
    }

    [Fact]
    public async Task LoadAsync_PositionBeyondHeader_Throws()
    {
        var mapping = new CsvMapping { ListId = "t", Name = CsvColumn.At(5) };
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => Load("a,b\n1,2\n", mapping));
        Assert.Equal("#5", ex.Field);
    }

    [Fact]
    public async Task LoadAsync_HeaderNamesWithSpacesAndOtherCase_Matched()
    {
        var list = await Load(" ID , Name \n1,Alpha\n", Simple());
        Assert.Equal("Alpha", Assert.Single(list.Entries).PrimaryName);
    }

    [Fact]
    public async Task LoadAsync_BadQuoting_ThrowsNamingLineAndColumn()
    {
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => Load("id,name\n1,Alpha\n2,Be\"ta\n", Simple()));
        Assert.Equal(3, ex.Row);
        Assert.Equal("name", ex.Field);
        Assert.Contains("bad quoting", ex.Message);
    }

    [Fact]
    public async Task LoadAsync_TruncatedInsideQuotes_Throws()
    {
        var text = File.ReadAllText(MappedCsvProviderContractTests.Fixture);
        var cut = text.IndexOf("Dubai and", StringComparison.Ordinal);
        var mapping = CsvMapping.Load(MappedCsvProviderContractTests.FixtureMapping);
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => Load(text[..cut], mapping));
        Assert.Equal(6, ex.Row);
        Assert.Equal("Notes", ex.Field);
    }

    [Fact]
    public async Task LoadAsync_EmptyFileWithHeaderExpected_Throws()
    {
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => Load("", Simple()));
        Assert.Contains("header", ex.Reason);
    }

    [Fact]
    public async Task LoadAsync_MappingFileEdited_ReloadUsesNewMapping()
    {
        var dir = Directory.CreateTempSubdirectory("mapped-csv-");
        try
        {
            var csv = Path.Combine(dir.FullName, "l.csv");
            File.WriteAllText(csv, "id,name\n1,Alpha\n");
            File.WriteAllText(csv + ".mapping.json", """{"listId": "one", "name": "name"}""");
            var provider = new MappedCsvProvider(csv);
            Assert.Equal("one", (await provider.LoadAsync()).Id);
            File.WriteAllText(csv + ".mapping.json", """{"listId": "two", "name": "name", "id": "id"}""");
            Assert.Equal("two", (await provider.LoadAsync()).Id);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Constructor_InvalidMapping_ThrowsNamingField()
    {
        var mapping = new CsvMapping { ListId = "has space", Name = CsvColumn.Named("name") };
        var ex = Assert.Throws<WatchlistFormatException>(() => new MappedCsvProvider("x.csv", mapping));
        Assert.Equal("listId", ex.Field);
        Assert.Equal("mapping", ex.File);
    }

    [Fact]
    public void Validate_NamedColumnWithoutHeader_Throws()
    {
        var mapping = new CsvMapping { ListId = "t", HasHeader = false, Name = CsvColumn.Named("name") };
        var ex = Assert.Throws<WatchlistFormatException>(mapping.Validate);
        Assert.Equal("name", ex.Field);
        Assert.Contains("position", ex.Reason);
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\n')]
    public void Validate_BadSeparator_Throws(char separator)
    {
        var mapping = new CsvMapping { ListId = "t", Name = CsvColumn.Named("name"), Separator = separator };
        Assert.Equal("separator", Assert.Throws<WatchlistFormatException>(mapping.Validate).Field);
    }

    [Fact]
    public void Validate_EmptyAliasSeparator_Throws()
    {
        var mapping = new CsvMapping { ListId = "t", Name = CsvColumn.Named("name"), Aliases = CsvColumn.Named("a"), AliasSeparator = "" };
        Assert.Equal("aliases.separator", Assert.Throws<WatchlistFormatException>(mapping.Validate).Field);
    }

    [Fact]
    public void Validate_IdentifierWithoutType_Throws()
    {
        var mapping = new CsvMapping { ListId = "t", Name = CsvColumn.Named("name"), Identifiers = [new CsvIdentifierColumn(CsvColumn.Named("inn"), " ")] };
        Assert.Equal("identifiers[0].type", Assert.Throws<WatchlistFormatException>(mapping.Validate).Field);
    }

    [Fact]
    public void Parse_FixtureMapping_ReadsEveryField()
    {
        var m = CsvMapping.Load(MappedCsvProviderContractTests.FixtureMapping);
        Assert.Equal(MappedCsvProviderContractTests.FixtureMapping, m.Origin);
        Assert.Equal(';', m.Separator);
        Assert.Equal(CsvTextEncoding.Utf8, m.Encoding);
        Assert.True(m.HasHeader);
        Assert.Equal(CsvColumn.Named("Counterparty"), m.Name);
        Assert.Equal("|", m.AliasSeparator);
        Assert.Equal(",", m.CountrySeparator);
        Assert.Equal(EntityType.Organization, m.DefaultType);
        Assert.Equal(EntityType.Vessel, m.TypeValues!["v"]);
        Assert.Equal(3, m.Identifiers.Count);
        Assert.Equal(["list:In-house"], m.Tags);
    }

    [Fact]
    public void Parse_ColumnPositionsAndTab_Read()
    {
        var m = CsvMapping.Parse("""{"listId": "x", "header": false, "separator": "tab", "encoding": "latin-1", "name": 2, "id": {"column": 0}}"""u8, "m.json");
        Assert.Equal('\t', m.Separator);
        Assert.Equal(CsvTextEncoding.Latin1, m.Encoding);
        Assert.Equal(CsvColumn.At(2), m.Name);
        Assert.Equal(CsvColumn.At(0), m.Id);
    }

    [Theory]
    [InlineData("""{"name": "n"}""", "listId")]
    [InlineData("""{"listId": "x"}""", "name")]
    [InlineData("""{"listId": "x", "name": "n", "alias": "a"}""", "alias")]
    [InlineData("""{"listId": "x", "name": "n", "aliases": {"column": "a", "sep": ";"}}""", "aliases.sep")]
    [InlineData("""{"listId": "x", "name": "n", "separator": ";;"}""", "separator")]
    [InlineData("""{"listId": "x", "name": "n", "encoding": "koi8-r"}""", "encoding")]
    [InlineData("""{"listId": "x", "name": "n", "header": "yes"}""", "header")]
    [InlineData("""{"listId": "x", "name": -1}""", "name")]
    [InlineData("""{"listId": "x", "name": true}""", "name")]
    [InlineData("""{"listId": "x", "name": "n", "type": {"column": "k", "values": {"C": "company-ish"}}}""", "type.values.C")]
    [InlineData("""{"listId": "x", "name": "n", "type": {"values": {"C": "organization"}}}""", "type.column")]
    [InlineData("""{"listId": "x", "name": "n", "type": {"default": "robot"}}""", "type.default")]
    [InlineData("""{"listId": "x", "name": "n", "identifiers": [{"column": "inn"}]}""", "identifiers[0].type")]
    [InlineData("""{"listId": "x", "name": "n", "identifiers": [{"type": "INN"}]}""", "identifiers[0].column")]
    [InlineData("""{"listId": "x", "name": "n", "identifiers": [{"column": "inn", "type": "INN", "country": "Atlantis"}]}""", "identifiers[0].country")]
    [InlineData("""{"listId": "x", "name": "n", "identifiers": {"column": "inn"}}""", "identifiers")]
    [InlineData("""{"listId": "x", "header": false, "name": "n"}""", "name")]
    [InlineData("""{"listId": "x", "name": "n", "tags": ["ok", 3]}""", "tags[1]")]
    [InlineData("""[1, 2]""", "$")]
    public void Parse_BadField_ErrorNamesFileAndField(string json, string field)
    {
        var ex = MappingError(json);
        Assert.Equal("m.json", ex.File);
        Assert.Equal(field, ex.Field);
        Assert.StartsWith("m.json", ex.Message);
    }

    [Fact]
    public void Parse_InvalidJson_NamesLine()
    {
        var ex = MappingError("{\n  \"listId\": \"x\",\n  \"name\": \n}");
        Assert.Equal(4, ex.Row);
        Assert.Contains("invalid JSON", ex.Reason);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingIt()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => CsvMapping.Load("/nonexistent/m.json"));
        Assert.Equal("/nonexistent/m.json", ex.File);
    }

    [Fact]
    public async Task LoadAsync_FixtureMutations_ListOrFormatErrorOnly()
    {
        var mapping = CsvMapping.Load(MappedCsvProviderContractTests.FixtureMapping);
        byte[] interesting = [(byte)'"', (byte)';', (byte)',', (byte)'|', (byte)'\n', (byte)'\r', 0x1A, 0xEF, 0xBB, 0xBF, 0xFF, 0xD0, 0x00];
        await CsvFuzz.AssertListOrFormatErrorOnly(File.ReadAllBytes(MappedCsvProviderContractTests.Fixture), 4242, 300, 6, interesting,
            bytes => Load(bytes, mapping));
    }

    [Fact]
    public void Parse_MappingMutations_MappingOrFormatErrorOnly()
    {
        var original = File.ReadAllBytes(MappedCsvProviderContractTests.FixtureMapping);
        var rng = new Random(77);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var bytes = (byte[])original.Clone();
            for (var m = 0; m < 1 + rng.Next(3); m++) bytes[rng.Next(bytes.Length)] = (byte)rng.Next(32, 127);
            try
            {
                CsvMapping.Parse(bytes, "m.json");
            }
            catch (WatchlistFormatException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {iteration} (seed 77) threw {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    // The real files are read from ../shared/data at test time only; nothing of them is committed.
    [SharedDataFact("us_csl/2022-05/consolidated.csv")]
    public async Task LoadAsync_RealCslThroughMapping_SameRowsAsCslProvider()
    {
        var path = SharedData.Find("us_csl/2022-05/consolidated.csv")!;
        var mapping = new CsvMapping
        {
            ListId = "csl-mapped", Name = CsvColumn.Named("name"), Id = CsvColumn.Named("_id"),
            Aliases = CsvColumn.Named("alt_names"), Programs = CsvColumn.Named("programs"), Remarks = CsvColumn.Named("remarks"),
            Type = CsvColumn.Named("type"), TypeValues = new Dictionary<string, EntityType> { ["Entity"] = EntityType.Organization },
            Country = CsvColumn.Named("nationalities"),
        };
        var list = await new MappedCsvProvider(path, mapping).LoadAsync();
        Assert.Equal(14160, list.Report.RowsRead);
        Assert.Equal(14160, list.Entries.Count);
        Assert.Equal(list.Report.RowsRead, list.Report.EntriesLoaded + list.Report.RowsRejected);
        // 71 _id values repeat (a party on two or three Treasury lists): one issue per repeat, as the CSL provider reports.
        Assert.Equal(112, list.Report.Count(LoadIssueKind.Duplicate));
        Assert.Equal(0, list.Report.Count(LoadIssueKind.Warning));
    }

    [SharedDataFact("eu_official_journal_opensanctions/consolidated/32014R0833.csv")]
    public async Task LoadAsync_RealEuExport_EmptyIdsRejectedRepeatsReported()
    {
        var path = SharedData.Find("eu_official_journal_opensanctions/consolidated/32014R0833.csv")!;
        var mapping = new CsvMapping
        {
            ListId = "eu-833", Name = CsvColumn.Named("name"), Id = CsvColumn.Named("recordId"),
            Aliases = CsvColumn.Named("alias"), Programs = CsvColumn.Named("annex"), Country = CsvColumn.Named("country"),
            Type = CsvColumn.Named("schema"),
            TypeValues = new Dictionary<string, EntityType> { ["LegalEntity"] = EntityType.Organization, ["Asset"] = EntityType.Unknown },
            Identifiers = [new CsvIdentifierColumn(CsvColumn.Named("innCode"), "INN", "RU"), new CsvIdentifierColumn(CsvColumn.Named("imoNumber"), "IMO")],
        };
        var list = await new MappedCsvProvider(path, mapping).LoadAsync();
        Assert.Equal(1746, list.Report.RowsRead);
        // 140 rows (annexes XIV, XV and others) have no recordId: rejected, each with its line.
        Assert.Equal(140, list.Report.RowsRejected);
        Assert.All(list.Report.Issues.Where(i => i.Kind == LoadIssueKind.Rejected), i => Assert.Equal("recordId", i.Field));
        Assert.Equal(1606, list.Entries.Count);
        Assert.Equal(633, list.Entries.Count(e => e.Type == EntityType.Vessel));
        // recordId restarts in every annex, so the repeats are reported, not hidden.
        Assert.True(list.Report.Count(LoadIssueKind.Duplicate) > 500);
        Assert.Contains(list.Entries, e => e.PrimaryName == "JSC Sirius" && e.Names.Any(n => n.Value == "JSC Concern Sirius"));

        // Without an id column every row loads, numbered.
        var numbered = await new MappedCsvProvider(path, new CsvMapping { ListId = "eu-833", Name = CsvColumn.Named("name") }).LoadAsync();
        Assert.Equal(1746, numbered.Entries.Count);
        Assert.Equal("1746", numbered.Entries[^1].Id);
    }

    [SharedDataFact("jp_meti_export_ban/meti_export_ban_entities_2025-09-12_parsed.csv")]
    public async Task LoadAsync_RealMetiList_EmptyEnglishNameRejected()
    {
        var path = SharedData.Find("jp_meti_export_ban/meti_export_ban_entities_2025-09-12_parsed.csv")!;
        var mapping = new CsvMapping
        {
            ListId = "jp-meti", Name = CsvColumn.Named("name_en"), Aliases = CsvColumn.Named("aliases"), Programs = CsvColumn.Named("list"),
            DefaultType = EntityType.Organization,
        };
        var list = await new MappedCsvProvider(path, mapping).LoadAsync();
        Assert.Equal(644, list.Report.RowsRead);
        Assert.Equal(1, list.Report.RowsRejected);
        Assert.Equal(643, list.Entries.Count);
        Assert.Equal("name_en", list.Report.Issues.Single(i => i.Kind == LoadIssueKind.Rejected).Field);
    }
}
