namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// When a dispatcher must look at its queue again: the earliest of every offer deadline, every pause ending,
/// the next overflow attempt, the next queue-place notice, each on-shift counselor's shift end or nudge, and
/// (while it has work) the schedule's next opening or closing. Pure, so it is tested without a silo;
/// <see cref="DispatcherTimers"/> arms the timer for it.
/// </summary>
public static class DispatcherWakePolicy
{
    /// <summary>A counselor still on shift after her shift end is nudged at most this often.</summary>
    public static readonly TimeSpan OffShiftNudgeInterval = TimeSpan.FromMinutes(1);

    /// <param name="queue">Each queued case with its place (1-based).</param>
    /// <param name="busy">It has a queue or anyone on shift: the schedule's edges matter.</param>
    public static DateTimeOffset? Next(
        IEnumerable<(QueuedCase Case, int Position)> queue, IEnumerable<RosterEntry> roster, DispatcherProfile profile,
        DateTimeOffset now, bool open, bool busy)
    {
        DateTimeOffset? next = null;
        void Consider(DateTimeOffset? at)
        {
            if (at is { } t && (next is null || t < next))
            {
                next = t;
            }
        }
        foreach (var (q, position) in queue)
        {
            Consider(q.OfferDeadline);
            Consider(OfferPolicy.NextPauseEnd(q, now));
            if (!q.Ticket.LeftMessage && profile.MaxWaitBeforeOverflow is { } maxWait && profile.OverflowTo is not null)
            {
                Consider(q.NextOverflowAttempt ?? q.EnqueuedAt + maxWait);
            }
            if (!q.Ticket.LeftMessage && q.OfferedTo is null)
            {
                Consider(PositionNoticePolicy.NextAt(q, position));
            }
        }
        foreach (var entry in roster.Where(r => r.Status.Presence != Abstractions.Presence.OffShift))
        {
            Consider(entry.Status.OffShiftAt is { } at && at > now ? at : entry.OffShiftNudgedAt + OffShiftNudgeInterval);
        }
        if (busy)
        {
            Consider(open ? profile.Schedule.CurrentWindowEnd(now) : profile.Schedule.NextOpening(now));
        }
        return next;
    }
}
