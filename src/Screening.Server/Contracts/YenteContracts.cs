using System.Text.Json;
using System.Text.Json.Serialization;

namespace Screening.Server.Contracts;

// The request and response of yente's POST /match/{dataset}, so that yente clients can point at this service.
// Shapes follow FollowTheMoney entities: a schema name and properties holding lists of strings.

/// <summary>A batch of query-by-example entities, keyed by the caller's names.</summary>
public sealed class MatchQuery
{
    /// <summary>The entities to match, keyed by a name the caller chooses; the response uses the same keys.</summary>
    public Dictionary<string, EntityExample?>? Queries { get; set; }

    /// <summary>Accepted for compatibility; this matcher's weights are fixed.</summary>
    public Dictionary<string, double>? Weights { get; set; }

    /// <summary>Accepted for compatibility; unknown keys are ignored.</summary>
    public Dictionary<string, JsonElement>? Config { get; set; }
}

/// <summary>A FollowTheMoney entity given as an example.</summary>
public sealed class EntityExample
{
    /// <summary>The caller's id for the entity, echoed back.</summary>
    public string? Id { get; set; }

    /// <summary>The FollowTheMoney schema: <c>Company</c>, <c>Organization</c> or <c>LegalEntity</c>.</summary>
    public string? Schema { get; set; }

    /// <summary>Properties: each a string or a list of strings (<c>name</c>, <c>country</c>, <c>jurisdiction</c>...).</summary>
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The echoed query, with its properties as lists of strings.</summary>
public sealed class EntityExampleResponse
{
    /// <summary>The caller's id.</summary>
    public string? Id { get; init; }

    /// <summary>The schema.</summary>
    public required string Schema { get; init; }

    /// <summary>The properties read.</summary>
    public required Dictionary<string, List<string>> Properties { get; init; }
}

/// <summary>The answer to a match request: one result set per query key.</summary>
public sealed class MatchResponseSet
{
    /// <summary>The result sets, keyed as the queries were.</summary>
    public required Dictionary<string, EntityMatches> Responses { get; init; }

    /// <summary>The most results per query.</summary>
    public int Limit { get; init; }

    /// <summary>The lists screened and their versions (an addition to yente's shape).</summary>
    public IReadOnlyList<ListResponse>? Lists { get; init; }
}

/// <summary>The results of one query.</summary>
public sealed class EntityMatches
{
    /// <summary>200 for a query that was answered.</summary>
    public int Status { get; init; } = 200;

    /// <summary>The scored entities, best first.</summary>
    public required IReadOnlyList<ScoredEntity> Results { get; init; }

    /// <summary>How many results there are.</summary>
    public required TotalSpec Total { get; init; }

    /// <summary>The query as read.</summary>
    public required EntityExampleResponse Query { get; init; }
}

/// <summary>A count of results.</summary>
/// <param name="Value">The count.</param>
/// <param name="Relation">Always <c>eq</c>: the count is exact.</param>
public sealed record TotalSpec(int Value, string Relation = "eq");

/// <summary>A listed entity with its score.</summary>
public sealed class ScoredEntity
{
    /// <summary>The entity id: list id and entry id.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required string Caption { get; init; }

    /// <summary>The FollowTheMoney schema of the entity.</summary>
    public required string Schema { get; init; }

    /// <summary>FollowTheMoney properties: name, alias, weakAlias, previousName, country, program, notes, topics.</summary>
    public required Dictionary<string, List<string>> Properties { get; init; }

    /// <summary>The lists (datasets) holding the entity.</summary>
    public required IReadOnlyList<string> Datasets { get; init; }

    /// <summary>Source ids merged into the entity.</summary>
    public IReadOnlyList<string> Referents { get; init; } = [];

    /// <summary>Whether the entity is a sanctions target: true for every listed entry.</summary>
    public bool Target { get; init; } = true;

    /// <summary>Not tracked: always null, written as yente writes it.</summary>
    [JsonPropertyName("first_seen")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Not tracked: always null, written as yente writes it.</summary>
    [JsonPropertyName("last_seen")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Not tracked: always null, written as yente writes it.</summary>
    [JsonPropertyName("last_change")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? LastChange { get; init; }

    /// <summary>The score, 0 to 1.</summary>
    public double Score { get; init; }

    /// <summary>Feature results: one per feature, each a score and a detail text.</summary>
    public required Dictionary<string, FeatureResult> Explanations { get; init; }

    /// <summary>Whether the score reaches the threshold asked for.</summary>
    public bool Match { get; init; }
}

/// <summary>One feature's score and explanation.</summary>
/// <param name="Detail">What the feature found.</param>
/// <param name="Score">Its score.</param>
public sealed record FeatureResult(string? Detail, double Score);
