using System.Security.Cryptography;
using System.Text;
using Screening.Watchlists;

namespace Screening.Tests.Watchlists;

public class WatchlistAccumulatorTests
{
    private static WatchlistEntry Entry(string id, string name, params string[] tags) =>
        new() { Id = id, Names = [new EntryName(name)], Tags = tags };

    [Fact]
    public void Build_SourceInParts_HashesTheConcatenatedBytesAndLabelsWithItsPrefix()
    {
        using var load = new WatchlistAccumulator("a.csv");
        load.AppendSource("first file "u8);
        load.AppendSource("second file"u8);
        var list = load.Build("x", "X");
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("first file second file")));
        Assert.Equal(expected, list.Version.Sha256);
        Assert.Equal("sha256:" + expected[..12], list.Version.Label);
        Assert.Null(list.Version.PublishedAt);
    }

    [Fact]
    public void Build_PublishedWithoutLabel_LabelIsThePublicationDate()
    {
        using var load = new WatchlistAccumulator("a.xml");
        var list = load.Build("x", "X", new DateTimeOffset(2026, 2, 27, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("2026-02-27", list.Version.Label);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), list.Version.Sha256);
    }

    [Fact]
    public void Build_LabelGiven_LabelWinsOverTheDate()
    {
        using var load = new WatchlistAccumulator("a.json");
        var list = load.Build("x", "X", new DateTimeOffset(2026, 2, 27, 0, 0, 0, TimeSpan.Zero), "v7");
        Assert.Equal("v7", list.Version.Label);
        Assert.Equal(new DateTimeOffset(2026, 2, 27, 0, 0, 0, TimeSpan.Zero), list.Version.PublishedAt);
    }

    [Fact]
    public void Add_RepeatedId_ReportsDuplicateWordedFromTheFirstAndKeepsBoth()
    {
        using var load = new WatchlistAccumulator("a.csv");
        load.Add(Entry("1", "ALPHA", "list:SDN"), 2, "id", static (e, first, row) => "unused");
        load.Add(Entry("2", "BETA"), 3, "id", static (e, first, row) => "unused");
        load.Add(Entry("1", "GAMMA", "list:SSI"), 4, "id", static (e, first, row) => $"{e.PrimaryName} repeats {first.PrimaryName} of row {row}");
        var list = load.Build("x", "X");
        Assert.Equal(["ALPHA", "BETA", "GAMMA"], list.Entries.Select(e => e.PrimaryName));
        var issue = Assert.Single(list.Report.Issues);
        Assert.Equal(new LoadIssue(LoadIssueKind.Duplicate, "a.csv", 4, "id", "GAMMA repeats ALPHA of row 2"), issue);
        Assert.Equal(3, list.Report.EntriesLoaded);
    }

    [Fact]
    public void Build_RowsCountedAndRejected_ReportAccountsForEveryRow()
    {
        using var load = new WatchlistAccumulator("a.csv");
        Assert.Equal(1, load.CountRow());
        load.Add(Entry("1", "ALPHA"), 1, null, static (_, _, _) => "");
        Assert.Equal(2, load.CountRow());
        load.Reject(2, "name", "the name is empty");
        Assert.Equal(3, load.CountRow());
        load.Warn(3, "type", "unknown type");
        load.Add(Entry("3", "GAMMA"), 3, null, static (_, _, _) => "");
        load.Issue(LoadIssueKind.Orphan, "alt.csv", 9, "ent_num", "alias row for entry 5");
        var report = load.Build("x", "X").Report;
        Assert.Equal(3, report.RowsRead);
        Assert.Equal(2, report.EntriesLoaded);
        Assert.Equal(1, report.RowsRejected);
        Assert.Equal(["a.csv", "a.csv", "alt.csv"], report.Issues.Select(i => i.File));
        Assert.Equal([LoadIssueKind.Rejected, LoadIssueKind.Warning, LoadIssueKind.Orphan], report.Issues.Select(i => i.Kind));
    }

    [Fact]
    public void Build_Twice_Throws()
    {
        using var load = new WatchlistAccumulator("a.csv");
        load.Build("x", "X");
        Assert.Throws<InvalidOperationException>(() => load.Build("x", "X"));
    }
}
