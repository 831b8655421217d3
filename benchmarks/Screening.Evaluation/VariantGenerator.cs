using System.Text;
using Screening.Watchlists;

namespace Screening.Evaluation;

/// <summary>
/// Makes altered query names from listed names, one transformation per category. Every method returns null when the
/// transformation does not apply to the name, so categories hold only names where the alteration is real.
/// </summary>
internal sealed class VariantGenerator
{
    private readonly Random _rng;
    private readonly TokenStats _stats;

    public VariantGenerator(Random rng, TokenStats stats)
    {
        _rng = rng;
        _stats = stats;
    }

    public static readonly string[] GenericWords = ["GROUP", "HOLDING", "TRADING", "RUS", "INTERNATIONAL", "TECHNOLOGIES", "SERVICE", "INDUSTRIES", "PLUS", "COMPANY"];

    // Long form -> short form. Each row is tried both ways: contraction where the long form occurs, expansion where the short one does.
    public static readonly (string Long, string Short)[] Abbreviations =
    [
        ("SCIENTIFIC RESEARCH INSTITUTE", "NII"),
        ("RESEARCH INSTITUTE", "NII"),
        ("NAUCHNO ISSLEDOVATELSKIY INSTITUT", "NII"),
        ("NAUCHNO ISSLEDOVATELSKI INSTITUT", "NII"),
        ("CENTRAL SCIENTIFIC RESEARCH INSTITUTE", "TSNII"),
        ("CENTRAL RESEARCH INSTITUTE", "TSNII"),
        ("SCIENTIFIC PRODUCTION ASSOCIATION", "NPO"),
        ("SCIENTIFIC AND PRODUCTION ASSOCIATION", "NPO"),
        ("RESEARCH AND PRODUCTION ASSOCIATION", "NPO"),
        ("NAUCHNO PROIZVODSTVENNOE OBEDINENIE", "NPO"),
        ("SCIENTIFIC PRODUCTION ENTERPRISE", "NPP"),
        ("RESEARCH AND PRODUCTION ENTERPRISE", "NPP"),
        ("SCIENTIFIC AND PRODUCTION ENTERPRISE", "NPP"),
        ("NAUCHNO PROIZVODSTVENNOE PREDPRIYATIE", "NPP"),
        ("RESEARCH AND PRODUCTION CORPORATION", "NPK"),
        ("SCIENTIFIC PRODUCTION CENTER", "NPTS"),
        ("RESEARCH AND PRODUCTION CENTER", "NPTS"),
        ("EXPERIMENTAL DESIGN BUREAU", "OKB"),
        ("OPYTNOE KONSTRUKTORSKOE BYURO", "OKB"),
        ("SPECIAL DESIGN BUREAU", "SKB"),
        ("SPETSIALNOE KONSTRUKTORSKOE BYURO", "SKB"),
        ("CENTRAL DESIGN BUREAU", "TSKB"),
        ("DESIGN BUREAU", "KB"),
        ("KONSTRUKTORSKOE BYURO", "KB"),
        ("TECHNOLOGIES", "TECH"),
        ("TECHNOLOGY", "TECH"),
        ("INTERNATIONAL", "INTL"),
        ("CORPORATION", "CORP"),
        ("MANUFACTURING", "MFG"),
        ("ENGINEERING", "ENG"),
        ("EQUIPMENT", "EQUIP"),
        ("INDUSTRIES", "INDS"),
        ("MANAGEMENT", "MGMT"),
        ("LABORATORY", "LAB"),
        ("ELECTRONICS", "ELEC"),
    ];

    private static readonly string[] CompoundParts =
    [
        "RADIO", "ELEKTRO", "ELECTRO", "ENERGO", "AVIA", "AERO", "PROM", "NEFTE", "NEFT", "GAZ", "STROY", "STROI",
        "MASH", "TRANS", "INVEST", "BANK", "SPETS", "TELE", "MIKRO", "MICRO", "AVTO", "AUTO", "AGRO", "PRIBOR",
        "SERVIS", "SERVICE", "SNAB", "IMPEKS", "IMPEX", "EKSPORT", "EXPORT", "OPTIK", "OPTIC", "SISTEM", "SYSTEM", "ROS", "RUS",
        "GEO", "HIM", "KHIM", "METALL", "METAL", "ZAVOD", "LOGISTIK", "LOGISTIC", "TRADE", "GROUP", "HOLDING",
    ];

    private static readonly string[] ChineseCities =
    [
        "SHENZHEN", "GUANGZHOU", "SHANGHAI", "BEIJING", "HANGZHOU", "XIAMEN", "NINGBO", "DONGGUAN", "WUHAN", "CHENGDU", "TIANJIN",
        "SUZHOU", "NANJING", "QINGDAO", "DALIAN", "FOSHAN", "ZHUHAI", "CHANGSHA", "XIAN", "HEFEI", "JINAN", "ZHENGZHOU", "SHENYANG",
        "HARBIN", "KUNMING", "FUZHOU", "WUXI", "CHONGQING", "ZHONGSHAN", "HUIZHOU", "YIWU", "JINHUA", "WENZHOU", "CHANGZHOU",
        "SHANTOU", "JIANGMEN", "ZHUZHOU", "NANCHANG", "TAIZHOU", "QUANZHOU", "XIAMEN", "HUNAN", "GUANGDONG", "JIANGSU", "ZHEJIANG",
        "SHANDONG", "HEBEI", "HENAN", "SICHUAN", "FUJIAN", "ANHUI", "HUBEI", "LIAONING", "SHAANXI", "SHANXI", "YUNNAN",
    ];

    public string? CasePunctuation(string name)
    {
        var p = ParsedName.Parse(name);
        var parts = new List<string>();
        var style = _rng.Next(3); // 0 lower, 1 title, 2 lower with the legal form kept upper
        var quote = _rng.NextDouble() < 0.4 && p.HasLegalForm;
        for (var i = 0; i < p.Words.Count; i++)
        {
            var w = p.Words[i].Raw;
            var sb = new StringBuilder(w.Length);
            // Dots of initials ("V.V.") go; a dot inside a word ("INZHINIRING.RF") becomes a space, not a join.
            var initials = w.Contains('.') && w.Split('.', StringSplitOptions.RemoveEmptyEntries).All(seg => seg.Trim(',', '"', '\'').Length <= 2);
            foreach (var c in w)
            {
                switch (c)
                {
                    case ',' or '"' or '\'' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB': break; // dropped
                    case '.': if (!initials) sb.Append(' '); break;
                    case '-': sb.Append(' '); break;
                    default: sb.Append(c); break;
                }
            }
            var s = sb.ToString().Trim();
            var inLegal = (p.Prefix is { } a && i < a.Start + a.Length) || (p.Suffix is { } b && i >= b.Start);
            s = style switch
            {
                0 => s.ToLowerInvariant(),
                1 => TitleCase(s),
                _ => inLegal ? s.ToUpperInvariant() : s.ToLowerInvariant(),
            };
            parts.Add(s);
        }
        if (quote)
        {
            // Russian style: the name proper in quotes, the legal form outside.
            var first = p.CoreStart;
            var last = p.CoreEnd - 1;
            if (first <= last)
            {
                var (open, close) = _rng.Next(2) == 0 ? ("\"", "\"") : ("\u00AB", "\u00BB");
                parts[first] = open + parts[first];
                parts[last] += close;
            }
        }
        var result = ParsedName.Join(parts);
        return result == name ? null : result;
    }

    public string? LegalFormSwapped(string name)
    {
        var p = ParsedName.Parse(name);
        var spans = new List<LegalSpan>();
        if (p.Prefix is { } pre) spans.Add(pre);
        if (p.Suffix is { } suf) spans.Add(suf);
        spans.RemoveAll(s => s.Class is LegalClass.Other or LegalClass.Gmbh);
        if (spans.Count == 0) return null;
        var span = spans[_rng.Next(spans.Count)];
        var current = string.Join(' ', p.Words.Skip(span.Start).Take(span.Length).Select(w => w.Key));
        var cls = span.Class;
        if (LegalForms.JointStockFamily.Contains(cls) && _rng.NextDouble() < 0.3)
            cls = LegalForms.JointStockFamily[_rng.Next(LegalForms.JointStockFamily.Length)];
        var options = LegalForms.Forms[cls].Where(f => string.Join(' ', LegalForms.KeysOf(f)) != current).ToArray();
        if (options.Length == 0) return null;
        var replacement = options[_rng.Next(options.Length)];

        var core = p.Words.Where((_, i) => i >= span.Start + span.Length || i < span.Start).Select(w => w.Raw).ToList();
        var atStart = span.Start == 0;
        // Sometimes the form moves to the other end ("OOO KUPOL" <-> "KUPOL LLC"), as registries and invoices differ.
        if (_rng.NextDouble() < 0.35) atStart = !atStart;
        // Removing the span from core keeps the other legal form (if any) where it was.
        var result = atStart ? ParsedName.Join([replacement, .. core]) : ParsedName.Join([.. core, replacement]);
        return Word.KeyOf(result) == Word.KeyOf(name) ? null : result;
    }

    public static string? LegalFormDropped(string name)
    {
        var p = ParsedName.Parse(name);
        if (!p.HasLegalForm) return null;
        if (p.ContentIndexes().Count == 0) return null;
        var result = ParsedName.Join(p.CoreIndexes().Select(i => p.Words[i].Raw)).Trim(',', ' ');
        return result.Length == 0 ? null : result;
    }

    public string? OneTypo(string name)
    {
        var p = ParsedName.Parse(name);
        var candidates = p.ContentIndexes().Where(i => LongestRun(p.Words[i].Raw) >= 5).ToList();
        if (candidates.Count == 0) return null;
        var words = p.Words.Select(w => w.Raw).ToArray();
        var i = candidates[_rng.Next(candidates.Count)];
        words[i] = Typo(words[i], avoid: -1, minRun: 5, out _);
        return ParsedName.Join(words);
    }

    public string? TwoTypos(string name)
    {
        var p = ParsedName.Parse(name);
        var candidates = p.ContentIndexes().Where(i => LongestRun(p.Words[i].Raw) >= 5).ToList();
        var words = p.Words.Select(w => w.Raw).ToArray();
        if (candidates.Count >= 2)
        {
            Shuffle(candidates);
            words[candidates[0]] = Typo(words[candidates[0]], -1, 5, out _);
            words[candidates[1]] = Typo(words[candidates[1]], -1, 5, out _);
            return ParsedName.Join(words);
        }
        var longOnes = p.ContentIndexes().Where(i => LongestRun(p.Words[i].Raw) >= 9).ToList();
        if (longOnes.Count == 0) return null;
        var k = longOnes[_rng.Next(longOnes.Count)];
        var once = Typo(words[k], -1, 9, out var at);
        // The second edit away from the first so they do not cancel or merge (a deletion leaves the word one shorter).
        words[k] = Typo(once, at, 8, out _);
        return ParsedName.Join(words);
    }

    public string? WordOrder(string name)
    {
        var p = ParsedName.Parse(name);
        var core = p.CoreIndexes().ToList();
        if (p.ContentIndexes().Count < 2) return null;
        // The orders that occur in practice, not a random permutation: the name proper moved to the front or the back
        // ("KUPOL IZHEVSK ELECTROMECHANICAL PLANT"), or two neighbouring words swapped.
        var order = new List<int>(core);
        var pick = _rng.NextDouble();
        if (pick < 0.4) { order.RemoveAt(order.Count - 1); order.Insert(0, core[^1]); }
        else if (pick < 0.7) { order.RemoveAt(0); order.Add(core[0]); }
        else
        {
            var k = _rng.Next(order.Count - 1);
            (order[k], order[k + 1]) = (order[k + 1], order[k]);
        }
        if (order.SequenceEqual(core)) return null;
        var parts = new List<string>();
        for (var i = 0; i < p.CoreStart; i++) parts.Add(p.Words[i].Raw);
        parts.AddRange(order.Select(i => p.Words[i].Raw.Trim(',')));
        for (var i = p.CoreEnd; i < p.Words.Count; i++) parts.Add(p.Words[i].Raw);
        var result = ParsedName.Join(parts);
        return Word.KeyOf(result) == Word.KeyOf(name) ? null : result;
    }

    public string? SplitOrJoined(string name)
    {
        var p = ParsedName.Parse(name);
        var words = p.Words.Select(w => w.Raw).ToList();
        var content = p.ContentIndexes();
        var options = new List<Func<string?>>();

        var hyphenated = content.Where(i => words[i].Trim('-').Contains('-')).ToList();
        if (hyphenated.Count > 0)
        {
            options.Add(() =>
            {
                var i = hyphenated[_rng.Next(hyphenated.Count)];
                words[i] = words[i].Replace("-", "");
                return ParsedName.Join(words);
            });
        }
        var adjacent = new List<int>();
        for (var k = 0; k + 1 < content.Count; k++)
        {
            if (content[k + 1] != content[k] + 1) continue;
            var a = words[content[k]];
            var b = words[content[k + 1]];
            if (a.EndsWith(',') || LetterCount(a) < 2 || LetterCount(b) < 2) continue;
            adjacent.Add(content[k]);
        }
        if (adjacent.Count > 0)
        {
            options.Add(() =>
            {
                var i = adjacent[_rng.Next(adjacent.Count)];
                words[i] += words[i + 1];
                words.RemoveAt(i + 1);
                return ParsedName.Join(words);
            });
        }
        // A long word split where it is a compound of two words the list knows (STANKOZAVOD -> STANKO ZAVOD), never at random.
        var splittable = content.Where(i => LetterCount(words[i]) >= 8 && words[i].All(char.IsAsciiLetter))
            .Select(i => (Index: i, At: SplitPoint(words[i]))).Where(x => x.At > 0).ToList();
        if (splittable.Count > 0)
        {
            options.Add(() =>
            {
                var (i, at) = splittable[_rng.Next(splittable.Count)];
                var w = words[i];
                words[i] = w[..at] + " " + w[at..];
                return ParsedName.Join(words);
            });
        }
        if (options.Count == 0) return null;
        return options[_rng.Next(options.Count)]();
    }

    // Where a compound splits: both halves words of the list (at least 4 letters each, seen in 3+ entries), or a known
    // compound part. 0 when there is no such place.
    private int SplitPoint(string word)
    {
        var upper = word.ToUpperInvariant();
        var best = 0;
        var bestScore = 0;
        for (var at = 4; at <= upper.Length - 4; at++)
        {
            var left = _stats.DocumentFrequency(upper[..at]);
            var right = _stats.DocumentFrequency(upper[at..]);
            if (left < 3 || right < 3) continue;
            var score = Math.Min(left, right);
            if (score > bestScore) { bestScore = score; best = at; }
        }
        if (best > 0) return best;
        foreach (var part in CompoundParts)
        {
            if (upper.Length - part.Length < 5) continue;
            if (upper.StartsWith(part, StringComparison.Ordinal)) return part.Length;
            if (upper.EndsWith(part, StringComparison.Ordinal)) return upper.Length - part.Length;
        }
        return 0;
    }

    // A word on this many entries or more is common enough to be dropped in data entry without making another name.
    private const int CommonWordMinEntries = 10;

    public string? TokenDropped(string name)
    {
        var p = ParsedName.Parse(name);
        var content = p.ContentIndexes();
        if (content.Count < 3) return null;
        // Only a non-distinctive word: a common one (RESEARCH, PLANT, RUSSIAN), never the rarest of the name. Dropping one
        // of two distinctive words (MIRP in LLC MIRP INTELLECTUAL SYSTEMS) makes another name, not a variant.
        var rarest = content.OrderBy(i => _stats.DocumentFrequency(p.Words[i].Key)).ThenByDescending(i => p.Words[i].Key.Length).First();
        var droppable = content.Where(i => i != rarest && _stats.DocumentFrequency(p.Words[i].Key) >= CommonWordMinEntries).ToList();
        if (droppable.Count == 0) return null;
        var drop = droppable[_rng.Next(droppable.Count)];
        var result = ParsedName.Join(p.Words.Where((_, i) => i != drop).Select(w => w.Raw));
        return result;
    }

    public string? TokenAdded(string name)
    {
        var p = ParsedName.Parse(name);
        var keys = p.Words.Select(w => w.Key).ToHashSet();
        var options = GenericWords.Where(g => !keys.Contains(g)).ToArray();
        if (options.Length == 0 || p.ContentIndexes().Count == 0) return null;
        var word = options[_rng.Next(options.Length)];
        var words = p.Words.Select(w => w.Raw).ToList();
        // Mostly at the end of the name proper (before a suffix legal form), sometimes at its start.
        var at = _rng.NextDouble() < 0.75 ? p.CoreEnd : p.CoreStart;
        if (at > 0 && at == p.CoreEnd) words[at - 1] = words[at - 1].TrimEnd(',');
        words.Insert(at, word);
        return ParsedName.Join(words);
    }

    public string? Abbreviation(string name)
    {
        var p = ParsedName.Parse(name);
        var keys = p.Words.Select(w => w.Key).ToList();
        var options = new List<(int Start, int Length, string Replacement)>();
        foreach (var (longForm, shortForm) in Abbreviations)
        {
            var lk = longForm.Split(' ');
            for (var i = p.CoreStart; i + lk.Length <= p.CoreEnd; i++)
            {
                if (keys.Skip(i).Take(lk.Length).SequenceEqual(lk)) options.Add((i, lk.Length, shortForm));
            }
            for (var i = p.CoreStart; i < p.CoreEnd; i++)
            {
                if (keys[i] == shortForm && !options.Any(o => o.Start == i)) options.Add((i, 1, longForm));
            }
        }
        // A contraction of a longer phrase wins over one of its parts at the same place ("SCIENTIFIC RESEARCH INSTITUTE" over "RESEARCH INSTITUTE").
        options = options.GroupBy(o => o.Start + o.Length).Select(g => g.OrderByDescending(o => o.Length).First()).ToList();
        if (options.Count == 0) return null;
        var (start, length, replacement) = options[_rng.Next(options.Count)];
        var words = p.Words.Select(w => w.Raw).ToList();
        words.RemoveRange(start, length);
        words.Insert(start, replacement);
        return ParsedName.Join(words);
    }

    public string? AlternateRomanization(string name)
    {
        var p = ParsedName.Parse(name);
        // A competing scheme is applied consistently: each rule on or off for the whole name.
        var rules = RomanizationRules.Where(_ => _rng.NextDouble() < 0.7).ToList();
        if (rules.Count == 0) rules.Add(RomanizationRules[_rng.Next(RomanizationRules.Length)]);
        var words = p.Words.Select(w => w.Raw).ToArray();
        var changed = false;
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i].ToUpperInvariant();
            var original = w;
            foreach (var rule in rules) w = rule(w, _rng);
            if (w != original) { words[i] = w; changed = true; }
        }
        if (!changed)
        {
            // The drawn scheme did not touch this name: try every rule before giving up.
            for (var i = 0; i < words.Length; i++)
            {
                var w = words[i].ToUpperInvariant();
                var original = w;
                foreach (var rule in RomanizationRules) w = rule(w, _rng);
                if (w != original) { words[i] = w; changed = true; }
            }
        }
        return changed ? ParsedName.Join(words) : null;
    }

    private static readonly Func<string, Random, string>[] RomanizationRules =
    [
        (w, _) => w.Replace("SHCH", "SCH", StringComparison.Ordinal),
        (w, _) => w.Replace("KH", "H", StringComparison.Ordinal),
        (w, _) => w.Replace("TS", "C", StringComparison.Ordinal),
        (w, _) => w.Replace("YA", "IA", StringComparison.Ordinal),
        (w, _) => w.Replace("YU", "IU", StringComparison.Ordinal),
        (w, r) => EndsWithAny(w, "IY", "YY") ? w[..^2] + (r.Next(2) == 0 ? "Y" : "I") : w,
        (w, _) => w.Replace("EY", "EI", StringComparison.Ordinal),
        (w, _) => w.Replace("ZH", "J", StringComparison.Ordinal),
        (w, _) => w.Replace("X", "KS", StringComparison.Ordinal),
    ];

    private static bool EndsWithAny(string w, params string[] ends)
    {
        // Only word-final letters, punctuation aside.
        var k = Word.KeyOf(w);
        return k == w && ends.Any(e => w.EndsWith(e, StringComparison.Ordinal) && w.Length > e.Length + 2);
    }

    public string? CyrillicScript(string name, IReadOnlyList<string> countries)
    {
        var p = ParsedName.Parse(name);
        // Only Russian-style names: a Russian legal form or none, and a Russian (or unknown) address.
        if (countries.Count > 0 && !countries.Contains("RU")) return null;
        var spans = new List<LegalSpan>();
        if (p.Prefix is { } a) spans.Add(a);
        if (p.Suffix is { } b) spans.Add(b);
        if (spans.Any(s => !LegalForms.IsRussian(s.Class))) return null;
        var content = p.ContentIndexes();
        if (content.Count == 0) return null;
        // Names in English would not be written in Cyrillic letter by letter; keep romanized Russian names only.
        if (content.Any(i => LooksEnglish(p.Words[i].Key)) || p.CoreIndexes().Any(i => p.Words[i].Key is "OF" or "AND" or "THE" or "FOR")) return null;
        var core = new List<string>();
        foreach (var i in p.CoreIndexes())
        {
            // Initials and dotted abbreviations ("M.V.FRUNZE") keep their word boundaries.
            foreach (var part in p.Words[i].Raw.Trim(',', '"').Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                var cyr = CyrillicTransliterator.ToCyrillic(part);
                if (cyr.Length > 0) core.Add(cyr);
            }
        }
        if (core.Count == 0) return null;
        var legal = spans.Count > 0 ? LegalForms.Cyrillic(spans[0].Class) : "";
        var body = string.Join(' ', core);
        if (legal.Length > 0 && _rng.NextDouble() < 0.5) body = "\u00AB" + body + "\u00BB";
        return legal.Length > 0 ? legal + " " + body : body;
    }

    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "PLANT", "INSTITUTE", "DESIGN", "STATE", "FEDERAL", "JOINT", "OPEN", "MANAGEMENT", "ENTERPRISE", "NAMED", "AFTER", "OIL", "GAS",
        "MINING", "METAL", "STEEL", "SHIP", "PORT", "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL", "UNITED", "RUSSIAN",
        "MOSCOW", "SIBERIAN", "ACADEMY", "UNIVERSITY", "MINISTRY", "DEFENSE", "DEFENCE", "ARMED", "FORCES", "MILITARY", "INDUSTRIAL",
        "INDUSTRY", "LIMITED", "LIABILITY", "PUBLIC", "PRIVATE", "NEW", "ENERGY", "POWER", "TRADE", "AVIATION", "AIRCRAFT", "AIRLINES",
        "HELICOPTER", "HELICOPTERS", "SPACE", "ROCKET", "MISSILE", "ELECTRIC", "CHEMICAL", "NUCLEAR", "ATOMIC", "SHIPYARD", "YARD", "DOCK",
        "FLEET", "MARINE", "SEA", "RIVER", "LAND", "REAL", "ESTATE", "FUND", "FOUNDATION", "PARTY", "UNION", "AGENCY", "PEOPLE", "PEOPLES",
        "REPUBLIC", "HOLDINGS", "PARTNERS", "GLOBAL", "LINE", "LINES", "STAR", "GOLD", "PIPE", "MOTOR", "MOTORS", "AUTOMATED", "UNMANNED",
        "SPECIAL", "DEPARTMENT", "REGIONAL", "FIRST", "SECOND", "HEAVY", "MEDIUM", "LIGHT", "DIGITAL", "INNOVATIVE", "ADVANCED", "TESTING",
        "TRAINING", "NEWS", "OPTICAL", "LASER", "LASERS", "AIRPORT", "DEPOT", "LEASING", "PLUS",
    };

    // Letter patterns that BGN romanizations of Russian words do not produce.
    private static bool LooksEnglish(string key)
    {
        if (EnglishWords.Contains(key)) return true;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var next = i + 1 < key.Length ? key[i + 1] : '\0';
            if (c is 'W' or 'Q' or 'X') return true;
            if (c == 'C' && next != 'H') return true;
            if (c == 'T' && next == 'H') return true;
            if (c == 'E' && next is 'A' or 'E') return true;
            if (c == 'O' && next == 'U') return true;
        }
        return key.EndsWith("TION", StringComparison.Ordinal) || key.EndsWith("ICS", StringComparison.Ordinal) || key.EndsWith("ERY", StringComparison.Ordinal)
            || (key.EndsWith("ING", StringComparison.Ordinal) && !key.EndsWith("RING", StringComparison.Ordinal) && !key.EndsWith("LING", StringComparison.Ordinal));
    }

    public string? ChineseSupplier(string name)
    {
        var p = ParsedName.Parse(name);
        var words = p.Words.Select(w => w.Raw).ToList();
        var keys = p.Words.Select(w => w.Key).ToList();
        var edits = new List<Action>();
        var coreStart = p.CoreStart;
        var coreEnd = p.CoreEnd;

        // City first <-> city in brackets before the legal form.
        var cityFirst = coreStart < coreEnd && ChineseCities.Contains(keys[coreStart]) && p.ContentIndexes().Count >= 2;
        var bracketed = -1;
        for (var i = coreStart; i < coreEnd; i++)
        {
            if (words[i].StartsWith('(') && words[i].EndsWith(')') && ChineseCities.Contains(keys[i])) bracketed = i;
        }
        if (cityFirst || bracketed >= 0)
        {
            edits.Add(() =>
            {
                if (bracketed >= 0)
                {
                    var city = keys[bracketed];
                    words.RemoveAt(bracketed);
                    words.Insert(coreStart, city);
                }
                else
                {
                    var city = words[coreStart];
                    words.RemoveAt(coreStart);
                    words.Insert(coreEnd - 1, "(" + city + ")");
                }
            });
        }
        if (p.Suffix is { } suf && suf.Class is LegalClass.CoLtd or LegalClass.Ltd)
        {
            edits.Add(() =>
            {
                var current = string.Join(' ', keys.Skip(suf.Start).Take(suf.Length));
                var options = LegalForms.Forms[suf.Class].Where(f => string.Join(' ', LegalForms.KeysOf(f)) != current).ToArray();
                var start = words.Count - suf.Length;
                words.RemoveRange(start, suf.Length);
                words.AddRange(options[_rng.Next(options.Length)].Split(' '));
            });
        }
        var techAt = keys.FindIndex(k => k is "TECHNOLOGY" or "TECHNOLOGIES" or "TECH");
        if (techAt >= 0)
        {
            edits.Add(() =>
            {
                var i = words.FindIndex(w => Word.KeyOf(w) is "TECHNOLOGY" or "TECHNOLOGIES" or "TECH");
                if (i >= 0) words[i] = Word.KeyOf(words[i]) == "TECH" ? "TECHNOLOGY" : "TECH";
            });
        }
        var hk = keys.FindIndex(k => k is "HK" or "HONGKONG");
        var hongKong = keys.FindIndex(k => k == "HONG");
        if (hk >= 0 || (hongKong >= 0 && hongKong + 1 < keys.Count && keys[hongKong + 1] == "KONG"))
        {
            edits.Add(() =>
            {
                var i = words.FindIndex(w => Word.KeyOf(w) is "HK" or "HONGKONG");
                if (i >= 0) { words[i] = "HONG KONG"; return; }
                i = words.FindIndex(w => Word.KeyOf(w) == "HONG");
                if (i >= 0 && i + 1 < words.Count && Word.KeyOf(words[i + 1]) == "KONG")
                {
                    words.RemoveAt(i + 1);
                    words[i] = "HK";
                }
            });
        }
        if (edits.Count == 0) return null;
        // Apply each applicable edit with even odds, at least one. The city move runs first (it relies on the original positions).
        var chosen = edits.Where(_ => _rng.NextDouble() < 0.5).ToList();
        if (chosen.Count == 0) chosen.Add(edits[_rng.Next(edits.Count)]);
        foreach (var e in edits.Where(chosen.Contains)) e();
        var result = ParsedName.Join(words);
        return Word.KeyOf(result) == Word.KeyOf(name) && result.Replace(" ", "") == name.Replace(" ", "") ? null : result;
    }

    // One random edit at a letter position, not at `avoid` or next to it; returns the new word and the position.
    // A "word" for typos is a run of letters: in TRV-ENGINEERING the edits go to ENGINEERING, never to the three-letter
    // TRV, which no matcher may treat fuzzily (the issue: no fuzzy matching of 1-3 character tokens).
    private static int LongestRun(string word)
    {
        int best = 0, run = 0;
        foreach (var c in word)
        {
            run = char.IsAsciiLetter(c) ? run + 1 : 0;
            best = Math.Max(best, run);
        }
        return best;
    }

    private string Typo(string word, int avoid, int minRun, out int at)
    {
        var letters = new List<int>();
        for (var start = 0; start < word.Length;)
        {
            if (!char.IsAsciiLetter(word[start])) { start++; continue; }
            var end = start;
            while (end < word.Length && char.IsAsciiLetter(word[end])) end++;
            if (end - start >= minRun)
                for (var i = start; i < end; i++)
                    if (avoid < 0 || Math.Abs(i - avoid) > 1) letters.Add(i);
            start = end;
        }
        if (letters.Count == 0)
        {
            at = -1;
            return word;
        }
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var i = letters[_rng.Next(letters.Count)];
            var upper = char.IsUpper(word[i]);
            char RandomLetter()
            {
                var c = (char)('A' + _rng.Next(26));
                return upper ? c : char.ToLowerInvariant(c);
            }
            string result;
            switch (_rng.Next(4))
            {
                case 0: // substitution
                    var s = RandomLetter();
                    if (char.ToUpperInvariant(s) == char.ToUpperInvariant(word[i])) continue;
                    result = word[..i] + s + word[(i + 1)..];
                    break;
                case 1: // deletion
                    result = word.Remove(i, 1);
                    break;
                case 2: // insertion
                    result = word.Insert(i, RandomLetter().ToString());
                    break;
                default: // transposition with the next letter
                    if (i + 1 >= word.Length || !char.IsAsciiLetter(word[i + 1]) || word[i] == word[i + 1]) continue;
                    result = word[..i] + word[i + 1] + word[i] + word[(i + 2)..];
                    break;
            }
            if (result == word) continue;
            at = i;
            return result;
        }
        at = letters[0];
        return word.Remove(letters[0], 1);
    }

    private static int LetterCount(string s) => s.Count(char.IsAsciiLetter);

    private static string TitleCase(string s)
    {
        var chars = s.ToLowerInvariant().ToCharArray();
        var start = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]))
            {
                if (start) chars[i] = char.ToUpperInvariant(chars[i]);
                start = false;
            }
            else start = chars[i] is ' ' or '-' or '(' or '"';
        }
        return new string(chars);
    }

    private void Shuffle<T>(IList<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}

/// <summary>Entry-level document frequency of word keys over every name of the list.</summary>
internal sealed class TokenStats
{
    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);

    public TokenStats(IEnumerable<WatchlistEntry> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            seen.Clear();
            foreach (var n in e.Names)
                foreach (var w in ParsedName.Parse(n.Value).Words)
                    if (w.Key.Length > 0 && seen.Add(w.Key)) _df[w.Key] = _df.GetValueOrDefault(w.Key) + 1;
        }
    }

    public int DocumentFrequency(string key) => _df.GetValueOrDefault(key);
}
