using Screening.Tests.BuiltIn;
using EvaluationOptions = Screening.Evaluation.Options;

namespace Screening.Tests.Evaluation;

public class OptionsTests
{
    [Fact]
    public void LocalOnly_PathInsideTheRepository_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => EvaluationOptions.LocalOnly("--crosslist-misses-out", Path.Combine(RepoPaths.Root, "benchmarks", "results", "crosslist-misses.md")));

        Assert.Contains("--crosslist-misses-out", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalOnly_PathUnderTheTempFolder_Accepted()
    {
        var path = Path.Combine(Path.GetTempPath(), "screening-evaluation", "crosslist-misses.md");

        Assert.Equal(path, EvaluationOptions.LocalOnly("--crosslist-misses-out", path));
    }

    [Fact]
    public void Parse_QuickWithoutOut_WritesUnderTheTempFolderNotTheResults()
    {
        var o = EvaluationOptions.Parse(["--quick"]);

        Assert.StartsWith(Path.GetTempPath(), o.OutPath, StringComparison.Ordinal);
        Assert.StartsWith(Path.GetTempPath(), o.MissesPath, StringComparison.Ordinal);
        Assert.StartsWith(Path.GetTempPath(), o.CrosslistMissesPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TestMissesInsideTheRepository_Refused()
    {
        Assert.Throws<ArgumentException>(() => EvaluationOptions.Parse(["--test-misses-out", Path.Combine(RepoPaths.Root, "test-misses.md")]));
    }
}
