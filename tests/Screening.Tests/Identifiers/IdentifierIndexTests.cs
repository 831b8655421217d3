using Screening.Identifiers;
using Screening.Tests.BuiltIn;
using Screening.Tests.Watchlists.Ofac;
using Screening.Watchlists;

namespace Screening.Tests.Identifiers;

public class IdentifierIndexTests
{
    private static readonly WatchlistEntry Plant = new()
    {
        Id = "P1",
        Type = EntityType.Organization,
        Names = [new EntryName("PLANT ONE")],
        Countries = ["RU"],
        Identifiers =
        [
            new EntryIdentifier("Tax ID No.", "1831083343", "RU"),
            new EntryIdentifier("Registration Number", "1021801143374", "RU"),
            new EntryIdentifier("Tax ID No.", "1831083344", "RU"),           // invalid as published
            new EntryIdentifier("Website", "www.example.ru"),
        ],
    };

    private static readonly WatchlistEntry Other = new()
    {
        Id = "P2",
        Names = [new EntryName("PLANT TWO")],
        Countries = ["RU"],
        Identifiers = [new EntryIdentifier("Tax ID No.", "7707083893", "RU"), new EntryIdentifier("Identification Number", "1831083343")],
    };

    private static IdentifierIndex Index() => IdentifierIndex.Build([new Watchlist("t", "t", new WatchlistVersion("1"), [Plant, Other])]);

    private static IReadOnlyList<PreparedIdentifier> Request(params ScreeningIdentifier[] ids) => IdentifierIndex.Prepare(ids);

    [Fact]
    public void Find_ValidInn_FindsEntryAndUnnamedSchemeWithSameValue()
    {
        var hits = Index().Find(Request(new ScreeningIdentifier("INN", "ИНН 1831083343")));
        Assert.Equal(["P1", "P2"], hits.Select(h => h.Entry.Id));
        var match = Assert.Single(hits[0].Evidence, e => e.Kind == IdentifierEvidenceKind.Match);
        Assert.Equal(IdentifierKind.Inn, match.Scheme);
        Assert.Equal(("Tax ID No.", "1831083343"), (match.EntryType, match.EntryValue));
        // P2 states the value without a scheme (no country): it agrees, and its other INN does not disagree then.
        Assert.Contains(hits[1].Evidence, e => e.Kind == IdentifierEvidenceKind.Match && e.EntryType == "Identification Number");
        Assert.DoesNotContain(hits[1].Evidence, e => e.Kind == IdentifierEvidenceKind.Mismatch);
    }

    [Fact]
    public void Evidence_DifferentValidInn_IsMismatchAndListedInvalidIsReported()
    {
        var evidence = Index().Evidence(Request(new ScreeningIdentifier("INN", "7707083893")), Plant);
        Assert.Contains(evidence, e => e.Kind == IdentifierEvidenceKind.Mismatch && e.EntryValue == "1831083343");
        var invalid = Assert.Single(evidence, e => e.Kind == IdentifierEvidenceKind.InvalidInEntry);
        Assert.Equal("1831083344", invalid.EntryValue);
        Assert.Contains("check digit", invalid.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(evidence, e => e.Kind == IdentifierEvidenceKind.Match);
    }

    [Fact]
    public void Find_InvalidRequestInn_MatchesNothingAndIsReported()
    {
        var index = Index();
        // The listed invalid value itself: an invalid identifier is never matched, on either side.
        var request = Request(new ScreeningIdentifier("INN", "1831083344"));
        Assert.Empty(index.Find(request));
        var evidence = index.Evidence(request, Plant);
        var e = Assert.Single(evidence);
        Assert.Equal(IdentifierEvidenceKind.InvalidInRequest, e.Kind);
        Assert.Contains("not compared", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Find_OtherSchemeRequest_MatchesAnySchemeByValue()
    {
        // "Tax ID" without a country names no scheme: compared by value with every scheme.
        var hits = Index().Find(Request(new ScreeningIdentifier("Tax ID", "1831083343")));
        Assert.Equal(["P1", "P2"], hits.Select(h => h.Entry.Id));
        Assert.All(hits, h => Assert.DoesNotContain(h.Evidence, e => e.Kind == IdentifierEvidenceKind.Mismatch));
    }

    [Fact]
    public void Evidence_NoRequestIdentifiers_Empty() => Assert.Empty(Index().Evidence([], Plant));

    [Fact]
    public void Evidence_ExplainsMatch()
    {
        var e = Index().Evidence(Request(new ScreeningIdentifier("OGRN", "1021801143374")), Plant).Single(x => x.Kind == IdentifierEvidenceKind.Match);
        Assert.Equal("OGRN 1021801143374 matches the entry's Registration Number 1021801143374", e.ToString());
    }

    [Fact]
    public async Task Find_OfacFixtureKupolInn_FindsEntry46431()
    {
        var list = await new OfacSdnProvider(OfacFixtures.SdnFolder).LoadAsync();
        var index = IdentifierIndex.Build([list]);
        Assert.True(IdentifierRecognizer.TryRecognize("1831083343", out var bare));
        var hit = Assert.Single(index.Find([bare]));
        Assert.Equal(("ofac-sdn", "46431"), (hit.ListId, hit.Entry.Id));
        Assert.Contains(hit.Evidence, e => e.Kind == IdentifierEvidenceKind.Match && e.Scheme == IdentifierKind.Inn);
    }

    [RealDataFact]
    public async Task Find_RealSdnKupolInn_FindsEntry46431()
    {
        var list = await new OfacSdnProvider(Path.Combine(RepoPaths.RealData!, "ofac_sdn")).LoadAsync();
        var index = IdentifierIndex.Build([list]);
        foreach (var query in new[] { "1831083343", "INN 1831083343", "ИНН 1831083343", "ОГРН 1021801143374" })
        {
            Assert.True(IdentifierRecognizer.TryRecognize(query, out var id), query);
            var hit = Assert.Single(index.Find([id]));
            Assert.Equal("46431", hit.Entry.Id);
        }
        // The Alfa-Bank registration number, clean since the remarks overflow fix.
        var alfa = Assert.Single(index.Find(IdentifierIndex.Prepare([new ScreeningIdentifier("OGRN", "1027700067328")])));
        Assert.Equal("34682", alfa.Entry.Id);
        // Counts of the report (benchmarks/results/identifiers.md).
        var all = index.All.ToList();
        Assert.Equal(30, all.Count(i => i.Check.Kind == IdentifierKind.Inn && i.Check.Status == IdentifierStatus.Invalid));
        Assert.Equal(2572, all.Count(i => i.Check.Kind == IdentifierKind.Inn && i.Check.Status == IdentifierStatus.Valid));
    }
}
