using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Ofac;

/// <summary>
/// How sdn_comments.csv (of ~2025-12) joins the remarks of the 2024-05-03 sdn.csv: the committed excerpt
/// Fixtures/ofac_sdn_overflow holds the six kinds of real rows (see Fixtures/ofac_sdn/README.md).
/// </summary>
public class OfacOverflowTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ofac_sdn_overflow");

    private static async Task<Watchlist> Load() => await new OfacSdnProvider(Folder).LoadAsync();

    [Fact]
    public async Task LoadAsync_AlfaBankCommentRestatesTail_RegistrationNumberIsClean()
    {
        // Regression: the comment restates the last 124 characters of 34682's complete remarks; glued after them, the
        // identifier read "1027700067328 (Russia). ective Date (EO 14024 Directive 3): 26 Mar 2022".
        var list = await Load();
        var alfa = list.Entries.Single(e => e.Id == "34682");
        Assert.Contains(new EntryIdentifier("Registration Number", "1027700067328", "RU"), alfa.Identifiers);
        Assert.Contains(new EntryIdentifier("Tax ID No.", "7728168971", "RU"), alfa.Identifiers);
        Assert.DoesNotContain(alfa.Identifiers, i => i.Value.Contains("ective", StringComparison.Ordinal));
        Assert.EndsWith("Tax ID No. 7728168971 (Russia); Registration Number 1027700067328 (Russia).", alfa.Remarks, StringComparison.Ordinal);
        Assert.Equal(1, Count(alfa.Remarks!, "Registration Number 1027700067328"));
        var warning = Assert.Single(list.Report.Issues, i => i.Message.Contains("entry 34682", StringComparison.Ordinal));
        Assert.Equal(LoadIssueKind.Warning, warning.Kind);
        Assert.Contains("restates the last 124 characters", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_CutRemarksRestatedByEarlierCut_JoinedWithoutRepeats()
    {
        // 17018 (Sberbank) is cut at 1,000 characters inside "Listing Date (EO 14024 Directive 3)"; the newer file
        // cut 108 characters earlier, so its overflow starts with "ive 2): 24 Feb 2022".
        var e = (await Load()).Entries.Single(x => x.Id == "17018");
        Assert.DoesNotContain("Directive 3)ive", e.Remarks, StringComparison.Ordinal);
        Assert.Equal(1, Count(e.Remarks!, "Effective Date (EO 14024 Directive 2): 26 Mar 2022"));
        Assert.Contains(new EntryIdentifier("Tax ID No.", "7707083893", "RU"), e.Identifiers);
        Assert.Contains(new EntryIdentifier("Registration Number", "1027700132195", "RU"), e.Identifiers);
    }

    [Fact]
    public async Task LoadAsync_RemarksAtCut_ContinuedVerbatimMidWord()
    {
        var list = await Load();
        // 28263 stops at "a.k.a. 'snowsjo"; the comment goes on "hn'; Linked To: LAZARUS GROUP."
        var e = list.Entries.Single(x => x.Id == "28263");
        Assert.Contains(new EntryName("snowsjohn", NameStrength.Weak), e.Names);
        Assert.EndsWith("a.k.a. 'snowsjohn'; Linked To: LAZARUS GROUP.", e.Remarks, StringComparison.Ordinal);
        Assert.DoesNotContain(list.Report.Issues, i => i.Message.Contains("entry 28263", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_NewerLongerText_SegmentsAlreadyPresentNotRepeated()
    {
        // 36025's comment ends with the registration number its own remarks already end with.
        var list = await Load();
        var e = list.Entries.Single(x => x.Id == "36025");
        Assert.Equal(1, Count(e.Remarks!, "Business Registration Number 14850239 (Estonia) issued 18 Nov 2019"));
        Assert.DoesNotContain("gSnyYUbD", e.Remarks, StringComparison.Ordinal);
        Assert.Contains("Digital Currency Address - TRX TJkBr9TZ1xBeJoF7RNWqyEMbYqVJ6fXXHR", e.Remarks, StringComparison.Ordinal);
        Assert.Contains(list.Report.Issues, i => i.Kind == LoadIssueKind.Warning && i.Message.Contains("entry 36025", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A; B; C.", "; B; C.", "A; B; C.")]                    // too short to prove an overlap: new segments
    [InlineData(null, "tail of X; Tax ID No. 1 (Russia).", "Tax ID No. 1 (Russia).")]
    [InlineData("Complete remark.", "no separator at all", "Complete remark.")]
    public void Join_ShortRemarks_DropsFirstPieceAndRepeats(string? remarks, string overflow, string? expected)
    {
        Assert.Equal(expected, OfacRemarksOverflow.Join(remarks, overflow, out var how));
        Assert.Equal(OverflowJoinKind.NewSegments, how.Kind);
    }

    [Fact]
    public void Join_TailRestated_JoinsAtLongestOverlap()
    {
        var remarks = "Listing Date (EO 14024 Directive 3): 24 Feb 2022; Tax ID No. 7728168971 (Russia).";
        var overflow = "Tax ID No. 7728168971 (Russia).";
        Assert.Equal(remarks, OfacRemarksOverflow.Join(remarks, overflow, out var how));
        Assert.Equal(OverflowJoinKind.Overlapped, how.Kind);
        Assert.Equal(overflow.Length, how.Overlap);
    }

    [Fact]
    public void Join_AtCutWithoutOverlap_ConcatenatesVerbatim()
    {
        var remarks = new string('x', OfacRemarksOverflow.RemarksLimit - 3) + "ab ";
        Assert.Equal(remarks + "cd; e", OfacRemarksOverflow.Join(remarks, "cd; e", out var how));
        Assert.Equal(OverflowJoinKind.Continued, how.Kind);
    }

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
