using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Ofac;

public sealed class OfacSdnProviderContractTests : WatchlistProviderContract
{
    protected override IWatchlistProvider CreateProvider() => new OfacSdnProvider(OfacFixtures.SdnFolder);
    protected override IWatchlistProvider CreateMissingSourceProvider() => new OfacSdnProvider(OfacFixtures.SdnFolder + ".missing");
    protected override int ExpectedEntryCount => OfacFixtures.SdnEntries;
    protected override (string Id, string Name) KnownEntry => ("46431", "JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL");
}

public sealed class OfacConsolidatedProviderContractTests : WatchlistProviderContract
{
    protected override IWatchlistProvider CreateProvider() => new OfacConsolidatedProvider(OfacFixtures.ConsFolder);
    protected override IWatchlistProvider CreateMissingSourceProvider() => new OfacConsolidatedProvider(OfacFixtures.ConsFolder + ".missing");
    protected override int ExpectedEntryCount => OfacFixtures.ConsEntries;
    protected override (string Id, string Name) KnownEntry => ("17014", "JOINT STOCK COMPANY RUSSIAN AGRICULTURAL BANK");
}
