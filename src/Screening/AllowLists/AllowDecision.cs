using Screening.Watchlists;

namespace Screening.AllowLists;

/// <summary>
/// A reviewed false positive: a reviewer decided that the customer is not the listed entry. It suppresses that alert
/// only while the entry's content is unchanged (<see cref="EntryContentHash"/>) and until it expires.
/// </summary>
public sealed record AllowDecision
{
    /// <summary>
    /// The customer the decision is about: your customer key, or, for a customer without one, the screened name's key
    /// (<see cref="AllowList.KeyFor"/> gives both).
    /// </summary>
    public required string CustomerKey { get; init; }

    /// <summary>The id of the list the entry is on.</summary>
    public required string ListId { get; init; }

    /// <summary>The entry's id in its list.</summary>
    public required string EntryId { get; init; }

    /// <summary>The <see cref="EntryContentHash"/> of the entry as reviewed.</summary>
    public required string EntryContentHash { get; init; }

    /// <summary>Who decided (a user id or name).</summary>
    public required string DecidedBy { get; init; }

    /// <summary>When the decision was taken.</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>Why the match is a false positive, in the reviewer's words.</summary>
    public required string Reason { get; init; }

    /// <summary>When the decision stops applying, if it does (a periodic re-review). Default: never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>A decision about one match of a result, with the entry's content hash computed from the match.</summary>
    /// <param name="customerKey">The key from <see cref="AllowList.KeyFor"/>.</param>
    /// <param name="match">The match reviewed.</param>
    /// <param name="decidedBy">Who decided.</param>
    /// <param name="decidedAt">When.</param>
    /// <param name="reason">Why it is a false positive.</param>
    /// <param name="expiresAt">When it stops applying; null for never.</param>
    public static AllowDecision For(string customerKey, ScreeningMatch match, string decidedBy, DateTimeOffset decidedAt, string reason, DateTimeOffset? expiresAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerKey);
        ArgumentNullException.ThrowIfNull(match);
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new AllowDecision
        {
            CustomerKey = customerKey.Trim(),
            ListId = match.ListId,
            EntryId = match.EntryId,
            EntryContentHash = Watchlists.EntryContentHash.Compute(match.Entry),
            DecidedBy = decidedBy,
            DecidedAt = decidedAt,
            Reason = reason,
            ExpiresAt = expiresAt,
        };
    }
}

/// <summary>What a decision did to a match.</summary>
public enum AllowOutcome
{
    /// <summary>The decision applies: the match is suppressed (not an alert), and shown as such.</summary>
    Suppressed = 0,

    /// <summary>The entry changed since the review (its content hash differs): the match alerts again.</summary>
    EntryChanged,

    /// <summary>The decision has expired: the match alerts again.</summary>
    Expired,
}

/// <summary>A decision found for a match, and what it did.</summary>
/// <param name="Match">The match.</param>
/// <param name="Decision">The decision (the newest applicable one when there are several).</param>
/// <param name="Outcome">Suppressed, or why it no longer applies.</param>
public sealed record AllowListHit(ScreeningMatch Match, AllowDecision Decision, AllowOutcome Outcome)
{
    /// <summary>One line for a reviewer, e.g. <c>suppressed: reviewed by j.doe on 2026-05-01: different company</c>.</summary>
    public override string ToString()
    {
        var when = Decision.DecidedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Outcome switch
        {
            AllowOutcome.Suppressed => $"suppressed: reviewed by {Decision.DecidedBy} on {when}: {Decision.Reason}",
            AllowOutcome.EntryChanged => $"alerts again: the entry changed since the review by {Decision.DecidedBy} on {when}",
            _ => $"alerts again: the review by {Decision.DecidedBy} on {when} expired " +
                 Decision.ExpiresAt!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>The matches of a result after the allow-list.</summary>
/// <param name="Alerts">The matches still alerting, in the result's order.</param>
/// <param name="Hits">Every match a decision was found for: the suppressed ones and those alerting again, and why.</param>
public sealed record AllowListResult(IReadOnlyList<ScreeningMatch> Alerts, IReadOnlyList<AllowListHit> Hits)
{
    /// <summary>The matches suppressed.</summary>
    public IEnumerable<AllowListHit> Suppressed => Hits.Where(h => h.Outcome == AllowOutcome.Suppressed);

    /// <summary>Whether anything still alerts.</summary>
    public bool IsHit => Alerts.Count > 0;
}
