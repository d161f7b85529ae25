using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tests.Routing;

public sealed class ProgressAndShiftPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_progress_note_is_told_once_per_state_and_not_sooner_than_the_minimum_interval()
    {
        var looking = ProgressPolicy.Key("looking", "tenant:t");
        var queued = ProgressPolicy.Key("queued", "tenant:t");
        Assert.True(ProgressPolicy.ShouldTell(queued, Now, looking, Now + ProgressPolicy.MinInterval, handOver: false));
        Assert.False(ProgressPolicy.ShouldTell(queued, Now, looking, Now + ProgressPolicy.MinInterval - TimeSpan.FromSeconds(1), handOver: false));
        Assert.False(ProgressPolicy.ShouldTell(looking, Now, looking, Now.AddHours(1), handOver: false));
    }

    [Fact]
    public void A_hand_over_to_the_pool_is_told_at_once_but_only_once()
    {
        var pool = ProgressPolicy.Key("pool", "pool:p");
        Assert.True(ProgressPolicy.ShouldTell(ProgressPolicy.Key("looking", "tenant:t"), Now, pool, Now, handOver: true));
        Assert.False(ProgressPolicy.ShouldTell(pool, Now, pool, Now.AddHours(1), handOver: true));
    }

    // Tue/Thu 9:00–13:00 Tokyo.
    private static readonly ConsultationSchedule Schedule = new(new ScheduleSettings(
        [new DailyWindow(DayOfWeek.Tuesday, TimeSpan.FromHours(9), TimeSpan.FromHours(13)),
         new DailyWindow(DayOfWeek.Thursday, TimeSpan.FromHours(9), TimeSpan.FromHours(13))],
        [], false, false, [], []));

    [Fact]
    public void On_shift_while_open_ends_at_this_closing()
    {
        var tuesday10 = JapaneseCalendar.AtTokyo(new DateOnly(2026, 12, 1), TimeSpan.FromHours(10));
        Assert.Equal(JapaneseCalendar.AtTokyo(new DateOnly(2026, 12, 1), TimeSpan.FromHours(13)), ShiftPolicy.AutoOffShiftAt(Schedule, tuesday10));
    }

    [Fact]
    public void On_shift_while_closed_ends_at_the_closing_of_the_next_opening()
    {
        var tuesday14 = JapaneseCalendar.AtTokyo(new DateOnly(2026, 12, 1), TimeSpan.FromHours(14));
        Assert.Equal(JapaneseCalendar.AtTokyo(new DateOnly(2026, 12, 3), TimeSpan.FromHours(13)), ShiftPolicy.AutoOffShiftAt(Schedule, tuesday14));
    }

    [Fact]
    public void A_closing_ends_her_shift_unless_she_is_on_for_a_later_opening()
    {
        Assert.True(ShiftPolicy.IsOver(Now, Now));
        Assert.True(ShiftPolicy.IsOver(null, Now));
        Assert.False(ShiftPolicy.IsOver(Now.AddDays(2), Now));
    }

    [Fact]
    public void Coming_on_takes_the_next_closing_a_break_keeps_her_end_and_going_off_clears_it()
    {
        var tuesday10 = JapaneseCalendar.AtTokyo(new DateOnly(2026, 12, 1), TimeSpan.FromHours(10));
        var closing = JapaneseCalendar.AtTokyo(new DateOnly(2026, 12, 1), TimeSpan.FromHours(13));
        var earlier = closing.AddHours(-1);
        Assert.Equal(closing, ShiftPolicy.OffShiftAtAfter(Presence.Available, earlier, Schedule, tuesday10));
        Assert.Equal(earlier, ShiftPolicy.OffShiftAtAfter(Presence.Away, earlier, Schedule, tuesday10));
        Assert.Equal(closing, ShiftPolicy.OffShiftAtAfter(Presence.Away, null, Schedule, tuesday10));
        Assert.Null(ShiftPolicy.OffShiftAtAfter(Presence.OffShift, earlier, Schedule, tuesday10));
        Assert.Null(ShiftPolicy.OffShiftAtAfter(Presence.Available, earlier, null, tuesday10));
    }
}
