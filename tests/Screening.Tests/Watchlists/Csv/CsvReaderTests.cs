using System.Text;
using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Csv;

public class CsvReaderTests
{
    private static List<string[]> ReadAll(string text, char separator = ',') => ReadAll(new StringReader(text), separator);

    private static List<string[]> ReadAll(TextReader reader, char separator = ',')
    {
        using var csv = new CsvReader(reader, "t.csv", separator);
        var rows = new List<string[]>();
        while (csv.TryReadRecord(out var fields)) rows.Add([.. fields]);
        return rows;
    }

    private static List<long> RecordLines(string text)
    {
        using var csv = new CsvReader(new StringReader(text), "t.csv");
        var lines = new List<long>();
        while (csv.TryReadRecord(out _)) lines.Add(csv.RecordLine);
        return lines;
    }

    private static WatchlistFormatException ReadError(string text) =>
        Assert.Throws<WatchlistFormatException>(() => ReadAll(text));

    // A reader that hands out at most `chunk` characters per call, to put every character on a buffer boundary.
    private sealed class ChunkedReader(string text, int chunk) : TextReader
    {
        private int _pos;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), text.Length - _pos);
            text.CopyTo(_pos, buffer, index, n);
            _pos += n;
            return n;
        }
    }

    [Fact]
    public void TryReadRecord_PlainFields_SplitsOnSeparator()
    {
        var rows = ReadAll("a,b,c\n1,,3\n");
        Assert.Equal(["a", "b", "c"], rows[0]);
        Assert.Equal(["1", "", "3"], rows[1]);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void TryReadRecord_QuotedFields_KeepSeparatorsAndDoubledQuotes()
    {
        var rows = ReadAll("\"a,b\",\"say \"\"hi\"\"\",\"\"\n");
        Assert.Equal(["a,b", "say \"hi\"", ""], Assert.Single(rows));
    }

    [Fact]
    public void TryReadRecord_EmbeddedNewlines_KeptInFieldAndCounted()
    {
        const string text = "id,note\n1,\"line one\nline two\r\nline three\rend\"\n2,x\n";
        var rows = ReadAll(text);
        Assert.Equal("line one\nline two\r\nline three\rend", rows[1][1]);
        Assert.Equal([1L, 2L, 6L], RecordLines(text));
    }

    [Theory]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\nc,d\n")]
    [InlineData("a,b\rc,d\r")]
    [InlineData("a,b\r\nc,d")]
    public void TryReadRecord_AnyLineEnd_SameRecords(string text)
    {
        var rows = ReadAll(text);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["a", "b"], rows[0]);
        Assert.Equal(["c", "d"], rows[1]);
        Assert.Equal([1L, 2L], RecordLines(text));
    }

    [Fact]
    public void TryReadRecord_BlankLines_Skipped()
    {
        const string text = "a\n\n\r\nb\n";
        Assert.Equal(2, ReadAll(text).Count);
        Assert.Equal([1L, 4L], RecordLines(text));
    }

    [Fact]
    public void TryReadRecord_EmptyQuotedLine_IsARecordWithOneEmptyField()
    {
        Assert.Equal([""], Assert.Single(ReadAll("\"\"\n")));
    }

    [Fact]
    public void Open_Utf8Bom_StrippedFromFirstField()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("_id,name\n1,Ä\n")]);
            using var csv = CsvReader.Open(path);
            Assert.True(csv.TryReadRecord(out var header));
            Assert.Equal("_id", header[0]);
            Assert.True(csv.TryReadRecord(out var row));
            Assert.Equal("Ä", row[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TryReadRecord_BomLeftInByTheDecoder_Stripped()
    {
        Assert.Equal("_id", ReadAll("\uFEFF_id,name\n")[0][0]);
    }

    [Fact]
    public void Open_Latin1Fallback_DecodesHighBytes()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [(byte)'a', (byte)';', 0xE9, (byte)'\n']);
            using var csv = CsvReader.Open(path, Encoding.Latin1, ';');
            Assert.True(csv.TryReadRecord(out var row));
            Assert.Equal(["a", "é"], row);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Open_Separator_Honoured()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "a;b,c\n");
            using var csv = CsvReader.Open(path, separator: ';');
            Assert.True(csv.TryReadRecord(out var row));
            Assert.Equal(["a", "b,c"], row);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("a,b\n\u001A")]
    [InlineData("a,b\u001A")]
    [InlineData("a,b\r\n\u001A\r\n")]
    [InlineData("a,b\n\u001A\u001A\n")]
    public void TryReadRecord_TrailingDosEof_Ignored(string text)
    {
        Assert.Equal(["a", "b"], Assert.Single(ReadAll(text)));
    }

    [Fact]
    public void TryReadRecord_DosEofInsideData_KeptAndLineEndStillEndsRecord()
    {
        var rows = ReadAll("a\u001A\nb\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal("a\u001A", rows[0][0]);
        Assert.Equal("b", rows[1][0]);
    }

    [Fact]
    public void TryReadRecord_DosEofBeforeMoreLines_DoesNotSwallowThem()
    {
        var rows = ReadAll("a,\u001A\r\nb,c\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["a", "\u001A"], rows[0]);
        Assert.Equal(["b", "c"], rows[1]);
    }

    [Fact]
    public void TryReadRecord_OneCharacterReads_SameResultAsWholeText()
    {
        const string text = "x,\"a\r\nb\"\r\n\"q\"\"\",2\r\n\"c\rd\"\r\n\u001A\r\n";
        var whole = ReadAll(text);
        var chunked = ReadAll(new ChunkedReader(text, 1));
        Assert.Equal(whole, chunked);
        Assert.Equal(3, whole.Count);
    }

    [Fact]
    public void RecordLine_CrlfInQuotedFieldAcrossReads_CountedOnce()
    {
        const string text = "\"a\r\nb\",1\r\nnext,2\r\n"; // chunks of 3 end the first one on the CR
        using var csv = new CsvReader(new ChunkedReader(text, 3), "t.csv");
        Assert.True(csv.TryReadRecord(out _));
        Assert.True(csv.TryReadRecord(out var row));
        Assert.Equal("next", row[0]);
        Assert.Equal(3, csv.RecordLine);
    }

    [Fact]
    public void TryReadRecord_SpacesAfterClosingQuote_Tolerated()
    {
        Assert.Equal(["x", "y"], Assert.Single(ReadAll("\"x\" ,y\n")));
    }

    [Fact]
    public void TryReadRecord_SpacesBeforeOpeningQuote_Dropped()
    {
        Assert.Equal(["x", "a,b"], Assert.Single(ReadAll("x,  \"a,b\"\n")));
    }

    [Fact]
    public void TryReadRecord_QuoteInsideUnquotedField_ThrowsWithLineAndField()
    {
        var ex = ReadError("a,b\nc,d\"e\n");
        Assert.Equal("t.csv", ex.File);
        Assert.Equal(2, ex.Row);
        Assert.Equal("#2", ex.Field);
        Assert.Contains("bad quoting", ex.Message);
    }

    [Fact]
    public void TryReadRecord_TextAfterClosingQuote_ThrowsWithLine()
    {
        var ex = ReadError("a\n\"b\"c\n");
        Assert.Equal(2, ex.Row);
        Assert.Equal("#1", ex.Field);
        Assert.Contains("after a closing quote", ex.Reason);
    }

    [Fact]
    public void TryReadRecord_UnterminatedQuote_ThrowsNamingRecordStartAndEndLine()
    {
        var ex = ReadError("a,b\n1,\"open\nmore\nstill\n");
        Assert.Equal(2, ex.Row);
        Assert.Equal("#2", ex.Field);
        Assert.Contains("unterminated", ex.Reason);
        Assert.Contains("at line 5", ex.Reason);
    }

    [Fact]
    public void TryReadRecord_FieldNamesSet_ErrorNamesTheColumn()
    {
        using var csv = new CsvReader(new StringReader("_id,name\n1,ab\"c\n"), "t.csv");
        Assert.True(csv.TryReadRecord(out var header));
        csv.FieldNames = [.. header];
        var ex = Assert.Throws<WatchlistFormatException>(() => csv.TryReadRecord(out _));
        Assert.Equal("name", ex.Field);
        Assert.Equal(2, ex.Row);
    }

    [Fact]
    public void TryReadRecord_EmptyInput_NoRecords()
    {
        Assert.Empty(ReadAll(""));
        Assert.Empty(ReadAll("\uFEFF"));
        Assert.Empty(ReadAll("\r\n\n"));
    }

    [Fact]
    public void TryReadRecord_TrailingSeparator_YieldsEmptyLastField()
    {
        Assert.Equal(["a", ""], Assert.Single(ReadAll("a,")));
    }

    [Fact]
    public void TryReadRecord_TabSeparator_CommasAreData()
    {
        Assert.Equal(["a,b", "c"], Assert.Single(ReadAll("a,b\tc\n", '\t')));
    }

    [Fact]
    public void RecordNumber_MultiLineRecords_CountsRecordsNotLines()
    {
        using var csv = new CsvReader(new StringReader("a\n\"b\nc\"\n\nd\n"), "t.csv");
        while (csv.TryReadRecord(out _)) { }
        Assert.Equal(3, csv.RecordNumber);
    }
}
