using Screening.Evaluation.RealWorld;
using Screening.Tests.BuiltIn;
using Screening.Watchlists;

namespace Screening.Tests.Evaluation;

public class CrosslistSetTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "evaluation", "crosslist_fixture.csv");

    private static List<CrosslistQuery> Read(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), "test.csv");
        return CrosslistSet.Read(reader);
    }

    [Fact]
    public void Load_Fixture_ReadsEveryRowWithItsIdTextExpectedEntryAndCategory()
    {
        var rows = CrosslistSet.Load(Fixture);

        Assert.Equal(["f0", "f1", "f2", "f3", "f4"], rows.Select(r => r.Id));
        Assert.Equal(["33411", "34769", "33411", "18779", "34769"], rows.Select(r => r.ExpectedId));
        Assert.Equal(3, rows.Count(r => r.Category == CrosslistSet.LatinCategory));
        Assert.Equal(2, rows.Count(r => r.Category == CrosslistSet.NativeCategory));
        // Quoted fields keep their commas, slashes and doubled quotes; surrounding spaces go.
        Assert.Equal("Placeholder Trading, Ltd. (formerly \"Nominal Export\")", rows[1].Name);
        Assert.Equal("invented", rows[1].Source);
        Assert.Equal("Выдуманный опытный завод", rows[2].Name);
        Assert.Equal("Padded Name With Spaces", rows[3].Name);
        Assert.Equal("ООО \"Условное имя\" / Условная фирма", rows[4].Name);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrderWithoutSource_ReadsByName()
    {
        var rows = Read("category,expected,name,id\ncross_list_latin,33411,Some Name,a1\n");

        var row = Assert.Single(rows);
        Assert.Equal(new CrosslistQuery("a1", "Some Name", "33411", CrosslistSet.LatinCategory, ""), row);
    }

    [Fact]
    public void Read_MissingExpectedColumn_ThrowsNamingFileAndColumn()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => Read("id,name,category\na1,Some Name,cross_list_latin\n"));

        Assert.Equal("test.csv", ex.File);
        Assert.Equal("expected", ex.Field);
    }

    [Theory]
    [InlineData("a1,Some Name,S33411,cross_list_latin", "expected")]
    [InlineData("a1,Some Name,33411,cross_list_greek", "category")]
    [InlineData("a1,,33411,cross_list_latin", "name")]
    [InlineData(",Some Name,33411,cross_list_latin", "id")]
    public void Read_BadField_ThrowsNamingRowAndField(string row, string field)
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => Read("id,name,expected,category\n" + row + "\n"));

        Assert.Equal(field, ex.Field);
        Assert.Equal(2, ex.Row);
    }

    [Fact]
    public void Read_DuplicateId_Throws()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => Read("id,name,expected,category\na1,X,1,cross_list_latin\na1,Y,2,cross_list_latin\n"));

        Assert.Equal("id", ex.Field);
        Assert.Equal(3, ex.Row);
    }

    [Fact]
    public void Read_EmptyFile_Throws()
    {
        Assert.Throws<WatchlistFormatException>(() => Read(""));
    }

    // The real development set: its PROVENANCE.md gives 686 rows, 350 Latin and 336 native-script.
    [RealDataFact]
    public void Load_RealDevelopmentSet_HasTheCountsItsProvenanceStates()
    {
        var path = Path.Combine(RepoPaths.RealData!, "eval_crosslist_dev", "crosslist_dev.csv");
        Assert.True(File.Exists(path), $"{path} is missing from the real data folder");

        var rows = CrosslistSet.Load(path);

        Assert.Equal(686, rows.Count);
        Assert.Equal(350, rows.Count(r => r.Category == CrosslistSet.LatinCategory));
        Assert.Equal(336, rows.Count(r => r.Category == CrosslistSet.NativeCategory));
    }
}
