using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>When a dispatcher's pump walks its whole queue, without a silo.</summary>
public sealed class DispatcherSweepPolicyTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private const int Long = DispatcherSweepPolicy.SweepEveryPumpUpTo + 1;

    [Fact]
    public void A_short_queue_is_swept_at_every_pump()
    {
        Assert.True(DispatcherSweepPolicy.Due(0, At, At));
        Assert.True(DispatcherSweepPolicy.Due(DispatcherSweepPolicy.SweepEveryPumpUpTo, At, At));
    }

    [Fact]
    public void A_long_queue_is_swept_first_then_once_the_interval_is_over()
    {
        Assert.True(DispatcherSweepPolicy.Due(Long, lastSweep: null, At));
        Assert.False(DispatcherSweepPolicy.Due(Long, At, At));
        Assert.False(DispatcherSweepPolicy.Due(Long, At, At + DispatcherSweepPolicy.Interval - TimeSpan.FromTicks(1)));
        Assert.True(DispatcherSweepPolicy.Due(Long, At, At + DispatcherSweepPolicy.Interval));
    }

    [Fact]
    public void A_clock_that_went_back_sweeps_rather_than_trust_the_gap()
    {
        Assert.True(DispatcherSweepPolicy.Due(Long, At, At - TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void The_next_sweep_follows_the_last_by_the_interval()
    {
        Assert.Equal(At + DispatcherSweepPolicy.Interval, DispatcherSweepPolicy.NextAt(At));
    }
}
