using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The idle deadlines of a connected case, from her last message: warn the counselor after
/// <see cref="ConsultationTimeouts.IdleWarnAfter"/>, close after <see cref="ConsultationTimeouts.IdleCloseAfter"/>.
/// Pure, so it is tested without a silo; <see cref="CaseTimers"/> arms the timer it names.
/// </summary>
public static class IdlePolicy
{
    public static IdleStep StepAt(DateTimeOffset lastConsulteeAt, bool warned, ConsultationTimeouts timeouts, DateTimeOffset now)
    {
        var idle = now - lastConsulteeAt;
        if (idle >= timeouts.IdleCloseAfter)
        {
            return IdleStep.Close;
        }
        return idle >= timeouts.IdleWarnAfter && !warned ? IdleStep.Warn : IdleStep.Wait;
    }

    /// <summary>When to look again: at the next deadline, never sooner than a second nor later than an hour.</summary>
    public static TimeSpan NextCheck(DateTimeOffset lastConsulteeAt, bool warned, ConsultationTimeouts timeouts, DateTimeOffset now)
    {
        var due = lastConsulteeAt + (warned ? timeouts.IdleCloseAfter : timeouts.IdleWarnAfter) - now;
        return TimeSpan.FromTicks(Math.Clamp(due.Ticks, TimeSpan.TicksPerSecond, TimeSpan.TicksPerHour));
    }
}
