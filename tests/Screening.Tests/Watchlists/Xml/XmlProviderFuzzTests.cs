using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using Screening.Watchlists;

namespace Screening.Tests.Watchlists.Xml;

/// <summary>
/// Mutates the committed excerpts with a fixed seed and checks that every load ends in a reconciled list or a
/// <see cref="WatchlistFormatException"/> naming the source, never in any other exception.
/// </summary>
public class XmlProviderFuzzTests(ITestOutputHelper output)
{
    private const int MutationsPerFormat = 150;

    public static TheoryData<string> Formats => new() { "ofac", "un" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task LoadAsync_MutatedExcerpt_YieldsListOrFormatException(string format)
    {
        var original = await File.ReadAllBytesAsync(format == "ofac" ? XmlTestData.OfacFixture : XmlTestData.UnFixture);
        var random = new Random(format == "ofac" ? 20250110 : 20260227);
        int lists = 0, errors = 0, rejected = 0;
        for (var i = 0; i < MutationsPerFormat; i++)
        {
            var (bytes, what) = Mutate(original, random);
            try
            {
                var list = format == "ofac" ? await XmlTestData.LoadOfac(bytes) : await XmlTestData.LoadUn(bytes);
                Assert.Equal(list.Report.RowsRead, list.Report.EntriesLoaded + list.Report.RowsRejected);
                Assert.All(list.Entries, e => Assert.Equal(NameStrength.Primary, e.Names[0].Strength));
                rejected += (int)list.Report.RowsRejected;
                lists++;
            }
            catch (WatchlistFormatException ex)
            {
                Assert.Equal("t.xml", ex.File);
                errors++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {i} ({what}) threw {ex.GetType().Name}: {ex.Message}");
            }
        }
        output.WriteLine($"{format}: {lists} lists ({rejected} records rejected), {errors} format errors");
        // Every outcome occurs, or the mutations are not exercising the reader.
        Assert.True(lists > 0 && errors > 0 && rejected > 0, $"lists {lists}, rejected {rejected}, errors {errors}");
    }

    private static (byte[] Bytes, string What) Mutate(byte[] source, Random random)
    {
        var kind = random.Next(8);
        var b = (byte[])source.Clone();
        switch (kind)
        {
            case 0:
            {
                var at = random.Next(b.Length);
                return (b[..at], $"truncate at {at}");
            }
            case 1:
            {
                var n = random.Next(1, 9);
                for (var k = 0; k < n; k++) b[random.Next(b.Length)] = (byte)random.Next(256);
                return (b, $"{n} random bytes");
            }
            case 2:
            {
                var at = random.Next(b.Length);
                b[at] ^= (byte)(1 << random.Next(8));
                return (b, $"bit flip at {at}");
            }
            case 3:
                return DeleteTag(b, random);
            case 4:
            {
                // Swap two tags' names, e.g. <names> becomes </entity>.
                var text = Encoding.UTF8.GetString(b);
                var a = text.IndexOf('<', random.Next(text.Length));
                var c = text.IndexOf('<', random.Next(text.Length));
                if (a < 0 || c < 0) return (b, "no-op");
                var ea = text.IndexOf('>', a);
                var ec = text.IndexOf('>', c);
                if (ea < 0 || ec < 0) return (b, "no-op");
                var tagA = text[a..(ea + 1)];
                var replaced = text[..c] + tagA + text[(ec + 1)..];
                return (Encoding.UTF8.GetBytes(replaced), $"tag at {c} replaced by {tagA}");
            }
            case 5:
                return DeleteElement(b, random);
            case 6:
                return StripRecordNames(b, random);
            default:
            {
                // Drop an element's text: an entity may lose its id or its only name.
                var text = Encoding.UTF8.GetString(b);
                var gt = text.IndexOf('>', random.Next(text.Length));
                if (gt < 0) return (b, "no-op");
                var lt = text.IndexOf('<', gt);
                if (lt < 0) return (b, "no-op");
                return (Encoding.UTF8.GetBytes(text[..(gt + 1)] + text[lt..]), $"text after {gt} emptied");
            }
        }
    }

    // Removes one whole element (start tag to its end tag): the document stays well-formed but a record may lose
    // its names, its id or its type.
    private static (byte[], string) DeleteElement(byte[] b, Random random)
    {
        var text = Encoding.UTF8.GetString(b);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var start = text.IndexOf('<', random.Next(text.Length));
            if (start < 0 || start + 1 >= text.Length || !char.IsLetter(text[start + 1])) continue;
            var nameEnd = text.IndexOfAny([' ', '>', '/'], start);
            if (nameEnd < 0) continue;
            var name = text[(start + 1)..nameEnd];
            var close = text.IndexOf("</" + name + ">", start, StringComparison.Ordinal);
            if (close < 0) continue;
            var end = close + name.Length + 3;
            return (Encoding.UTF8.GetBytes(text[..start] + text[end..]), $"element <{name}> at {start} deleted");
        }
        return (b, "no-op");
    }

    // Strips every name from one record (OFAC <names>; UN FIRST_NAME, original script and aliases), which must
    // turn that record into a Rejected issue rather than fail the load.
    private static (byte[], string) StripRecordNames(byte[] b, Random random)
    {
        var text = Encoding.UTF8.GetString(b);
        var records = Regex.Matches(text, "<(entity|INDIVIDUAL|ENTITY)[ >].*?</\\1>", RegexOptions.Singleline);
        if (records.Count == 0) return (b, "no-op");
        var r = records[random.Next(records.Count)];
        var stripped = Regex.Replace(r.Value, "<(names|FIRST_NAME|SECOND_NAME|THIRD_NAME|FOURTH_NAME|NAME_ORIGINAL_SCRIPT|INDIVIDUAL_ALIAS|ENTITY_ALIAS)>.*?</\\1>", "", RegexOptions.Singleline);
        return (Encoding.UTF8.GetBytes(text[..r.Index] + stripped + text[(r.Index + r.Length)..]), $"names of the record at {r.Index} stripped");
    }

    private static (byte[], string) DeleteTag(byte[] b, Random random)
    {
        var start = Array.IndexOf(b, (byte)'<', random.Next(b.Length));
        if (start < 0) return (b, "no-op");
        var end = Array.IndexOf(b, (byte)'>', start);
        if (end < 0) return (b, "no-op");
        return ([.. b[..start], .. b[(end + 1)..]], $"tag deleted at {start}");
    }
}
