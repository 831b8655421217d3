using System.Security.Cryptography;
using System.Text;
using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Ofac;

public class OfacLegacyReaderTests
{
    private const string Empty8 = "-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ";

    private static async Task<Watchlist> Sdn() => await new OfacSdnProvider(OfacFixtures.SdnFolder).LoadAsync();

    private static async Task<Watchlist> Cons() => await new OfacConsolidatedProvider(OfacFixtures.ConsFolder).LoadAsync();

    [Fact]
    public async Task LoadAsync_Kupol_LoadsNameAliasesCountryProgramAndTaxId()
    {
        var list = await Sdn();
        var e = Assert.Single(list.Entries, x => x.Id == "46431");
        Assert.Equal("JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL", e.PrimaryName);
        Assert.Equal(EntityType.Organization, e.Type);
        Assert.Equal(
            [new("JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL", NameStrength.Primary), new("JSC IEMZ KUPOL", NameStrength.Strong),
             new("AO IEMZ KUPOL", NameStrength.Strong), new("AKTSIONERNOE OBSHCHESTVO IZHEVSKI ELEKTROMEKHANICHESKI ZAVOD KUPOL", NameStrength.Strong)],
            e.Names);
        Assert.Equal(["RU"], e.Countries);
        Assert.Equal(["RUSSIA-EO14024"], e.Programs);
        Assert.Contains(new EntryIdentifier("Tax ID No.", "1831083343", "RU"), e.Identifiers);
        Assert.Contains(new EntryIdentifier("Business Registration Number", "1021801143374", "RU"), e.Identifiers);
        Assert.Equal(new EntryAddress("ul. Pesochnaya 3", "Izhevsk, Udmurtia Republic 426033", "Russia", "RU"), Assert.Single(e.Addresses));
        Assert.StartsWith("Website www.kupol.ru;", e.Remarks);
        Assert.Equal("sdn.csv line 32", e.SourceReference);
    }

    [Fact]
    public async Task LoadAsync_EmptyMarker_NeverBecomesAValue()
    {
        var list = await Sdn();
        foreach (var e in list.Entries)
        {
            Assert.DoesNotContain("-0-", e.Remarks ?? "");
            Assert.All(e.Names, n => Assert.DoesNotContain("-0-", n.Value));
            Assert.All(e.Tags, t => Assert.DoesNotContain("-0-", t));
            Assert.All(e.Programs, p => Assert.DoesNotContain("-0-", p));
            Assert.All(e.Addresses, a => Assert.DoesNotContain("-0-", $"{a.Street}|{a.City}|{a.Country}"));
        }
        // Entity 34940 is a vessel with a type and GRT but no call sign, tonnage or owner.
        var vessel = Assert.Single(list.Entries, x => x.Id == "34940");
        Assert.Equal(EntityType.Vessel, vessel.Type);
        Assert.Equal(["vessel-type:Roll-on Roll-off", "vessel-flag:Russia", "grt:8831"], vessel.Tags);
        Assert.DoesNotContain(vessel.Identifiers, i => i.Type == "Call Sign");
    }

    [Fact]
    public async Task LoadAsync_Types_MapFromSdnType()
    {
        var list = await Sdn();
        Assert.Equal(EntityType.Organization, list.Entries.Single(x => x.Id == "306").Type);   // "-0- "
        Assert.Equal(EntityType.Person, list.Entries.Single(x => x.Id == "3754").Type);        // individual
        Assert.Equal(EntityType.Vessel, list.Entries.Single(x => x.Id == "30823").Type);       // vessel
        Assert.Equal(EntityType.Aircraft, list.Entries.Single(x => x.Id == "35280").Type);     // aircraft
    }

    [Fact]
    public async Task LoadAsync_AliasKinds_AkaStrongFkaFormerRemarksAkaWeak()
    {
        var list = await Sdn();
        var sber = list.Entries.Single(x => x.Id == "17018");
        Assert.Contains(new EntryName("SBERBANK OF RUSSIA", NameStrength.Strong), sber.Names);           // alt.csv aka
        Assert.Contains(new EntryName("OJSC SBERBANK OF RUSSIA", NameStrength.Former), sber.Names);      // alt.csv fka
        Assert.Contains(new EntryName("SBERBANK INDIA", NameStrength.Weak), sber.Names);                 // remarks a.k.a.
        Assert.Contains(new EntryName("BNC", NameStrength.Weak), list.Entries.Single(x => x.Id == "306").Names);
        Assert.Contains(new EntryName("LADY D", NameStrength.Former), list.Entries.Single(x => x.Id == "34941").Names);
        Assert.Contains(new EntryName("ABU-'UMAR", NameStrength.Weak), list.Entries.Single(x => x.Id == "3754").Names);
    }

    [Fact]
    public async Task LoadAsync_PersonName_KeptAsSourceWritesIt()
    {
        var e = (await Sdn()).Entries.Single(x => x.Id == "16660");
        Assert.Equal("MATVIYENKO, Valentina Ivanovna", e.PrimaryName);
        Assert.Equal(EntityType.Person, e.Type);
    }

    [Fact]
    public async Task LoadAsync_MultiProgramEntry_SplitsPrograms()
    {
        var e = (await Sdn()).Entries.Single(x => x.Id == "17018");
        Assert.Equal(["UKRAINE-EO13662", "RUSSIA-EO14024"], e.Programs);
    }

    [Fact]
    public async Task LoadAsync_HongKongAddressWrittenAsChina_GetsHkCode()
    {
        var e = (await Sdn()).Entries.Single(x => x.Id == "37839"); // EMC SUD LIMITED, "Kwun Tong, Hong Kong", "China"
        var a = Assert.Single(e.Addresses);
        Assert.Equal("China", a.Country);
        Assert.Equal("HK", a.CountryCode);
        Assert.Equal(["HK"], e.Countries);
        Assert.Contains(new EntryIdentifier("Registration Number", "2550003", "HK"), e.Identifiers);
    }

    [Fact]
    public async Task LoadAsync_VesselFields_BecomeIdentifiersTagsAndFlagCountry()
    {
        var e = (await Sdn()).Entries.Single(x => x.Id == "30823"); // FORTUNA: call sign UBDP8, flag Russia, IMO 8674156
        Assert.Contains(new EntryIdentifier("Call Sign", "UBDP8"), e.Identifiers);
        Assert.Contains(new EntryIdentifier("IMO", "8674156"), e.Identifiers);
        Assert.Equal(["RU"], e.Countries);
        Assert.Equal(["CAATSA - RUSSIA", "PEESA-EO14039"], e.Programs);
    }

    [Fact]
    public async Task LoadAsync_Orphans_CountedWithFileAndRow()
    {
        var list = await Sdn();
        var orphans = list.Report.Issues.Where(i => i.Kind == LoadIssueKind.Orphan).ToList();
        Assert.Equal(3, orphans.Count(i => Path.GetFileName(i.File) == "alt.csv"));
        Assert.Equal(3, orphans.Count(i => Path.GetFileName(i.File) == "add.csv"));
        Assert.Equal(1, orphans.Count(i => Path.GetFileName(i.File) == "sdn_comments.csv"));
        Assert.All(orphans, o => Assert.True(o.Row > 0));
        Assert.Contains(orphans, o => o.Message.Contains("57817", StringComparison.Ordinal) && Path.GetFileName(o.File) == "add.csv");
        Assert.Equal(0, list.Report.RowsRejected);
        Assert.Equal(OfacFixtures.SdnEntries, list.Report.RowsRead);

        var cons = await Cons();
        Assert.Equal(3, cons.Report.Count(LoadIssueKind.Orphan));
    }

    [Fact]
    public async Task LoadAsync_CommentAtCut_AppendedVerbatim()
    {
        var list = await Sdn();
        // 44718's remarks stop at 1,000 characters with "... By U.S. "; the comment continues "Financial Institutions".
        var e = list.Entries.Single(x => x.Id == "44718");
        Assert.Contains("Controlled By U.S. Financial Institutions", e.Remarks);
        Assert.True(e.Remarks!.Length > 1000);
        Assert.DoesNotContain(list.Report.Issues, i => i.Kind == LoadIssueKind.Warning && i.Message.Contains("entry 44718", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_CommentForUncutRemarks_WarnsAndAppendsWholeSegmentsOnly()
    {
        var list = await Sdn();
        // 22985's remarks (281 characters) are complete; the newer comments file continues a longer remark whose
        // first piece ("4X3191Z8") is the end of an address cut in the other publication.
        var warning = Assert.Single(list.Report.Issues, i => i.Kind == LoadIssueKind.Warning && i.Message.Contains("entry 22985", StringComparison.Ordinal));
        Assert.Equal("remarks", warning.Field);
        Assert.Contains("'4X3191Z8' is dropped", warning.Message, StringComparison.Ordinal);
        var e = list.Entries.Single(x => x.Id == "22985");
        Assert.Contains("'KYONGYONG CREDIT BANK'.; alt. Digital Currency Address - USDT TE3mCcPULjPUE7ykX7RArDPAhyahoy3d2j;", e.Remarks, StringComparison.Ordinal);
        Assert.DoesNotContain("4X3191Z8", e.Remarks, StringComparison.Ordinal);
        Assert.Contains(e.Identifiers, i => i.Type == "Digital Currency Address - USDT");
    }

    [Fact]
    public async Task LoadAsync_Version_IsHashOfFilesInFixedOrder()
    {
        var list = await Sdn();
        var bytes = new List<byte>();
        foreach (var f in new[] { "sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv" })
            bytes.AddRange(File.ReadAllBytes(Path.Combine(OfacFixtures.SdnFolder, f)));
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));
        Assert.Equal(sha, list.Version.Sha256);
        Assert.Equal("sha256:" + sha[..12], list.Version.Label);
        Assert.Null(list.Version.PublishedAt);
        Assert.Equal("ofac-sdn", list.Id);
        Assert.Equal("ofac-cons", (await Cons()).Id);
    }

    [Fact]
    public async Task LoadAsync_Consolidated_ReadsSameFormat()
    {
        var list = await Cons();
        var e = list.Entries.Single(x => x.Id == "17014");
        Assert.Equal(["UKRAINE-EO13662", "RUSSIA-EO14024"], e.Programs);
        Assert.Contains(e.Identifiers, i => i.Type == "SWIFT/BIC" && i.Value == "RUAGRUMM");
        Assert.Equal(EntityType.Person, list.Entries.Single(x => x.Id == "9639").Type);
        Assert.Contains(new EntryName("Sweet Micky", NameStrength.Weak), list.Entries.Single(x => x.Id == "50476").Names);
        Assert.Equal(0, list.Report.RowsRejected);
    }

    [Fact]
    public async Task LoadAsync_OnlyPrimaryFile_Loads()
    {
        using var dir = new OfacFixtures.TempFolder();
        File.Copy(Path.Combine(OfacFixtures.SdnFolder, "sdn.csv"), Path.Combine(dir.Path, "sdn.csv"));
        var list = await new OfacSdnProvider(dir.Path).LoadAsync();
        Assert.Equal(OfacFixtures.SdnEntries, list.Entries.Count);
        Assert.Single(list.Entries.Single(x => x.Id == "46431").Names);
        // The absent optional files are reported, never silent (issue #12), and nothing else is.
        Assert.All(list.Report.Issues, i => Assert.Equal(LoadIssueKind.MissingFile, i.Kind));
        Assert.Equal(["alt.csv", "add.csv", "sdn_comments.csv"], list.Report.Issues.Select(i => Path.GetFileName(i.File)));
    }

    [Fact]
    public async Task LoadAsync_UpperCaseFileNames_Found()
    {
        using var dir = new OfacFixtures.TempFolder();
        File.Copy(Path.Combine(OfacFixtures.SdnFolder, "sdn.csv"), Path.Combine(dir.Path, "SDN.CSV"));
        File.Copy(Path.Combine(OfacFixtures.SdnFolder, "alt.csv"), Path.Combine(dir.Path, "ALT.CSV"));
        var list = await new OfacSdnProvider(dir.Path).LoadAsync();
        Assert.Equal(4, list.Entries.Single(x => x.Id == "46431").Names.Count);
    }

    [Fact]
    public async Task LoadAsync_MissingPrimaryFile_ThrowsNamingPath()
    {
        using var dir = new OfacFixtures.TempFolder();
        File.Copy(Path.Combine(OfacFixtures.SdnFolder, "alt.csv"), Path.Combine(dir.Path, "alt.csv"));
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => new OfacSdnProvider(dir.Path).LoadAsync());
        Assert.Equal(Path.Combine(dir.Path, "sdn.csv"), ex.File);
        Assert.IsType<FileNotFoundException>(ex.InnerException);
        Assert.Contains("sdn.csv", ex.Message);
    }

    [Fact]
    public async Task LoadAsync_MissingFolder_ThrowsNamingPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-ofac-" + Guid.NewGuid().ToString("N"));
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => new OfacConsolidatedProvider(path).LoadAsync());
        Assert.Equal(path, ex.File);
        Assert.Contains("cons_prim.csv", ex.Message);
    }

    [Fact]
    public async Task LoadAsync_PathToFileInFolder_UsesFolder()
    {
        var list = await new OfacSdnProvider(Path.Combine(OfacFixtures.SdnFolder, "sdn.csv")).LoadAsync();
        Assert.Equal(OfacFixtures.SdnEntries, list.Entries.Count);
    }

    [Fact]
    public void Parse_NonNumericEntNum_RejectedWithFileRowField()
    {
        var list = OfacFixtures.ParseSdn($"1,\"A CO\",{Empty8},-0- ,-0- \r\nX12,\"B CO\",{Empty8},-0- ,-0- \r\n3,\"C CO\",{Empty8},-0- ,-0- \r\n\u001a");
        Assert.Equal(["1", "3"], list.Entries.Select(e => e.Id));
        var issue = Assert.Single(list.Report.Issues);
        Assert.Equal(new LoadIssue(LoadIssueKind.Rejected, "sdn.csv", 2, "ent_num", "'X12' is not an entry number; row not loaded"), issue);
        Assert.Equal(3, list.Report.RowsRead);
        Assert.Equal(list.Report.RowsRead, list.Report.EntriesLoaded + list.Report.RowsRejected);
    }

    [Theory]
    [InlineData("5,\"SHORT ROW\",-0- ,\"SDGT\"", "Title")]
    [InlineData("5,-0- ,-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ", "SDN_Name")]
    [InlineData("5,\"TOO MANY\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ", null)]
    public void Parse_BadPrimaryRow_RejectedOthersLoaded(string badRow, string? field)
    {
        var list = OfacFixtures.ParseSdn($"1,\"A CO\",{Empty8},-0- ,-0- \r\n{badRow}\r\n");
        Assert.Single(list.Entries);
        var issue = Assert.Single(list.Report.Issues);
        Assert.Equal(LoadIssueKind.Rejected, issue.Kind);
        Assert.Equal(2, issue.Row);
        Assert.Equal(field, issue.Field);
        Assert.Equal(2, list.Report.RowsRead);
    }

    [Fact]
    public void Parse_TruncatedInsideQuotedField_ThrowsNamingFileRowField()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() =>
            OfacFixtures.ParseSdn($"1,\"A CO\",{Empty8},-0- ,-0- \r\n2,\"B CO\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1960; Passport 12"));
        Assert.Equal("sdn.csv", ex.File);
        Assert.Equal(2, ex.Row);
        Assert.Equal("#12", ex.Field);
        Assert.Contains("unterminated", ex.Reason);
    }

    [Fact]
    public void Parse_BadQuoting_ThrowsNamingFileRowField()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() =>
            OfacFixtures.ParseSdn($"1,\"A CO\",{Empty8},-0- ,-0- \r\n2,\"B \"CO\" X\",{Empty8},-0- ,-0- \r\n"));
        Assert.Equal("sdn.csv", ex.File);
        Assert.Equal(2, ex.Row);
        Assert.Equal("#2", ex.Field);
    }

    [Fact]
    public void Parse_BadQuotingInSecondaryFile_Throws()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() =>
            OfacFixtures.ParseSdn($"1,\"A CO\",{Empty8},-0- ,-0- \r\n", alt: "1,10,\"aka\",\"B\"C\",-0- \r\n"));
        Assert.Equal("alt.csv", ex.File);
        Assert.Equal(1, ex.Row);
    }

    [Fact]
    public void Parse_MalformedSecondaryRows_WarnedNotRejected()
    {
        var list = OfacFixtures.ParseSdn($"1,\"A CO\",{Empty8},-0- ,-0- \r\n",
            alt: "1,10,\"aka\",\"B CO\",-0- \r\nX,11,\"aka\",\"C CO\",-0- \r\n1,12,\"aka\"\r\n1,13,\"zka\",\"D CO\",-0- \r\n1,14,\"aka\",-0- ,-0- \r\n");
        var e = Assert.Single(list.Entries);
        Assert.Equal(["A CO", "B CO", "D CO"], e.Names.Select(n => n.Value));
        Assert.Equal(4, list.Report.Count(LoadIssueKind.Warning));
        Assert.Equal(0, list.Report.RowsRejected);
        Assert.Contains(list.Report.Issues, i => i.Row == 2 && i.Field == "ent_num");
        Assert.Contains(list.Report.Issues, i => i.Row == 4 && i.Field == "alt_type");
    }

    [Fact]
    public void Parse_WeakMarkInAliasRemarks_Weak()
    {
        var list = OfacFixtures.ParseSdn($"1,\"A CO\",{Empty8},-0- ,-0- \r\n", alt: "1,10,\"aka\",\"ACO\",\"weak alias\"\r\n1,11,\"nka\",\"A NEW CO\",-0- \r\n");
        Assert.Equal([NameStrength.Primary, NameStrength.Weak, NameStrength.Strong], list.Entries[0].Names.Select(n => n.Strength));
    }

    [Fact]
    public void Parse_DuplicateEntNum_ReportedBothLoadedRelatedRowsApplyToBoth()
    {
        var list = OfacFixtures.ParseSdn($"7,\"A CO\",{Empty8},-0- ,-0- \r\n7,\"A COMPANY\",{Empty8},-0- ,-0- \r\n",
            alt: "7,1,\"aka\",\"A ALIAS\",-0- \r\n");
        Assert.Equal(2, list.Entries.Count);
        var dup = Assert.Single(list.Report.Issues);
        Assert.Equal(LoadIssueKind.Duplicate, dup.Kind);
        Assert.Equal(2, dup.Row);
        Assert.All(list.Entries, e => Assert.Contains(e.Names, n => n.Value == "A ALIAS"));
    }

    [Fact]
    public void Parse_UnknownType_WarnsAndLoadsAsUnknown()
    {
        var list = OfacFixtures.ParseSdn("1,\"A THING\",\"spaceship\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        Assert.Equal(EntityType.Unknown, Assert.Single(list.Entries).Type);
        Assert.Equal("SDN_Type", Assert.Single(list.Report.Issues).Field);
    }

    [Fact]
    public void Parse_EmptyPrimaryFile_EmptyList()
    {
        var list = OfacFixtures.ParseSdn("\u001a");
        Assert.Empty(list.Entries);
        Assert.Equal(0, list.Report.RowsRead);
    }

    [Fact]
    public void Parse_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var f = OfacFixtures.ReadSet(OfacFileSet.Sdn, OfacFixtures.SdnFolder);
        Assert.ThrowsAny<OperationCanceledException>(() => OfacLegacyReader.Parse(OfacFileSet.Sdn, f[0], f[1], f[2], f[3], cts.Token));
    }

    [Theory]
    [InlineData("ofac-sdn:some/dir", typeof(OfacSdnProvider))]
    [InlineData("OFAC-CONS:some/dir", typeof(OfacConsolidatedProvider))]
    public void WatchlistSpec_OfacKinds_CreateProviders(string spec, Type expected)
    {
        var p = WatchlistSpec.CreateProvider(spec);
        Assert.IsType(expected, p);
        Assert.EndsWith(":some/dir", p.Source);
        Assert.Contains("ofac-sdn", WatchlistSpec.Kinds);
        Assert.Contains("ofac-cons", WatchlistSpec.Kinds);
    }

    [Fact]
    public async Task LoadAsync_Fixture_IsByteExactLegacyFormat()
    {
        // The excerpts must stay byte-exact copies: CRLF only, final 0x1A, no header, Latin-1 (here ASCII).
        foreach (var folder in new[] { OfacFixtures.SdnFolder, OfacFixtures.ConsFolder })
        {
            foreach (var file in Directory.GetFiles(folder, "*.csv"))
            {
                var b = await File.ReadAllBytesAsync(file);
                Assert.Equal(0x1A, b[^1]);
                Assert.Equal((byte)'\n', b[^2]);
                Assert.Equal((byte)'\r', b[^3]);
                for (var i = 0; i < b.Length; i++)
                    if (b[i] == '\n') Assert.Equal((byte)'\r', b[i - 1]);
                Assert.True(char.IsDigit((char)b[0]), file);
            }
        }
        Assert.Contains("-0- ,", Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(OfacFixtures.SdnFolder, "sdn.csv"))));
    }
}
