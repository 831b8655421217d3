using System.Text;
using Screening.Tests.Watchlists.Ofac;

namespace Screening.Tests.Watchlists;

using Screening.Watchlists;

/// <summary>Issue #12: encodings, folders where files belong, duplicate JSON keys, and OFAC files missing or cut short.</summary>
public class InputSafetyTests
{
    private static readonly byte[] Latin1Csl = Encoding.Latin1.GetBytes(
        "_id,source,name,type,programs,addresses,alt_names,ids\r\n" +
        "1,Entity List (EL) - Bureau of Industry and Security,ACME TRADING,Entity,,,,\r\n" +
        "2,Entity List (EL) - Bureau of Industry and Security,SOCIÉTÉ KUPOL,Entity,,,,\r\n");

    // --- Encodings -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task CslProvider_InvalidUtf8_ThrowsNamingFileRowAndByteOffset()
    {
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() =>
            new CslProvider(() => new MemoryStream(Latin1Csl), "cons.csv").LoadAsync());
        var offset = Array.IndexOf(Latin1Csl, (byte)0xC9);
        Assert.Equal("cons.csv", ex.File);
        Assert.Equal(3, ex.Row);
        Assert.Contains($"byte offset {offset}", ex.Message);
        Assert.Contains("0xC9", ex.Message);
        Assert.Contains("encoding=latin1", ex.Message);
    }

    [Fact]
    public async Task CslProvider_Latin1Declared_DecodesTheName()
    {
        var list = await new CslProvider(() => new MemoryStream(Latin1Csl), "cons.csv") { Encoding = CsvTextEncoding.Latin1 }.LoadAsync();
        Assert.Contains(list.Entries, e => e.PrimaryName == "SOCIÉTÉ KUPOL");
    }

    [Fact]
    public async Task WatchlistSpec_CslEncodingParameter_DecodesLatin1()
    {
        using var dir = new OfacFixtures.TempFolder();
        var path = Path.Combine(dir.Path, "consolidated.csv");
        await File.WriteAllBytesAsync(path, Latin1Csl);
        await Assert.ThrowsAsync<WatchlistFormatException>(() => WatchlistSpec.CreateProvider("csl:" + path).LoadAsync());
        var list = await WatchlistSpec.CreateProvider($"csl:{path}?encoding=latin1").LoadAsync();
        Assert.Contains(list.Entries, e => e.PrimaryName == "SOCIÉTÉ KUPOL");
        Assert.Throws<FormatException>(() => WatchlistSpec.CreateProvider($"csl:{path}?encoding=klingon"));
    }

    [Fact]
    public async Task CslProvider_Utf8Bom_Loads()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(Latin1Csl))).ToArray();
        var list = await new CslProvider(() => new MemoryStream(bytes), "cons.csv").LoadAsync();
        Assert.Contains(list.Entries, e => e.PrimaryName == "SOCIÉTÉ KUPOL");
    }

    [Fact]
    public async Task MappedCsvProvider_InvalidUtf8_ThrowsNamingFileRowAndByteOffset()
    {
        var bytes = Encoding.Latin1.GetBytes("name;id\nAcme;1\n\nSociété Générale;2\n");
        var mapping = new CsvMapping { ListId = "t", Name = CsvColumn.Named("name"), Separator = ';' };
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => new MappedCsvProvider(() => new MemoryStream(bytes), "in.csv", mapping).LoadAsync());
        Assert.Equal("in.csv", ex.File);
        Assert.Equal(4, ex.Row);
        Assert.Contains($"byte offset {Array.IndexOf(bytes, (byte)0xE9)}", ex.Message);
        Assert.Contains("\"encoding\"", ex.Message);
    }

    [Fact]
    public void JsonWatchlistProvider_InvalidUtf8_ThrowsNamingFileAndByteOffset()
    {
        var bytes = Encoding.Latin1.GetBytes("{\"id\":\"x\",\n\"entries\":[{\"id\":\"a\",\"names\":[\"Société\"]}]}");
        var ex = Assert.Throws<WatchlistFormatException>(() => JsonWatchlistProvider.Parse(bytes, "lists/x.json"));
        Assert.Equal("lists/x.json", ex.File);
        Assert.Equal(2, ex.Row);
        Assert.Contains($"byte offset {Array.IndexOf(bytes, (byte)0xE9)}", ex.Message);
    }

    [Fact]
    public void CsvReader_Open_InvalidUtf8AfterTheFirstBlock_NamesLineAndOffset()
    {
        using var dir = new OfacFixtures.TempFolder();
        var path = Path.Combine(dir.Path, "big.csv");
        var ms = new MemoryStream();
        var line = Encoding.ASCII.GetBytes("name\r\n");
        for (var i = 0; i < 30_000; i++) ms.Write(line); // 180,000 bytes: several decoder blocks
        ms.Write("Caf"u8);
        ms.WriteByte(0xE9);
        ms.Write("\r\n"u8);
        File.WriteAllBytes(path, ms.ToArray());
        using var csv = CsvReader.Open(path);
        var ex = Assert.Throws<WatchlistFormatException>(() => { while (csv.TryReadRecord(out _)) { } });
        Assert.Equal(30_001, ex.Row);
        Assert.Contains("byte offset 180003", ex.Message);
    }

    [Fact]
    public void CsvReader_Open_MultiByteCharactersAcrossBlocks_DecodeIntact()
    {
        using var dir = new OfacFixtures.TempFolder();
        var path = Path.Combine(dir.Path, "cyr.csv");
        var text = string.Concat(Enumerable.Repeat("АО ИЭМЗ Купол,深圳\n", 20_000));
        File.WriteAllText(path, text, new UTF8Encoding(false));
        using var csv = CsvReader.Open(path);
        var n = 0;
        while (csv.TryReadRecord(out var f))
        {
            Assert.Equal("АО ИЭМЗ Купол", f[0]);
            Assert.Equal("深圳", f[1]);
            n++;
        }
        Assert.Equal(20_000, n);
    }

    [Fact]
    public void Utf8Text_TruncatedSequenceAtTheEnd_IsInvalid()
    {
        Assert.Equal(3, Utf8Text.FindInvalid([(byte)'a', (byte)'b', (byte)'c', 0xD0]));
        Assert.Equal(-1, Utf8Text.FindInvalid("АО"u8));
    }

    // --- Folders where files belong -------------------------------------------------------------------------------

    public static TheoryData<string> FileKinds => ["json", "csl", "un", "ofac-xml"];

    [Theory]
    [MemberData(nameof(FileKinds))]
    public async Task LoadAsync_ListFileIsADirectory_SaysSo(string kind)
    {
        using var dir = new OfacFixtures.TempFolder();
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => WatchlistSpec.CreateProvider($"{kind}:{dir.Path}").LoadAsync());
        Assert.Contains("is a directory", ex.Message);
        Assert.Equal(dir.Path, ex.File);
    }

    [Fact]
    public async Task MappedCsvProvider_CsvFileIsADirectory_SaysSo()
    {
        using var dir = new OfacFixtures.TempFolder();
        var csv = Path.Combine(dir.Path, "x.csv");
        Directory.CreateDirectory(csv);
        await File.WriteAllTextAsync(csv + ".mapping.json", """{"listId": "x", "name": "name"}""");
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => new MappedCsvProvider(csv).LoadAsync());
        Assert.Contains("is a directory", ex.Message);
    }

    [Fact]
    public async Task OfacSdnProvider_AltCsvIsADirectory_Throws()
    {
        using var dir = new OfacFixtures.TempFolder();
        File.Copy(Path.Combine(OfacFixtures.SdnFolder, "sdn.csv"), Path.Combine(dir.Path, "sdn.csv"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "alt.csv"));
        var ex = await Assert.ThrowsAsync<WatchlistFormatException>(() => new OfacSdnProvider(dir.Path).LoadAsync());
        Assert.EndsWith("alt.csv", ex.File);
        Assert.Contains("is a directory", ex.Message);
    }

    // --- OFAC files missing or cut short -------------------------------------------------------------------------

    [Fact]
    public async Task OfacSdnProvider_OptionalFilesMissing_ReportedAndInEveryResult()
    {
        using var dir = new OfacFixtures.TempFolder();
        File.Copy(Path.Combine(OfacFixtures.SdnFolder, "sdn.csv"), Path.Combine(dir.Path, "sdn.csv"));
        File.Copy(Path.Combine(OfacFixtures.SdnFolder, "add.csv"), Path.Combine(dir.Path, "add.csv"));
        var list = await new OfacSdnProvider(dir.Path).LoadAsync();
        var missing = list.Report.Issues.Where(i => i.Kind == LoadIssueKind.MissingFile).Select(i => Path.GetFileName(i.File)).ToList();
        Assert.Equal(["alt.csv", "sdn_comments.csv"], missing);

        var s = await new ScreenerBuilder().AddProvider(new OfacSdnProvider(dir.Path)).BuildAsync();
        var info = Assert.Single(s.Screen("KUPOL").Lists);
        Assert.Equal(["alt.csv", "sdn_comments.csv"], info.MissingFiles.Select(Path.GetFileName));
        await Assert.ThrowsAsync<WatchlistLoadException>(() =>
            new ScreenerBuilder().AddProvider(new OfacSdnProvider(dir.Path)).Configure(o => o.StrictLoading = true).BuildAsync());
    }

    [Fact]
    public async Task OfacSdnProvider_CompleteFixtureSet_HasNoMissingOrTruncatedFile()
    {
        var list = await new OfacSdnProvider(OfacFixtures.SdnFolder).LoadAsync();
        Assert.DoesNotContain(list.Report.Issues, i => i.Kind is LoadIssueKind.MissingFile or LoadIssueKind.Truncated);
        var s = await new ScreenerBuilder().AddProvider(new OfacSdnProvider(OfacFixtures.SdnFolder)).Configure(o => o.StrictLoading = true).BuildAsync();
        Assert.Equal(OfacFixtures.SdnEntries, s.Lists[0].EntryCount);
    }

    [Fact]
    public async Task OfacSdnProvider_SdnCutAtALineBoundary_ReportedAsTruncated()
    {
        using var dir = new OfacFixtures.TempFolder();
        foreach (var f in Directory.GetFiles(OfacFixtures.SdnFolder, "*.csv")) File.Copy(f, Path.Combine(dir.Path, Path.GetFileName(f)));
        var sdn = Path.Combine(dir.Path, "sdn.csv");
        var bytes = await File.ReadAllBytesAsync(sdn);
        var cut = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length / 2) + 1;
        await File.WriteAllBytesAsync(sdn, bytes[..cut]);

        var list = await new OfacSdnProvider(dir.Path).LoadAsync();
        var issue = Assert.Single(list.Report.Issues, i => i.Kind == LoadIssueKind.Truncated);
        Assert.Equal(sdn, issue.File);
        Assert.Contains("0x1A", issue.Message);
        Assert.Equal(0, list.Report.RowsRejected); // the cut is invisible to the rows themselves

        var s = await new ScreenerBuilder().AddProvider(new OfacSdnProvider(dir.Path)).BuildAsync();
        Assert.Equal([sdn], s.Lists[0].TruncatedFiles);
        var ex = await Assert.ThrowsAsync<WatchlistLoadException>(() =>
            new ScreenerBuilder().AddProvider(new OfacSdnProvider(dir.Path)).Configure(o => o.StrictLoading = true).BuildAsync());
        Assert.Contains("truncated: sdn.csv", ex.Message);
    }

    [Fact]
    public async Task OfacSdnProvider_EmptySdnCsv_FailsClosed()
    {
        using var dir = new OfacFixtures.TempFolder();
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "sdn.csv"), []);
        var ex = await Assert.ThrowsAsync<WatchlistLoadException>(() => new ScreenerBuilder().AddProvider(new OfacSdnProvider(dir.Path)).BuildAsync());
        Assert.Equal("ofac-sdn", ex.ListId);
    }

    [OfacRealDataFact("ofac_sdn")]
    public async Task OfacSdnProvider_RealFiles_EndWithTheEndOfFileByte()
    {
        var list = await new OfacSdnProvider(OfacRealData.Folder("ofac_sdn")!).LoadAsync();
        Assert.DoesNotContain(list.Report.Issues, i => i.Kind is LoadIssueKind.MissingFile or LoadIssueKind.Truncated);
    }

    [OfacRealDataFact("ofac_consolidated_nonsdn/2025-12-19")]
    public async Task OfacConsolidatedProvider_RealFiles_EndWithTheEndOfFileByte()
    {
        var list = await new OfacConsolidatedProvider(OfacRealData.Folder("ofac_consolidated_nonsdn/2025-12-19")!).LoadAsync();
        Assert.DoesNotContain(list.Report.Issues, i => i.Kind is LoadIssueKind.MissingFile or LoadIssueKind.Truncated);
    }

    // --- Duplicate JSON keys -------------------------------------------------------------------------------------

    [Fact]
    public void JsonWatchlistProvider_DuplicateKeyInAnEntry_ThrowsNamingEntryAndKey()
    {
        var json = """{"id":"x","entries":[{"id":"a","names":["A"]},{"id":"b","names":["B CO"],"names":[]}]}""";
        var ex = Assert.Throws<WatchlistFormatException>(() => JsonWatchlistProvider.Parse(Encoding.UTF8.GetBytes(json), "x.json"));
        Assert.Equal("entries[1].names", ex.Field);
        Assert.Equal(2, ex.Row);
        Assert.Contains("key 'names' occurs more than once in entries[1]", ex.Message);
    }

    [Fact]
    public void JsonWatchlistProvider_DuplicateTopLevelKey_Throws()
    {
        var json = """{"id":"x","entries":[{"id":"a","names":["A"]}],"id":"y"}""";
        var ex = Assert.Throws<WatchlistFormatException>(() => JsonWatchlistProvider.Parse(Encoding.UTF8.GetBytes(json), "x.json"));
        Assert.Equal("id", ex.Field);
    }
}
