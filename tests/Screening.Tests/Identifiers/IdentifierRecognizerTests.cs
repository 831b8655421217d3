using Screening.Identifiers;

namespace Screening.Tests.Identifiers;

public class IdentifierRecognizerTests
{
    [Theory]
    [InlineData("1831083343", IdentifierKind.Other, "1831083343")]           // bare: compared by value with every scheme
    [InlineData(" 1831 083 343 ", IdentifierKind.Other, "1831083343")]
    [InlineData("INN 1831083343", IdentifierKind.Inn, "1831083343")]
    [InlineData("ИНН: 1831083343", IdentifierKind.Inn, "1831083343")]
    [InlineData("inn1831083343", IdentifierKind.Inn, "1831083343")]
    [InlineData("ОГРН 1021801143374", IdentifierKind.Ogrn, "1021801143374")]
    [InlineData("IMO 9187629", IdentifierKind.Imo, "9187629")]
    [InlineData("LEI 253400DYLWR5A6YAWJ69", IdentifierKind.Lei, "253400DYLWR5A6YAWJ69")]
    [InlineData("253400DYLWR5A6YAWJ69", IdentifierKind.Lei, "253400DYLWR5A6YAWJ69")]
    [InlineData("91110117663725176G", IdentifierKind.Uscc, "91110117663725176G")]
    [InlineData("SWIFT SABRRUMM", IdentifierKind.Bic, "SABRRUMM")]
    [InlineData(" bic sabrrummxxx", IdentifierKind.Bic, "SABRRUMM")]       // a labelled BIC: the one identifier with no digit
    [InlineData("SWIFT/BIC: SABRRUMM", IdentifierKind.Bic, "SABRRUMM")]
    [InlineData("Tax ID: 7707083893", IdentifierKind.Other, "7707083893")]
    [InlineData("Reg. No. HRB 770549", IdentifierKind.Other, "HRB770549")]
    public void TryRecognize_Identifiers_Recognized(string query, IdentifierKind kind, string value)
    {
        Assert.True(IdentifierRecognizer.TryRecognize(query, out var id));
        Assert.Equal(kind, id.Check.Kind);
        Assert.Equal(value, id.Check.Value);
    }

    [Fact]
    public void TryRecognize_LabeledInvalidValue_RecognizedAsInvalid()
    {
        // The label says OGRN; the check digit is wrong, so the screen can say so instead of screening a name.
        Assert.True(IdentifierRecognizer.TryRecognize("ОГРН 1021801434617", out var id));
        Assert.Equal(IdentifierKind.Ogrn, id.Check.Kind);
        Assert.Equal(IdentifierStatus.Invalid, id.Check.Status);
    }

    [Theory]
    [InlineData("INN AT THE PARK")]
    [InlineData("INN 2 GO")]
    [InlineData("IMO SHIPPING 12")]
    [InlineData("SWIFT LOGISTICS LLC")]
    [InlineData("3M")]
    [InlineData("7-Eleven")]
    [InlineData("1520")]
    [InlineData("Kupol")]
    [InlineData("SABRRUMM")]                       // a bare 8-letter word is a name
    [InlineData("ABC 1234567")]
    [InlineData("253400DYLWR5A6YAWJ60")]           // LEI-shaped, check digits wrong: a name then
    [InlineData("1234567890123456789012345")]      // too many digits
    [InlineData("")]
    public void TryRecognize_Names_NotIdentifiers(string query) =>
        Assert.False(IdentifierRecognizer.TryRecognize(query, out _));

    [Theory]
    [InlineData("   ")]
    [InlineData("\t")]
    public void TryRecognize_Blank_NotIdentifiers(string query) =>
        Assert.False(IdentifierRecognizer.TryRecognize(query, out _));

    [Fact]
    public void TryRecognize_CommonNames_RejectedWithoutAllocating()
    {
        // Runs on every screened name: names without a digit, and short ones with digits, must cost no garbage.
        string[] names =
        [
            "Orion Components Legal Services Inc.", "厦门华芯实业集团有限公司", "SIEMENS AG", "Rosoboronexport", "ООО «ФЕДОРОВО МИНЕРАЛЗ»",
            "3M", "7-Eleven", "A1B2C3", "20th Century Trading Ltd", "ACME 2000 LLC", "SWIFT LOGISTICS LLC", "INN AT THE PARK",
        ];
        foreach (var n in names) Assert.False(IdentifierRecognizer.TryRecognize(n, out _), n);
        // Unoptimized (tier-0) code may allocate where optimized code does not: rounds run until the runtime has
        // optimized the method (a few hundred milliseconds), and the best round must allocate nothing.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var least = long.MaxValue;
        while (least > 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
                foreach (var n in names) IdentifierRecognizer.TryRecognize(n, out _);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            Thread.Sleep(20);
        }
        Assert.Equal(0, least);
    }

    [Theory]
    [InlineData("1831083343", true)]
    [InlineData("ИНН 1831 083 343", true)]
    [InlineData("253400DYLWR5A6YAWJ69", true)]
    [InlineData("ОГРН 1021801434617", false)]      // invalid: nothing to look up, so the name is screened as typed
    [InlineData("TIN CAN 2000 LTD", false)]        // a word beside the value: perhaps a company's name
    [InlineData("SWIFT SABRRUMM", false)]          // a BIC's letters could be a word
    public void StandsAlone_OnlyTheIdentifier(string query, bool alone)
    {
        Assert.True(IdentifierRecognizer.TryRecognize(query, out var id));
        Assert.Equal(alone, IdentifierRecognizer.StandsAlone(id));
    }
}
