using System.ComponentModel;
using System.Text.Json.Serialization;
using Screening.Watchlists;

namespace Screening.Server.Contracts;

/// <summary>One name to screen, with optional hints, identifiers, a customer key, a threshold and a filter.</summary>
public sealed class ScreenRequest
{
    /// <summary>The name to screen; may be empty or left out when identifiers are given (a lookup by identifier).</summary>
    [Description("The name to screen (required unless identifiers are given).")]
    public string? Name { get; set; }

    /// <summary>The caller's reference, echoed in the result.</summary>
    public string? Id { get; set; }

    /// <summary>A country hint: ISO 3166 alpha-2 code or name. It only adjusts scores.</summary>
    public string? Country { get; set; }

    /// <summary>An entity-type hint. It only adjusts scores.</summary>
    [JsonConverter(typeof(CamelCaseEnumConverter<EntityType>))]
    public EntityType? Type { get; set; }

    /// <summary>
    /// The party's identifiers (INN, OGRN, LEI, IMO...): an exact, valid match on a single-entity scheme makes the score
    /// at least 0.95; the same scheme with another value lowers it; an invalid one is reported, never compared.
    /// </summary>
    [Description("The party's identifiers, e.g. [{\"type\":\"INN\",\"value\":\"1831083343\"}].")]
    public IReadOnlyList<IdentifierInput?>? Identifiers { get; set; }

    /// <summary>The customer's key, under which the allow-list's reviewed decisions are looked up (default: the normalized name).</summary>
    public string? CustomerKey { get; set; }

    /// <summary>A threshold for this request only (greater than 0, at most 1); default: the service's.</summary>
    public double? Threshold { get; set; }

    /// <summary>Narrows the entries this request may match (within the service's own filter).</summary>
    public FilterSpec? Filter { get; set; }
}

/// <summary>An identifier of the party screened.</summary>
public sealed class IdentifierInput
{
    /// <summary>The scheme (<c>INN</c>, <c>OGRN</c>, <c>OGRNIP</c>, <c>KPP</c>, <c>USCC</c>, <c>LEI</c>, <c>IMO</c>, <c>BIC</c>, <c>VKN</c>, <c>HK-CR</c>, <c>UAE-TL</c>) or any other type (compared exactly).</summary>
    public string? Type { get; set; }

    /// <summary>The value as written; labels, spaces and dashes are ignored.</summary>
    public string? Value { get; set; }

    /// <summary>The issuing country (alpha-2 code or name), for generic types such as <c>Tax ID No.</c>.</summary>
    public string? Country { get; set; }
}

/// <summary>
/// Which entries a screen may return. Each criterion given must be met by one of its values; one left out does not
/// restrict. Filters select entries, they never change a score.
/// </summary>
public sealed class FilterSpec
{
    /// <summary>List ids, e.g. <c>ofac-sdn</c>.</summary>
    public IReadOnlyList<string>? Lists { get; set; }

    /// <summary>Entity types.</summary>
    [JsonConverter(typeof(CamelCaseEnumListConverter<EntityType>))]
    public IReadOnlyList<EntityType>? EntityTypes { get; set; }

    /// <summary>Countries: ISO 3166 alpha-2 codes or names.</summary>
    public IReadOnlyList<string>? Countries { get; set; }

    /// <summary>Sanctions programs, e.g. <c>RUSSIA-EO14024</c>.</summary>
    public IReadOnlyList<string>? Programs { get; set; }

    /// <summary>Tags, e.g. <c>role:third-country-supplier</c>, <c>sector:electronics</c>.</summary>
    public IReadOnlyList<string>? Tags { get; set; }
}

/// <summary>An identifier screened, as given and as read.</summary>
public sealed class IdentifierResponse
{
    /// <summary>The type as given (empty for an identifier typed as the name without a label).</summary>
    public required string Type { get; init; }

    /// <summary>The value as given.</summary>
    public required string Value { get; init; }

    /// <summary>The issuing country as given.</summary>
    public string? Country { get; init; }

    /// <summary>The scheme it was read as (<c>other</c>: compared exactly, not validated).</summary>
    public required string Scheme { get; init; }

    /// <summary>The normalized value compared.</summary>
    public required string Normalized { get; init; }

    /// <summary><c>valid</c>, <c>wellFormed</c> (no check digit), <c>invalid</c> (never compared) or <c>notValidated</c>.</summary>
    public required string Status { get; init; }

    /// <summary>What is wrong with an invalid value.</summary>
    public string? Problem { get; init; }
}

/// <summary>What an identifier of the request says about a matched entry.</summary>
public sealed class EvidenceResponse
{
    /// <summary><c>match</c>, <c>mismatch</c>, <c>invalidInRequest</c> or <c>invalidInEntry</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The scheme compared.</summary>
    public required string Scheme { get; init; }

    /// <summary>The request's value, normalized.</summary>
    public string? RequestValue { get; init; }

    /// <summary>The entry identifier's type as the list writes it.</summary>
    public string? EntryType { get; init; }

    /// <summary>The entry identifier's value as the list writes it.</summary>
    public string? EntryValue { get; init; }

    /// <summary>For an invalid value: what is wrong with it.</summary>
    public string? Problem { get; init; }

    /// <summary>The evidence in one line.</summary>
    public required string Explanation { get; init; }
}

/// <summary>A reviewed decision of the allow-list found for a match.</summary>
public sealed class DecisionResponse
{
    /// <summary><c>suppressed</c> (not an alert), or why the match alerts again: <c>entryChanged</c>, <c>expired</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Who decided.</summary>
    public required string DecidedBy { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>Why the match is a false positive.</summary>
    public required string Reason { get; init; }

    /// <summary>When the decision stops applying, if it does.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The entry's content hash as reviewed.</summary>
    public required string EntryContentHash { get; init; }
}

/// <summary>The filters in force for a screen.</summary>
public sealed class FiltersResponse
{
    /// <summary>The service's own filter (configuration <c>Screening:Filter</c>), if any.</summary>
    public FilterSpec? Service { get; init; }

    /// <summary>The request's filter, if any.</summary>
    public FilterSpec? Request { get; init; }
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

    /// <summary>Whether any match reached the threshold and is not suppressed by the allow-list.</summary>
    public bool Hit { get; init; }

    /// <summary>Why the name could not be screened (batches only).</summary>
    public string? Error { get; init; }

    /// <summary>The threshold applied.</summary>
    public double Threshold { get; init; }

    /// <summary>When the screen ran.</summary>
    public DateTimeOffset ScreenedAt { get; init; }

    /// <summary>The matches that alert, best first.</summary>
    public IReadOnlyList<MatchResponse> Matches { get; init; } = [];

    /// <summary>The matches the allow-list suppressed, each with its decision; omitted when none.</summary>
    public IReadOnlyList<MatchResponse>? Suppressed { get; init; }

    /// <summary>The identifiers screened (the request's, and one typed as the name), as read and validated; omitted when none.</summary>
    public IReadOnlyList<IdentifierResponse>? Identifiers { get; init; }

    /// <summary>The customer key the allow-list was looked up under, when the service has an allow-list.</summary>
    public string? CustomerKey { get; init; }

    /// <summary>The filters in force; omitted when none.</summary>
    public FiltersResponse? Filters { get; init; }

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

    /// <summary>What the request's identifiers say about the entry; omitted when nothing.</summary>
    public IReadOnlyList<EvidenceResponse>? IdentifierEvidence { get; init; }

    /// <summary>
    /// The allow-list decision found for the match: in <see cref="ScreenResponse.Suppressed"/>, the one that suppressed
    /// it; in <see cref="ScreenResponse.Matches"/>, one that no longer applies (the entry changed, or it expired).
    /// </summary>
    public DecisionResponse? AllowList { get; init; }
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
