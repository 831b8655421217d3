using System.Security.Cryptography;
using Screening.Watchlists;

namespace Screening.Tests.BuiltIn;

/// <summary>The embedded resource: integrity, invariants and screening of well-known entries in every role.</summary>
public class BuiltInWatchlistTests
{
    private static readonly Lazy<Task<Watchlist>> List = new(() => BuiltInWatchlist.LoadAsync());
    private static readonly Lazy<Task<Screener>> DefaultScreener = new(() => new ScreenerBuilder().BuildAsync());

    private static byte[] ResourceBytes()
    {
        using var s = typeof(BuiltInWatchlist).Assembly.GetManifestResourceStream("Screening.BuiltIn.screening-russia-defense.json");
        Assert.NotNull(s);
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    [Fact]
    public void Resource_Sha256_EqualsCommittedManifest()
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(ResourceBytes()));
        Assert.Equal(sha + "  screening-russia-defense.json\n", File.ReadAllText(RepoPaths.Manifest));
    }

    [Fact]
    public void Resource_SameBytesAsCommittedFile() => Assert.Equal(File.ReadAllBytes(RepoPaths.Resource), ResourceBytes());

    [Fact]
    public async Task Load_Header_IdVersionAndDate()
    {
        var list = await List.Value;
        Assert.Equal(BuiltInWatchlist.Id, list.Id);
        Assert.NotNull(list.Version.PublishedAt);
        Assert.Equal(list.Version.PublishedAt!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), list.Version.Label);
        Assert.Empty(list.Report.Issues);
    }

    [Fact]
    public async Task Load_Invariants_AtLeast2500OrganizationsEachWithSourceAndOneRole()
    {
        var list = await List.Value;
        Assert.True(list.Entries.Count >= 2500, $"{list.Entries.Count} entries");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in list.Entries)
        {
            Assert.True(ids.Add(e.Id), "duplicate id " + e.Id);
            Assert.Equal(EntityType.Organization, e.Type);
            Assert.NotEmpty(e.Sources);
            Assert.Single(e.Tags, t => t.StartsWith("role:", StringComparison.Ordinal));
            Assert.Equal(NameStrength.Primary, e.Names[0].Strength);
            Assert.Single(e.Names, n => n.Strength == NameStrength.Primary);
            foreach (var c in e.Countries) Assert.Contains("country:" + c, e.Tags);
            foreach (var s in e.Sources) Assert.Contains("list:" + s.List, e.Tags);
            Assert.Matches("^(SDN|NONSDN|CSL)-", e.Id);
        }
    }

    [Fact]
    public async Task Load_Order_SortedEntriesNamesAndTags()
    {
        var list = await List.Value;
        Assert.Equal(list.Entries.Select(e => e.Id).Order(StringComparer.Ordinal), list.Entries.Select(e => e.Id));
        foreach (var e in list.Entries)
            Assert.Equal(e.Tags.Order(StringComparer.Ordinal), e.Tags);
    }

    [Fact]
    public async Task Load_EveryRoleAndTheTargetCountries_Present()
    {
        var list = await List.Value;
        foreach (var role in new[] { BuiltInWatchlist.DefenseIndustry, BuiltInWatchlist.ProcurementAgent, BuiltInWatchlist.ThirdCountrySupplier, BuiltInWatchlist.FinancialFacilitator })
            Assert.Contains(list.Entries, e => e.Tags.Contains("role:" + role));
        foreach (var country in new[] { "RU", "BY", "CN", "HK", "TR", "AE", "KZ", "KG", "AM", "GE", "UZ" })
            Assert.Contains(list.Entries, e => e.Countries.Contains(country));
    }

    [Fact]
    public async Task Screen_IemzKupol_ReportsPlantWithSourcesAndTags()
    {
        var screener = await DefaultScreener.Value;
        var result = screener.Screen("IEMZ Kupol");
        Assert.True(result.IsHit);
        var top = result.Matches[0];
        Assert.Equal(BuiltInWatchlist.Id, top.ListId);
        Assert.Equal("SDN-46431", top.EntryId);
        Assert.Equal("JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL", top.PrimaryName);
        var source = Assert.Single(top.Entry.Sources);
        Assert.Equal(("OFAC SDN", "46431"), (source.List, source.EntryId));
        Assert.Equal(["RUSSIA-EO14024"], source.Programs);
        Assert.Contains("role:defense-industry", top.Entry.Tags);
        Assert.Contains("country:RU", top.Entry.Tags);
        Assert.Contains(top.Entry.Identifiers, i => i.Type == "Tax ID No." && i.Value == "1831083343");
    }

    [Theory]
    // Chinese and Hong Kong suppliers (OFAC SDN, EO 14024).
    [InlineData("C&I Semiconductors Co Limited", "SDN-46712", "third-country-supplier", "HK")]
    [InlineData("Shenzhen Biguang Trading Co Ltd", "SDN-47702", "third-country-supplier", "CN")]
    [InlineData("Chip Space Electronics Co., Limited", "SDN-48782", "third-country-supplier", "HK")]
    [InlineData("Hengshui Heshuo Cellulose", "SDN-48772", "third-country-supplier", "CN")]
    // A Turkish supplier.
    [InlineData("Demirci Bilisim Ticaret Sanayi Limited Sirketi", "SDN-44867", "third-country-supplier", "TR")]
    // A Russian trading house for electronic components.
    [InlineData("Torgovyi Dom Simmetron Elektronnye Komponenty", "SDN-41978", "procurement-agent", "RU")]
    // Banks.
    [InlineData("Bank Saint-Petersburg PJSC", "SDN-40924", "financial-facilitator", "RU")]
    [InlineData("VTB Bank Kazakhstan", "SDN-18723", "financial-facilitator", "KZ")]
    // Defense industry.
    [InlineData("Tactical Missiles Corporation JSC", "SDN-34876", "defense-industry", "RU")]
    [InlineData("Almaz-Antey Air Defense Concern", "SDN-16865", "defense-industry", "RU")]
    public async Task Screen_WellKnownEntries_FoundWithRoleAndCountry(string query, string id, string role, string country)
    {
        var screener = await DefaultScreener.Value;
        var result = screener.Screen(query);
        var match = Assert.Single(result.Matches, m => m.EntryId == id);
        Assert.Contains("role:" + role, match.Entry.Tags);
        Assert.Contains(country, match.Entry.Countries);
        Assert.NotEmpty(match.Entry.Sources);
    }

    [Fact]
    public async Task Screen_MergedEntry_CarriesEverySource()
    {
        // PJSC United Aircraft Corporation: OFAC SDN and BIS Entity List records in one entry.
        var screener = await DefaultScreener.Value;
        var match = Assert.Single(screener.Screen("United Aircraft Corporation").Matches, m => m.EntryId == "SDN-36431");
        Assert.Contains(match.Entry.Sources, s => s.List == "OFAC SDN");
        Assert.Contains(match.Entry.Sources, s => s.List == "BIS Entity List" && s.Citation is not null && s.Date is not null);
    }

    [Fact]
    public async Task Screen_UnrelatedCompany_NoHit()
    {
        var screener = await DefaultScreener.Value;
        Assert.False(screener.Screen("Siemens Healthineers AG").IsHit);
    }
}
