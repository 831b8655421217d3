using Screening.Text;

namespace Screening.Tests.Text;

public class EditDistanceTests
{
    [Theory]
    [InlineData("KUPOL", "KUPOL", 0)]
    [InlineData("KUPOL", "KUPLO", 1)]
    [InlineData("KUPOL", "KUPL", 1)]
    [InlineData("KUPOL", "XKUPOL", 1)]
    [InlineData("ALMAZ", "ALMAS", 1)]
    [InlineData("ABCDEF", "BADCFE", 3)]
    [InlineData("", "ABC", 3)]
    public void Osa_KnownPairs_ReturnsDistance(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Reference(a, b));
        Assert.Equal(expected, EditDistance.Osa(a, b, 5));
    }

    [Fact]
    public void Osa_RandomStrings_AgreesWithReference()
    {
        // Fixed seed: small alphabets make repeats and transpositions frequent.
        var rnd = new Random(20261128);
        for (var iter = 0; iter < 20000; iter++)
        {
            var alphabet = rnd.Next(2) == 0 ? "AB" : "ABCDEFG";
            var a = RandomString(rnd, alphabet, rnd.Next(0, 12));
            var b = rnd.Next(3) == 0 ? RandomString(rnd, alphabet, rnd.Next(0, 12)) : Mutate(rnd, a, alphabet);
            var max = rnd.Next(0, 4);
            var expected = Math.Min(EditDistance.Reference(a, b), max + 1);
            Assert.True(expected == EditDistance.Osa(a, b, max), $"'{a}' vs '{b}' max {max}");
        }
    }

    [Fact]
    public void Osa_LongStrings_FallsBackCorrectly()
    {
        var a = new string('A', 70) + "XYZ";
        var b = new string('A', 70) + "XZY";
        Assert.Equal(1, EditDistance.Osa(a, b, 2));
    }

    private static string RandomString(Random rnd, string alphabet, int length)
    {
        var c = new char[length];
        for (var i = 0; i < length; i++) c[i] = alphabet[rnd.Next(alphabet.Length)];
        return new string(c);
    }

    private static string Mutate(Random rnd, string s, string alphabet)
    {
        var chars = new List<char>(s);
        var edits = rnd.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var op = rnd.Next(4);
            if (op == 0 && chars.Count > 0) chars.RemoveAt(rnd.Next(chars.Count));
            else if (op == 1) chars.Insert(rnd.Next(chars.Count + 1), alphabet[rnd.Next(alphabet.Length)]);
            else if (op == 2 && chars.Count > 0) chars[rnd.Next(chars.Count)] = alphabet[rnd.Next(alphabet.Length)];
            else if (chars.Count > 1) { var p = rnd.Next(chars.Count - 1); (chars[p], chars[p + 1]) = (chars[p + 1], chars[p]); }
        }
        return new string([.. chars]);
    }
}
