using static Screening.WatchlistGenerator.Tests.GeneratorTestData;
using Screening.Watchlists;

namespace Screening.WatchlistGenerator.Tests;

public class SelectionRulesTests
{
    // ---- Rule 1: organizations only ----

    [Theory]
    [InlineData("Vyacheslav Y Shillin")]           // BIS Entity List, 2022 (Russia)
    [InlineData("Alexander V. Brindyuk")]
    [InlineData("Lev Anatolyevich Yershov (Ershov)")]
    [InlineData("Liubov \"Luba\" Skvortsova")]
    [InlineData("Andey Gruzdew")]
    [InlineData("Ramil Yarullovich Magzhanov")]
    [InlineData("Mark Gofman")]
    [InlineData("Valery Kosmachov")]
    [InlineData("Stanislav Orelsky")]              // a surname that reads as a place adjective (OREL) of the term table
    public void LooksLikePersonName_BisPeople_True(string name) => Assert.True(SelectionRules.LooksLikePersonName(name), name);

    [Theory]
    [InlineData("140 Repair Plant JSC")]
    [InlineData("Sputnik E")]
    [InlineData("KGB Alpha")]
    [InlineData("Severnaya Verf")]
    [InlineData("Aktsionernoe Obshchestvo Pasit")]
    [InlineData("APEX St. Petersburg")]
    [InlineData("Neva Electronica")]
    [InlineData("Huawei Russia")]
    [InlineData("Magtech")]
    [InlineData("Serko Limited")]
    [InlineData("NPC Granat")]
    [InlineData("Luhansk People's Republic")]
    public void LooksLikePersonName_BisOrganizations_False(string name) => Assert.False(SelectionRules.LooksLikePersonName(name), name);

    [Fact]
    public void IsOrganization_ByType_PeopleVesselsAircraftExcluded()
    {
        Assert.True(SelectionRules.IsOrganization(Entry("1", "ACME", EntityType.Organization)));
        Assert.False(SelectionRules.IsOrganization(Entry("2", "IVANOV, Ivan", EntityType.Person)));
        Assert.False(SelectionRules.IsOrganization(Entry("3", "SPARTA IV", EntityType.Vessel)));
        Assert.False(SelectionRules.IsOrganization(Entry("4", "RA-96018", EntityType.Aircraft)));
        Assert.True(SelectionRules.IsOrganization(Entry("5", "Admiralty Shipyard JSC", EntityType.Unknown)));
        Assert.False(SelectionRules.IsOrganization(Entry("6", "Dmitry Kochanov", EntityType.Unknown)));
    }

    // ---- Selection ----

    [Fact]
    public void Select_RussiaProgram_SelectsWherever()
    {
        Assert.Equal("program:RUSSIA-EO14024", SelectionRules.Select(Kupol()));
        // SDN 46712, a Hong Kong/China supplier designated under EO 14024.
        var hk = Sdn("46712", "C&I SEMICONDUCTORS CO LIMITED", countries: ["CN", "HK"]);
        Assert.Equal("program:RUSSIA-EO14024", SelectionRules.Select(hk));
        Assert.Equal("program:UKRAINE-EO13662", SelectionRules.Select(NonSdn("17013", "VTB BANK PUBLIC JOINT STOCK COMPANY", countries: ["RU"])));
    }

    [Fact]
    public void Select_OtherProgram_NotSelected()
    {
        var cmic = NonSdn("32091", "CHINA AEROSPACE SCIENCE AND TECHNOLOGY CORPORATION", programs: ["CMIC-EO13959"], countries: ["CN"]);
        Assert.Null(SelectionRules.Select(cmic));
        var syria = Sdn("1", "SCIENTIFIC STUDIES AND RESEARCH CENTER", programs: ["SYRIA"], countries: ["SY"]);
        Assert.Null(SelectionRules.Select(syria));
    }

    [Fact]
    public void Select_CrimeaProgram_OnlyWhenTied()
    {
        // SDN 20199 OOO SHIPYARD 'ZALIV' (Kerch): a shipyard, so tied; SDN 25182 MRIYA RESORT & SPA: not tied.
        var zaliv = Sdn("20199", "OOO SHIPYARD 'ZALIV'", programs: ["UKRAINE-EO13685"], countries: ["UA"]);
        var mriya = Sdn("25182", "MRIYA RESORT & SPA", programs: ["UKRAINE-EO13685"], countries: ["UA"]);
        // SDN 20029 PJSC MOSTOTREST (Kerch bridge builder): Russian address, so tied.
        var mostotrest = Sdn("20029", "PJSC MOSTOTREST", programs: ["UKRAINE-EO13685"], countries: ["RU"]);
        Assert.Equal("program-tied:UKRAINE-EO13685", SelectionRules.Select(zaliv));
        Assert.Null(SelectionRules.Select(mriya));
        Assert.Equal("program-tied:UKRAINE-EO13685", SelectionRules.Select(mostotrest));
    }

    [Fact]
    public void Select_BelarusProgram_OnlyWhenTied()
    {
        // SDN 33395 PELENG JSC (optics), 32678 GRODNO TOBACCO FACTORY NEMAN.
        var peleng = Sdn("33395", "PELENG JSC", programs: ["BELARUS-EO14038"], countries: ["BY"]);
        var tobacco = Sdn("32678", "OPEN JOINT-STOCK COMPANY GRODNO TOBACCO FACTORY NEMAN", programs: ["BELARUS-EO14038"], countries: ["BY"]);
        // Neither name says optics: PELENG needs its remark or the Entity List; here the name alone is not enough.
        Assert.Null(SelectionRules.Select(peleng));
        Assert.Null(SelectionRules.Select(tobacco));
        // SDN 48322 OJSC STANKOGOMEL (machine tools).
        var stanko = Sdn("48322", "OPEN JOINT STOCK COMPANY STANKOGOMEL", programs: ["BELARUS-EO14038"], countries: ["BY"]);
        Assert.Equal("program-tied:BELARUS-EO14038", SelectionRules.Select(stanko));
        // SDN 32681, registered in Russia.
        var ru = Sdn("32681", "LIMITED LIABILITY COMPANY NEW OIL COMPANY EAST", programs: ["BELARUS-EO14038"], countries: ["RU"]);
        Assert.Equal("program-tied:BELARUS-EO14038", SelectionRules.Select(ru));
    }

    [Fact]
    public void Select_EntityListAddressInRussiaOrBelarus_Selected()
    {
        var ru = EntityList("a", "Admiralty Shipyard JSC", ["RU"], "87 FR 12240", "2022-03-03");
        var by = EntityList("b", "140 Repair Plant JSC", ["BY"], "87 FR 20299", "2022-04-07");
        Assert.Equal("address:RU/BY", SelectionRules.Select(ru));
        Assert.Equal("address:RU/BY", SelectionRules.Select(by));
    }

    [Fact]
    public void Select_EntityListThirdCountry_ByFirstNoticeOnly()
    {
        // Serko Limited (Hong Kong), first listed by 77 FR 61249 (Arc Electronics network).
        var serko = EntityList("c", "Serko Limited", ["HK"], "77 FR 61249; 80 FR 69852", "2012-10-09");
        Assert.Equal("notice:77 FR 61249", SelectionRules.Select(serko));
        // SMIC Hong Kong: 86 FR 12529 is a later revision, not the listing notice.
        var smic = EntityList("d", "SMIC Hong Kong International Company Limited", ["HK"], "85 FR 83420; 85 FR 83765; 86 FR 12529", "2020-12-22");
        Assert.Null(SelectionRules.Select(smic));
        // A Chinese MEU record.
        var meu = new SourceRecord(SourceList.BisMeu, Entry("e", "AECC Aero Science & Technology Co. Ltd.", EntityType.Unknown, [], ["CN"],
            sources: [new EntrySource("Military End User (MEU) List - Bureau of Industry and Security", "e", [], "85 FR 83799", "2020-12-23")]));
        Assert.Null(SelectionRules.Select(meu));
    }

    [Fact]
    public void Select_MilitaryIndustrialBaseRemark_SelectsWhateverProgram()
    {
        var r = Sdn("48320", "SHENZHEN 5G HIGH-TECH INNOVATION CO., LIMITED", programs: ["BELARUS-EO14038"], countries: ["CN"],
            remarks: "Secondary sanctions risk: this person is designated for operating or having operated in a sector of the Russian Federation economy determined to support Russia's military-industrial base pursuant to section 11 of Executive Order 14024, as amended by Executive Order 14114.");
        Assert.Equal("remark:military-industrial-base", SelectionRules.Select(r));
    }

    [Theory]
    [InlineData("87 FR 20299", "87 FR 20299")]
    [InlineData("77 FR 61249 No. 195", "77 FR 61249")]
    [InlineData("79 FR  55608", "79 FR 55608")]
    [InlineData("83 FR 6953, 2/16/18; 83 FR 12479, 3/22/18", "83 FR 6953")]
    [InlineData("68 F.R. 38290 6/27/03 71 F.R. 38843", "68 FR 38290")]
    [InlineData("84 FR 43,495", "84 FR 43495")]
    [InlineData("", null)]
    [InlineData("none", null)]
    public void FirstNotice_Citations_Normalized(string citation, string? expected) => Assert.Equal(expected, SelectionRules.FirstNotice(citation));

    [Fact]
    public void RussiaRelatedNotices_KnownRussianRulesIn_ChinaRulesOut()
    {
        Assert.Contains("87 FR 20299", SelectionRules.RussiaRelatedNotices.Keys);
        Assert.Contains("77 FR 61249", SelectionRules.RussiaRelatedNotices.Keys);
        Assert.DoesNotContain("85 FR 83420", SelectionRules.RussiaRelatedNotices.Keys); // SMIC and Chinese firms, Dec 2020
        Assert.DoesNotContain("85 FR 51603", SelectionRules.RussiaRelatedNotices.Keys); // Huawei affiliates worldwide
    }

    // ---- Roles ----

    [Fact]
    public void Role_RussianPlant_DefenseIndustry() => Assert.Equal(SelectionRules.DefenseIndustry, SelectionRules.Role(Kupol().Entry));

    [Fact]
    public void Role_ThirdCountryFirm_Supplier()
    {
        var e = Entry("46712", "C&I SEMICONDUCTORS CO LIMITED", countries: ["CN", "HK"]);
        Assert.Equal(SelectionRules.ThirdCountrySupplier, SelectionRules.Role(e));
        // Trading wording does not outrank the country.
        var trader = Entry("47702", "SHENZHEN BIGUANG TRADING CO., LTD", countries: ["CN"]);
        Assert.Equal(SelectionRules.ThirdCountrySupplier, SelectionRules.Role(trader));
    }

    [Fact]
    public void Role_ThirdCountryBank_FinancialFacilitator()
    {
        var e = Entry("18723", "BANK VTB KAZAKHSTAN JOINT STOCK COMPANY", countries: ["KZ"]);
        Assert.Equal(SelectionRules.FinancialFacilitator, SelectionRules.Role(e));
        var swift = Entry("x", "KEREMET", countries: ["KG"], identifiers: [new EntryIdentifier("SWIFT/BIC", "KERMKG22")]);
        Assert.Equal(SelectionRules.FinancialFacilitator, SelectionRules.Role(swift));
    }

    [Fact]
    public void Role_RussianBankAndFinancialRemark_FinancialFacilitator()
    {
        Assert.Equal(SelectionRules.FinancialFacilitator, SelectionRules.Role(Entry("40924", "BANK SAINT-PETERSBURG PUBLIC JOINT STOCK COMPANY", countries: ["RU"])));
        Assert.Equal(SelectionRules.FinancialFacilitator, SelectionRules.Role(Entry("1", "OOO RASCHETY", countries: ["RU"], remarks: "Target Type Financial Institution; Tax ID No. 1 (Russia).")));
    }

    [Fact]
    public void Role_RussianTrader_ProcurementAgent()
    {
        Assert.Equal(SelectionRules.ProcurementAgent, SelectionRules.Role(Entry("41978", "TORGOVYI DOM SIMMETRON ELEKTRONNYE KOMPONENTY", countries: ["RU"])));
        Assert.Equal(SelectionRules.ProcurementAgent, SelectionRules.Role(Entry("37619", "JOINT STOCK COMPANY VAKUUM.RU", countries: ["RU"],
            remarks: "Organization Established Date 27 May 2019; Organization Type: Wholesale of other machinery and equipment; Tax ID No. 7735183762 (Russia).")));
    }

    [Fact]
    public void Role_NotTradingPhrasesAndIdentifierLabels_DoNotMakeAgents()
    {
        // "PUBLICLY TRADED COMPANY" and "Trade License No." are not trading wording.
        Assert.Equal(SelectionRules.DefenseIndustry, SelectionRules.Role(Entry("37756", "KAMAZ PUBLICLY TRADED COMPANY", countries: ["RU"])));
        Assert.Equal(SelectionRules.DefenseIndustry, SelectionRules.Role(Entry("34686", "T-PLATFORMS", countries: ["RU"], remarks: "Tax ID No. 7736588433 (Russia); Trade License No. 5087746658984 (Russia).")));
        // A firm linked to a bank is not a bank.
        Assert.Equal(SelectionRules.DefenseIndustry, SelectionRules.Role(Entry("1", "OOO STROY", countries: ["RU"], remarks: "Linked To: VTB BANK PUBLIC JOINT STOCK COMPANY.")));
        // Directive notes link to "financial-sanctions" pages; the link is not financial wording.
        Assert.Equal(SelectionRules.DefenseIndustry, SelectionRules.Role(Entry("2", "OOO ZAVOD", countries: ["RU"],
            remarks: "For more information on directives, please visit the following link: https://home.treasury.gov/policy-issues/financial-sanctions/x.")));
    }

    [Fact]
    public void Role_Crimea_NotThirdCountry()
    {
        var zaliv = Entry("20199", "OOO SHIPYARD 'ZALIV'", addresses: [new EntryAddress("4 Tankistov Street", "Kerch, Crimea", "Ukraine", "UA")], countries: ["UA"]);
        Assert.False(SelectionRules.IsThirdCountry(zaliv));
        Assert.Equal(SelectionRules.DefenseIndustry, SelectionRules.Role(zaliv));
        var kyiv = Entry("18720", "PJSC VTB BANK (KIEV)", addresses: [new EntryAddress(null, "Kyiv", "Ukraine", "UA")], countries: ["UA"]);
        Assert.True(SelectionRules.IsThirdCountry(kyiv));
    }

    [Fact]
    public void Role_NoCountry_NotThirdCountry() => Assert.False(SelectionRules.IsThirdCountry(Entry("1", "OOO X")));

    // ---- Sectors ----

    [Theory]
    [InlineData("C&I SEMICONDUCTORS CO LIMITED", "electronics")]
    [InlineData("ANYANG FORGING PRESS NUMERICAL CONTROL EQUIPMENT CO LTD", "machine-tools")]
    [InlineData("LLC TRADING HOUSE STANKOMASHSTROY", "machine-tools")]
    [InlineData("CHONGQING ZONGSHEN AERO ENGINE MANUFACTURING CO LTD", "engines")]
    [InlineData("CHONGQING ZONGSHEN AERO ENGINE MANUFACTURING CO LTD", "aviation")]
    [InlineData("HENGSHUI HESHUO CELLULOSE CO., LTD.", "chemicals-explosives")]
    [InlineData("JOINT STOCK COMPANY UNITED SHIPBUILDING CORPORATION", "shipbuilding")]
    [InlineData("TACTICAL MISSILES CORPORATION JSC", "missiles-air-defense")]
    [InlineData("JOINT STOCK COMPANY CONCERN VKO ALMAZ-ANTEY", "missiles-air-defense")]
    [InlineData("SUE RC 'FEODOSIA OPTICAL PLANT'", "optics")]
    [InlineData("LIMITED LIABILITY COMPANY TRADING HOUSE LOBAEV ARMS", "weapons-munitions")]
    [InlineData("SPECIAL TECHNOLOGY CENTER LLC UNMANNED AERIAL VEHICLES", "drones")]
    public void Sectors_NameKeywords_Tagged(string name, string sector) =>
        Assert.Contains(sector, SelectionRules.Sectors(Entry("1", name, countries: ["RU"])));

    [Theory]
    [InlineData("SHENZHEN BIGUANG TRADING CO., LTD")]
    [InlineData("BIKE CENTER")]
    public void Sectors_NoKeyword_None(string name) => Assert.Empty(SelectionRules.Sectors(Entry("1", name, countries: ["CN"])));

    [Fact]
    public void Sectors_RemarkOrganizationType_Tagged()
    {
        var e = Entry("1", "OOO ALFA", countries: ["RU"], remarks: "Organization Type: Manufacture of electronic components; Tax ID No. 1 (Russia).");
        Assert.Equal(["electronics"], SelectionRules.Sectors(e));
    }

    [Fact]
    public void Sectors_LinkedToParent_NotInherited()
    {
        var e = Entry("35865", "AKTSIONERNOE OBSHCHESTVO PETROVSKII ZAVOD MOLOT", countries: ["RU"], remarks: "Linked To: TACTICAL MISSILES CORPORATION JSC.");
        Assert.DoesNotContain("missiles-air-defense", SelectionRules.Sectors(e));
    }

    [Fact]
    public void Sectors_Kupol_NoSectorTheTextDoesNotSay() => Assert.DoesNotContain("drones", SelectionRules.Sectors(Kupol().Entry));
}
