using System.Xml.Linq;

namespace Screening.Watchlists;

/// <summary>
/// Reads an entity's names: the primary name first, then aliases (A.K.A. and N.K.A. strong, F.K.A. former, any
/// <c>isLowQuality</c> alias weak), each with every translation into another script.
/// </summary>
internal static class OfacXmlNames
{
    /// <summary>The entity's names, the primary one first; empty when it has none.</summary>
    public static List<EntryName> Read(XElement e, string id, long line, OfacXmlContext x)
    {
        var primary = new List<EntryName>();
        var aliases = new List<EntryName>();
        var primaries = 0;
        foreach (var n in x.Children(e, "names", "name"))
        {
            var isPrimary = x.IsTrue(n, "isPrimary");
            var lowQuality = x.IsTrue(n, "isLowQuality");
            var aliasType = x.Resolve(n.Element(x.Ns + "aliasType"))?.Replace(".", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
            NameStrength strength;
            if (isPrimary && primaries++ == 0) strength = NameStrength.Primary;
            else if (lowQuality) strength = NameStrength.Weak;
            else if (aliasType == "FKA") strength = NameStrength.Former;
            else strength = NameStrength.Strong;
            if (isPrimary && strength != NameStrength.Primary)
                x.Load.Warn(line, "names/name/isPrimary", $"entity {id} has more than one primary name; the extra one is kept as an alias");
            if (aliasType is not null && aliasType is not ("AKA" or "FKA" or "NKA"))
                x.Load.Warn(line, "names/name/aliasType", $"entity {id}: unknown alias type '{aliasType}' read as a.k.a.");
            AddTranslations(n, strength, strength == NameStrength.Primary ? primary : aliases, x);
        }

        if (primary.Count == 0 && aliases.Count > 0)
        {
            var promote = aliases.FindIndex(a => a.Strength is NameStrength.Strong or NameStrength.Former);
            if (promote < 0) promote = 0;
            x.Load.Warn(line, "names", $"entity {id} has no primary name; alias '{aliases[promote].Value}' is used as the primary name");
            primary.Add(aliases[promote] with { Strength = NameStrength.Primary });
            aliases.RemoveAt(promote);
        }
        foreach (var a in aliases) XmlListReader.AddName(primary, a.Value, a.Strength);
        return primary;
    }

    // Every translation of one name; the primary (Latin) one leads, other scripts follow in document order.
    private static void AddTranslations(XElement n, NameStrength strength, List<EntryName> target, OfacXmlContext x)
    {
        var translations = n.Element(x.Ns + "translations")?.Elements(x.Ns + "translation").ToList() ?? [];
        translations.Sort((a, b) => x.IsTrue(b, "isPrimary").CompareTo(x.IsTrue(a, "isPrimary")));
        var first = true;
        foreach (var tr in translations)
        {
            var value = TranslationName(tr, x);
            if (value is null) continue;
            // Another script's rendering of the primary name is a strong alias, not a second primary.
            XmlListReader.AddName(target, value, strength == NameStrength.Primary && !first ? NameStrength.Strong : strength);
            first = false;
        }
    }

    /// <summary>formattedFullName, else last and first name, else the name parts.</summary>
    private static string? TranslationName(XElement tr, OfacXmlContext x)
    {
        var full = x.Text(tr, "formattedFullName");
        if (full is not null) return full;
        var last = x.Text(tr, "formattedLastName");
        var first = x.Text(tr, "formattedFirstName");
        if (last is not null || first is not null) return last is not null && first is not null ? $"{last}, {first}" : last ?? first;

        string? lastParts = null;
        string? otherParts = null;
        var parts = tr.Element(x.Ns + "nameParts");
        if (parts is null) return null;
        foreach (var np in parts.Elements(x.Ns + "namePart"))
        {
            var value = x.Text(np, "value");
            if (value is null) continue;
            if (string.Equals(x.Resolve(np.Element(x.Ns + "type")), "Last Name", StringComparison.OrdinalIgnoreCase))
                lastParts = lastParts is null ? value : lastParts + " " + value;
            else
                otherParts = otherParts is null ? value : otherParts + " " + value;
        }
        return lastParts is not null && otherParts is not null ? $"{lastParts}, {otherParts}" : lastParts ?? otherParts;
    }
}
