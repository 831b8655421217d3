using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Screening.Normalization;
using Screening.Watchlists;

namespace Screening.WatchlistGenerator;

/// <summary>
/// Every rule of the built-in watchlist in one file: which source records are selected, which records are organizations,
/// which Federal Register notices are Russia-related, and how an entry gets its role and sector tags.
/// <para>
/// The pipeline (see <see cref="WatchlistBuilder"/>): every organization record of the four source lists is merged with
/// the records of the same firm (<see cref="RecordMerger"/>); a merged firm is kept when at least one of its records is
/// selected by <see cref="Select"/>; the kept firm then gets exactly one role (<see cref="Role"/>), zero or more sectors
/// (<see cref="Sectors"/>) and one <c>country:XX</c> tag per country.
/// </para>
/// <para>
/// Keyword patterns use <see cref="TextMatcher"/>: names and remarks are folded to upper-case ASCII words; <c>WORD</c>
/// matches a whole word, <c>WORD*</c> a word that starts with it, <c>*WORD</c> a word that ends with it, and a pattern of
/// several words matches them in sequence.
/// </para>
/// </summary>
internal static class SelectionRules
{
    // ------------------------------------------------------------------------------------------------------------
    // Rule 1: organizations only.
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Rule 1 — organizations only. People, vessels and aircraft are left out even when their designation ties them to a
    /// listed firm: the list screens counterparties that are companies, and a person's tie to a firm is recorded in the
    /// firm's own designation anyway. A record typed <see cref="EntityType.Organization"/> is an organization. The BIS
    /// Entity List and MEU records carry no type, so for a record of <see cref="EntityType.Unknown"/> type the name
    /// decides: it is a person when <see cref="LooksLikePersonName"/> says so, otherwise an organization.
    /// </summary>
    public static bool IsOrganization(WatchlistEntry entry) => entry.Type switch
    {
        EntityType.Organization => true,
        EntityType.Unknown => !LooksLikePersonName(entry.PrimaryName),
        _ => false,
    };

    /// <summary>
    /// The person test for untyped records (BIS lists name people as "Alexander V. Brindyuk"). A name is a person's when
    /// it has no organization word (<see cref="OrganizationWords"/>, or a legal form or term of the library's phrase
    /// table other than a place adjective), has 2 to 4 words without digits, and either a word is a Russian patronymic (<c>-OVICH</c>, <c>-EVICH</c>,
    /// <c>-OVNA</c>, <c>-EVNA</c>, <c>-ICHNA</c>), or the first word is a common given name (<see cref="GivenNames"/>),
    /// or the last word has an East Slavic surname ending (<see cref="SurnameEndings"/>).
    /// </summary>
    public static bool LooksLikePersonName(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        // Nicknames in quotes or brackets ("Luba", (Ershov)) say nothing about the kind of party.
        var cleaned = Regex.Replace(name, "\"[^\"]*\"|\\([^)]*\\)", " ");
        var normalized = NameNormalizer.Normalize(cleaned);
        var words = new List<string>();
        foreach (var t in normalized.Tokens)
        {
            if (t.Class is TokenClass.Stop) continue; // "Y", "AND", "OF"
            if (t.Class is TokenClass.LegalForm) return false;
            // A term makes the name an organization's, but not a place's adjective, which is a surname too (ORELSKY).
            if (t.Origin is KeyOrigin.Term && !PhraseTable.Default.PlaceKeys.Contains(t.Key)) return false;
            if (t.Class is TokenClass.Number) return false;
            if (t.Text.Length == 1) continue; // an initial
            if (OrganizationWords.Contains(t.Text)) return false;
            foreach (var w in t.Text.Split(' ')) words.Add(w);
        }
        if (words.Count is < 2 or > 4) return false;
        foreach (var w in words)
        {
            foreach (var end in PatronymicEndings)
                if (w.Length > end.Length + 1 && w.EndsWith(end, StringComparison.Ordinal)) return true;
        }
        if (GivenNames.Contains(words[0])) return true;
        var last = words[^1];
        foreach (var end in SurnameEndings)
            if (last.Length > end.Length + 2 && last.EndsWith(end, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Words that make a name an organization's (checked after folding to upper case).</summary>
    public static readonly FrozenSet<string> OrganizationWords = FrozenSet.ToFrozenSet(
    [
        "AGENCY", "ACADEMY", "ASSOCIATION", "AVIATION", "BANK", "BRANCH", "BUREAU", "BYURO", "CARGO", "CATERING", "CENTER", "CENTRE",
        "CLUB", "COMMAND", "COMMISSION", "COMMITTEE", "COMPLEX", "CONCERN", "CONSULTING", "CORPS", "DEPARTMENT", "DESIGN",
        "DIRECTORATE", "ENTERPRISE", "ENTERPRISES", "ESTABLISHMENT", "FEDERAL", "FIELD", "FIRM", "FORCES", "FOUNDATION", "FUND",
        "GUARD", "INSTITUTE", "INSTITUT", "KONTSERN", "LOGISTICS", "MINISTRY", "MISSION", "MOVEMENT", "NATIONAL", "NAVY",
        "OFFICE", "ORGANIZATION", "PARTY", "PORT", "PORTS", "RAILWAY", "REPUBLIC", "RESEARCH", "RESORT", "SCIENTIFIC", "SERVICE",
        "SHIPYARD", "SOCIETY", "SOLUTIONS", "STATE", "STUDIO", "UNION", "UNIT", "UNIVERSITY", "VERF", "ZAVOD", "NPP", "NPO",
        "NPC", "NTC", "NII", "OKB", "SKB", "KB", "MPI", "SP", "GC", "UAB", "FKU", "FAU", "FSUE", "SUE",
    ], StringComparer.Ordinal);

    /// <summary>Russian patronymic endings (masculine and feminine).</summary>
    public static readonly IReadOnlyList<string> PatronymicEndings = ["OVICH", "EVICH", "OVNA", "EVNA", "ICHNA"];

    /// <summary>East Slavic surname endings, for the last word of an untyped name.</summary>
    public static readonly IReadOnlyList<string> SurnameEndings = ["OV", "OVA", "EV", "EVA", "EW", "SKY", "SKIY", "SKAYA", "ENKO", "VICH", "VITCH", "ITCH"];

    /// <summary>Common given names (Latin transliterations as the BIS lists write them).</summary>
    public static readonly FrozenSet<string> GivenNames = FrozenSet.ToFrozenSet(
    [
        "ALEKSANDR", "ALEKSANDER", "ALEXANDER", "ALEXANDRE", "ALEKSANDRA", "ALEXANDRA", "ALEKSEI", "ALEKSEY", "ALEXEI", "ALEXEY",
        "ALEX", "ALIAKSANDR", "ANASTASIA", "ANASTASIYA", "ANASTASSIA", "ANASTASYA", "ANATOLY", "ANATOLIY", "ANDREI", "ANDREY",
        "ANDRII", "ANNA", "ANTON", "ARKADY", "ARTEM", "ARTYOM", "BORIS", "DANIIL", "DENIS", "DMITRI", "DMITRIY", "DMITRY",
        "EDUARD", "EKATERINA", "ELENA", "ELIZAVETA", "EVGENI", "EVGENIY", "EVGENY", "EVGENIYA", "FEDOR", "FYODOR", "GALINA",
        "GENNADY", "GENNADIY", "GEORGY", "GEORGIY", "GRIGORY", "GRIGORIY", "HERMANN", "IGOR", "ILIA", "ILYA", "ILIAS", "INNA",
        "IRINA", "IVAN", "KIRILL", "KONSTANTIN", "KSENIA", "KSENIYA", "LARISA", "LEONID", "LIUBOV", "LYUBOV", "LYUDMILA",
        "LUDMILA", "MAKSIM", "MAXIM", "MARGARITA", "MARIA", "MARIYA", "MARINA", "MIKHAIL", "NADEZHDA", "NATALIA", "NATALYA",
        "NATALIE", "NIKITA", "NIKOLAI", "NIKOLAY", "OKSANA", "OLEG", "OLGA", "PAVEL", "PETR", "PYOTR", "RAMIL", "RAVIL",
        "RODION", "RUSLAN", "SEMEN", "SEMYON", "SERGEI", "SERGEY", "SERGIY", "SIARHEI", "SVETLANA", "STANISLAV", "STEPAN",
        "TATIANA", "TATYANA", "TIMOFEY", "TIMUR", "ULADZIMIR", "VADIM", "VALENTIN", "VALENTINA", "VALERY", "VALERIY", "VASILI",
        "VASILY", "VASILIY", "VIKTOR", "VIKTORIA", "VICTOR", "VITALY", "VITALIY", "VLADIMIR", "VLADISLAV", "VSEVOLOD",
        "VYACHESLAV", "YAROSLAV", "YEKATERINA", "YELENA", "YEVGENY", "YEVGENIY", "YULIA", "YULIYA", "YURI", "YURIY", "YURY",
        "ZURAB", "MOHAMMAD", "MOHAMMED", "MUHAMMAD", "AHMAD", "AHMED", "ALI", "HASSAN", "HUSSEIN", "MEHDI", "BRIAN", "JASON",
        "JOHN", "DAVID", "MICHAEL", "PETER", "PAUL", "MARK",
    ], StringComparer.Ordinal);

    // ------------------------------------------------------------------------------------------------------------
    // Rules 2-6: selection.
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Rule 2 — Russia-related OFAC programs. An organization designated under any of these is selected, wherever it is:
    /// Russian firms and third-country firms alike (EO 14024 designates third-country suppliers of Russia's
    /// military-industrial base; EO 13660/13661/13662 and CAATSA are the 2014-2017 Russia/Ukraine programs, whose
    /// sectoral list (SSI) covers Rostec's defense subsidiaries under Directive 3).
    /// </summary>
    public static readonly FrozenSet<string> RussiaPrograms = FrozenSet.ToFrozenSet(
    [
        "RUSSIA-EO14024", "BPI-RUSSIA-EO14024", "UKRAINE-EO13660", "UKRAINE-EO13661", "UKRAINE-EO13662", "CAATSA - RUSSIA",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Rule 3 — programs selected only where tied to Russia's military: <c>UKRAINE-EO13685</c> (the Crimea region
    /// sanctions, which also hit Crimean resorts and wineries) and <c>BELARUS-EO14038</c> (Belarus's regime, which also
    /// hits tobacco and potash firms). A record under them is selected when <see cref="IsTiedToRussiasMilitary"/> holds.
    /// </summary>
    public static readonly FrozenSet<string> ConditionalPrograms = FrozenSet.ToFrozenSet(
        ["UKRAINE-EO13685", "BELARUS-EO14038"], StringComparer.Ordinal);

    /// <summary>
    /// The tie of Rule 3: the record has an address in Russia, or an identifier issued by Russia, or its own names and
    /// remarks put it in a defense-industrial sector (<see cref="DefenseIndustrialSectors"/>; e.g. Belarus's PELENG optics
    /// plant, Crimea's ZALIV shipyard).
    /// </summary>
    public static bool IsTiedToRussiasMilitary(WatchlistEntry entry)
    {
        foreach (var c in Countries(entry))
            if (c == "RU") return true;
        foreach (var id in entry.Identifiers)
            if (id.Country == "RU") return true;
        foreach (var s in Sectors(entry))
            if (DefenseIndustrialSectors.Contains(s)) return true;
        return false;
    }

    /// <summary>The sectors that count as defense-industrial for <see cref="IsTiedToRussiasMilitary"/>.</summary>
    public static readonly FrozenSet<string> DefenseIndustrialSectors = FrozenSet.ToFrozenSet(
    [
        "aviation", "drones", "electronics", "engines", "machine-tools", "missiles-air-defense", "optics", "shipbuilding",
        "chemicals-explosives", "weapons-munitions", "defense", "space",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Rule 4 — BIS Entity List and MEU records with an address in Russia or Belarus are selected (the lists give no
    /// program; the address is what ties them to Russia).
    /// </summary>
    public static bool HasRussianOrBelarusianAddress(WatchlistEntry entry)
    {
        foreach (var c in Countries(entry))
            if (c is "RU" or "BY") return true;
        return false;
    }

    /// <summary>
    /// Rule 5 — BIS records first listed by a Russia-related Federal Register notice are selected wherever their address
    /// is: they are the third-country parts of Russian procurement networks (Finnish, Estonian, Canadian and Hong Kong
    /// fronts of the 2012 Arc Electronics network; the 2022 Estonian, Maltese, Singaporean and Spanish suppliers).
    /// <para>
    /// The notice that first listed a record is the first citation of its <c>federal_register_notice</c> field (later
    /// citations are revisions, e.g. SMIC Hong Kong's 86 FR 12529 correction). A notice is Russia-related when more than
    /// half of the Entity List and MEU records it first listed have an address in Russia, Belarus or Russian-occupied
    /// Ukraine, in the 2022-05 CSL. That rule was applied to the data once and its result is this table (count of such
    /// records / records first listed, and the listing date); the test
    /// <c>RussiaRelatedNotices_MatchTheMajorityRuleOnRealData</c> recomputes it from the full CSL when present.
    /// </para>
    /// </summary>
    public static readonly FrozenDictionary<string, string> RussiaRelatedNotices = new Dictionary<string, string>
    {
        ["77 FR 61249"] = "116 of 159 records, listed 2012-10-09",
        ["79 FR 21394"] = "1 of 1 records, listed 2014-04-16",
        ["79 FR 24558"] = "12 of 13 records, listed 2014-05-01",
        ["79 FR 42452"] = "11 of 11 records, listed 2014-07-22",
        ["79 FR 45675"] = "1 of 1 records, listed 2014-08-06",
        ["79 FR 55608"] = "10 of 10 records, listed 2014-09-17",
        ["80 FR 47402"] = "1 of 1 records, listed 2015-08-07",
        ["80 FR 52963"] = "23 of 29 records, listed 2015-09-02",
        ["80 FR 80643"] = "11 of 16 records, listed 2015-12-28",
        ["81 FR 61595"] = "79 of 81 records, listed 2016-09-07",
        ["81 FR 61601"] = "1 of 1 records, listed 2016-09-07",
        ["81 FR 94963"] = "23 of 23 records, listed 2016-12-27",
        ["82 FR 722"] = "5 of 5 records, listed 2017-01-04",
        ["82 FR 28405"] = "10 of 10 records, listed 2017-06-22",
        ["82 FR 60304"] = "2 of 2 records, listed 2017-12-20",
        ["83 FR 6949"] = "18 of 20 records, listed 2018-02-16",
        ["83 FR 6953"] = "1 of 1 records, listed 2018-02-16",
        ["83 FR 48534"] = "13 of 13 records, listed 2018-09-26",
        ["86 FR 12529"] = "10 of 14 records, listed 2021-03-04",
        ["86 FR 37902"] = "5 of 5 records, listed 2021-07-19",
        ["87 FR 12240"] = "48 of 48 records, listed 2022-03-03",
        ["87 FR 13061"] = "2 of 2 records, listed 2022-03-08",
        ["87 FR 13141"] = "81 of 91 records, listed 2022-03-09",
        ["87 FR 20299"] = "121 of 121 records, listed 2022-04-07",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Rule 6 — the remark OFAC writes on designations under EO 14024 as amended by EO 14114 ("... a sector of the Russian
    /// Federation economy determined to support Russia's military-industrial base ...") selects a record whatever its
    /// program field says.
    /// </summary>
    public static readonly IReadOnlyList<string> MilitaryIndustrialBaseRemarks =
    [
        "RUSSIA S MILITARY INDUSTRIAL BASE", "RUSSIAS MILITARY INDUSTRIAL BASE", "RUSSIAN FEDERATION ECONOMY",
    ];

    /// <summary>Why a record is selected: the rule and its detail, or <see langword="null"/> when no rule selects it.</summary>
    public static string? Select(SourceRecord record)
    {
        var e = record.Entry;
        foreach (var p in e.Programs)
            if (RussiaPrograms.Contains(p.Trim())) return "program:" + p.Trim();
        foreach (var p in e.Programs)
            if (ConditionalPrograms.Contains(p.Trim()) && IsTiedToRussiasMilitary(e)) return "program-tied:" + p.Trim();
        if (record.List is SourceList.BisEntityList or SourceList.BisMeu)
        {
            if (HasRussianOrBelarusianAddress(e)) return "address:RU/BY";
            if (FirstNotice(record.Citation) is { } notice && RussiaRelatedNotices.ContainsKey(notice)) return "notice:" + notice;
        }
        if (TextMatcher.Of([e.Remarks]).FirstOf(MilitaryIndustrialBaseRemarks) is not null) return "remark:military-industrial-base";
        return null;
    }

    private static readonly Regex FrCitation = new(@"(\d+)\s*F\.?\s*R\.?\s*(\d[\d,]*)", RegexOptions.CultureInvariant);

    /// <summary>The first Federal Register citation of a field, normalized as <c>87 FR 20299</c>; null when there is none.</summary>
    public static string? FirstNotice(string? citation)
    {
        if (string.IsNullOrWhiteSpace(citation)) return null;
        var m = FrCitation.Match(citation);
        if (!m.Success) return null;
        return string.Create(CultureInfo.InvariantCulture, $"{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)} FR {m.Groups[2].Value.Replace(",", "", StringComparison.Ordinal)}");
    }

    // ------------------------------------------------------------------------------------------------------------
    // Role: exactly one per entry, by precedence.
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>The four roles, as tags.</summary>
    public const string DefenseIndustry = "role:defense-industry",
        ProcurementAgent = "role:procurement-agent",
        ThirdCountrySupplier = "role:third-country-supplier",
        FinancialFacilitator = "role:financial-facilitator";

    /// <summary>
    /// The role of a (merged) entry, by this precedence:
    /// <list type="number">
    /// <item>a third-country entry (<see cref="IsThirdCountry"/>) is <c>role:financial-facilitator</c> when its names or
    /// remarks say it is a bank or financial institution (<see cref="IsFinancial"/>), else
    /// <c>role:third-country-supplier</c>;</item>
    /// <item>a Russian or Belarusian financial institution is <c>role:financial-facilitator</c>;</item>
    /// <item>a Russian or Belarusian entry whose names or remarks use trading or procurement wording
    /// (<see cref="TradingWords"/>) is <c>role:procurement-agent</c>;</item>
    /// <item>everything else is <c>role:defense-industry</c>: the Russian and Belarusian firms, institutes and state
    /// bodies designated under the Russia programs (EO 14024 designates for operating in the defense, technology,
    /// manufacturing and other sectors of Russia's economy), in the broad sense.</item>
    /// </list>
    /// Remarks are read without their "Linked To:" parts (a firm linked to a bank is not a bank) and without web and
    /// e-mail addresses.
    /// </summary>
    public static string Role(WatchlistEntry entry)
    {
        var text = RoleText(entry);
        var financial = IsFinancial(entry, text);
        if (IsThirdCountry(entry)) return financial ? FinancialFacilitator : ThirdCountrySupplier;
        if (financial) return FinancialFacilitator;
        if (text.Without(NotTradingPhrases).FirstOf(TradingWords) is not null) return ProcurementAgent;
        return DefenseIndustry;
    }

    /// <summary>
    /// Third country: the entry has at least one country, none of them is Russia or Belarus, and no address is in the
    /// parts of Ukraine Russia occupies (<see cref="OccupiedTerritoryWords"/>: Crimea, Sevastopol, Donetsk, Luhansk) —
    /// the <c>country:UA</c> tag still says what the source says. An entry without any country is not third-country.
    /// </summary>
    public static bool IsThirdCountry(WatchlistEntry entry)
    {
        var countries = Countries(entry);
        if (countries.Count == 0) return false;
        foreach (var c in countries)
            if (c is "RU" or "BY") return false;
        return !IsInOccupiedTerritory(entry);
    }

    /// <summary>Whether an address names Crimea, Sevastopol, Donetsk or Luhansk.</summary>
    public static bool IsInOccupiedTerritory(WatchlistEntry entry)
    {
        var texts = new List<string?>();
        foreach (var a in entry.Addresses) { texts.Add(a.Street); texts.Add(a.City); texts.Add(a.Country); }
        return TextMatcher.Of(texts).FirstOf(OccupiedTerritoryWords) is not null;
    }

    /// <summary>Address words of Russian-occupied Ukraine.</summary>
    public static readonly IReadOnlyList<string> OccupiedTerritoryWords =
        ["CRIMEA*", "KRYM*", "SEVASTOPOL*", "SEBASTOPOL*", "DONETSK*", "LUHANSK*", "LUGANSK*"];

    /// <summary>
    /// Financial institution: a SWIFT/BIC or Russian BIK identifier, or one of <see cref="FinancialWords"/> in the names or
    /// remarks (OFAC's "Target Type Financial Institution", NACE "monetary intermediation", EO 13662 Directive 1, or a
    /// bank, insurer, leasing or payment firm by name).
    /// </summary>
    public static bool IsFinancial(WatchlistEntry entry) => IsFinancial(entry, RoleText(entry));

    private static bool IsFinancial(WatchlistEntry entry, TextMatcher text)
    {
        foreach (var id in entry.Identifiers)
        {
            var t = id.Type.ToUpperInvariant();
            if (t.Contains("SWIFT", StringComparison.Ordinal) || t.StartsWith("BIK", StringComparison.Ordinal)) return true;
        }
        return text.FirstOf(FinancialWords) is not null;
    }

    /// <summary>Financial wording (names and remarks).</summary>
    public static readonly IReadOnlyList<string> FinancialWords =
    [
        "*BANK*", "TARGET TYPE FINANCIAL INSTITUTION", "FINANCIAL INSTITUTION", "MONETARY INTERMEDIATION", "FINANCIAL SERVICE*",
        "FINANCIAL LEASING", "FUND MANAGEMENT", "TRUSTS FUNDS", "13662 DIRECTIVE DETERMINATION SUBJECT TO DIRECTIVE 1", "SWIFT BIC",
        "INSURANCE*", "REINSURANCE*", "STRAKHOV*", "LEASING", "LIZING", "PAYMENT*", "MICROFINANC*", "FINANCIAL", "FINANCE",
        "FINANS*", "BROKER*", "EXCHANGE", "CRYPTO*", "INVESTMENT FUND*", "ASSET MANAGEMENT", "CREDIT INSTITUTION",
    ];

    /// <summary>
    /// Trading and procurement wording (names and remarks). "Export" alone is not in it: Russia's arms exporters sell, they
    /// do not procure. Phrases of <see cref="NotTradingPhrases"/> do not count ("PUBLICLY TRADED COMPANY", "SEA TRADING PORT").
    /// </summary>
    public static readonly IReadOnlyList<string> TradingWords =
    [
        "*TRADE", "TRADER*", "TRADING", "TRADEHOUSE", "TREID", "*TREID", "TORG*", "*TORG", "IMPORT*", "*IMPORT", "IMPEX", "*IMPEX",
        "SUPPLY", "SUPPLIES", "SUPPLIER*", "SNAB*", "*SNAB", "DISTRIBUT*", "PROCUREMENT", "PROCURE*", "PURCHAS*", "WHOLESALE*",
        "*VNESHTORG*", "VNESHNEEKONOMICH*", "VNESHNETORG*", "*SPETSVNESHTEKHNIKA*", "FOREIGN TRADE", "FOREIGN ECONOMIC", "TICARET",
        "MAOYI", "MAO YI", "SHANG MAO",
    ];

    /// <summary>Phrases that contain a trading word without meaning a trader.</summary>
    public static readonly IReadOnlyList<string> NotTradingPhrases = ["PUBLICLY TRADED", "TRADING PORT", "COMMERCIAL PORT"];

    // ------------------------------------------------------------------------------------------------------------
    // Sectors: zero or more per entry.
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Sector keywords, matched on the entry's own names and remarks (without "Linked To:" parts, web and e-mail
    /// addresses). A sector is tagged <c>sector:NAME</c> when any of its patterns occurs; the source text must say it —
    /// nothing is inferred from a parent company or from knowledge outside the record.
    /// </summary>
    public static readonly IReadOnlyList<(string Sector, string[] Patterns)> SectorKeywords =
    [
        ("electronics", ["ELECTRON*", "ELEKTRON*", "*ELECTRONIC*", "*ELEKTRONI*", "MICROELECTRON*", "MIKROELEKTRON*", "SEMICONDUCTOR*",
            "MICROCHIP*", "CHIP", "CHIPS", "INTEGRATED CIRCUIT*", "RADIOELECTRON*", "RADIOELEKTRON*", "RADIO*", "RADAR*",
            "TELECOMMUNICATION*", "DIANZI", "DIAN ZI", "ELECTRONIC COMPONENT*"]),
        ("machine-tools", ["MACHINE TOOL*", "MACHINETOOL*", "STANKO*", "*STANKO*", "STANOK*", "CNC", "NUMERICAL CONTROL", "FORGING PRESS*", "MACHINING", "METALWORKING", "METAL FORMING",
            "METAL CUTTING"]),
        ("aviation", ["AVIA*", "*AVIA", "AVIATION", "AIRCRAFT*", "AIRPLANE*", "AERO*", "HELICOPTER*", "VERTOLET*", "AVIATSION*",
            "AIR AND SPACECRAFT", "AIRLINE*", "AEROSPACE"]),
        ("drones", ["DRONE*", "UAV*", "UAS", "UNMANNED", "BESPILOT*", "REMOTELY PILOTED"]),
        ("engines", ["ENGINE", "ENGINES", "ENGINE BUILDING", "DVIGATEL*", "MOTOR", "MOTORS", "MOTOROSTROI*", "TURBINE*"]),
        ("shipbuilding", ["SHIPBUILD*", "SHIPYARD*", "SHIP REPAIR*", "SHIPREPAIR*", "SUDOSTRO*", "SUDOREMONT*", "VERF*", "NAVAL",
            "ADMIRALT*", "BUILDING OF SHIPS", "SUBMARINE*"]),
        ("chemicals-explosives", ["CHEMI*", "*CHEMICAL*", "KHIMI*", "*KHIM", "NITROCELLULOSE", "NITRO*", "EXPLOSIV*", "POWDER*",
            "GUNPOWDER", "POROKH*", "PROPELLANT*", "CELLULOSE*", "PYROTECHN*", "DETONAT*"]),
        ("missiles-air-defense", ["MISSILE*", "RAKET*", "ROCKET*", "AIR DEFENSE", "AIR DEFENCE", "ALMAZ ANTEY", "ANTEY", "VKO"]),
        ("weapons-munitions", ["AMMUNITION*", "MUNITION*", "WEAPON*", "ARMS", "ORUZH*", "ARSENAL*", "ARTILLER*", "CARTRIDGE*",
            "PATRON*", "BOEPRIPAS*", "FIREARM*", "ARMOR*", "ARMOUR*", "SMALL ARMS"]),
        ("defense", ["DEFENSE", "DEFENCE", "OBORON*", "MILITARY", "ARMED FORCES", "DEFENSE ACTIVITIES", "DEFENSE AND RELATED MATERIEL",
            "MINISTRY OF DEFEN*"]),
        ("security-intelligence", ["FSB", "GRU", "SVR", "KGB", "SECURITY SERVICE", "INTELLIGENCE SERVICE*", "INTELLIGENCE DIRECTORATE",
            "MAIN INTELLIGENCE", "FOREIGN INTELLIGENCE", "MILITARY INTELLIGENCE", "NATIONAL GUARD", "ROSGVARD*",
            "PRIVATE MILITARY", "PRIVATE SECURITY"]),
        ("optics", ["OPTIC*", "OPTIK*", "*OPTIKA", "LASER*", "THERMAL IMAG*", "PHOTONIC*", "INFRARED"]),
        ("space", ["SPACE", "KOSMI*", "COSMIC*", "SATELLIT*", "ROSCOSMOS", "ROSKOSMOS", "AIR AND SPACECRAFT", "AEROSPACE"]),
        ("nuclear", ["NUCLEAR", "ATOM*", "ROSATOM", "URANIUM"]),
        ("vehicles", ["AUTOMOBIL*", "AVTOMOBIL*", "AUTOMOTIVE", "VEHICLE*", "TRUCK*", "TRACTOR*", "VAGON*", "MOTOR VEHICLE*"]),
        ("energy", ["OIL", "NEFT", "*NEFT", "NEFTEGAZ*", "*NEFTEGAZ*", "NEFTEPRODUKT*", "NEFTEKHIM*", "GAS", "GAZ", "GAZPROM*", "PETROL*", "PETROCHEM*", "ENERGY", "ENERGO*", "*ENERGO",
            "ENERGI*", "FUEL*", "COAL", "UGOL*", "NATURAL GAS", "POWER PLANT*"]),
        ("metals-mining", ["METAL*", "METALL*", "STEEL*", "ALUMIN*", "TITAN*", "NICKEL", "MINING", "MINING OF", "GOLD", "ZOLOT*",
            "NON FERROUS", "DIAMOND*", "RARE EARTH*", "MINERAL*"]),
        ("finance", ["*BANK*", "TARGET TYPE FINANCIAL INSTITUTION", "MONETARY INTERMEDIATION", "FINANCIAL SERVICE*", "FINANCIAL LEASING",
            "INSURANCE*", "LEASING", "LIZING", "PAYMENT*", "INVESTMENT FUND*", "ASSET MANAGEMENT", "EXCHANGE", "CRYPTO*"]),
        ("technology", ["SOFTWARE", "INFORMATION TECHNOLOG*", "COMPUTER*", "CYBER*", "DATA CENTER*", "DATA PROCESSING", "COMPUTING",
            "INFORMATION SECURITY"]),
        ("logistics", ["LOGISTIC*", "SHIPPING", "CARGO", "FREIGHT*", "FORWARDING", "TRANSPORTATION", "SEA AND COASTAL"]),
        ("research", ["INSTITUTE*", "INSTITUT", "RESEARCH*", "NAUCHN*", "NII", "DESIGN BUREAU", "KONSTRUKTOR*", "SCIENTIFIC",
            "LABORATOR*", "UNIVERSIT*", "ACADEMY"]),
    ];

    /// <summary>The sectors of an entry, sorted, without the <c>sector:</c> prefix.</summary>
    public static IReadOnlyList<string> Sectors(WatchlistEntry entry)
    {
        var text = RoleText(entry);
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (sector, patterns) in SectorKeywords)
            if (text.FirstOf(patterns) is not null) result.Add(sector);
        return [.. result];
    }

    /// <summary>Remark parts the role and sector rules do not read: other parties, identifiers, contacts, legal boilerplate.</summary>
    public static readonly IReadOnlyList<string> IgnoredRemarkPrefixes =
    [
        "Linked To", "Website", "Email", "Phone", "Telephone", "Fax", "Secondary sanctions risk", "Additional Sanctions Information",
        "For more information", "CAATSA Section", "License requirement", "License policy", "Tax ID", "Registration", "Business Registration",
        "Trade License", "License", "Government Gazette", "Legal Entity Number", "Organization Established Date", "Company Number",
        "Unified Social Credit Code", "Economic Register Number", "Commercial Registry Number", "Identification Number", "Listing Date",
        "Effective Date", "UN/LOCODE", "MICEX Code", "Digital Currency Address", "Nationality of Registration",
    ];

    // ------------------------------------------------------------------------------------------------------------
    // Shared helpers.
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>The entry's countries: its country list and its addresses' country codes, sorted and distinct.</summary>
    public static IReadOnlyList<string> Countries(WatchlistEntry entry)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in entry.Countries)
            if (!string.IsNullOrWhiteSpace(c)) set.Add(c.Trim().ToUpperInvariant());
        foreach (var a in entry.Addresses)
            if (!string.IsNullOrWhiteSpace(a.CountryCode)) set.Add(a.CountryCode.Trim().ToUpperInvariant());
        return [.. set];
    }

    /// <summary>The text the role and sector rules read: all names, and the remarks without linkage, web and contact parts.</summary>
    public static TextMatcher RoleText(WatchlistEntry entry)
    {
        var texts = new List<string?>();
        foreach (var n in entry.Names) texts.Add(n.Value);
        texts.Add(OwnRemarks(entry.Remarks));
        return TextMatcher.Of(texts);
    }

    /// <summary>
    /// Remarks without the parts that describe other parties, identifiers, contact details or legal boilerplate (the
    /// parts that start with one of <see cref="IgnoredRemarkPrefixes"/>), and without any part with a link (OFAC's
    /// directive notes link to "financial-sanctions" pages). OFAC separates parts with <c>;</c>, the generator joins
    /// merged remarks with <c>|</c>.
    /// </summary>
    public static string? OwnRemarks(string? remarks)
    {
        if (string.IsNullOrWhiteSpace(remarks)) return null;
        var kept = new List<string>();
        foreach (var raw in remarks.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var part = raw.StartsWith("alt. ", StringComparison.OrdinalIgnoreCase) ? raw[5..] : raw;
            if (part.Contains("http", StringComparison.OrdinalIgnoreCase) || part.Contains("www.", StringComparison.OrdinalIgnoreCase)) continue;
            var ignored = false;
            foreach (var prefix in IgnoredRemarkPrefixes)
                ignored |= part.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
            if (ignored) continue;
            kept.Add(part);
        }
        return kept.Count == 0 ? null : string.Join("; ", kept);
    }
}
