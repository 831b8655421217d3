using System.Text;
using Screening.Watchlists;

namespace Screening;

/// <summary>
/// Which entries a screen may return: by list, entity type, country, program and tag (the built-in list's
/// <c>role:</c> and <c>sector:</c> tags, or your own). Each criterion given must be met by at least one of its values;
/// a criterion left null does not restrict. A screener's filter (<see cref="ScreeningOptions.Filter"/>) and a request's
/// (<see cref="ScreeningRequest.Filter"/>) both apply. Filters select entries, they never change a score.
/// </summary>
public sealed class ScreeningFilter
{
    /// <summary>List ids, e.g. <c>ofac-sdn</c>. Default: any list.</summary>
    public IReadOnlyList<string>? Lists { get; init; }

    /// <summary>Entity types. Default: any type. An entry of unknown type passes only when <see cref="EntityType.Unknown"/> is listed.</summary>
    public IReadOnlyList<EntityType>? EntityTypes { get; init; }

    /// <summary>Countries as ISO 3166 alpha-2 codes (the entry's countries). Default: any country.</summary>
    public IReadOnlyList<string>? Countries { get; init; }

    /// <summary>Sanctions programs, e.g. <c>RUSSIA-EO14024</c>. Default: any program.</summary>
    public IReadOnlyList<string>? Programs { get; init; }

    /// <summary>Tags, e.g. <c>role:third-country-supplier</c> or <c>sector:electronics</c>. Default: any tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Whether an entry of list <paramref name="listId"/> passes the filter.</summary>
    public bool Allows(string listId, WatchlistEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (Lists is null || Contains(Lists, listId))
            && (EntityTypes is null || EntityTypes.Contains(entry.Type))
            && (Countries is null || Any(Countries, entry.Countries))
            && (Programs is null || Any(Programs, entry.Programs))
            && (Tags is null || Any(Tags, entry.Tags));
    }

    /// <summary>The criteria as one line, e.g. <c>lists=ofac-sdn; countries=CN,HK</c> (also the filter's identity).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        void Part(string name, IEnumerable<string>? values)
        {
            if (values is null) return;
            if (sb.Length > 0) sb.Append("; ");
            sb.Append(name).Append('=').Append(string.Join(',', values.Order(StringComparer.OrdinalIgnoreCase)));
        }
        Part("lists", Lists);
        Part("types", EntityTypes?.Select(t => t.ToString()));
        Part("countries", Countries);
        Part("programs", Programs);
        Part("tags", Tags);
        return sb.Length == 0 ? "none" : sb.ToString();
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var v in values)
            if (string.Equals(v, value, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool Any(IReadOnlyList<string> wanted, IReadOnlyList<string> present)
    {
        foreach (var p in present)
            if (Contains(wanted, p)) return true;
        return false;
    }
}
