using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Board;

/// <summary>
/// Turns a dispatcher's state into its live board: open or closed and until when, the queue's figures,
/// cases by tag (urgent first, then in queue order), counselors on shift. Pure: no grain, no clock of
/// its own. Nothing of what a consultee wrote (the ticket's preview) and no LINE id is read.
/// </summary>
public static class BoardSnapshot
{
    public static DispatcherBoard Build(DispatcherProfile profile, DispatcherState state, Func<string, StaffMember?> staff,
        DateTimeOffset now, long version)
    {
        var open = profile.Schedule.IsOpen(now);
        var until = open ? profile.Schedule.CurrentWindowEnd(now) : profile.Schedule.NextOpening(now);
        var live = state.Queue.Where(q => !q.Ticket.LeftMessage).ToList();
        string NameOf(string id) => staff(id)?.DisplayName ?? id;

        var cases = state.Queue
            .Select((q, order) => (q, order))
            .OrderByDescending(x => x.q.Ticket.Urgent)
            .ThenBy(x => x.order)
            .Select(x => new BoardCase(CaseIds.Tag(x.q.CaseId), x.q.Ticket.Urgent, StateOf(x.q), x.q.Ticket.AreaName, x.q.EnqueuedAt,
                x.q.OfferedTo is { } counselorId ? NameOf(counselorId) : null))
            .ToList();
        var onShift = state.Roster.Values
            .Where(r => r.Status.Presence != Presence.OffShift)
            .Select(r => new BoardStaff(r.Status.CounselorId, NameOf(r.Status.CounselorId), r.Status.Presence, r.Status.ActiveCases,
                r.Status.Capacity, r.Status.IdleSince, r.OfferCaseId is not null))
            .OrderBy(s => s.StaffId, StringComparer.Ordinal)
            .ToList();

        return new DispatcherBoard(
            profile.Key,
            profile.Name,
            profile.IsPool,
            open,
            until,
            Waiting: live.Count(q => q.OfferedTo is null),
            OldestWaitingSince: live.Count == 0 ? null : live.Min(q => q.EnqueuedAt),
            UrgentWaiting: live.Count(q => q.Ticket.Urgent),
            Offered: live.Count(q => q.OfferedTo is not null),
            InChat: state.Roster.Values.Sum(r => r.Status.ActiveCases),
            LeftMessages: state.Queue.Count - live.Count,
            OverflowedToday: state.OverflowDay == TokyoDay(now) ? state.OverflowedOnDay : 0,
            cases,
            onShift,
            version);
    }

    /// <summary>
    /// When a board built at <paramref name="now"/> goes stale by time alone, with nothing in the queue changing:
    /// at the schedule's next edge, or at midnight in Tokyo (today's overflow count starts again).
    /// </summary>
    public static DateTimeOffset StaleAt(DispatcherProfile profile, DateTimeOffset now)
    {
        var midnight = JapaneseCalendar.AtTokyo(TokyoDay(now).AddDays(1), TimeSpan.Zero);
        var edge = profile.Schedule.IsOpen(now) ? profile.Schedule.CurrentWindowEnd(now) : profile.Schedule.NextOpening(now);
        return edge is { } at && at < midnight ? at : midnight;
    }

    /// <summary>Counts one case handed to the pool on the day (Asia/Tokyo) of <paramref name="now"/>.</summary>
    public static void CountOverflow(DispatcherState state, DateTimeOffset now)
    {
        var today = TokyoDay(now);
        if (state.OverflowDay != today)
        {
            state.OverflowDay = today;
            state.OverflowedOnDay = 0;
        }
        state.OverflowedOnDay++;
    }

    public static DateOnly TokyoDay(DateTimeOffset instant) => DateOnly.FromDateTime(JapaneseCalendar.ToTokyo(instant).DateTime);

    private static BoardCaseState StateOf(QueuedCase q) =>
        q.Ticket.LeftMessage ? BoardCaseState.LeftMessage
        : q.OfferedTo is not null ? BoardCaseState.Offered
        : BoardCaseState.Waiting;
}
