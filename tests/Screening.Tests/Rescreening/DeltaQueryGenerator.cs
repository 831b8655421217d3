using System.Globalization;
using System.Text;
using Screening.Identifiers;
using Screening.Watchlists;

namespace Screening.Tests.Rescreening;

/// <summary>
/// Books of real-ish names for the delta re-screening tests (fixed seeds): listed names of the delta and of the rest of
/// the list, altered as customer books alter them (typos, abbreviations of ordinary words, words run together or cut,
/// Cyrillic spellings, words dropped, shuffled or added, legal forms swapped, two names in one field), mixes of words
/// from both, and invented names.
/// </summary>
internal sealed class DeltaQueryGenerator(Random rnd, IReadOnlyList<WatchlistEntry> entries)
{
    private static readonly string[] Invented = ["ORION", "COASTAL", "SUMMIT", "VERTEX", "NORD", "SIBERIAN", "GLOBAL", "TRADING",
        "TECHNOLOGIES", "ENERGY", "SUPPLY", "LOGISTICS", "MACHINERY", "ELECTRONICS", "INDUSTRIAL", "GROUP", "HOLDING",
        "INTERNATIONAL", "SYSTEMS", "PRIBOR", "ZAVOD", "TEKH", "AVIA", "KHIM", "STAL", "NEFT", "SHENZHEN", "HONG", "KONG", "DUBAI"];
    private static readonly string[] Legal = ["LLC", "OOO", "JSC", "AO", "CO LTD", "LIMITED", "PJSC", "GMBH", "OAO", "ZAO", "ООО", "АО"];
    private static readonly string[] Added = ["TRADING", "GROUP", "HOLDING", "INTERNATIONAL", "PLANT", "OF", "AND", "NO 2", "SERVICE"];
    private static readonly string[] Countries = ["RU", "CN", "HK", "AE", "TR", "BY", "US"];
    private static readonly string[] Places = ["RUSSIA", "RUSSIAN FEDERATION", "CHINA", "HONG KONG", "TURKEY", "BELARUS", "RU", "CN", "HK"];

    /// <summary>A book of <paramref name="rows"/> requests, about half of them built from the delta's names.</summary>
    public List<ScreeningRequest> Book(IReadOnlyCollection<WatchlistEntry> delta, int rows, string prefix)
    {
        var deltaEntries = delta.Where(e => e.Names.Any(n => !string.IsNullOrWhiteSpace(n.Value))).ToList();
        var book = new List<ScreeningRequest>(rows);
        for (var r = 0; r < rows; r++)
        {
            var kind = rnd.Next(100);
            var source = kind < 85 && deltaEntries.Count > 0 ? Pick(deltaEntries) : Pick(entries);
            var deltaName = Pick(source.Names.Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToList()).Value;
            var name = kind switch
            {
                < 45 => Alter(deltaName),
                < 70 => Alter(Pick(Pick(entries).Names).Value),
                < 85 => Mix(deltaName, Pick(entries).PrimaryName),
                _ => InventedName(),
            };
            if (!name.Any(char.IsLetterOrDigit)) name = InventedName();
            // Hints: often the entry's own country and type, so that the hint bonus lifts some scores over the threshold.
            var country = rnd.Next(3) != 0 ? null : source.Countries.Count > 0 && rnd.Next(3) > 0 ? Pick(source.Countries) : Pick(Countries);
            EntityType? type = rnd.Next(5) != 0 ? null : rnd.Next(3) > 0 ? source.Type : (rnd.Next(2) == 0 ? EntityType.Organization : EntityType.Person);
            var request = new ScreeningRequest(name, $"{prefix}-{r}", country, type);
            var extra = rnd.Next(20);
            if (extra is 0 or 3) request = request with { Threshold = 0.5 + 0.05 * rnd.Next(9) };
            else if (extra == 1) request = request with { Filter = new ScreeningFilter { EntityTypes = [EntityType.Organization] } };
            else if (extra == 2 && delta.FirstOrDefault(e => e.Identifiers.Count > 0) is { } withId)
                request = request with { Identifiers = [new ScreeningIdentifier(withId.Identifiers[0].Type, withId.Identifiers[0].Value, withId.Identifiers[0].Country)] };
            book.Add(request);
        }
        return book;
    }

    /// <summary>One to three alterations of a name.</summary>
    public string Alter(string name)
    {
        var s = name;
        var times = rnd.Next(4) == 0 ? 0 : rnd.Next(1, 4);
        for (var i = 0; i < times; i++) s = AlterOnce(s);
        return s.Length == 0 ? name : s;
    }

    private string AlterOnce(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0) return s;
        switch (rnd.Next(20))
        {
            case 0: case 1: return Typo(s);
            case 2: return Abbreviate(words);
            case 3 when words.Count > 1:
            {
                var at = rnd.Next(words.Count - 1);
                words[at] += words[at + 1];
                words.RemoveAt(at + 1);
                return string.Join(' ', words);
            }
            case 4:
            {
                var at = rnd.Next(words.Count);
                if (words[at].Length >= 6) words[at] = words[at].Insert(rnd.Next(2, words[at].Length - 2), " ");
                return string.Join(' ', words);
            }
            case 5: return Cyrillic(s);
            case 6 when words.Count > 1: words.RemoveAt(rnd.Next(words.Count)); return string.Join(' ', words);
            case 7: return string.Join(' ', words.OrderBy(_ => rnd.Next()));
            case 8: words.Insert(rnd.Next(words.Count + 1), Pick(Added)); return string.Join(' ', words);
            case 9: return rnd.Next(2) == 0 ? Pick(Legal) + " " + s : s + " " + Pick(Legal);
            case 10: return rnd.Next(2) == 0 ? $"{s} aka {Pick(entries).PrimaryName}" : $"{Pick(entries).PrimaryName} ({s})";
            case 11: return s.ToLowerInvariant();
            case 12: return s.Replace(' ', '-');
            case 13: case 14: return Romanize(Cyrillic(s), (Scheme)rnd.Next(4));
            case 15: return EnglishInCyrillic(words);
            case 16: case 17: return LongFormInPart(words);
            // The firm's country written into its name (the engine also reads it without a country it names).
            case 19: return rnd.Next(3) == 0 ? Pick(Places) + " " + s : s + " " + Pick(Places);
            default: return s;
        }
    }

    private string Typo(string s)
    {
        var c = new StringBuilder(s);
        var at = rnd.Next(c.Length);
        if (!char.IsLetter(c[at])) return s;
        var letter = (char)('A' + rnd.Next(26));
        switch (rnd.Next(4))
        {
            case 0: c[at] = letter; break;
            case 1: c.Insert(at, letter); break;
            case 2: if (c.Length > 4) c.Remove(at, 1); break;
            default: if (at + 1 < c.Length) (c[at], c[at + 1]) = (c[at + 1], c[at]); break;
        }
        return c.ToString();
    }

    // An ordinary word written short: its first letter and some consonants (DSGN, RSRCH), or its start cut after a consonant (INST).
    private string Abbreviate(List<string> words)
    {
        var candidates = Enumerable.Range(0, words.Count).Where(i => words[i].Length >= 6 && words[i].All(char.IsLetter)).ToList();
        if (candidates.Count == 0) return string.Join(' ', words);
        var at = candidates[rnd.Next(candidates.Count)];
        var w = words[at].ToUpperInvariant();
        string shortened;
        if (rnd.Next(2) == 0)
        {
            var consonants = new string([w[0], .. w.Skip(1).Where(ch => !"AEIOUY".Contains(ch))]);
            shortened = consonants[..Math.Min(consonants.Length, rnd.Next(3, 7))];
        }
        else
        {
            var cut = rnd.Next(3, Math.Min(w.Length - 2, 7));
            while (cut < w.Length - 2 && "AEIOUY".Contains(w[cut - 1])) cut++;
            shortened = w[..cut];
        }
        words[at] = shortened;
        return string.Join(' ', words);
    }

    private static readonly (string Latin, string Cyrillic)[] ToCyrillic =
    [
        ("SHCH", "Щ"), ("ZH", "Ж"), ("KH", "Х"), ("TS", "Ц"), ("CH", "Ч"), ("SH", "Ш"), ("YU", "Ю"), ("YA", "Я"),
        ("A", "А"), ("B", "Б"), ("V", "В"), ("G", "Г"), ("D", "Д"), ("E", "Е"), ("Z", "З"), ("I", "И"), ("Y", "Й"), ("K", "К"),
        ("L", "Л"), ("M", "М"), ("N", "Н"), ("O", "О"), ("P", "П"), ("R", "Р"), ("S", "С"), ("T", "Т"), ("U", "У"), ("F", "Ф"),
        ("C", "К"), ("W", "В"), ("X", "КС"), ("Q", "К"), ("H", "Х"),
    ];

    /// <summary>A Latin name written in Cyrillic letters, as a Russian registry would.</summary>
    public static string Cyrillic(string s)
    {
        var upper = s.ToUpperInvariant();
        var sb = new StringBuilder();
        for (var i = 0; i < upper.Length;)
        {
            var hit = ToCyrillic.FirstOrDefault(p => string.CompareOrdinal(upper, i, p.Latin, 0, p.Latin.Length) == 0);
            if (hit.Latin is null) sb.Append(upper[i++]);
            else
            {
                sb.Append(hit.Cyrillic);
                i += hit.Latin.Length;
            }
        }
        return sb.ToString();
    }

    /// <summary>Romanizations of Russian other than the lists' (BGN/PCGN-like) one.</summary>
    public enum Scheme { German, French, GostB, Passport }

    // Per scheme, the letters that differ from the lists' romanization; the others are read as the lists read them.
    private static readonly Dictionary<char, string>[] Schemes =
    [
        new() { ['В'] = "W", ['Ж'] = "SH", ['З'] = "S", ['Й'] = "J", ['Х'] = "CH", ['Ц'] = "Z", ['Ч'] = "TSCH", ['Ш'] = "SCH", ['Щ'] = "SCHTSCH", ['Ю'] = "JU", ['Я'] = "JA" },
        new() { ['Ж'] = "J", ['Й'] = "I", ['Ч'] = "TCH", ['Ш'] = "CH", ['Щ'] = "CHTCH", ['У'] = "OU", ['Ю'] = "IOU", ['Я'] = "IA" },
        new() { ['Й'] = "J", ['Х'] = "X", ['Ц'] = "CZ", ['Щ'] = "SHH", ['Ю'] = "YU", ['Я'] = "YA" },
        new() { ['Й'] = "I", ['Ю'] = "IU", ['Я'] = "IA" },
    ];

    private static readonly Dictionary<char, string> Common = new()
    {
        ['А'] = "A", ['Б'] = "B", ['В'] = "V", ['Г'] = "G", ['Д'] = "D", ['Е'] = "E", ['Ж'] = "ZH", ['З'] = "Z", ['И'] = "I", ['Й'] = "Y",
        ['К'] = "K", ['Л'] = "L", ['М'] = "M", ['Н'] = "N", ['О'] = "O", ['П'] = "P", ['Р'] = "R", ['С'] = "S", ['Т'] = "T", ['У'] = "U",
        ['Ф'] = "F", ['Х'] = "KH", ['Ц'] = "TS", ['Ч'] = "CH", ['Ш'] = "SH", ['Щ'] = "SHCH", ['Ъ'] = "", ['Ы'] = "Y", ['Ь'] = "", ['Э'] = "E",
        ['Ю'] = "YU", ['Я'] = "YA",
    };

    /// <summary>A Cyrillic name romanized under another scheme (German SAWOD, French OBCHTCHESTVO, GOST MEXANICHESKIJ).</summary>
    public static string Romanize(string cyrillic, Scheme scheme)
    {
        var table = Schemes[(int)scheme];
        var sb = new StringBuilder(cyrillic.Length + 8);
        for (var i = 0; i < cyrillic.Length; i++)
        {
            var c = cyrillic[i];
            var vowelBefore = i > 0 && "АЕИОУЫЭЮЯ".Contains(cyrillic[i - 1]);
            var vowelAfter = i + 1 < cyrillic.Length && "АЕИОУЫЭЮЯ".Contains(cyrillic[i + 1]);
            // German and French write С between vowels SS (Z or S would read as З).
            if (c == 'С' && scheme is Scheme.German or Scheme.French && vowelBefore && vowelAfter) sb.Append("SS");
            else if (c == 'Ц' && scheme == Scheme.GostB && i + 1 < cyrillic.Length && "ЕИЫЙ".Contains(cyrillic[i + 1])) sb.Append('C');
            else if (table.TryGetValue(c, out var latin) || Common.TryGetValue(c, out latin)) sb.Append(latin);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    // English business words as a Russian writer spells them in Cyrillic (their sound, not their letters).
    private static readonly Dictionary<string, string> EnglishSounds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TRADE"] = "ТРЕЙД", ["TRADING"] = "ТРЕЙДИНГ", ["SERVICE"] = "СЕРВИС", ["DEVICE"] = "ДЕВАЙС", ["DEVICES"] = "ДЕВАЙСЕЗ",
        ["SOLUTION"] = "СОЛЮШН", ["SOLUTIONS"] = "СОЛЮШНС", ["LOGISTIC"] = "ЛОДЖИСТИК", ["LOGISTICS"] = "ЛОДЖИСТИКС",
        ["TECHNOLOGY"] = "ТЕКНОЛОДЖИ", ["TECHNOLOGIES"] = "ТЕКНОЛОДЖИС", ["TECH"] = "ТЕК", ["GROUP"] = "ГРУП", ["GLOBAL"] = "ГЛОБАЛ",
        ["SYSTEMS"] = "СИСТЕМС", ["ENGINEERING"] = "ИНЖИНИРИНГ", ["INTERNATIONAL"] = "ИНТЕРНЕШНЛ", ["HOLDING"] = "ХОЛДИНГ",
        ["ENERGY"] = "ЭНЕРДЖИ", ["DIGITAL"] = "ДИДЖИТАЛ", ["MANAGEMENT"] = "МЕНЕДЖМЕНТ", ["SUPPLY"] = "САПЛАЙ", ["MARINE"] = "МАРИН",
        ["SHIPPING"] = "ШИППИНГ", ["UNITED"] = "ЮНАЙТЕД", ["LEASING"] = "ЛИЗИНГ", ["ELECTRONICS"] = "ЭЛЕКТРОНИКС",
        ["UNISERVICE"] = "ЮНИСЕРВИС", ["PARTNERS"] = "ПАРТНЕРС", ["CONSULTING"] = "КОНСАЛТИНГ", ["LINE"] = "ЛАЙН", ["BRIDGE"] = "БРИДЖ",
        ["COMPONENTS"] = "КОМПОНЕНТС", ["MACHINERY"] = "МАШИНЕРИ", ["AVIATION"] = "АВИЭЙШН", ["INDUSTRIES"] = "ИНДАСТРИЗ",
    };

    /// <summary>A name written in Cyrillic, its English words by their sound (ТРЕЙД for TRADE, СОЛЮШНС for SOLUTIONS).</summary>
    public static string EnglishInCyrillic(IEnumerable<string> words) =>
        string.Join(' ', words.Select(w => EnglishSounds.TryGetValue(w, out var sound) ? sound : Cyrillic(w)));

    // Russian abbreviations of ordinary words and their long forms (in English and in Russian).
    private static readonly (string Short, string[][] Long)[] LongForms =
    [
        ("NPO", [["SCIENTIFIC", "PRODUCTION", "ASSOCIATION"], ["NAUCHNO", "PROIZVODSTVENNOE", "OBEDINENIE"]]),
        ("NPP", [["SCIENTIFIC", "PRODUCTION", "ENTERPRISE"], ["NAUCHNO", "PROIZVODSTVENNOE", "PREDPRIYATIE"]]),
        ("NPK", [["RESEARCH", "AND", "PRODUCTION", "CORPORATION"], ["NAUCHNO", "PROIZVODSTVENNAYA", "KORPORATSIYA"]]),
        ("NII", [["SCIENTIFIC", "RESEARCH", "INSTITUTE"], ["NAUCHNO", "ISSLEDOVATELSKIY", "INSTITUT"]]),
        ("KB", [["DESIGN", "BUREAU"], ["KONSTRUKTORSKOE", "BYURO"]]),
        ("OKB", [["EXPERIMENTAL", "DESIGN", "BUREAU"], ["OPYTNOE", "KONSTRUKTORSKOE", "BYURO"]]),
        ("TD", [["TRADING", "HOUSE"], ["TORGOVYY", "DOM"]]),
        ("TSNII", [["CENTRAL", "SCIENTIFIC", "RESEARCH", "INSTITUTE"], ["TSENTRALNYY", "NAUCHNO", "ISSLEDOVATELSKIY", "INSTITUT"]]),
        ("TSKB", [["CENTRAL", "DESIGN", "BUREAU"], ["TSENTRALNOE", "KONSTRUKTORSKOE", "BYURO"]]),
    ];

    // An abbreviation written out with a word of its long form missing (SCIENTIFIC PRODUCTION ALMAZ for NPO ALMAZ), a
    // long form already written out cut short, or either one taken for a kindred one (NPP or SCIENTIFIC PRODUCTION
    // ENTERPRISE for NPO, as a firm re-registered under another form is written).
    private string LongFormInPart(List<string> words)
    {
        var kindred = rnd.Next(2) == 0;
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var (shortForm, longForms) in LongForms)
            {
                var length = string.Equals(words[i], shortForm, StringComparison.OrdinalIgnoreCase) ? 1
                    : longForms.FirstOrDefault(l => i + l.Length <= words.Count && l.Select((w, k) => string.Equals(w, words[i + k], StringComparison.OrdinalIgnoreCase)).All(x => x))?.Length ?? 0;
                if (length == 0) continue;
                List<string> replacement;
                if (kindred)
                {
                    var other = Pick(LongForms.Where(f => f.Short != shortForm).ToList());
                    replacement = rnd.Next(2) == 0 ? [other.Short] : [.. Pick(other.Long)];
                }
                else
                {
                    replacement = length == 1 ? [.. Pick(longForms)] : [.. words.GetRange(i, length)];
                    replacement.RemoveAt(rnd.Next(replacement.Count));
                }
                words.RemoveRange(i, length);
                words.InsertRange(i, replacement);
                return string.Join(' ', words);
            }
        }
        return Typo(string.Join(' ', words));
    }

    private string Mix(string a, string b)
    {
        var words = a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(_ => rnd.Next(3) > 0)
            .Concat(b.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(_ => rnd.Next(2) == 0)).OrderBy(_ => rnd.Next(3)).ToList();
        return words.Count == 0 ? a : Alter(string.Join(' ', words));
    }

    private string InventedName()
    {
        var n = rnd.Next(1, 4);
        var words = Enumerable.Range(0, n).Select(_ => Pick(Invented)).ToList();
        if (rnd.Next(2) == 0) words.Add(Pick(Legal));
        return string.Join(' ', words);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[rnd.Next(items.Count)];

    /// <summary>A random name of listed words (for added entries): words of random entries, sometimes generic words only.</summary>
    public string ListedWords()
    {
        if (rnd.Next(5) == 0) return string.Join(' ', Enumerable.Range(0, rnd.Next(1, 4)).Select(_ => Pick(["GLOBAL", "TRADING", "GROUP", "LOGISTICS", "SUPPLY", "DIGITAL"])));
        var words = Enumerable.Range(0, rnd.Next(1, 4)).Select(_ => Pick(Pick(entries).PrimaryName.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return string.Join(' ', words) + (rnd.Next(3) == 0 ? " " + Pick(Legal) : "");
    }

    /// <summary>An invariant-culture number, for ids.</summary>
    public static string Id(int i) => i.ToString(CultureInfo.InvariantCulture);
}
