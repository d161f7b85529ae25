using OrleansConsult.Abstractions;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Conversation;

/// <summary>When a shift ends by itself: presence resets at her area's closing. Pure.</summary>
public static class ShiftPolicy
{
    /// <summary>
    /// The end of the opening she is on shift for: the one under way, or (出勤 while closed) the next one;
    /// null when nothing opens within the schedule's horizon.
    /// </summary>
    public static DateTimeOffset? AutoOffShiftAt(ConsultationSchedule schedule, DateTimeOffset now) =>
        schedule.CurrentWindowEnd(now)
        ?? (schedule.NextOpening(now) is { } opening ? schedule.CurrentWindowEnd(opening) : null);

    /// <summary>
    /// Whether the closing of her area, learnt at <paramref name="now"/>, ends her shift: it does unless she is
    /// on shift for a later opening. A second of slack: the dispatcher's clock may run a little ahead of hers.
    /// </summary>
    public static bool IsOver(DateTimeOffset? offShiftAt, DateTimeOffset now) =>
        offShiftAt is not { } at || at <= now + TimeSpan.FromSeconds(1);

    /// <summary>
    /// Her shift's end after she sets <paramref name="presence"/>: none off shift or without a home area; 出勤 (or the
    /// first presence of a shift) takes her area's next closing; 休憩 keeps the end she had.
    /// </summary>
    public static DateTimeOffset? OffShiftAtAfter(Presence presence, DateTimeOffset? current, ConsultationSchedule? schedule, DateTimeOffset now) =>
        presence == Presence.OffShift || schedule is null ? null
        : presence == Presence.Available || current is null ? AutoOffShiftAt(schedule, now)
        : current;
}
