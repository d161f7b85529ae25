using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>When a counselor on shift past its end is told to go 退勤, without a silo.</summary>
public sealed class ShiftNudgePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);

    private static RosterEntry Entry(Presence presence, DateTimeOffset? offShiftAt, DateTimeOffset? nudgedAt = null) => new()
    {
        Status = new CounselorStatus("c1", presence, 2, 0, Now, OffShiftAt: offShiftAt),
        OffShiftNudgedAt = nudgedAt,
    };

    [Fact]
    public void Her_own_shift_end_decides_when_she_has_one()
    {
        Assert.True(ShiftNudgePolicy.Due(Entry(Presence.Available, Now), Now, closing: false));
        Assert.True(ShiftNudgePolicy.Due(Entry(Presence.Away, Now.AddMinutes(-1)), Now, closing: false));
        Assert.False(ShiftNudgePolicy.Due(Entry(Presence.Available, Now.AddSeconds(1)), Now, closing: true));
    }

    [Fact]
    public void Without_a_shift_end_the_closing_decides()
    {
        Assert.True(ShiftNudgePolicy.Due(Entry(Presence.Available, null), Now, closing: true));
        Assert.False(ShiftNudgePolicy.Due(Entry(Presence.Available, null), Now, closing: false));
    }

    [Fact]
    public void She_is_nudged_again_only_a_full_interval_after_the_last_nudge()
    {
        var interval = DispatcherWakePolicy.OffShiftNudgeInterval;
        Assert.False(ShiftNudgePolicy.Due(Entry(Presence.Available, Now.AddMinutes(-5), Now - interval + TimeSpan.FromSeconds(1)), Now, closing: false));
        Assert.True(ShiftNudgePolicy.Due(Entry(Presence.Available, Now.AddMinutes(-5), Now - interval), Now, closing: false));
    }

    [Fact]
    public void Who_is_off_shift_is_never_nudged()
    {
        Assert.False(ShiftNudgePolicy.Due(Entry(Presence.OffShift, Now.AddMinutes(-5)), Now, closing: true));
    }
}
