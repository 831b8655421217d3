using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Screening.Cli.Tests;

/// <summary>Issue #12 at the command line: fail closed, load reports on every command, encodings, safe output.</summary>
public class FailSafeTests
{
    private static string EmptyList(TempDir dir) => "json:" + dir.Write("empty.json", """{"id":"empty","entries":[]}""");

    // A mapped CSV list of three rows, one rejected (no name).
    private static string PartlyRejectedList(TempDir dir)
    {
        var csv = dir.Write("suppliers.csv", "id,name\nS1,ROMASHKA TRADING LLC\nS2,\nS3,VASILEK OOO\n");
        dir.Write("suppliers.csv.mapping.json", """{"listId": "suppliers", "name": "name", "id": "id"}""");
        return "csv:" + csv;
    }

    private static string[] Command(string command, TempDir dir, params string[] rest)
    {
        var input = dir.Write("in.csv", "name\nIEMZ Kupol\n");
        string[] head = command switch
        {
            "screen" => ["screen", "IEMZ Kupol"],
            "batch" => ["batch", input],
            "lists" => ["lists"],
            "export" => ["export", "--output", dir.File("out.json")],
            _ => throw new ArgumentException(command),
        };
        return [.. head, .. rest];
    }

    public static TheoryData<string> Commands => ["screen", "batch", "lists", "export"];

    // --- Fail closed --------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EveryCommand_EmptyList_Exits2NamingTheList(string command)
    {
        using var dir = new TempDir();
        var run = await CliHarness.RunAsync(Command(command, dir, "--list", EmptyList(dir)));
        var line = CliHarness.AssertInputError(run, "List 'empty'", "empty.json", "no entries", "--allow-empty");
        Assert.DoesNotContain("ScreeningOptions", line);
        Assert.False(File.Exists(dir.File("out.json")));
    }

    [Fact]
    public async Task Screen_EmptyListWithFailOnHit_Exits2NotZero()
    {
        using var dir = new TempDir();
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", EmptyList(dir), "--fail-on-hit");
        CliHarness.AssertInputError(run, "no entries");
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Screen_EmptyListWithAllowEmpty_ScreensBesideTheOtherLists()
    {
        using var dir = new TempDir();
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", EmptyList(dir), "--list", CliHarness.FixtureList, "--allow-empty", "--fail-on-hit");
        Assert.True(run.Code == 3, run.Err);
        Assert.Contains("empty (empty) version", run.Out);
    }

    [Fact]
    public async Task Screen_MinEntries_RaisesTheFloorPerListOrForAll()
    {
        var run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--min-entries", "in-house=3");
        CliHarness.AssertInputError(run, "List 'in-house'", "2 entries, fewer than its minimum of 3", "--min-entries");
        run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--min-entries", "3");
        CliHarness.AssertInputError(run, "fewer than its minimum of 3");
        run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--list", CliHarness.FixtureList, "--min-entries", "in-house=2");
        Assert.True(run.Code == 0, run.Err);
        run = await CliHarness.RunAsync("screen", "IEMZ Kupol", "--min-entries", "x=");
        CliHarness.AssertInputError(run, "--min-entries must be N or LIST=N");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EveryCommand_RejectedRows_OneWarningLinePerListOnStderr(string command)
    {
        using var dir = new TempDir();
        var run = await CliHarness.RunAsync(Command(command, dir, "--list", PartlyRejectedList(dir), "--list", CliHarness.FixtureList));
        Assert.True(run.Code == 0, run.Err);
        var line = run.ErrLine; // one line: the clean fixture list adds none
        Assert.StartsWith("screening: warning: list 'suppliers'", line);
        Assert.Contains("3 rows read, 2 loaded, 1 rejected", line);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EveryCommand_Strict_RejectedRowIsAnError(string command)
    {
        using var dir = new TempDir();
        var run = await CliHarness.RunAsync(Command(command, dir, "--list", PartlyRejectedList(dir), "--strict"));
        Assert.Equal(2, run.Code);
        Assert.Contains("screening: error: List 'suppliers'", run.Err);
        Assert.Contains("1 of 3 rows rejected", run.Err);
        Assert.Contains("--strict", run.Err);
    }

    [Fact]
    public async Task Screen_JsonOutput_ListInfoCarriesTheAccounting()
    {
        using var dir = new TempDir();
        var run = await CliHarness.RunAsync("screen", "Vasilek", "--list", PartlyRejectedList(dir), "--format", "json");
        Assert.True(run.Code == 0, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var list = doc.RootElement.GetProperty("lists")[0];
        Assert.Equal(3, list.GetProperty("rowsRead").GetInt64());
        Assert.Equal(1, list.GetProperty("rowsRejected").GetInt64());
        Assert.Equal(2, list.GetProperty("entryCount").GetInt32());
    }

    [Fact]
    public async Task Lists_OfacFolderWithoutAltCsv_WarnsOfTheMissingFile()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("sdn.csv"), "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\r\n\u001a"u8.ToArray());
        var run = await CliHarness.RunAsync("lists", "--list", "ofac-sdn:" + dir.Path);
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("files missing: alt.csv, add.csv, sdn_comments.csv", run.ErrLine);
        run = await CliHarness.RunAsync("lists", "--list", "ofac-sdn:" + dir.Path, "--strict");
        CliHarness.AssertInputError(run, "missing: alt.csv");
    }

    // --- Encodings ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Batch_Latin1Input_Exits2NamingFileRowAndByteOffset()
    {
        using var dir = new TempDir();
        var bytes = Encoding.Latin1.GetBytes("id,name\n1,IEMZ Kupol\n2,Café Kupol\n");
        var input = dir.File("latin1.csv");
        File.WriteAllBytes(input, bytes);
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList);
        CliHarness.AssertInputError(run, $"{input}, row 3", $"byte offset {Array.IndexOf(bytes, (byte)0xE9)}", "--encoding latin1");
    }

    [Fact]
    public async Task Batch_Latin1InputWithEncoding_ReadsTheNames()
    {
        using var dir = new TempDir();
        var input = dir.File("latin1.csv");
        File.WriteAllBytes(input, Encoding.Latin1.GetBytes("id,name\n1,IEMZ Kupol\n2,Café Kupol\n"));
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--encoding", "latin1");
        Assert.True(run.Code == 0, run.Err);
        using var second = JsonDocument.Parse(run.OutLines[1]);
        Assert.Equal("Café Kupol", second.RootElement.GetProperty("name").GetString());
        run = await CliHarness.RunAsync("batch", input, "--encoding", "ebcdic");
        CliHarness.AssertInputError(run, "--encoding must be utf-8, latin1 or windows-1252");
    }

    [Fact]
    public async Task Batch_Utf8BomInput_IsFine()
    {
        using var dir = new TempDir();
        var input = dir.Write("bom.csv", "name\nАО ИЭМЗ Купол\n", bom: true);
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--fail-on-hit");
        Assert.True(run.Code == 3, run.Err);
    }

    // --- Folders where files belong -----------------------------------------------------------------------------

    [Fact]
    public async Task Screen_ListFileIsADirectory_SaysIsADirectory()
    {
        using var dir = new TempDir();
        var run = await CliHarness.RunAsync("screen", "X", "--list", "json:" + dir.Path);
        var line = CliHarness.AssertInputError(run, dir.Path, "is a directory");
        Assert.DoesNotContain("access", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Batch_InputIsADirectory_SaysIsADirectory()
    {
        using var dir = new TempDir();
        var run = await CliHarness.RunAsync("batch", dir.Path, "--list", CliHarness.FixtureList);
        CliHarness.AssertInputError(run, "is a directory");
    }

    // --- Safe output --------------------------------------------------------------------------------------------

    private static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
    }

    [UnixFact]
    public async Task Batch_OutputIsAFifo_RefusedAndLeftAlone()
    {
        using var dir = new TempDir();
        var fifo = dir.File("out.fifo");
        Run("mkfifo", fifo);
        var input = dir.Write("in.csv", "name\nIEMZ Kupol\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--output", fifo);
        CliHarness.AssertInputError(run, fifo, "not a regular file");
        Assert.Equal(FileKind.Other, FileKinds.Of(fifo));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories).Concat(Directory.GetFiles(dir.Path, ".*")));
    }

    [UnixFact]
    public async Task Batch_OutputIsACharacterDevice_Refused()
    {
        using var dir = new TempDir();
        // A private twin of /dev/null (major 1, minor 3) in the test folder: the old code would replace it, never /dev/null.
        var device = dir.File("null");
        var psi = new ProcessStartInfo("mknod") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in new[] { device, "c", "1", "3" }) psi.ArgumentList.Add(a);
        using (var p = Process.Start(psi)!) p.WaitForExit();
        if (!File.Exists(device))
        {
            // No right to make device nodes here: check the real one without writing to it.
            Assert.Equal(FileKind.Other, FileKinds.Of("/dev/null"));
            return;
        }
        var input = dir.Write("in.csv", "name\nIEMZ Kupol\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--output", device);
        CliHarness.AssertInputError(run, "not a regular file");
        Assert.Equal(FileKind.Other, FileKinds.Of(device));
    }

    [UnixFact]
    public async Task Export_OutputIsASymlink_RefusedAndTheLinkAndItsTargetKept()
    {
        using var dir = new TempDir();
        var target = dir.Write("precious.txt", "keep me\n");
        var link = dir.File("report.json");
        File.CreateSymbolicLink(link, target);
        var run = await CliHarness.RunAsync("export", "--list", CliHarness.FixtureList, "--output", link);
        CliHarness.AssertInputError(run, link, "symbolic link", "precious.txt");
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("keep me\n", File.ReadAllText(target));
    }

    [Fact]
    public async Task Batch_OutputIsADirectory_Refused()
    {
        using var dir = new TempDir();
        var sub = Directory.CreateDirectory(dir.File("out")).FullName;
        var input = dir.Write("in.csv", "name\nIEMZ Kupol\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--output", sub);
        CliHarness.AssertInputError(run, "is a directory");
    }

    [Fact]
    public async Task Batch_OutputRegularFile_StillReplacedWhole()
    {
        using var dir = new TempDir();
        var output = dir.Write("out.jsonl", "old\n");
        var input = dir.Write("in.csv", "name\nIEMZ Kupol\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--output", output);
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("IEMZ Kupol", File.ReadAllText(output));
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length); // in.csv and out.jsonl: no temporary file left
    }
}

/// <summary>A fact that runs only where POSIX file types, signals and pipes behave as on Linux and macOS.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "POSIX-only behaviour.";
    }
}
