using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;
using OrleansConsult.Tests.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>When a dispatcher wakes: its earliest deadline, without a silo.</summary>
public sealed class DispatcherWakePolicyTests
{
    private static readonly ProgramDirectory Directory = new(TestProgram.Build());
    private static readonly DispatcherProfile Area = Directory.Dispatcher("tenant:a1");
    // Tuesday 10:00 Tokyo: area 1 is open (Tue 9:00–13:00).
    private static readonly DateTimeOffset Open = JapaneseCalendar.AtTokyo(new DateOnly(2026, 12, 1), TimeSpan.FromHours(10));

    private static QueuedCase Offered(DateTimeOffset deadline)
    {
        var q = OfferPolicyTests.Case();
        q.EnqueuedAt = Open;
        q.OfferedTo = "c1";
        q.OfferDeadline = deadline;
        q.LastPosition = 1;
        return q;
    }

    [Fact]
    public void An_offer_deadline_before_anything_else_is_the_next_wake()
    {
        var deadline = Open.AddSeconds(60);
        Assert.Equal(deadline, DispatcherWakePolicy.Next([(Offered(deadline), 1)], [], Area, Open, open: true, busy: true));
    }

    [Fact]
    public void Without_work_it_sleeps_and_with_work_it_wakes_at_the_schedule_edge()
    {
        Assert.Null(DispatcherWakePolicy.Next([], [], Area, Open, open: true, busy: false));
        Assert.Equal(Area.Schedule.CurrentWindowEnd(Open), DispatcherWakePolicy.Next([], [], Area, Open, open: true, busy: true));
    }

    [Fact]
    public void A_counselor_on_shift_past_her_shift_end_is_nudged_again_a_minute_after_the_last_nudge()
    {
        var entry = new RosterEntry
        {
            Status = new CounselorStatus("c1", Presence.Available, 2, 0, Open, OffShiftAt: Open.AddMinutes(-5)),
            OffShiftNudgedAt = Open.AddSeconds(-10),
        };
        Assert.Equal(Open.AddSeconds(50), DispatcherWakePolicy.Next([], [entry], Area, Open, open: true, busy: false));
    }
}
