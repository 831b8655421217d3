namespace Screening.Benchmarks.Generation;

// Plausible company names that are on no list, built from common English business words (many of which, like
// INTERNATIONAL, TRADING or TECHNOLOGIES, are frequent in sanctions lists too, as in real traffic), and
// Chinese / Hong Kong supplier names in Han script and in pinyin. Deterministic for a given Random.
internal static class InventedNames
{
    private static readonly string[] Brand =
    [
        "Northern", "Southern", "Eastern", "Western", "Pacific", "Atlantic", "Coastal", "Summit", "Pinnacle", "Evergreen",
        "Bluewater", "Silverline", "Goldfield", "Redwood", "Oakridge", "Maple", "Cedar", "Riverside", "Lakeside", "Harbor",
        "Bayview", "Highland", "Meadow", "Stonebridge", "Ironwood", "Brightstar", "Sunrise", "Horizon", "Crescent", "Keystone",
        "Liberty", "Heritage", "Frontier", "Granite", "Copper", "Falcon", "Eagle", "Phoenix", "Orion", "Atlas",
        "Apex", "Vertex", "Nova", "Zenith", "Beacon", "Lighthouse", "Anchor", "Compass", "Meridian", "Aurora",
        "Cascade", "Willow", "Birch", "Hawthorn", "Sterling", "Windsor", "Hampton", "Ashford", "Kingsley", "Clearwater",
        "Greenleaf", "Blue Ridge", "Red Rock", "Silver Lake", "Golden Gate", "Twin Oaks", "Oak Valley", "Pine Creek", "Rocky Point", "Sandstone",
    ];

    private static readonly string[] Place = ["Valley", "Ridge", "Creek", "Point", "Bay", "Hill", "Park", "Field", "Bridge", "Gate", "Stone", "River", "Lake", "Peak", "Harbour", "Mill"];

    private static readonly string[] Trade =
    [
        "Logistics", "Foods", "Software", "Consulting", "Capital Partners", "Analytics", "Medical Devices", "Health", "Energy", "Solar",
        "Textiles", "Furniture", "Packaging", "Marine Services", "Auto Parts", "Plastics", "Chemicals", "Pharmaceuticals", "Retail", "Media",
        "Design Studio", "Construction", "Realty", "Hospitality", "Dental Care", "Veterinary Clinic", "Insurance Brokers", "Freight", "Bakery", "Brewing",
        "Coffee Roasters", "Apparel", "Printing", "Security", "Staffing", "Education", "Robotics", "Biotech", "Farms", "Dairy",
        "Seafood", "Landscaping", "Architecture", "Accounting", "Legal Services", "Travel", "Fitness", "Water Systems", "Electric", "Plumbing",
        "Roofing", "Paper Products", "Glass Works", "Tools", "Machinery", "Components", "Trading", "Technologies", "International", "Holdings",
        "Group", "Industries", "Systems", "Solutions", "Services", "Enterprises", "Electronics", "Engineering", "Supply", "Distribution",
    ];

    private static readonly string[] Surname =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker",
        "Hall", "Allen", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson",
        "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins",
        "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey",
    ];

    private static readonly string[] Form = ["Inc.", "LLC", "Ltd", "Limited", "Corp.", "Co.", "GmbH", "S.A.", "B.V.", "Pty Ltd", "PLC", "LLP", "", "", ""];

    private static readonly string[] HanCity = ["深圳市", "广州市", "东莞市", "香港", "上海", "北京", "杭州", "宁波", "厦门", "苏州", "佛山市", "珠海市"];
    private static readonly string[] HanBrand = ["华信", "中科", "恒通", "新星", "金鹏", "远大", "海诚", "联创", "鑫源", "天宇", "宏达", "永盛", "博源", "晶芯", "华强", "星河", "凯瑞", "瑞丰", "捷达", "盛世", "华芯", "龙腾", "国科", "众诚"];
    private static readonly string[] HanTrade = ["电子", "科技", "贸易", "实业", "国际贸易", "半导体", "光电", "电子科技", "精密机械", "通信技术", "进出口", "供应链管理", "微电子", "航空技术"];
    private static readonly string[] HanForm = ["有限公司", "有限公司", "股份有限公司", "集团有限公司"];

    private static readonly string[] PinyinCity = ["Shenzhen", "Guangzhou", "Dongguan", "Hong Kong", "Shanghai", "Beijing", "Hangzhou", "Ningbo", "Xiamen", "Suzhou", "Foshan", "Zhuhai"];
    private static readonly string[] PinyinBrand = ["Huaxin", "Zhongke", "Hengtong", "Xinxing", "Jinpeng", "Yuanda", "Haicheng", "Lianchuang", "Xinyuan", "Tianyu", "Hongda", "Yongsheng", "Boyuan", "Jingxin", "Huaqiang", "Xinghe", "Kairui", "Ruifeng", "Jieda", "Shengshi", "Huaxin Micro", "Longteng", "Guoke", "Zhongcheng"];
    private static readonly string[] PinyinTrade = ["Electronics", "Technology", "Trading", "Industrial", "International Trade", "Semiconductor", "Optoelectronics", "Electronic Technology", "Precision Machinery", "Communication Technology", "Import and Export", "Supply Chain Management", "Microelectronics", "Aviation Technology"];
    private static readonly string[] PinyinForm = ["Co., Ltd.", "Co., Limited", "Company Limited", "Limited", "Group Co., Ltd.", "(HK) Co., Limited"];

    /// <summary>One unlisted English-language company name.</summary>
    public static string Unlisted(Random rng)
    {
        string core = rng.Next(10) switch
        {
            < 4 => $"{Pick(Brand, rng)} {Pick(Trade, rng)}",
            < 6 => $"{Pick(Brand, rng)} {Pick(Place, rng)} {Pick(Trade, rng)}",
            < 7 => $"{Pick(Brand, rng)} {Pick(Trade, rng)} {Pick(Trade, rng)}",
            < 8 => $"{Pick(Surname, rng)} & {Pick(Surname, rng)}",
            < 9 => $"{Pick(Surname, rng)} {Pick(Trade, rng)}",
            _ => $"{Pick(Surname, rng)} {Pick(Place, rng)} {Pick(Trade, rng)}",
        };
        var form = Pick(Form, rng);
        var name = form.Length == 0 ? core : $"{core} {form}";
        return rng.Next(4) == 0 ? name.ToUpperInvariant() : name;
    }

    /// <summary>A mainland-China or Hong Kong supplier name in Han script, e.g. 深圳市华信电子有限公司.</summary>
    public static string Han(Random rng) =>
        Pick(HanCity, rng) + Pick(HanBrand, rng) + Pick(HanTrade, rng) + Pick(HanForm, rng);

    /// <summary>The same kind of supplier name as registered in English, e.g. Shenzhen Huaxin Electronics Co., Ltd.</summary>
    public static string Pinyin(Random rng)
    {
        var name = $"{Pick(PinyinCity, rng)} {Pick(PinyinBrand, rng)} {Pick(PinyinTrade, rng)} {Pick(PinyinForm, rng)}";
        return rng.Next(3) == 0 ? name.ToUpperInvariant() : name;
    }

    private static string Pick(string[] values, Random rng) => values[rng.Next(values.Length)];
}
