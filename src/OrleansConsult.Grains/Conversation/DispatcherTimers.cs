namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// A dispatcher's wake-ups: one grain timer for its next deadline (<see cref="DispatcherWakePolicy"/>; not durable,
/// every deadline is in state) and the reminder <c>pump</c> (every minute) only while it has work, which keeps it
/// alive and re-activates it on another silo after a crash. Both call back into the grain's pump.
/// </summary>
public sealed class DispatcherTimers(Grain grain, Func<Task> pump)
{
    public const string PumpReminder = "pump";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _timer;
    private bool? _reminderRegistered;

    /// <summary>When the timer is set to wake it (for the snapshot).</summary>
    public DateTimeOffset? NextWake { get; private set; }

    /// <summary>Wakes by <paramref name="at"/> at the latest, with work to come back to: a timer already set to wake sooner (and still to come) stays.</summary>
    public Task WakeByAsync(DateTimeOffset now, DateTimeOffset at) =>
        NextWake is { } wake && wake > now && wake <= at ? Task.CompletedTask : ArmAsync(now, at, busy: true);

    /// <summary>Sleeps until <paramref name="next"/>; keeps the reminder only while <paramref name="busy"/>.</summary>
    public async Task ArmAsync(DateTimeOffset now, DateTimeOffset? next, bool busy)
    {
        _timer?.Dispose();
        _timer = null;
        NextWake = next;
        if (next is { } wake)
        {
            // Clamped: grain timers take at most ~24 days, and waking hourly to re-arm costs nothing.
            var due = Math.Clamp((wake - now).Ticks, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromHours(1).Ticks);
            _timer = grain.RegisterGrainTimer(_ => pump(), TimeSpan.FromTicks(due), Timeout.InfiniteTimeSpan);
        }

        _reminderRegistered ??= await grain.GetReminder(PumpReminder) is not null;
        if (busy && _reminderRegistered != true)
        {
            await grain.RegisterOrUpdateReminder(PumpReminder, ReminderPeriod, ReminderPeriod);
            _reminderRegistered = true;
        }
        else if (!busy && _reminderRegistered == true && await grain.GetReminder(PumpReminder) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
            _reminderRegistered = false;
        }
    }
}
