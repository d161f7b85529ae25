using OrleansConsult.Line.Outbox;

namespace OrleansConsult.Host;

/// <summary>
/// How long outbox rows are kept. Delivered rows for a week (a re-send of a delivered key is still
/// answered 409 within LINE's 24 hours, and a week shows what went out); parked rows for 30 days, with an
/// alert a week before; rows parked for the monthly limit are released at the month turn, so the
/// purge takes only those the turn has not released; and no row outlives the shortest tenant retention.
/// </summary>
public sealed record OutboxRetentionPolicy(TimeSpan DeliveredFor, TimeSpan ParkedFor, TimeSpan AlertParkedAfter)
{
    public static OutboxRetentionPolicy Default { get; } = new(TimeSpan.FromDays(7), TimeSpan.FromDays(30), TimeSpan.FromDays(23));

    public OutboxCutoffs At(DateTimeOffset now, int shortestRetentionYears) => new(
        DeliveredBefore: now - DeliveredFor,
        ParkedBefore: now - ParkedFor,
        MonthlyLimitParkedBefore: Min(now - ParkedFor, OutboxDispatcher.MonthStart(now)),
        CreatedBefore: now.AddYears(-shortestRetentionYears),
        AlertParkedBefore: now - AlertParkedAfter);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
