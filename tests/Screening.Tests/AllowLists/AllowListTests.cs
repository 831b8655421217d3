using Screening.Watchlists;
using Screening.AllowLists;

namespace Screening.Tests.Allow;

public class AllowListTests
{
    private static readonly DateTimeOffset Reviewed = new(2026, 5, 1, 9, 30, 0, TimeSpan.Zero);

    private static async Task<Screener> Build(params WatchlistEntry[] entries) =>
        await new ScreenerBuilder().AddWatchlist(new Watchlist("test", "Test", new WatchlistVersion("v"), entries)).Configure(o => o.UseBuiltInWatchlist = false).BuildAsync();

    private static WatchlistEntry Bystrov(string id = "B1") => new() { Id = id, Type = EntityType.Organization, Names = [new EntryName("BYSTROV ELECTRONICS LLC")], Countries = ["RU"] };

    [Fact]
    public async Task Apply_ReviewedPair_SuppressedThenAlertsAgainWhenEntryChanges()
    {
        // Version 1 of the list: the customer's name matches; a reviewer records a false positive.
        var v1 = await Build(EntryContentHashTests.Kupol(), Bystrov());
        var r1 = v1.Screen("Kupol Izhevsk Electromechanical Plant JSC");
        var match = r1.Matches.Single(m => m.EntryId == "46431");
        var key = AllowList.KeyFor(r1, "C-1042");
        var allow = AllowList.Create([AllowDecision.For(key, match, "j.doe", Reviewed, "Different company")]);

        var applied = allow.Apply(r1.Matches, key, Reviewed.AddDays(1));
        Assert.DoesNotContain(applied.Alerts, m => m.EntryId == "46431");
        var hit = Assert.Single(applied.Hits);
        Assert.Equal(AllowOutcome.Suppressed, hit.Outcome);
        Assert.Equal("suppressed: reviewed by j.doe on 2026-05-01: Different company", hit.ToString());
        Assert.Single(applied.Suppressed);

        // Another customer with the same name is not covered.
        Assert.Contains(allow.Apply(r1.Matches, "C-9999", Reviewed).Alerts, m => m.EntryId == "46431");

        // Version 2: the entry gains an alias, so the reviewed pair alerts again and says why.
        var changed = EntryContentHashTests.Copy(EntryContentHashTests.Kupol(), names: [.. EntryContentHashTests.Kupol().Names, new EntryName("KUPOL PLANT", NameStrength.Strong)]);
        var v2 = await Build(changed, Bystrov());
        var r2 = v2.Screen("Kupol Izhevsk Electromechanical Plant JSC");
        var again = allow.Apply(r2.Matches, key, Reviewed.AddDays(2));
        Assert.Contains(again.Alerts, m => m.EntryId == "46431");
        Assert.Equal(AllowOutcome.EntryChanged, Assert.Single(again.Hits).Outcome);
        Assert.True(again.IsHit);
    }

    [Fact]
    public async Task Apply_NoCustomerKey_UsesNormalizedName()
    {
        var s = await Build(Bystrov());
        var r = s.Screen("Bystrov Electronics, LLC");
        var key = AllowList.KeyFor(r);
        Assert.StartsWith("name:", key, StringComparison.Ordinal);
        var allow = AllowList.Create([AllowDecision.For(key, r.Matches[0], "j.doe", Reviewed, "ours")]);
        // The same name typed differently normalizes to the same key.
        var r2 = s.Screen("BYSTROV ELECTRONICS LLC");
        Assert.Equal(key, AllowList.KeyFor(r2));
        Assert.Empty(allow.Apply(r2.Matches, AllowList.KeyFor(r2), Reviewed).Alerts);
    }

    [Fact]
    public async Task Apply_ExpiredDecision_AlertsAgain()
    {
        var s = await Build(Bystrov());
        var r = s.Screen("Bystrov Electronics");
        var key = AllowList.KeyFor(r, "C-1");
        var allow = AllowList.Create([AllowDecision.For(key, r.Matches[0], "j.doe", Reviewed, "ours", expiresAt: Reviewed.AddDays(30))]);
        Assert.Empty(allow.Apply(r.Matches, key, Reviewed.AddDays(29)).Alerts);
        var late = allow.Apply(r.Matches, key, Reviewed.AddDays(30));
        Assert.Single(late.Alerts);
        Assert.Equal(AllowOutcome.Expired, late.Hits[0].Outcome);
    }

    [Fact]
    public async Task Apply_NewerReviewOfChangedEntry_Suppresses()
    {
        var s = await Build(Bystrov());
        var r = s.Screen("Bystrov Electronics");
        var key = AllowList.KeyFor(r, "C-1");
        var old = AllowDecision.For(key, r.Matches[0], "a", Reviewed, "first review") with { EntryContentHash = new string('0', 64) };
        var renewed = AllowDecision.For(key, r.Matches[0], "b", Reviewed.AddDays(10), "re-reviewed");
        var hit = Assert.Single(AllowList.Create([renewed, old]).Apply(r.Matches, key, Reviewed.AddDays(11)).Hits);
        Assert.Equal((AllowOutcome.Suppressed, "b"), (hit.Outcome, hit.Decision.DecidedBy));
    }

    [Fact]
    public async Task Apply_OnlyReviewedEntrySuppressed_OrderKept()
    {
        var s = await Build(Bystrov("B1"), Bystrov("B2"), Bystrov("B3"));
        var r = s.Screen("Bystrov Electronics");
        Assert.Equal(3, r.Matches.Count);
        var key = AllowList.KeyFor(r, "C-1");
        var allow = AllowList.Create([AllowDecision.For(key, r.Matches[1], "a", Reviewed, "x")]);
        var applied = allow.Apply(r.Matches, key, Reviewed);
        Assert.Equal([r.Matches[0].EntryId, r.Matches[2].EntryId], applied.Alerts.Select(m => m.EntryId));
        Assert.Same(r.Matches, AllowList.Empty.Apply(r.Matches, key, Reviewed).Alerts);
    }
}
