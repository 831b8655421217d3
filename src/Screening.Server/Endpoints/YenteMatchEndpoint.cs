using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Screening.Identifiers;
using Screening.Server.Contracts;
using Screening.Watchlists;

namespace Screening.Server.Endpoints;

// POST /match/{dataset} in yente's shape, for organizations. The dataset "default" screens every list; a list id
// screens that list only. Scores below the service's threshold are not returned (the matcher prunes them), so
// "match" compares the score with the threshold asked for, which cannot go below the service's.
internal static class YenteMatchEndpoint
{
    private static readonly HashSet<string> s_schemas = new(StringComparer.Ordinal) { "Company", "Organization", "LegalEntity" };
    private static readonly string[] s_countryProperties = ["country", "jurisdiction", "mainCountry", "registrationCountry"];

    // FollowTheMoney identifier properties and the identifier type each is screened as. Generic ones (registration and
    // tax numbers) take the query's country, which tells an OGRN from another register's number.
    private static readonly (string Property, string Type)[] s_identifierProperties =
    [
        ("innCode", "INN"), ("ogrnCode", "OGRN"), ("kppCode", "KPP"), ("leiCode", "LEI"), ("swiftBic", "BIC"), ("bicCode", "BIC"),
        ("imoNumber", "IMO"), ("registrationNumber", "Registration Number"), ("taxNumber", "Tax ID No."), ("vatCode", "VAT Number"),
        ("okpoCode", "OKPO"), ("idNumber", "Identification Number"),
    ];

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/match/{dataset}", Handle)
            .WithName("Match")
            .WithSummary("Query-by-example matching in yente's request and response shape (organizations).")
            .Produces<MatchResponseSet>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static IResult Handle(string dataset, MatchQuery body, ScreenerLoader loader, IOptions<ServerOptions> options,
        HttpContext http, int? limit, double? threshold)
    {
        if (!ScreenEndpoints.TryGetScreener(loader, out var screener)) return ScreenEndpoints.NotReady();
        var lists = screener.Lists;
        if (dataset != "default" && !lists.Any(l => l.Id == dataset))
            return Problem(404, $"Dataset '{dataset}' is not loaded; use 'default' or one of: {string.Join(", ", lists.Select(l => l.Id))}.");
        var max = limit ?? 5;
        if (max is < 1 or > 500) return Problem(400, "limit must be between 1 and 500.");
        var matchAt = Math.Max(threshold ?? screener.Threshold, screener.Threshold);
        if (body.Queries is null || body.Queries.Count == 0) return Problem(400, "No queries provided.");
        if (body.Queries.Count > options.Value.MaxMatchQueries)
            return Problem(400, $"Too many queries in one batch (limit: {options.Value.MaxMatchQueries}).");

        var datasetFilter = dataset == "default" ? null : new ScreeningFilter { Lists = [dataset] };
        var responses = new Dictionary<string, EntityMatches>(StringComparer.Ordinal);
        foreach (var (key, example) in body.Queries)
        {
            if (example is null) continue;
            if (string.IsNullOrEmpty(example.Schema)) return Problem(422, $"Query '{key}': schema is required.");
            if (!s_schemas.Contains(example.Schema))
                return Problem(400, $"Query '{key}': schema '{example.Schema}' is not supported; this service matches Company, Organization and LegalEntity.");
            if (!TryReadProperties(example.Properties, out var properties, out var error)) return Problem(400, $"Query '{key}': {error}");
            var country = s_countryProperties.Select(p => properties.GetValueOrDefault(p)?.FirstOrDefault()).FirstOrDefault(c => c is not null);
            var identifiers = new List<ScreeningIdentifier>();
            foreach (var (property, idType) in s_identifierProperties)
                foreach (var value in properties.GetValueOrDefault(property) ?? [])
                    identifiers.Add(new ScreeningIdentifier(idType, value, country));
            if (!properties.TryGetValue("name", out var names) || names.Count == 0)
            {
                if (identifiers.Count == 0) return Problem(400, $"Query '{key}': properties.name is required (or an identifier property such as innCode, leiCode, registrationNumber).");
                names = [""];
            }
            if (country is not null && CountryCodes.TryGetCode(country, out var code))
            {
                foreach (var p in s_countryProperties)
                {
                    if (properties.TryGetValue(p, out var values)) properties[p] = values.Select(v => CountryCodes.TryGetCode(v, out var c) ? c.ToLowerInvariant() : v).ToList();
                }
                country = code;
            }
            var type = example.Schema == "LegalEntity" ? (EntityType?)null : EntityType.Organization;

            // Every name of the example is screened; an entry keeps its best score.
            var best = new Dictionary<(string, string), ScreeningMatch>();
            foreach (var name in names)
            {
                ScreeningResult result;
                try
                {
                    // A dataset other than "default" is a filter, so matches on other lists never crowd its out.
                    result = screener.Screen(new ScreeningRequest(name, example.Id, country, type) { Identifiers = identifiers, Filter = datasetFilter });
                }
                catch (ArgumentException ex)
                {
                    return Problem(400, $"Query '{key}': {ex.Message}");
                }
                foreach (var m in result.Matches)
                {
                    if (dataset != "default" && m.ListId != dataset) continue;
                    if (!best.TryGetValue((m.ListId, m.EntryId), out var seen) || m.Score > seen.Score) best[(m.ListId, m.EntryId)] = m;
                }
            }
            var ranked = best.Values.OrderByDescending(m => m.Score).ThenBy(m => m.ListId, StringComparer.Ordinal).ThenBy(m => m.EntryId, StringComparer.Ordinal).ToList();
            responses[key] = new EntityMatches
            {
                Results = ranked.Take(max).Select(m => Scored(m, matchAt)).ToArray(),
                Total = new TotalSpec(ranked.Count),
                Query = new EntityExampleResponse { Id = example.Id, Schema = example.Schema, Properties = properties },
            };
        }
        if (responses.Count == 0) return Problem(400, "No queries provided.");
        http.Response.Headers["x-batch-size"] = responses.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new JsonBody<MatchResponseSet>(new MatchResponseSet { Responses = responses, Limit = max, Lists = Mapping.Lists(lists) },
            ServerJsonContext.Default.MatchResponseSet);
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);

    private static bool TryReadProperties(Dictionary<string, JsonElement>? raw, out Dictionary<string, List<string>> properties, out string? error)
    {
        properties = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        error = null;
        if (raw is null)
        {
            error = "properties are required.";
            return false;
        }
        foreach (var (name, value) in raw)
        {
            var values = new List<string>();
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    values.Add(value.GetString()!);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String) values.Add(item.GetString()!);
                        else if (item.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False) values.Add(item.GetRawText());
                        else if (item.ValueKind != JsonValueKind.Null)
                        {
                            error = $"properties.{name} must hold strings.";
                            return false;
                        }
                    }
                    break;
                case JsonValueKind.Null:
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    values.Add(value.GetRawText());
                    break;
                default:
                    error = $"properties.{name} must be a string or a list of strings.";
                    return false;
            }
            values.RemoveAll(string.IsNullOrWhiteSpace);
            if (values.Count > 0) properties[name] = values;
        }
        return true;
    }

    private static ScoredEntity Scored(ScreeningMatch m, double matchAt)
    {
        var e = m.Entry;
        var props = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["name"] = [e.PrimaryName],
            ["topics"] = ["sanction"],
        };
        AddNames(props, "alias", e, NameStrength.Strong);
        AddNames(props, "weakAlias", e, NameStrength.Weak);
        AddNames(props, "previousName", e, NameStrength.Former);
        if (e.Countries.Count > 0) props["country"] = e.Countries.Select(c => c.ToLowerInvariant()).ToList();
        if (e.Programs.Count > 0) props["program"] = [.. e.Programs];
        if (!string.IsNullOrWhiteSpace(e.Remarks)) props["notes"] = [e.Remarks];
        if (!string.IsNullOrWhiteSpace(e.SourceReference)) props["sourceUrl"] = [e.SourceReference];
        var explanations = new Dictionary<string, FeatureResult>(StringComparer.Ordinal)
        {
            ["screening_name"] = new FeatureResult(m.Explanation, Math.Round(m.Score, 4)),
        };
        // Identifier evidence as a feature of its own: 1 for an identifier in common, 0 for disagreeing or invalid ones.
        if (m.IdentifierEvidence.Count > 0)
        {
            var agrees = m.IdentifierEvidence.Any(e => e.Kind == IdentifierEvidenceKind.Match);
            explanations["screening_identifier"] = new FeatureResult(string.Join("; ", m.IdentifierEvidence), agrees ? 1 : 0);
        }
        return new ScoredEntity
        {
            Id = m.ListId + "-" + m.EntryId,
            Caption = e.PrimaryName,
            Schema = e.Type switch
            {
                EntityType.Organization => "Organization",
                EntityType.Person => "Person",
                EntityType.Vessel => "Vessel",
                EntityType.Aircraft => "Airplane",
                _ => "LegalEntity",
            },
            Properties = props,
            Datasets = [m.ListId],
            Referents = [m.EntryId],
            Score = Math.Round(m.Score, 4),
            Explanations = explanations,
            Match = m.Score >= matchAt,
        };
    }

    private static void AddNames(Dictionary<string, List<string>> props, string property, WatchlistEntry e, NameStrength strength)
    {
        var names = e.Names.Skip(1).Where(n => n.Strength == strength).Select(n => n.Value).ToList();
        if (names.Count > 0) props[property] = names;
    }
}
