namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// When a dispatcher's pump walks its whole queue (a sweep: lapsed offers, escalation, the invariant, place
/// notices, the next wake-up) rather than only what its call changed. A short queue is swept at every pump. A long
/// one at most every <see cref="Interval"/>: in issue 14's surge (10,000 waiting) the walks of every pump were a
/// fifth of the Host's CPU, all of it in one grain's turns, so each offer waited behind them. Everything a sweep
/// finds is time or the queue's order, and people measure both in minutes, so a quarter of a second late costs
/// nobody anything. The pump between sweeps arms the timer for the next one. Pure, tested without a silo.
/// </summary>
public static class DispatcherSweepPolicy
{
    /// <summary>Up to this many waiting, every pump sweeps (a walk costs microseconds).</summary>
    public const int SweepEveryPumpUpTo = 256;

    /// <summary>With more waiting, sweeps are at most this far apart.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <param name="lastSweep">When the last sweep ran in this activation; null before the first.</param>
    public static bool Due(int queued, DateTimeOffset? lastSweep, DateTimeOffset now) =>
        queued <= SweepEveryPumpUpTo
        || lastSweep is not { } last
        || now - last >= Interval
        || now < last; // the clock went back: sweep rather than trust the gap

    /// <summary>The latest a sweep follows one at <paramref name="lastSweep"/>.</summary>
    public static DateTimeOffset NextAt(DateTimeOffset lastSweep) => lastSweep + Interval;
}
