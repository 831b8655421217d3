using System.Globalization;
using System.Text;
using System.Text.Json;
using Screening.Watchlists;

namespace Screening.Cli.Tests;

public class BatchCommandTests
{
    private static readonly string[] Names = ["IEMZ Kupol", "Bank of America", "АО ИЭМЗ Купол", "Shenzhen Example Electronics Co Ltd", "Acme Widgets GmbH"];

    // Row i screens Names[i % 5]; rows 0, 2 and 3 (mod 5) are hits against the fixture.
    private static bool ExpectedHit(int i) => (i % 5) is 0 or 2 or 3;

    private static string GenerateCsv(TempDir dir, int rows, bool withIds = true)
    {
        var sb = new StringBuilder(withIds ? "Id,Name,Note\n" : "Name\n");
        for (var i = 0; i < rows; i++)
        {
            if (withIds) sb.Append(CultureInfo.InvariantCulture, $"R{i},\"{Names[i % Names.Length]}\",note {i}\n");
            else sb.Append(CultureInfo.InvariantCulture, $"\"{Names[i % Names.Length]}\"\n");
        }
        return dir.Write("input.csv", sb.ToString());
    }

    [Fact]
    public async Task Batch_10kRows_StreamsOneJsonLinePerRowInInputOrder()
    {
        using var dir = new TempDir();
        const int rows = 10_000;
        var input = GenerateCsv(dir, rows);
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList);
        Assert.True(run.Code == 0, run.Err);
        Assert.Equal("", run.Err);
        var lines = run.Out.Split('\n');
        Assert.Equal("", lines[^1]); // every line ends with a newline
        Assert.Equal(rows, lines.Length - 1);
        for (var i = 0; i < rows; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var o = doc.RootElement;
            Assert.Equal($"R{i}", o.GetProperty("id").GetString());
            Assert.Equal(Names[i % Names.Length], o.GetProperty("name").GetString());
            Assert.Equal(ExpectedHit(i), o.GetProperty("hit").GetBoolean());
            var matches = o.GetProperty("matches");
            Assert.Equal(ExpectedHit(i), matches.GetArrayLength() > 0);
            if (i % 5 == 0)
            {
                var m = matches[0];
                Assert.Equal("in-house", m.GetProperty("listId").GetString());
                Assert.Equal("IH-1", m.GetProperty("entryId").GetString());
                Assert.Equal("JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL", m.GetProperty("name").GetString());
                Assert.Equal("JSC IEMZ KUPOL", m.GetProperty("matchedName").GetString());
                Assert.InRange(m.GetProperty("score").GetDouble(), 0.8, 1.0);
                Assert.StartsWith("Matched ", m.GetProperty("explanation").GetString());
            }
        }
    }

    [Fact]
    public async Task Batch_NoIdColumn_UsesOneBasedRowNumber()
    {
        using var dir = new TempDir();
        var input = GenerateCsv(dir, 3, withIds: false);
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList);
        Assert.Equal(0, run.Code);
        var ids = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(["1", "2", "3"], ids);
    }

    [Fact]
    public async Task Batch_HeaderCaseAndBomAndExtraColumns_AreHandled()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "extra,COUNTRY,NaMe,iD\nx,RU,IEMZ Kupol,a\ny,,Bank of America,\n", bom: true);
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList);
        Assert.Equal(0, run.Code);
        var lines = run.OutLines;
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("a", first.RootElement.GetProperty("id").GetString());
        Assert.True(first.RootElement.GetProperty("hit").GetBoolean());
        // The country column reaches the screener as a hint.
        Assert.Contains("country hint RU matches", first.RootElement.GetProperty("matches")[0].GetProperty("explanation").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("2", second.RootElement.GetProperty("id").GetString()); // empty id falls back to the row number
    }

    [Fact]
    public async Task Batch_CsvFormat_OneRowPerMatchOrOneEmptyRow()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "id,name\n1,IEMZ Kupol\n2,\"Bank, of \"\"America\"\"\"\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--format", "csv");
        Assert.Equal(0, run.Code);
        var lines = run.OutLines;
        Assert.Equal("id,name,hit,listId,entryId,matchedName,score", lines[0]);
        Assert.Equal("1,IEMZ Kupol,true,in-house,IH-1,JSC IEMZ KUPOL,1", lines[1]);
        Assert.Equal("2,\"Bank, of \"\"America\"\"\",false,,,,", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Batch_CsvOutput_ReadsBackWithCsvReader()
    {
        using var dir = new TempDir();
        var input = GenerateCsv(dir, 50);
        var output = dir.File("out.csv");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--format", "csv", "--output", output);
        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Out);
        using var csv = Screening.Watchlists.CsvReader.Open(output);
        Assert.True(csv.TryReadRecord(out var header));
        Assert.Equal(7, header.Count);
        var rows = 0;
        while (csv.TryReadRecord(out var f))
        {
            Assert.Equal(7, f.Count);
            var i = int.Parse(f[0].AsSpan(1), CultureInfo.InvariantCulture);
            Assert.Equal(Names[i % Names.Length], f[1]);
            Assert.Equal(ExpectedHit(i) ? "true" : "false", f[2]);
            rows++;
        }
        Assert.True(rows >= 50);
    }

    [Fact]
    public async Task Batch_OutputFile_WritesFileAndNoTemporaryLeft()
    {
        using var dir = new TempDir();
        var input = GenerateCsv(dir, 20);
        var output = dir.File("out.jsonl");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--output", output);
        Assert.Equal(0, run.Code);
        Assert.Equal(20, File.ReadAllLines(output).Length);
        Assert.Equal(["input.csv", "out.jsonl"], Directory.GetFiles(dir.Path).Select(f => Path.GetFileName(f)).Order().ToArray());
    }

    [Fact]
    public async Task Batch_FailureMidFile_LeavesNoOutputFile()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "name\nIEMZ Kupol\n\"unterminated\n");
        var output = dir.File("out.jsonl");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--output", output);
        CliHarness.AssertInputError(run, "unterminated quoted field");
        Assert.False(File.Exists(output));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task Batch_Stdin_ReadsDash()
    {
        var run = await CliHarness.RunWithInputAsync(new StringReader("name\nIEMZ Kupol\nBank of America\n"), "batch", "-", "--list", CliHarness.FixtureList);
        Assert.Equal(0, run.Code);
        Assert.Equal(2, run.OutLines.Length);
    }

    [Fact]
    public async Task Batch_FailOnHit_Exits3WhenAnyHitAnd0WhenNone()
    {
        using var dir = new TempDir();
        var hit = dir.Write("hit.csv", "name\nBank of America\nIEMZ Kupol\n");
        var clean = dir.Write("clean.csv", "name\nBank of America\nAcme Widgets\n");
        Assert.Equal(3, (await CliHarness.RunAsync("batch", hit, "--list", CliHarness.FixtureList, "--fail-on-hit")).Code);
        Assert.Equal(0, (await CliHarness.RunAsync("batch", hit, "--list", CliHarness.FixtureList)).Code);
        Assert.Equal(0, (await CliHarness.RunAsync("batch", clean, "--list", CliHarness.FixtureList, "--fail-on-hit")).Code);
    }

    [Fact]
    public async Task Batch_EmptyNameRow_WrittenWithErrorAndExits2AfterWholeFile()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "id,name\na,IEMZ Kupol\nb,\nc,   \nd,Bank of America\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--fail-on-hit");
        var line = CliHarness.AssertInputError(run, "in.csv, row 3, field 'name'", "empty", "2 of 4 rows could not be screened");
        Assert.DoesNotContain("Parameter", line);
        var lines = run.OutLines;
        Assert.Equal(4, lines.Length); // every row is still written
        using var b = JsonDocument.Parse(lines[1]);
        Assert.False(b.RootElement.GetProperty("hit").GetBoolean());
        Assert.Contains("empty", b.RootElement.GetProperty("error").GetString());
        using var a = JsonDocument.Parse(lines[0]);
        Assert.False(a.RootElement.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Batch_ThresholdAndLimit_ApplyPerRow()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "name\nIEMZ Kuprol\n");
        var strict = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--threshold", "1");
        var loose = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--limit", "1");
        using var s = JsonDocument.Parse(strict.OutLines[0]);
        using var l = JsonDocument.Parse(loose.OutLines[0]);
        Assert.False(s.RootElement.GetProperty("hit").GetBoolean());
        Assert.Equal(1, l.RootElement.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public async Task Batch_OutputSameAsInput_Refused()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "name\nx\n");
        var run = await CliHarness.RunAsync("batch", input, "--list", CliHarness.FixtureList, "--output", input);
        CliHarness.AssertInputError(run, "is the input file");
        Assert.Equal("name\nx\n", File.ReadAllText(input));
    }

    [Fact]
    public async Task Batch_ProgressOnlyWhenAsked_GoesToStderrNotStdout()
    {
        using var dir = new TempDir();
        var input = GenerateCsv(dir, 600);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Cli.RunAsync(["batch", input, "--list", CliHarness.FixtureList], new StringReader(""), stdout, stderr, new CliSettings(ShowProgress: true));
        Assert.Equal(0, code);
        Assert.Contains("] 100 % 600 names, 360 hits", stderr.ToString());
        Assert.Equal(600, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("names/s", stdout.ToString());
    }

    [Fact]
    public async Task Batch_LargeInput_WritesOutputBeforeInputIsFullyRead()
    {
        // Streaming, not collect-then-screen: the first result line must be out while most of the input is unread.
        const int rows = 40_000;
        var input = new GeneratedCsvReader(rows);
        var output = new FirstWriteProbe(input);
        var code = await Cli.RunAsync(["batch", "-", "--list", CliHarness.FixtureList], input, output, new StringWriter());
        Assert.Equal(0, code);
        Assert.Equal(rows, output.Lines);
        Assert.InRange(output.RowsReadAtFirstWrite, 1, rows / 4);
    }

    /// <summary>A CSV of <c>rows</c> rows generated on the fly, counting what has been read.</summary>
    private sealed class GeneratedCsvReader(int rows) : TextReader
    {
        private string _pending = "name\n";
        private int _pos;

        public int RowsProduced { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            if (_pos >= _pending.Length)
            {
                if (RowsProduced >= rows) return 0;
                var sb = new StringBuilder();
                for (var i = 0; i < 64 && RowsProduced < rows; i++, RowsProduced++) sb.Append(Names[RowsProduced % Names.Length]).Append('\n');
                _pending = sb.ToString();
                _pos = 0;
            }
            var n = Math.Min(count, _pending.Length - _pos);
            _pending.CopyTo(_pos, buffer, index, n);
            _pos += n;
            return n;
        }
    }

    private sealed class FirstWriteProbe(GeneratedCsvReader input) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public int RowsReadAtFirstWrite { get; private set; } = -1;

        public int Lines { get; private set; }

        public override void Write(char value)
        {
            if (RowsReadAtFirstWrite < 0) RowsReadAtFirstWrite = input.RowsProduced;
            if (value == '\n') Lines++;
        }

        public override void Write(char[] buffer, int index, int count)
        {
            if (RowsReadAtFirstWrite < 0) RowsReadAtFirstWrite = input.RowsProduced;
        }
    }
}
