namespace Screening.Evaluation.HeldOut;

/// <summary>
/// How people shorten ordinary words of company names when they type them into a payment, a customer file or a
/// fixed-width field. Written for the held-out generator from general practice, not from the matcher's tables:
/// <list type="bullet">
/// <item>English: the abbreviations of business correspondence, stock-exchange and registry listings, bank payment
/// fields (<c>ASSN</c>, <c>CORP</c>, <c>INTL</c>, <c>MFG</c>, <c>SVCS</c>, <c>HLDGS</c>, <c>ENGG</c>...), as seen in the
/// US CSL, the Japanese METI list and US/HK registry names in <c>../shared/data</c> (<c>Co.</c>, <c>Corp.</c>,
/// <c>Tech.</c>, <c>Mfg.</c>, <c>Elec.</c>, <c>Comm.</c>, <c>Ind.</c>, <c>Exp.</c>, <c>Imp.</c>, <c>Prod.</c>, <c>Eng.</c>).</item>
/// <item>Russian (romanized as OFAC writes it): the standard abbreviations of Russian business writing (GOST R
/// 7.0.12 style word cuts: <c>НАУЧ.</c>, <c>ПРОИЗВ.</c>, <c>ОБЪЕД.</c>, <c>ПРЕДПР.</c>, and the hyphenated contractions
/// <c>ИН-Т</c>, <c>З-Д</c>, <c>ОБ-ВО</c>), romanized. A stem matches any ending (<c>-YY</c>, <c>-IY</c>, <c>-OE</c>,
/// <c>-AYA</c>...).</item>
/// <item>Turkish: the trade-registry abbreviations seen on the METI list and in SDN aliases (<c>SAN. VE TIC. LTD.
/// STI.</c>, <c>ITH. IHR.</c>, <c>MUH.</c>, <c>INS.</c>).</item>
/// </list>
/// Each form is written without its dot; the generator adds the dot (or not) as a query's style decides. A form with
/// an inner hyphen (<c>IN-T</c>) is a contraction and never takes a dot.
/// </summary>
internal static class BusinessAbbreviations
{
    /// <summary>Whole English (and Turkish) words, upper case, with the short forms people write for them.</summary>
    public static readonly Dictionary<string, string[]> Words = new(StringComparer.Ordinal)
    {
        // Company words, legal-form words included (the words, not the legal-form acronyms: LIMITED LIABILITY
        // COMPANY -> LTD LIAB CO is an abbreviation, -> LLC is a legal-form swap).
        ["COMPANY"] = ["CO", "CO", "COMP"],
        ["CORPORATION"] = ["CORP"],
        ["INCORPORATED"] = ["INC"],
        ["LIMITED"] = ["LTD"],
        ["LIABILITY"] = ["LIAB"],
        ["JOINT"] = ["JT"],
        ["STOCK"] = ["STK"],
        ["PUBLIC"] = ["PUB"],
        ["ASSOCIATION"] = ["ASSN", "ASSOC"],
        ["ENTERPRISE"] = ["ENT", "ENTPR"],
        ["ENTERPRISES"] = ["ENTS", "ENTPRS", "ENT"],
        ["GROUP"] = ["GRP", "GR"],
        ["HOLDING"] = ["HLDG", "HOLD"],
        ["HOLDINGS"] = ["HLDGS", "HLDG"],
        ["BROTHERS"] = ["BROS"],
        ["DEPARTMENT"] = ["DEPT"],
        ["DIVISION"] = ["DIV"],
        ["ORGANIZATION"] = ["ORG", "ORGN"],
        ["ORGANISATION"] = ["ORG", "ORGN"],
        ["FOUNDATION"] = ["FDN", "FOUND"],
        ["COOPERATIVE"] = ["COOP"],
        ["SOCIETY"] = ["SOC"],
        ["UNITARY"] = ["UNIT"],
        // Research, science, education.
        ["SCIENTIFIC"] = ["SCI", "SCIENT"],
        ["SCIENCE"] = ["SCI"],
        ["SCIENCES"] = ["SCI"],
        ["RESEARCH"] = ["RES", "RSCH", "RESCH"],
        ["INSTITUTE"] = ["INST", "INSTIT"],
        ["INSTITUTION"] = ["INST", "INSTN"],
        ["LABORATORY"] = ["LAB"],
        ["LABORATORIES"] = ["LABS"],
        ["ACADEMY"] = ["ACAD"],
        ["UNIVERSITY"] = ["UNIV", "UNI"],
        ["EXPERIMENTAL"] = ["EXPER", "EXPTL", "EXP"],
        ["DESIGN"] = ["DES", "DSGN"],
        ["BUREAU"] = ["BUR"],
        ["DEVELOPMENT"] = ["DEV", "DEVT", "DEVEL"],
        ["EDUCATIONAL"] = ["EDUC"],
        ["EDUCATION"] = ["EDUC", "ED"],
        // Making things.
        ["PRODUCTION"] = ["PROD", "PRODN"],
        ["PRODUCTS"] = ["PRODS", "PROD"],
        ["MANUFACTURING"] = ["MFG", "MANUF", "MFRG"],
        ["MANUFACTURER"] = ["MFR", "MANUF"],
        ["MANUFACTURERS"] = ["MFRS"],
        ["INDUSTRIAL"] = ["INDL", "IND", "INDUS"],
        ["INDUSTRY"] = ["IND"],
        ["INDUSTRIES"] = ["INDS", "IND", "INDUS"],
        ["ENGINEERING"] = ["ENG", "ENGG", "ENGRG", "ENGR"],
        ["ENGINEERS"] = ["ENGRS"],
        ["MACHINE"] = ["MACH"],
        ["MACHINERY"] = ["MACH"],
        ["MECHANICAL"] = ["MECH"],
        ["ELECTROMECHANICAL"] = ["ELECTROMECH"],
        ["ELECTRONICS"] = ["ELEC", "ELECTR"],
        ["ELECTRONIC"] = ["ELEC", "ELECTR"],
        ["ELECTRIC"] = ["ELEC", "ELECT"],
        ["ELECTRICAL"] = ["ELEC", "ELECT"],
        ["EQUIPMENT"] = ["EQUIP", "EQPT", "EQ"],
        ["INSTRUMENT"] = ["INSTR", "INSTRUM"],
        ["INSTRUMENTS"] = ["INSTR", "INSTRUM"],
        ["PRECISION"] = ["PREC", "PRECIS"],
        ["OPTICAL"] = ["OPT"],
        ["CHEMICAL"] = ["CHEM"],
        ["CHEMICALS"] = ["CHEMS", "CHEM"],
        ["PHARMACEUTICAL"] = ["PHARM", "PHARMA"],
        ["PHARMACEUTICALS"] = ["PHARMS", "PHARMA"],
        ["METALLURGICAL"] = ["METALL", "MET"],
        ["PLANT"] = ["PLT"],
        ["FACTORY"] = ["FCTY", "FACT"],
        ["WORKS"] = ["WKS"],
        ["SHIPBUILDING"] = ["SHIPBLDG"],
        ["BUILDING"] = ["BLDG"],
        ["CONSTRUCTION"] = ["CONSTR", "CONST"],
        ["MATERIALS"] = ["MATLS", "MAT"],
        ["COMPONENTS"] = ["COMPS"],
        ["SYSTEMS"] = ["SYS", "SYST"],
        ["SYSTEM"] = ["SYS", "SYST"],
        ["TECHNOLOGY"] = ["TECH", "TECHNOL"],
        ["TECHNOLOGIES"] = ["TECH", "TECHNOL"],
        ["TECHNOLOGICAL"] = ["TECHNOL", "TECH"],
        ["TECHNICAL"] = ["TECH", "TECHN"],
        ["AVIATION"] = ["AVN", "AVIAT"],
        ["AIRCRAFT"] = ["ACFT"],
        ["AEROSPACE"] = ["AEROSP"],
        ["COMMUNICATIONS"] = ["COMM", "COMMS", "COMMUN"],
        ["COMMUNICATION"] = ["COMM", "COMMUN"],
        ["TELECOMMUNICATIONS"] = ["TELECOM", "TELECOMM"],
        ["INFORMATION"] = ["INFO", "INF"],
        ["NAVIGATION"] = ["NAV"],
        ["ENERGY"] = ["ENRG", "ENER"],
        ["PETROLEUM"] = ["PETR", "PET"],
        ["MINING"] = ["MNG", "MIN"],
        ["DEFENSE"] = ["DEF"],
        ["DEFENCE"] = ["DEF"],
        ["MILITARY"] = ["MIL"],
        ["SECURITY"] = ["SEC"],
        // Trade, money, services.
        ["SERVICES"] = ["SRVCS", "SVCS", "SERV", "SVC"],
        ["SERVICE"] = ["SVC", "SERV", "SRVC"],
        ["TRADING"] = ["TRDG", "TRAD"],
        ["TRADE"] = ["TRD"],
        ["COMMERCIAL"] = ["COMM", "COML", "COMMER"],
        ["INTERNATIONAL"] = ["INTL", "INT", "INTERNAT", "INTERN"],
        ["NATIONAL"] = ["NATL", "NAT"],
        ["FINANCIAL"] = ["FIN", "FINL"],
        ["FINANCE"] = ["FIN"],
        ["INVESTMENT"] = ["INV", "INVT", "INVEST"],
        ["INVESTMENTS"] = ["INVTS", "INVS", "INV"],
        ["MANAGEMENT"] = ["MGMT", "MGT", "MANAG"],
        ["MARKETING"] = ["MKTG"],
        ["DISTRIBUTION"] = ["DISTR", "DIST", "DISTRIB"],
        ["LOGISTICS"] = ["LOGIST", "LOG"],
        ["TRANSPORT"] = ["TRANSP", "TRANS"],
        ["TRANSPORTATION"] = ["TRANSP", "TRANS"],
        ["SHIPPING"] = ["SHPG"],
        ["EXPORT"] = ["EXP"],
        ["IMPORT"] = ["IMP"],
        ["SUPPLY"] = ["SUPP", "SPLY"],
        ["SOLUTIONS"] = ["SOLNS", "SOLS", "SOL"],
        ["CONSULTING"] = ["CONSULT", "CONS"],
        ["INSURANCE"] = ["INS", "INSUR"],
        ["LEASING"] = ["LSG"],
        // Places and qualifiers.
        ["CENTER"] = ["CTR", "CENT", "CNTR"],
        ["CENTRE"] = ["CTR", "CNTR"],
        ["CENTRAL"] = ["CENT", "CTRL", "CEN"],
        ["FEDERAL"] = ["FED"],
        ["STATE"] = ["ST"],
        ["SPECIAL"] = ["SPEC", "SPL"],
        ["SPECIALIZED"] = ["SPEC"],
        ["RUSSIAN"] = ["RUS", "RUSS"],
        ["FEDERATION"] = ["FED", "FEDN"],
        ["REPUBLIC"] = ["REP"],
        ["SAINT"] = ["ST"],
        ["NUMBER"] = ["NO"],
        ["AND"] = ["&"],
        // Turkish trade-registry forms (as on the METI list and in SDN aliases).
        ["SANAYI"] = ["SAN"],
        ["SANAYII"] = ["SAN"],
        ["TICARET"] = ["TIC"],
        ["SIRKETI"] = ["STI", "SIRK"],
        ["ITHALAT"] = ["ITH"],
        ["IHRACAT"] = ["IHR"],
        ["MUHENDISLIK"] = ["MUH"],
        ["INSAAT"] = ["INS"],
        ["ELEKTRONIK"] = ["ELEKT", "ELK"],
        ["ELEKTRIK"] = ["ELK", "ELEK"],
        ["TASIMACILIK"] = ["TAS", "TASIM"],
        ["PAZARLAMA"] = ["PAZ"],
        ["HIZMETLERI"] = ["HIZ", "HIZM"],
        ["TEKNOLOJI"] = ["TEKN", "TEK"],
        ["TEKNOLOJILERI"] = ["TEKN", "TEK"],
        ["DANISMANLIK"] = ["DAN", "DANISM"],
        ["MAKINA"] = ["MAK"],
        ["MAKINE"] = ["MAK"],
        ["ENDUSTRI"] = ["END"],
        ["ENDUSTRIYEL"] = ["END"],
        ["ULUSLARARASI"] = ["ULUSL", "ULS"],
        ["YATIRIM"] = ["YAT"],
        ["LOJISTIK"] = ["LOJ"],
        ["MEDIKAL"] = ["MED"],
    };

    /// <summary>
    /// Russian word stems as OFAC romanizes them (BGN/PCGN-like), any ending: the written short forms. <c>-</c>-forms
    /// are contractions (first letters, hyphen, last letters of the word as written in Russian: <c>ин-т</c>,
    /// <c>з-д</c>, <c>об-во</c>), never dotted.
    /// </summary>
    public static readonly (string Stem, string[] Short)[] RussianStems =
    [
        ("NAUCHNO", ["NAUCH"]),
        ("NAUCHN", ["NAUCH"]),
        ("ISSLEDOVATELSK", ["ISSLED", "ISSL"]),
        ("PROIZVODSTVENN", ["PROIZV", "PROIZVOD"]),
        ("PROEKTN", ["PROEKT", "PROEKTN"]),
        ("KONSTRUKTORSK", ["KONSTR", "KONSTRUKT"]),
        ("TEKHNOLOGICHESK", ["TEKHNOL", "TEKH"]),
        ("TEKHNOLOGII", ["TEKHNOL", "TEKHN"]),
        ("TEKHNICHESK", ["TEKHN", "TEKH"]),
        ("OBEDINENI", ["OBED", "OB-NIE"]),
        ("OBYEDINENI", ["OBYED", "OB-NIE"]),
        ("PREDPRIYATI", ["PREDPR", "PR-TIE"]),
        ("INSTITUT", ["IN-T", "INST"]),
        ("ZAVOD", ["Z-D", "ZAV"]),
        ("KOMBINAT", ["K-T", "KOMB"]),
        ("OBSHCHESTVO", ["OB-VO", "O-VO"]),
        ("OBSCHESTVO", ["OB-VO", "O-VO"]),
        ("TOVARISHCHESTVO", ["T-VO", "TOV-VO"]),
        ("GOSUDARSTVENN", ["GOS", "GOSUD"]),
        ("FEDERALN", ["FED", "FEDER"]),
        ("TSENTRALN", ["TSENTR", "TSENTRAL"]),
        ("MASHINOSTROITELN", ["MASHINOSTR", "MASH"]),
        ("PRIBOROSTROITELN", ["PRIBOROSTR", "PRIB"]),
        ("ELEKTROMEKHANICHESK", ["ELEKTROMEKH", "EL-MEKH"]),
        ("MEKHANICHESK", ["MEKH"]),
        ("OPTICHESK", ["OPT"]),
        ("OPTIKO", ["OPT"]),
        ("KHIMICHESK", ["KHIM"]),
        ("ENERGETICHESK", ["ENERG"]),
        ("RADIOTEKHNICHESK", ["RADIOTEKHN", "RTEKHN"]),
        ("EKSPERIMENTALN", ["EKSP", "EKSPER"]),
        ("OPYTN", ["OPYT"]),
        ("MEZHDUNARODN", ["MEZHDUNAR", "MEZHD", "MEZHDUN"]),
        ("AKTSIONERN", ["AKTS", "AKTSION"]),
        ("OTKRYT", ["OTKR"]),
        ("ZAKRYT", ["ZAKR"]),
        ("PUBLICHN", ["PUBL"]),
        ("OGRANICHENN", ["OGRAN", "OGR"]),
        ("OTVETSTVENNOST", ["OTV", "OTVETSTV"]),
        ("ORGANIZATSI", ["ORG", "ORGANIZ"]),
        ("ASSOTSIATSI", ["ASSOTS", "ASSOTSIATS"]),
        ("KORPORATSI", ["KORP"]),
        ("KOMPANI", ["KOMP"]),
        ("GRUPP", ["GR"]),
        ("TORGOV", ["TORG"]),
        ("STROITELN", ["STROIT", "STR"]),
        ("TRANSPORTN", ["TRANSP"]),
        ("AVIATSIONN", ["AVIATS", "AVIA"]),
        ("PROMYSHLENN", ["PROM", "PROMYSHL"]),
        ("INZHENERN", ["INZH"]),
        ("UPRAVLENI", ["UPR", "UPRAVL"]),
        ("BYURO", ["BYUR"]),
        ("SPETSIALN", ["SPETS", "SPEC"]),
        ("NATSIONALN", ["NATS", "NATSION"]),
        ("ROSSIYSK", ["ROS", "ROSS"]),
        ("ROSSIISK", ["ROS", "ROSS"]),
        ("UNITARN", ["UNIT"]),
        ("NEKOMMERCHESK", ["NEKOMM", "NEKOM"]),
        ("AVTONOMN", ["AVTON"]),
        ("INVESTITSIONN", ["INVEST"]),
        ("FINANSOV", ["FIN"]),
    ];

    /// <summary>Russian stems match a word that starts with them and has at most this many letters more.</summary>
    public const int MaxEnding = 5;

    /// <summary>The short forms for a word key (upper-case letters), or null when the table has none.</summary>
    public static string[]? For(string key)
    {
        if (Words.TryGetValue(key, out var forms)) return forms;
        string[]? best = null;
        var bestLength = 0;
        foreach (var (stem, shorts) in RussianStems)
        {
            if (key.Length < stem.Length || key.Length > stem.Length + MaxEnding || stem.Length <= bestLength) continue;
            if (!key.StartsWith(stem, StringComparison.Ordinal)) continue;
            best = shorts;
            bestLength = stem.Length;
        }
        return best;
    }

    /// <summary>
    /// A truncation as people cut a long word they have no standard form for: after a consonant that is followed by a
    /// vowel (INSTRUMENT-ATION -> INSTRUM, TECHNOLOG-IES -> TECHNOL), keeping 4 to 7 letters; null when the word has
    /// no such cut or is shorter than 8 letters.
    /// </summary>
    public static string? Truncate(string key, Random rng)
    {
        if (key.Length < 8) return null;
        var cuts = new List<int>();
        for (var n = 4; n <= Math.Min(7, key.Length - 3); n++)
            if (!IsVowel(key[n - 1]) && IsVowel(key[n])) cuts.Add(n);
        return cuts.Count == 0 ? null : key[..cuts[rng.Next(cuts.Count)]];
    }

    public static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';
}
