using System.Numerics;
using Screening.Identifiers;

namespace Screening.Tests.Identifiers;

/// <summary>
/// Fixed-seed property tests: valid values generated from the published rules (reference code written here, apart from
/// the library's), then one character changed. A changed check character is always caught; USCC (mod 31, weights prime
/// to 31) catches every single substitution and LEI (MOD 97-10) all but a few letter-for-digit ones; the mod-11/mod-10 schemes (INN, OGRN), mod 13/10
/// (OGRNIP), IMO and VKN miss a few by design, so there the library must agree with the reference on every case and
/// catch most.
/// </summary>
public class ChecksumPropertyTests
{
    private const int Trials = 2000;
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static TheoryData<IdentifierKind> Schemes => new()
    {
        IdentifierKind.Inn, IdentifierKind.Ogrn, IdentifierKind.Ogrnip, IdentifierKind.Uscc, IdentifierKind.Lei, IdentifierKind.Imo, IdentifierKind.Vkn,
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Validate_GeneratedValidValues_AreValid(IdentifierKind kind)
    {
        var rng = new Random(20260914 + (int)kind);
        for (var t = 0; t < Trials; t++)
        {
            var v = Generate(kind, rng);
            var check = IdentifierValidator.Validate(kind, v);
            Assert.True(check.Status == IdentifierStatus.Valid, $"{kind} {v}: {check.Problem}");
            Assert.Equal(v, check.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Validate_CheckCharacterChanged_IsInvalid(IdentifierKind kind)
    {
        var rng = new Random(7 + (int)kind);
        for (var t = 0; t < Trials; t++)
        {
            var v = Generate(kind, rng);
            // INN-12 has two check digits; LEI two; the others one, last.
            var positions = kind switch
            {
                IdentifierKind.Lei => new[] { 18, 19 },
                IdentifierKind.Inn when v.Length == 12 => [10, 11],
                _ => [v.Length - 1],
            };
            foreach (var at in positions)
            {
                var flipped = Substitute(v, at, rng, kind);
                Assert.Equal(IdentifierStatus.Invalid, IdentifierValidator.Validate(kind, flipped).Status);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Validate_OneCharacterChanged_AgreesWithReferenceAndIsMostlyCaught(IdentifierKind kind)
    {
        var rng = new Random(99 + (int)kind);
        var caught = 0;
        for (var t = 0; t < Trials; t++)
        {
            var v = Generate(kind, rng);
            var at = rng.Next(v.Length);
            var flipped = Substitute(v, at, rng, kind);
            var invalid = IdentifierValidator.Validate(kind, flipped).Status == IdentifierStatus.Invalid;
            Assert.Equal(!ReferenceValid(kind, flipped), invalid);
            if (invalid) caught++;
        }
        // USCC catches every substitution; LEI every one but a letter for a digit or back (it shifts the digits of the
        // number); the others (mod 11 then mod 10 and the like) most.
        if (kind is IdentifierKind.Uscc) Assert.Equal(Trials, caught);
        else if (kind is IdentifierKind.Lei) Assert.True(caught > Trials * 0.99, $"LEI: only {caught} of {Trials} caught");
        else Assert.True(caught > Trials * 0.75, $"{kind}: only {caught} of {Trials} single substitutions caught");
    }

    // Valid values from the published rules.
    internal static string Generate(IdentifierKind kind, Random rng)
    {
        switch (kind)
        {
            case IdentifierKind.Inn:
                if (rng.Next(2) == 0)
                {
                    var b = Digits(rng, 9);
                    return b + InnDigit(b, [2, 4, 10, 3, 5, 9, 4, 6, 8]);
                }
                var p = Digits(rng, 10);
                p += InnDigit(p, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
                return p + InnDigit(p, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
            case IdentifierKind.Ogrn:
            {
                var b = (rng.Next(1, 6)).ToString(System.Globalization.CultureInfo.InvariantCulture) + Digits(rng, 11);
                return b + (BigInteger.Parse(b) % 11 % 10);
            }
            case IdentifierKind.Ogrnip:
            {
                var b = "3" + Digits(rng, 13);
                return b + (BigInteger.Parse(b) % 13 % 10);
            }
            case IdentifierKind.Uscc:
            {
                var chars = new char[18];
                for (var i = 0; i < 17; i++) chars[i] = i is >= 2 and <= 7 ? (char)('0' + rng.Next(10)) : UsccAlphabet[rng.Next(31)];
                var sum = 0;
                for (var i = 0; i < 17; i++) sum += UsccAlphabet.IndexOf(chars[i]) * (int)BigInteger.ModPow(3, i, 31);
                chars[17] = UsccAlphabet[(31 - sum % 31) % 31];
                return new string(chars);
            }
            case IdentifierKind.Lei:
            {
                const string an = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
                var b = new string([.. Enumerable.Range(0, 18).Select(_ => an[rng.Next(an.Length)])]);
                var check = 98 - (int)(LeiNumber(b + "00") % 97);
                return b + check.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            }
            case IdentifierKind.Imo:
            {
                var b = Digits(rng, 6);
                var sum = 0;
                for (var i = 0; i < 6; i++) sum += (b[i] - '0') * (7 - i);
                return b + (sum % 10);
            }
            case IdentifierKind.Vkn:
            {
                var b = Digits(rng, 9);
                return b + VknDigit(b);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static bool ReferenceValid(IdentifierKind kind, string v) => kind switch
    {
        IdentifierKind.Inn => v.Length == 10 ? InnDigit(v[..9], [2, 4, 10, 3, 5, 9, 4, 6, 8]) == v[9] - '0'
            : InnDigit(v[..10], [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == v[10] - '0' && InnDigit(v[..11], [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == v[11] - '0',
        IdentifierKind.Ogrn => BigInteger.Parse(v[..12]) % 11 % 10 == v[12] - '0',
        IdentifierKind.Ogrnip => BigInteger.Parse(v[..14]) % 13 % 10 == v[14] - '0',
        IdentifierKind.Imo => Enumerable.Range(0, 6).Sum(i => (v[i] - '0') * (7 - i)) % 10 == v[6] - '0',
        IdentifierKind.Vkn => VknDigit(v[..9]) == v[9] - '0',
        IdentifierKind.Lei => LeiNumber(v) % 97 == 1,
        IdentifierKind.Uscc => UsccAlphabet[(31 - Enumerable.Range(0, 17).Sum(i => UsccAlphabet.IndexOf(v[i]) * (int)BigInteger.ModPow(3, i, 31)) % 31) % 31] == v[17],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // Another character of the scheme's alphabet at one position (digits where the scheme wants digits).
    private static string Substitute(string v, int at, Random rng, IdentifierKind kind)
    {
        var alphabet = kind switch
        {
            IdentifierKind.Uscc when at is < 2 or > 7 => UsccAlphabet,
            IdentifierKind.Lei when at < 18 => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            _ => "0123456789",
        };
        char c;
        do c = alphabet[rng.Next(alphabet.Length)];
        while (c == v[at]);
        return string.Concat(v.AsSpan(0, at), c.ToString(), v.AsSpan(at + 1));
    }

    private static string Digits(Random rng, int n) => new([.. Enumerable.Range(0, n).Select(_ => (char)('0' + rng.Next(10)))]);

    private static int InnDigit(string digits, int[] weights) => Enumerable.Range(0, weights.Length).Sum(i => (digits[i] - '0') * weights[i]) % 11 % 10;

    // The published VKN rule, with powers of two written out.
    private static int VknDigit(string nine)
    {
        var sum = 0;
        for (var i = 1; i <= 9; i++)
        {
            var t = (nine[i - 1] - '0' + 10 - i) % 10;
            var p = (int)(t * Math.Pow(2, 10 - i) % 9);
            sum += t != 0 && p == 0 ? 9 : p;
        }
        return (10 - sum % 10) % 10;
    }

    private static BigInteger LeiNumber(string v) =>
        BigInteger.Parse(string.Concat(v.Select(c => char.IsDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
