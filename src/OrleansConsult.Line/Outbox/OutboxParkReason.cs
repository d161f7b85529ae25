namespace OrleansConsult.Line.Outbox;

/// <summary>
/// Why an outbound message is parked: kept in the outbox, not retried on its own, until the month
/// turns (monthly limit) or an operator releases it. Stored as <see cref="OutboxParkReasons.Name"/>.
/// </summary>
public enum OutboxParkReason
{
    /// <summary>LINE's 429 "You have reached your monthly limit.": released when the month turns (Asia/Tokyo).</summary>
    MonthlyLimit,

    /// <summary>A 4xx other than a bad message (401, 403, 404…): LINE will not take it as it is.</summary>
    Rejected,

    /// <summary>A message LINE calls invalid (400, or our own check of its limits): a bug, logged at Error.</summary>
    Invalid,

    /// <summary>Transient failures outlasted the outbox's attempts.</summary>
    GaveUp,
}
