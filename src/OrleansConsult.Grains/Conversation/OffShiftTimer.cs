namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The timer that ends a counselor's shift at her area's closing: armed from state (so on activation too),
/// never sooner than 50 ms nor later than an hour (an early wake re-arms). Not durable: her dispatcher's
/// reminder is the back-up.
/// </summary>
public sealed class OffShiftTimer(Grain grain, EngineClock clock, Func<Task> tick)
{
    private IGrainTimer? _timer;

    /// <summary>Arms for <paramref name="offShiftAt"/>, replacing the one before; none while she is off shift or has no end.</summary>
    public void Arm(bool offShift, DateTimeOffset? offShiftAt)
    {
        _timer?.Dispose();
        _timer = null;
        if (offShift || offShiftAt is not { } at)
        {
            return;
        }
        var due = Math.Clamp((at - clock.GetUtcNow()).Ticks, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromHours(1).Ticks);
        _timer = grain.RegisterGrainTimer(_ => tick(), TimeSpan.FromTicks(due), Timeout.InfiniteTimeSpan);
    }
}
