using System.Text;

namespace Screening.Evaluation;

// The evaluation's own view of a name: whitespace words with a comparison key, and the legal-form phrases at the
// start and end. Deliberately independent of the library's normalizer, so generated variants do not inherit its
// assumptions.
internal sealed class Word
{
    public Word(string raw)
    {
        Raw = raw;
        Key = KeyOf(raw);
    }

    /// <summary>The word as written, punctuation included.</summary>
    public string Raw { get; }

    /// <summary>Upper-case ASCII letters and digits only.</summary>
    public string Key { get; }

    public static string KeyOf(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsAsciiLetter(c)) sb.Append(char.ToUpperInvariant(c));
            else if (char.IsAsciiDigit(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    public override string ToString() => Raw;
}

internal enum LegalClass
{
    Llc, Jsc, Ojsc, Cjsc, Pjsc, Fgup, Ano, CoLtd, Ltd, TurkishLtd, TurkishAs, Inc, Fze, Fzco, Gmbh, PteLtd, Llp, Other,
}

internal sealed record LegalPhrase(LegalClass Class, string[] Keys);

/// <summary>A legal form found in a name: its class and the word range it covers.</summary>
internal readonly record struct LegalSpan(LegalClass Class, int Start, int Length);

internal sealed class ParsedName
{
    private ParsedName(string text, List<Word> words, LegalSpan? prefix, LegalSpan? suffix)
    {
        Text = text;
        Words = words;
        Prefix = prefix;
        Suffix = suffix;
    }

    public string Text { get; }
    public IReadOnlyList<Word> Words { get; }
    public LegalSpan? Prefix { get; }
    public LegalSpan? Suffix { get; }

    public bool HasLegalForm => Prefix is not null || Suffix is not null;

    /// <summary>The index range of the words between the legal forms.</summary>
    public int CoreStart => Prefix?.Length ?? 0;

    public int CoreEnd => Words.Count - (Suffix?.Length ?? 0);

    public IEnumerable<int> CoreIndexes()
    {
        for (var i = CoreStart; i < CoreEnd; i++) yield return i;
    }

    /// <summary>Indexes of content words: in the core, not stop words, with letters or digits.</summary>
    public List<int> ContentIndexes()
    {
        var list = new List<int>();
        for (var i = CoreStart; i < CoreEnd; i++)
        {
            var k = Words[i].Key;
            if (k.Length > 0 && !LegalForms.StopWords.Contains(k)) list.Add(i);
        }
        return list;
    }

    public static ParsedName Parse(string text)
    {
        var words = new List<Word>();
        foreach (var part in text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            // "CO.,LTD." is two words written together.
            var start = 0;
            for (var i = 0; i < part.Length - 1; i++)
            {
                if (part[i] != ',') continue;
                words.Add(new Word(part[start..(i + 1)]));
                start = i + 1;
            }
            words.Add(new Word(part[start..]));
        }
        words.RemoveAll(w => w.Raw.Length == 0);
        var (prefix, suffix) = LegalForms.Find(words);
        return new ParsedName(text, words, prefix, suffix);
    }

    public static string Join(IEnumerable<string> parts) => string.Join(' ', parts.Where(p => p.Length > 0));
}

internal static class LegalForms
{
    public static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "OF", "AND", "THE", "FOR", "DE", "DEL", "DES", "DU", "LA", "LE", "VE", "I", "IN", "ON", "AT", "TO", "S", "Z", "NA", "PO",
    };

    // Surface forms per class, the first being the long English form. Keys of a form are its words' keys.
    public static readonly Dictionary<LegalClass, string[]> Forms = new()
    {
        [LegalClass.Llc] = ["LIMITED LIABILITY COMPANY", "LLC", "OOO", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU", "L.L.C.", "OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU", "LIMITED LIABILITY CO.", "LIMITED LIABILITY CORPORATION"],
        [LegalClass.Jsc] = ["JOINT STOCK COMPANY", "JSC", "AO", "AKTSIONERNOE OBSHCHESTVO", "JOINT-STOCK COMPANY", "AKTSIONERNOYE OBSHCHESTVO"],
        [LegalClass.Ojsc] = ["OPEN JOINT STOCK COMPANY", "OJSC", "OAO", "OTKRYTOE AKTSIONERNOE OBSHCHESTVO", "OPEN JOINT-STOCK COMPANY"],
        [LegalClass.Cjsc] = ["CLOSED JOINT STOCK COMPANY", "CJSC", "ZAO", "ZAKRYTOE AKTSIONERNOE OBSHCHESTVO", "CLOSED JOINT-STOCK COMPANY"],
        [LegalClass.Pjsc] = ["PUBLIC JOINT STOCK COMPANY", "PJSC", "PAO", "PUBLICHNOE AKTSIONERNOE OBSHCHESTVO", "PUBLIC JOINT-STOCK COMPANY"],
        [LegalClass.Fgup] = ["FEDERAL STATE UNITARY ENTERPRISE", "FGUP", "FSUE", "FEDERALNOE GOSUDARSTVENNOE UNITARNOE PREDPRIYATIE"],
        [LegalClass.Ano] = ["AUTONOMOUS NON-PROFIT ORGANIZATION", "ANO", "AUTONOMOUS NONPROFIT ORGANIZATION", "AVTONOMNAYA NEKOMMERCHESKAYA ORGANIZATSIYA"],
        [LegalClass.CoLtd] = ["CO., LTD.", "COMPANY LIMITED", "CO. LIMITED", "CO LTD", "COMPANY LTD"],
        [LegalClass.Ltd] = ["LIMITED", "LTD", "LTD.", "LIMITED COMPANY"],
        [LegalClass.TurkishLtd] = ["LIMITED SIRKETI", "LTD. STI.", "LTD STI"],
        [LegalClass.TurkishAs] = ["ANONIM SIRKETI", "A.S."],
        [LegalClass.Inc] = ["INC.", "INCORPORATED", "INC"],
        [LegalClass.Fze] = ["FZE", "FREE ZONE ESTABLISHMENT"],
        [LegalClass.Fzco] = ["FZCO", "FREE ZONE COMPANY"],
        [LegalClass.Gmbh] = ["GMBH"],
        [LegalClass.PteLtd] = ["PTE. LTD.", "PRIVATE LIMITED", "PTE LTD", "PVT LTD", "PVT. LTD."],
        [LegalClass.Llp] = ["LLP", "LIMITED LIABILITY PARTNERSHIP"],
        // Found and dropped, never swapped.
        [LegalClass.Other] = ["S.A.", "SA", "SRL", "S.R.L.", "SARL", "SP. Z O.O.", "SP Z OO", "SRO", "S.R.O.", "AG", "B.V.", "BV", "N.V.", "DOO", "D.O.O.", "FZ-LLC", "FZ LLC", "FZC", "PLC", "TOO", "TOV", "OSOO", "LDA", "LTDA", "S.A.R.L.", "SDN BHD", "SDN. BHD.", "NJSC", "NAO", "MCHJ", "OJSC", "SPA", "S.P.A.", "PTY LTD", "PTY. LTD.", "OU", "OY", "AB", "AS", "KFT", "CO", "CO.", "COMPANY", "SAS", "SPOLKA Z OGRANICZONA ODPOWIEDZIALNOSCIA", "EOOD", "OOD", "LLP", "DMCC"],
    };

    // Classes whose forms may stand for each other in a swap (the joint-stock family re-registers OAO -> PAO -> AO).
    public static readonly LegalClass[] JointStockFamily = [LegalClass.Jsc, LegalClass.Ojsc, LegalClass.Cjsc, LegalClass.Pjsc];

    private static readonly List<LegalPhrase> Phrases = BuildPhrases();

    private static List<LegalPhrase> BuildPhrases()
    {
        var list = new List<LegalPhrase>();
        var seen = new HashSet<string>();
        foreach (var (cls, forms) in Forms)
        {
            foreach (var f in forms)
            {
                var keys = KeysOf(f);
                if (keys.Length == 0) continue;
                if (seen.Add(string.Join(' ', keys))) list.Add(new LegalPhrase(cls, keys));
            }
        }
        // Longest first so that "CO LTD" wins over "LTD" and "OPEN JOINT STOCK COMPANY" over "JOINT STOCK COMPANY".
        list.Sort((a, b) => b.Keys.Length.CompareTo(a.Keys.Length));
        return list;
    }

    // A form's word keys; dotted initials such as "L.L.C." or "S.A." are one word.
    public static string[] KeysOf(string form) =>
        form.Split((char[])[' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(Word.KeyOf).Where(k => k.Length > 0).ToArray();

    public static (LegalSpan? Prefix, LegalSpan? Suffix) Find(List<Word> words)
    {
        LegalSpan? prefix = null, suffix = null;
        foreach (var p in Phrases)
        {
            if (p.Keys.Length >= words.Count) continue; // a name that is only a legal form has none
            if (prefix is null && IsRussian(p.Class) && Matches(words, 0, p.Keys)) prefix = new LegalSpan(p.Class, 0, p.Keys.Length);
            if (suffix is null && Matches(words, words.Count - p.Keys.Length, p.Keys))
                suffix = new LegalSpan(p.Class, words.Count - p.Keys.Length, p.Keys.Length);
        }
        if (prefix is { } a && suffix is { } b && a.Start + a.Length > b.Start) suffix = null; // overlap: keep the prefix
        if (prefix is { } pre && suffix is { } suf && pre.Length + suf.Length >= words.Count) suffix = null;
        return (prefix, suffix);
    }

    private static bool Matches(List<Word> words, int start, string[] keys)
    {
        if (start < 0 || start + keys.Length > words.Count) return false;
        for (var i = 0; i < keys.Length; i++)
        {
            // "JOINT-STOCK" is one word with key JOINTSTOCK; the phrase table spells it both ways.
            if (!SameLegalWord(words[start + i].Key, keys[i])) return false;
        }
        return true;
    }

    // OFAC spells the same Russian form several ways, misspellings included (OBSHCHESTVO/OBSCHESTVO/OBSHESTVO,
    // OGRANICHENNOY/OGRANICHENNOI/OGRANICHENNOJ/ORGANICHENNOI, AKTSIONERNOE/AKTSIONERNOYE/ATSIONERNOE): long words of a
    // legal form match within a small edit distance after folding the romanization.
    private static bool SameLegalWord(string word, string legal)
    {
        if (string.Equals(word, legal, StringComparison.Ordinal)) return true;
        if (legal.Length < 7) return false;
        var a = Fold(word);
        var b = Fold(legal);
        if (a == b) return true;
        return Math.Abs(a.Length - b.Length) <= 2 && QuerySet.Levenshtein(a, b) <= (b.Length >= 10 ? 2 : 1);
    }

    private static string Fold(string key) => key.Replace("SHCH", "SCH", StringComparison.Ordinal).Replace("YE", "E", StringComparison.Ordinal)
        .Replace('Y', 'I').Replace('J', 'I').Replace("TS", "C", StringComparison.Ordinal);

    public static string Cyrillic(LegalClass c) => c switch
    {
        LegalClass.Llc => "ООО",
        LegalClass.Jsc => "АО",
        LegalClass.Ojsc => "ОАО",
        LegalClass.Cjsc => "ЗАО",
        LegalClass.Pjsc => "ПАО",
        LegalClass.Fgup => "ФГУП",
        LegalClass.Ano => "АНО",
        _ => "",
    };

    public static bool IsRussian(LegalClass c) => Cyrillic(c).Length > 0;
}
