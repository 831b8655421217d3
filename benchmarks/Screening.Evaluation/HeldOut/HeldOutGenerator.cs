using System.Globalization;

namespace Screening.Evaluation.HeldOut;

/// <summary>A generated variant and a short account of the edits that made it (for the misses lists).</summary>
internal sealed record Variant(string Text, string How);

/// <summary>
/// The held-out generators: altered names as people and other authorities write them, one kind of alteration per
/// category. Written apart from <see cref="VariantGenerator"/> (own parser, own tables, own rules) and from the
/// matcher, so that a matcher tuned on the first generator is measured on alterations it has not been fitted to.
/// Every method returns null when its alteration does not apply to the name.
/// </summary>
internal sealed class HeldOutGenerator
{
    private readonly Random _rng;
    private readonly Vocabulary _vocab;

    public HeldOutGenerator(Random rng, Vocabulary vocab)
    {
        _rng = rng;
        _vocab = vocab;
    }

    /// <summary>Legal-form acronyms written as one word.</summary>
    public static readonly HashSet<string> LegalAcronyms = new(StringComparer.Ordinal)
    {
        "LLC", "OOO", "JSC", "AO", "OAO", "ZAO", "PAO", "PJSC", "OJSC", "CJSC", "NAO", "LTD", "CO", "INC", "CORP", "FZE", "FZCO",
        "FZC", "GMBH", "AG", "PLC", "LLP", "DMCC", "FGUP", "FSUE", "ANO", "TOO", "TOV", "SA", "SRL", "SARL", "BV", "OU", "OY",
    };

    /// <summary>Words of spelled-out legal forms (English, romanized Russian, Turkish).</summary>
    public static readonly HashSet<string> LegalWords = new(StringComparer.Ordinal)
    {
        "LIMITED", "LIABILITY", "COMPANY", "JOINT", "STOCK", "PUBLIC", "OPEN", "CLOSED", "INCORPORATED", "CORPORATION",
        "OBSHCHESTVO", "OBSCHESTVO", "OGRANICHENNOY", "OGRANICHENNOI", "OTVETSTVENNOSTYU", "AKTSIONERNOE", "AKTSIONERNOYE",
        "OTKRYTOE", "ZAKRYTOE", "PUBLICHNOE", "SIRKETI", "ANONIM", "FEDERAL", "STATE", "UNITARY", "ENTERPRISE",
    };

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "OF", "AND", "THE", "FOR", "IN", "ON", "AT", "TO", "DE", "VE", "I", "S", "NA", "PO", "IM", "IMENI", "NAMED", "AFTER",
    };

    public static bool IsLegal(string key) => LegalAcronyms.Contains(key) || LegalWords.Contains(key);

    /// <summary>Words that carry the name: letters or digits, not a legal-form word, not a function word.</summary>
    public static List<int> ContentWords(NameParts p)
    {
        var list = new List<int>();
        for (var i = 0; i < p.Count; i++)
        {
            var k = p.Key(i);
            if (!IsLegal(k) && !FunctionWords.Contains(k)) list.Add(i);
        }
        return list;
    }

    /// <summary>The index of the name's rarest content word (fewest SDN entries; the longer on a tie), or -1.</summary>
    public int RarestWord(NameParts p)
    {
        var best = -1;
        foreach (var i in ContentWords(p))
        {
            if (best < 0) { best = i; continue; }
            int f = _vocab.Frequency(p.Key(i)), g = _vocab.Frequency(p.Key(best));
            if (f < g || (f == g && p.Words[i].Length > p.Words[best].Length)) best = i;
        }
        return best;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    // The case a name is written in, applied to inserted or replaced words.
    private static string CaseLike(string model, string word)
    {
        if (model.Any(char.IsLower) && !model.Any(char.IsUpper)) return word.ToLowerInvariant();
        if (model.Length > 1 && char.IsUpper(model[0]) && model.Skip(1).Any(char.IsLower))
            return word.Length == 0 ? word : word[..1].ToUpperInvariant() + word[1..].ToLowerInvariant();
        return word.ToUpperInvariant();
    }

    // ---------------------------------------------------------------- (a) abbreviations of ordinary words

    /// <summary>
    /// Ordinary words shortened as people type them: the table's forms (<see cref="BusinessAbbreviations"/>), or for
    /// an ordinary English word without one (on 10+ SDN entries and in real company names, 8+ letters) a cut after a
    /// consonant. The name's rarest word is never shortened. At least one descriptive word is shortened (a name whose only
    /// shortenable words are legal-form words is skipped: that is the legal-form categories' ground). One style per
    /// query: dotted (35%) or not; all shortenable descriptive words (50%, and then each legal-form word too with
    /// even odds), one (30%) or two (20%).
    /// </summary>
    public Variant? Abbreviate(string name)
    {
        var p = NameParts.Parse(name);
        var rarest = RarestWord(p);
        var descriptive = new List<(int Index, string Short)>();
        var legal = new List<(int Index, string Short)>();
        for (var i = 0; i < p.Count; i++)
        {
            var key = p.Key(i);
            if (!key.All(char.IsAsciiLetter)) continue;
            // The name's rarest word stays whole: it is what identifies the firm, not an ordinary word.
            if (i == rarest) continue;
            var forms = BusinessAbbreviations.For(key);
            if (forms is not null)
            {
                (IsLegal(key) ? legal : descriptive).Add((i, Pick(forms)));
                continue;
            }
            if (IsLegal(key) || !_vocab.IsOrdinary(key) || !_vocab.IsEnglish(key)) continue;
            if (BusinessAbbreviations.Truncate(key, _rng) is { } cut) descriptive.Add((i, cut));
        }
        if (descriptive.Count == 0) return null;
        var dotted = _rng.NextDouble() < 0.35;
        var roll = _rng.NextDouble();
        List<(int Index, string Short)> chosen;
        if (roll < 0.5) chosen = [.. descriptive, .. legal.Where(_ => _rng.Next(2) == 0)];
        else chosen = descriptive.OrderBy(_ => _rng.Next()).Take(roll < 0.8 ? 1 : 2).ToList();
        var how = new List<string>();
        foreach (var (i, form) in chosen.OrderBy(o => o.Index))
        {
            var word = CaseLike(p.Words[i], form);
            // A contraction (IN-T) or a symbol (&) takes no dot; nor does a word already followed by one.
            var dot = dotted && char.IsLetter(form[^1]) && !form.Contains('-') && !p.Gaps[i + 1].StartsWith('.');
            how.Add($"{p.Words[i]}->{word}{(dot ? "." : "")}");
            p.Words[i] = dot ? word + "." : word;
        }
        return new Variant(Tidy(p.ToString()), string.Join("; ", how) + (dotted ? " (dotted)" : ""));
    }

    // ---------------------------------------------------------------- (b) broken and glued words

    private enum BreakKind { SplitInside, Glue, Hyphen }

    /// <summary>
    /// Words broken and glued as line wraps, fixed-width fields and hurried typing leave them: a space (sometimes a
    /// leftover hyphenation, <c>MANAGE- MENT</c>) inside a word of 7+ letters where neither half is a word
    /// (<c>MANA GMENT</c>, <c>LIAB ILITY</c>); two neighbouring words glued, a legal form to the name first when there is
    /// one (<c>LLCTELLUR</c>, <c>LIABILITYCOMPANY</c>); a hyphen removed (joined or spaced) or added between two words.
    /// One edit (65%) or two of different kinds.
    /// </summary>
    public Variant? BreakOrGlue(string name)
    {
        var p = NameParts.Parse(name);
        var kinds = new List<BreakKind> { BreakKind.SplitInside, BreakKind.SplitInside, BreakKind.Glue, BreakKind.Glue, BreakKind.Hyphen };
        var edits = _rng.NextDouble() < 0.65 ? 1 : 2;
        var how = new List<string>();
        var used = new HashSet<BreakKind>();
        // Words made by one edit are left alone by the next, so that two edits stay two readable faults.
        var touched = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 8 && how.Count < edits; attempt++)
        {
            var kind = Pick(kinds);
            if (used.Contains(kind)) continue;
            var done = kind switch
            {
                BreakKind.SplitInside => SplitInside(p, touched),
                BreakKind.Glue => Glue(p, touched),
                _ => Hyphen(p, touched),
            };
            if (done is null) continue;
            used.Add(kind);
            how.Add(done);
        }
        return how.Count == 0 ? null : new Variant(Tidy(p.ToString()), string.Join("; ", how));
    }

    private string? SplitInside(NameParts p, HashSet<string> touched)
    {
        var cuts = new List<(int Index, int At)>();
        for (var i = 0; i < p.Count; i++)
        {
            var key = p.Key(i);
            if (key.Length < 7 || !key.All(char.IsAsciiLetter) || touched.Contains(p.Words[i])) continue;
            for (var at = 3; at <= key.Length - 3; at++)
                if (!_vocab.IsWord(key[..at]) && !_vocab.IsWord(key[at..])) cuts.Add((i, at));
        }
        if (cuts.Count == 0) return null;
        var (index, cut) = Pick(cuts);
        var word = p.Words[index];
        var roll = _rng.NextDouble();
        var gap = roll < 0.7 ? " " : roll < 0.9 ? "- " : "-";
        p.Words[index] = word[..cut];
        p.Words.Insert(index + 1, word[cut..]);
        p.Gaps.Insert(index + 1, gap);
        touched.Add(word[..cut]);
        touched.Add(word[cut..]);
        return $"split {word}->{word[..cut]}{gap}{word[cut..]}";
    }

    private string? Glue(NameParts p, HashSet<string> touched)
    {
        var all = new List<int>();
        var legal = new List<int>();
        for (var i = 0; i + 1 < p.Count; i++)
        {
            if (!p.SpaceAfter(i) && !p.HyphenAfter(i)) continue;
            if (touched.Contains(p.Words[i]) || touched.Contains(p.Words[i + 1])) continue;
            all.Add(i);
            if (IsLegal(p.Key(i)) != IsLegal(p.Key(i + 1)) || (IsLegal(p.Key(i)) && IsLegal(p.Key(i + 1)))) legal.Add(i);
        }
        if (all.Count == 0) return null;
        var at = legal.Count > 0 && _rng.NextDouble() < 0.6 ? Pick(legal) : Pick(all);
        var left = p.Words[at];
        var right = p.Words[at + 1];
        p.Words[at] = left + right;
        p.Words.RemoveAt(at + 1);
        p.Gaps.RemoveAt(at + 1);
        touched.Add(left + right);
        return $"glued {left}+{right}";
    }

    private string? Hyphen(NameParts p, HashSet<string> touched)
    {
        var hyphens = Enumerable.Range(0, p.Count).Where(i => p.HyphenAfter(i) && !touched.Contains(p.Words[i]) && !touched.Contains(p.Words[i + 1])).ToList();
        if (hyphens.Count > 0 && _rng.NextDouble() < 0.7)
        {
            var at = Pick(hyphens);
            var join = _rng.Next(2) == 0;
            p.Gaps[at + 1] = join ? "" : " ";
            touched.Add(p.Words[at]);
            touched.Add(p.Words[at + 1]);
            if (join)
            {
                p.Words[at] += p.Words[at + 1];
                p.Words.RemoveAt(at + 1);
                p.Gaps.RemoveAt(at + 1);
                touched.Add(p.Words[at]);
            }
            return join ? "hyphen removed (joined)" : "hyphen replaced by a space";
        }
        var spaces = Enumerable.Range(0, p.Count).Where(i => p.SpaceAfter(i) && !IsLegal(p.Key(i)) && !IsLegal(p.Key(i + 1))
            && !FunctionWords.Contains(p.Key(i)) && !FunctionWords.Contains(p.Key(i + 1))
            && !touched.Contains(p.Words[i]) && !touched.Contains(p.Words[i + 1])).ToList();
        if (spaces.Count == 0) return null;
        var s = Pick(spaces);
        p.Gaps[s + 1] = "-";
        touched.Add(p.Words[s]);
        touched.Add(p.Words[s + 1]);
        return $"hyphen added {p.Words[s]}-{p.Words[s + 1]}";
    }

    // ---------------------------------------------------------------- (c) token dropped, token added

    private enum DropKind { LegalQualifier, FunctionWord, Descriptor, Place }

    /// <summary>Place words that names carry as a qualifier and people leave out or add.</summary>
    public static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "RUSSIAN", "RUSSIA", "RUS", "ROSSIYSKIY", "MOSCOW", "MOSKOVSKIY", "MOSKOVSKY", "ST", "SAINT", "PETERSBURG", "SANKT",
        "KAZAN", "URAL", "URALSKIY", "SIBERIAN", "SIBIRSKIY", "NOVOSIBIRSK", "TULA", "ROSTOV", "SAMARA", "NIZHNY", "NIZHNIY",
        "NOVGOROD", "YEKATERINBURG", "EKATERINBURG", "PERM", "OMSK", "TOMSK", "VOLGA", "FAR", "EASTERN", "NORTHERN",
        "SOUTHERN", "WESTERN", "NORTH", "SOUTH", "WEST", "EAST", "CENTRAL", "ALL", "KALUGA", "TVER", "BRYANSK", "IZHEVSK",
        "KURGAN", "SARATOV", "CHELYABINSK", "KRASNOYARSK", "IRKUTSK", "VORONEZH", "SMOLENSK", "VLADIMIR", "YAROSLAVL",
    };

    /// <summary>
    /// One token left out as people leave it out: the qualifier of a long legal form (PUBLIC/OPEN/CLOSED before JOINT,
    /// LIABILITY after LIMITED, S in OBSHCHESTVO S..., FEDERAL before STATE), a function word (OF, AND, THE...), an
    /// ordinary descriptor word (on 10+ SDN entries), or a place qualifier. The name's rarest word always stays; a
    /// descriptor, function or place drop leaves at least two content words.
    /// </summary>
    public Variant? DropToken(string name)
    {
        var p = NameParts.Parse(name);
        if (p.Count < 3) return null;
        var rarest = RarestWord(p);
        if (rarest < 0) return null;
        var content = ContentWords(p);
        var byKind = new Dictionary<DropKind, List<int>>();
        void Add(DropKind k, int i) => (byKind.TryGetValue(k, out var l) ? l : byKind[k] = []).Add(i);
        for (var i = 0; i < p.Count; i++)
        {
            if (i == rarest) continue;
            var key = p.Key(i);
            var next = i + 1 < p.Count ? p.Key(i + 1) : "";
            var prev = i > 0 ? p.Key(i - 1) : "";
            if ((key is "PUBLIC" or "OPEN" or "CLOSED" && next == "JOINT") || (key == "LIABILITY" && prev == "LIMITED")
                || (key == "S" && prev.StartsWith("OBSH", StringComparison.Ordinal)) || (key == "FEDERAL" && next == "STATE"))
                Add(DropKind.LegalQualifier, i);
            else if (content.Count >= 3 || !content.Contains(i))
            {
                // A number is part of the identity (NEW DECISIONS 2 and 5 are sister firms), and a drop must not leave a
                // function word dangling at either end (CENTER OF X -> OF X).
                if (key.Any(char.IsDigit)) continue;
                if ((i == 0 && p.Count > 1 && FunctionWords.Contains(next)) || (i == p.Count - 1 && FunctionWords.Contains(prev))) continue;
                if (FunctionWords.Contains(key) && key.Length > 1 && i > 0 && i < p.Count - 1 && content.Count >= 2) Add(DropKind.FunctionWord, i);
                else if (content.Contains(i) && PlaceWords.Contains(key)) Add(DropKind.Place, i);
                else if (content.Contains(i) && _vocab.IsOrdinary(key)) Add(DropKind.Descriptor, i);
            }
        }
        if (byKind.Count == 0) return null;
        var weights = new Dictionary<DropKind, int> { [DropKind.LegalQualifier] = 15, [DropKind.FunctionWord] = 15, [DropKind.Descriptor] = 55, [DropKind.Place] = 15 };
        var kind = Weighted(byKind.Keys.ToList(), weights);
        var at = Pick(byKind[kind]);
        var dropped = p.Words[at];
        p.RemoveWord(at);
        var text = Tidy(p.ToString());
        return text.Length == 0 ? null : new Variant(text, $"dropped {dropped} ({Describe(kind)})");
    }

    private static string Describe(DropKind k) => k switch
    {
        DropKind.LegalQualifier => "legal-form qualifier",
        DropKind.FunctionWord => "function word",
        DropKind.Descriptor => "ordinary descriptor",
        _ => "place qualifier",
    };

    private T Weighted<T>(List<T> items, Dictionary<T, int> weights) where T : notnull
    {
        var total = items.Sum(i => weights[i]);
        var r = _rng.Next(total);
        foreach (var i in items)
        {
            r -= weights[i];
            if (r < 0) return i;
        }
        return items[^1];
    }

    private enum AddKind { Descriptor, LegalForm, Place, Office, Article }

    /// <summary>Descriptors that data entry adds to a firm's name (business line, group, trade...).</summary>
    public static readonly string[] AddedDescriptors =
    [
        "GROUP", "HOLDING", "COMPANY", "CORPORATION", "ENTERPRISE", "PLANT", "FACTORY", "INDUSTRIAL", "TRADE", "TRADING",
        "INVEST", "SERVICE", "SUPPLY", "EXPORT", "SYSTEMS", "TECHNOLOGIES", "INTERNATIONAL", "GLOBAL", "PRODUCTION", "ENGINEERING",
    ];

    private static readonly string[] LeadingDescriptors = ["SERVICE", "TRADING", "INDUSTRIAL", "PRODUCTION", "INTERNATIONAL", "GLOBAL", "GROUP", "TRADE"];
    private static readonly string[] AddedPlaces = ["RUSSIA", "RUS", "MOSCOW", "RF", "RU"];
    private static readonly string[] AddedOffices = ["BRANCH", "OFFICE", "HQ", "DIVISION"];
    private static readonly string[] WesternForms = ["LLC", "JSC", "LTD", "INC", "CO"];
    private static readonly string[] RussianForms = ["OOO", "AO", "ZAO", "OAO", "PAO"];

    /// <summary>
    /// One token added as data entry adds it: a descriptor (GROUP, PLANT, TRADING...; at the front, after a leading
    /// legal form, or before a trailing one / at the end), a legal form (where there is none, or a second one in the
    /// other style: OOO X -> OOO X LLC), a place (RUSSIA, RUS, MOSCOW, RF), an office word (BRANCH, OFFICE, HQ) at the
    /// end, or a leading THE.
    /// </summary>
    public Variant? AddToken(string name)
    {
        var p = NameParts.Parse(name);
        if (p.Count == 0) return null;
        var keys = Enumerable.Range(0, p.Count).Select(p.Key).ToHashSet(StringComparer.Ordinal);
        var model = string.Join(' ', p.Words);
        var kinds = new List<AddKind> { AddKind.Descriptor, AddKind.LegalForm, AddKind.Place, AddKind.Office };
        if (p.Key(0) != "THE") kinds.Add(AddKind.Article);
        var weights = new Dictionary<AddKind, int> { [AddKind.Descriptor] = 40, [AddKind.LegalForm] = 25, [AddKind.Place] = 20, [AddKind.Office] = 10, [AddKind.Article] = 5 };
        var kind = Weighted(kinds, weights);

        // The legal forms at the ends: a leading run and a trailing run of legal words.
        var lead = 0;
        while (lead < p.Count - 1 && (IsLegal(p.Key(lead)) || (lead > 0 && p.Key(lead) == "S"))) lead++; // OBSHCHESTVO S OGRANICHENNOI...
        var trail = p.Count;
        while (trail > lead + 1 && IsLegal(p.Key(trail - 1))) trail--;
        var hasLegal = lead > 0 || trail < p.Count;

        string word;
        int at;
        switch (kind)
        {
            case AddKind.Descriptor:
            {
                var roll = _rng.NextDouble();
                // In front only the words that lead a name in practice (SERVICE JOINT STOCK COMPANY X, GROUP X).
                var front = roll < 0.2;
                var fresh = (front ? LeadingDescriptors : AddedDescriptors).Where(d => !keys.Contains(d)).ToList();
                word = Pick(fresh);
                at = front ? 0 : roll < 0.4 && lead > 0 ? lead : trail;
                break;
            }
            case AddKind.LegalForm:
            {
                // Where there is none, a form of the name's style; where there is one, the equivalent in the other style
                // at the other end (OOO X -> OOO X LLC; X LLC -> OOO X LLC, for a Russian name only).
                var russianName = Enumerable.Range(0, p.Count).Any(i => Romanization.LooksRussian(p.Key(i)) && !_vocab.IsEnglish(p.Key(i)));
                var russianStyle = keys.Overlaps(RussianForms) || keys.Contains("OBSHCHESTVO") || keys.Contains("AKTSIONERNOE") || keys.Contains("AKTSIONERNOYE");
                string[] pool = !hasLegal ? (russianName && _rng.Next(2) == 0 ? RussianForms : WesternForms)
                    : russianStyle ? WesternForms : russianName && lead == 0 ? RussianForms : [];
                var fresh = pool.Where(f => !keys.Contains(f)).ToList();
                if (fresh.Count == 0) return null;
                word = Pick(fresh);
                at = RussianForms.Contains(word) ? 0 : p.Count;
                break;
            }
            case AddKind.Place:
                word = Pick(AddedPlaces.Where(f => !keys.Contains(f)).ToList());
                at = _rng.Next(3) == 0 ? lead : p.Count;
                break;
            case AddKind.Office:
                word = Pick(AddedOffices);
                at = p.Count;
                break;
            default:
                word = "THE";
                at = 0;
                break;
        }
        word = CaseLike(model, word);
        p.InsertWord(at, word);
        return new Variant(Tidy(p.ToString()), $"added {word} ({kind.ToString().ToLowerInvariant()}) at {(at == 0 ? "front" : at >= p.Count - 1 ? "end" : "word " + (at + 1).ToString(CultureInfo.InvariantCulture))}");
    }

    // ---------------------------------------------------------------- (d) alternate romanization

    /// <summary>
    /// The Russian words of a name (romanized-Russian in form, not English business words) read back into Cyrillic and
    /// written in another system (<see cref="RomanizationSystem"/>, one per query, every Russian word of the name).
    /// </summary>
    public Variant? Romanize(string name)
    {
        var system = Pick(Romanization.Systems);
        var style = Romanization.InformalStyle.Pick(_rng);
        var p = NameParts.Parse(name);
        // A Turkish name (SANAYI VE TICARET LIMITED SIRKETI) has no Russian words, whatever its letters look like.
        if (Enumerable.Range(0, p.Count).Any(i => TurkishMarkers.Contains(p.Key(i)))) return null;
        var changed = 0;
        for (var i = 0; i < p.Count; i++)
        {
            var key = p.Key(i);
            // Words without a vowel are acronyms read letter by letter (MTS is М-Т-С, not МЦ): left as written.
            if (!key.Any(BusinessAbbreviations.IsVowel)) continue;
            if (!Romanization.LooksRussian(key) || _vocab.IsEnglish(key) || IsLegalAcronymOnly(key)) continue;
            var written = Romanization.FromCyrillic(Romanization.ToCyrillic(key), system, style);
            if (written == key) continue;
            p.Words[i] = CaseLike(p.Words[i], written);
            changed++;
        }
        return changed == 0 ? null : new Variant(Tidy(p.ToString()), $"{system}, {changed} word{(changed == 1 ? "" : "s")}");
    }

    private static readonly HashSet<string> TurkishMarkers = new(StringComparer.Ordinal) { "SIRKETI", "SANAYI", "SANAYII", "TICARET", "ANONIM", "VE" };

    private static bool IsLegalAcronymOnly(string key) => LegalAcronyms.Contains(key);

    // Spaces collapsed and trimmed: edits never leave double spaces behind.
    private static string Tidy(string s)
    {
        var t = s.Trim();
        while (t.Contains("  ", StringComparison.Ordinal)) t = t.Replace("  ", " ", StringComparison.Ordinal);
        return t;
    }
}
