using System.ComponentModel;
using System.Text.Json.Serialization;
using Screening.Watchlists;

namespace Screening.Server.Contracts;

/// <summary>One name to screen, with optional hints.</summary>
/// <remarks>
/// Identifiers and filters will join as further optional members (<c>identifiers</c>, <c>filters</c>) when the
/// library screens them; clients that do not send them are unaffected.
/// </remarks>
public sealed class ScreenRequest
{
    /// <summary>The name to screen.</summary>
    [Description("The name to screen (required).")]
    public string? Name { get; set; }

    /// <summary>The caller's reference, echoed in the result.</summary>
    public string? Id { get; set; }

    /// <summary>A country hint: ISO 3166 alpha-2 code or name. It only adjusts scores.</summary>
    public string? Country { get; set; }

    /// <summary>An entity-type hint. It only adjusts scores.</summary>
    [JsonConverter(typeof(CamelCaseEnumConverter<EntityType>))]
    public EntityType? Type { get; set; }
}

/// <summary>The verdict on one name.</summary>
public sealed class ScreenResponse
{
    /// <summary>The caller's reference, if given.</summary>
    public string? Id { get; init; }

    /// <summary>The name as given.</summary>
    public required string Query { get; init; }

    /// <summary>The name after normalization.</summary>
    public string? NormalizedQuery { get; init; }

    /// <summary>Whether any match reached the threshold.</summary>
    public bool Hit { get; init; }

    /// <summary>Why the name could not be screened (batches only).</summary>
    public string? Error { get; init; }

    /// <summary>The threshold applied.</summary>
    public double Threshold { get; init; }

    /// <summary>When the screen ran.</summary>
    public DateTimeOffset ScreenedAt { get; init; }

    /// <summary>The matches, best first.</summary>
    public IReadOnlyList<MatchResponse> Matches { get; init; } = [];

    /// <summary>The lists screened, with their versions (omitted per row in a JSON batch: see the batch's lists).</summary>
    public IReadOnlyList<ListResponse>? Lists { get; init; }
}

/// <summary>One match.</summary>
public sealed class MatchResponse
{
    /// <summary>The list the entry is on.</summary>
    public required string ListId { get; init; }

    /// <summary>The entry's id in its source.</summary>
    public required string EntryId { get; init; }

    /// <summary>The entry's primary name.</summary>
    public required string PrimaryName { get; init; }

    /// <summary>The name or alias that matched.</summary>
    public required string MatchedName { get; init; }

    /// <summary>Primary name, strong or weak alias, or former name.</summary>
    [JsonConverter(typeof(CamelCaseEnumConverter<NameStrength>))]
    public NameStrength MatchedNameStrength { get; init; }

    /// <summary>The score, 0 to 1.</summary>
    public double Score { get; init; }

    /// <summary>Why it matched, in one line.</summary>
    public required string Explanation { get; init; }

    /// <summary>The entry's type.</summary>
    [JsonConverter(typeof(CamelCaseEnumConverter<EntityType>))]
    public EntityType EntityType { get; init; }

    /// <summary>The entry's countries (ISO alpha-2).</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>The entry's sanctions programs.</summary>
    public IReadOnlyList<string> Programs { get; init; } = [];
}

/// <summary>A loaded list and its version.</summary>
public sealed class ListResponse
{
    /// <summary>The list id.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The version label.</summary>
    public required string Version { get; init; }

    /// <summary>The publication date the source states, if any.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The SHA-256 of the source bytes.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The number of entries.</summary>
    public int Entries { get; init; }
}

/// <summary>The verdicts on a JSON batch, in input order.</summary>
public sealed class BatchResponse
{
    /// <summary>The lists every row was screened against.</summary>
    public required IReadOnlyList<ListResponse> Lists { get; init; }

    /// <summary>One result per input row, in input order.</summary>
    public required IReadOnlyList<ScreenResponse> Results { get; init; }
}

/// <summary>The lists being screened.</summary>
public sealed class ListsResponse
{
    /// <summary>The lists, with versions and entry counts.</summary>
    public required IReadOnlyList<ListResponse> Lists { get; init; }
}
