using Screening.Watchlists;

namespace Screening.Watchlists;

/// <summary>
/// Turns a list SPEC (<c>KIND:PATH</c>, as the CLI takes it) into a provider, so that configuration files and
/// command lines name lists the same way.
/// </summary>
public static class WatchlistSpec
{
    /// <summary>The kinds this version understands.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["json", OfacSdnProvider.Kind, OfacConsolidatedProvider.Kind, "ofac-xml", "un", "csl", "csv"];

    /// <summary>Creates the provider a SPEC names.</summary>
    /// <param name="spec">For example <c>json:lists/in-house.json</c>, <c>ofac-sdn:data/ofac_sdn</c> or
    /// <c>csl:consolidated.csv?encoding=latin1</c> (a CSL file that is not UTF-8).</param>
    /// <exception cref="FormatException">The SPEC has no kind, an unknown kind or no path.</exception>
    public static IWatchlistProvider CreateProvider(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == spec.Length - 1)
            throw new FormatException($"List SPEC '{spec}' must be KIND:PATH, with KIND one of {string.Join(", ", Kinds)}.");
        var kind = spec[..colon].Trim().ToLowerInvariant();
        var path = spec[(colon + 1)..].Trim();
        return kind switch
        {
            "json" => new JsonWatchlistProvider(path),
            OfacSdnProvider.Kind => new OfacSdnProvider(path),
            OfacConsolidatedProvider.Kind => new OfacConsolidatedProvider(path),
            "ofac-xml" => new OfacEnhancedXmlProvider(path),
            "un" => new UnConsolidatedXmlProvider(path),
            "csl" => CslFromSpec(spec, path), // csl:FILE or csl:FILE?encoding=latin1
            "csv" => MappedCsvProvider.FromSpec(path), // csv:FILE (mapping FILE.mapping.json) or csv:FILE?map=MAPPING.json
            _ => throw new FormatException($"Unknown list kind '{kind}' in SPEC '{spec}'; known kinds: {string.Join(", ", Kinds)}."),
        };
    }

    private static CslProvider CslFromSpec(string spec, string path)
    {
        const string key = "?encoding=";
        var q = path.LastIndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (q < 0) return new CslProvider(path);
        var value = path[(q + key.Length)..];
        if (!CsvSupport.TryParseEncoding(value, out var encoding))
            throw new FormatException($"Unknown encoding '{value}' in SPEC '{spec}'; use utf-8, latin1 or windows-1252.");
        return new CslProvider(path[..q].Trim()) { Encoding = encoding };
    }
}
