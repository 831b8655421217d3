using System.Text;
using Screening.Tests.Watchlists.Csv;
using Screening.Tests.Watchlists.Xml;
using Screening.Watchlists;

namespace Screening.Tests.Watchlists;

/// <summary>Links to other parties (<see cref="WatchlistEntry.Links"/>) from each source that states them.</summary>
public class EntryLinkTests
{
    [Fact]
    public async Task OfacLegacy_LinkedToRemark_BecomesLink()
    {
        // 28263's "Linked To: LAZARUS GROUP." sits in the overflow that sdn_comments.csv continues.
        var list = await new OfacSdnProvider(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ofac_sdn_overflow")).LoadAsync();
        var e = list.Entries.Single(x => x.Id == "28263");
        Assert.Equal([new EntryLink("Linked To", "LAZARUS GROUP")], e.Links);
        Assert.Empty(list.Entries.Single(x => x.Id == "34682").Links);
    }

    [Fact]
    public void OfacRemarks_SeveralLinks_KeptInOrderOnce()
    {
        var links = new List<EntryLink>();
        OfacRemarks.ParseSegments("Linked To: VEKSELBERG, Viktor Feliksovich; Tax ID No. 1 (Russia); Linked To: KVT-RUS.; alt. Linked To: KVT-RUS.", [], [], links, new CountryLookup());
        Assert.Equal([new EntryLink("Linked To", "VEKSELBERG, Viktor Feliksovich"), new EntryLink("Linked To", "KVT-RUS")], links);
    }

    [Fact]
    public async Task OfacEnhancedXml_Relationships_BecomeLinksWithIds()
    {
        var list = await new OfacEnhancedXmlProvider(XmlTestData.OfacFixture).LoadAsync();
        Assert.Equal([new EntryLink("Acting for or on behalf of", "HAMAS", "4695")], list.Entries.Single(e => e.Id == "9647").Links);
        Assert.Equal([new EntryLink("Owned or Controlled By", "STATE CORPORATION ROSTEC", "17260")], list.Entries.Single(e => e.Id == "18769").Links);
    }

    [Fact]
    public async Task Csl_LinkedToRemarks_BecomeLinksByName()
    {
        var list = await new CslProvider(CslProviderContractTests.Fixture).LoadAsync();
        Assert.Equal([new EntryLink("Linked To", "MAHAN AIR")], list.Entries.Single(e => e.Id == "15445").Links);
        Assert.Equal("(Linked To: MAHAN AIR)", list.Entries.Single(e => e.Id == "15445").Remarks?.Split("; ")[0]);
    }

    [Theory]
    [InlineData("(Linked To: SHIRAZ ELECTRONICS INDUSTRIES; Linked To: LIU, Emily)", new[] { "SHIRAZ ELECTRONICS INDUSTRIES", "LIU, Emily" })]
    [InlineData("All Offices Worldwide; (Linked To: ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE)", new[] { "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE" })]
    [InlineData("Telephone (357)(22660766); (Linked To: NATIONAL IRANIAN TANKER COMPANY)", new[] { "NATIONAL IRANIAN TANKER COMPANY" })]
    [InlineData("For more information on directives, please visit the following link: http://x", new string[0])]
    public void CslFields_ParseLinks_ReadsNames(string remarks, string[] names) =>
        Assert.Equal(names, CslFields.ParseLinks(remarks).Select(l => l.Name));

    [Fact]
    public void Json_Links_RoundTrip()
    {
        var entry = new WatchlistEntry
        {
            Id = "A", Names = [new EntryName("ALPHA")],
            Links = [new EntryLink("Owned or Controlled By", "STATE CORPORATION ROSTEC", "17260"), new EntryLink("Linked To", "HAMAS")],
        };
        using var ms = new MemoryStream();
        JsonWatchlistWriter.Write(ms, new Watchlist("l", "l", new WatchlistVersion("1"), [entry]));
        var json = Encoding.UTF8.GetString(ms.ToArray());
        Assert.Contains("\"relationship\": \"Owned or Controlled By\"", json, StringComparison.Ordinal);
        var back = JsonWatchlistProvider.Parse(ms.ToArray(), "t.json");
        Assert.Equal(entry.Links, back.Entries[0].Links);
    }

    [Fact]
    public void Json_MergedExport_PrefixesLinkedIds()
    {
        var entry = new WatchlistEntry { Id = "A", Names = [new EntryName("ALPHA")], Links = [new EntryLink("Owned or Controlled By", "B CORP", "B"), new EntryLink("Linked To", "C")] };
        using var ms = new MemoryStream();
        JsonWatchlistWriter.Write(ms, [new Watchlist("x", "x", new WatchlistVersion("1"), [entry])], "merged", "Merged");
        var back = JsonWatchlistProvider.Parse(ms.ToArray(), "t.json");
        Assert.Equal([new EntryLink("Owned or Controlled By", "B CORP", "x:B"), new EntryLink("Linked To", "C")], back.Entries[0].Links);
    }

    [Fact]
    public void Json_LinkWithoutName_ErrorNamesField()
    {
        var ex = Assert.Throws<WatchlistFormatException>(() => JsonWatchlistProvider.Parse(
            Encoding.UTF8.GetBytes("""{"id":"l","entries":[{"id":"A","names":["A"],"links":[{"relationship":"Linked To"}]}]}"""), "t.json"));
        Assert.Contains("entries[0].links[0].name", ex.Message, StringComparison.Ordinal);
    }
}
