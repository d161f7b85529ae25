namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// A case's idle deadline, kept armed: a grain timer for the next deadline (<see cref="IdlePolicy"/>, not durable,
/// re-armed from state on activation) and the reminder <c>idle</c> (every 5 minutes while connected) that
/// re-activates the case after its silo died. Both call back into the grain's tick.
/// </summary>
public sealed class CaseTimers(Grain grain, Func<Task> tick)
{
    public const string IdleReminder = "idle";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(5);

    private IGrainTimer? _idleTimer;

    /// <summary>Arms the timer for <paramref name="due"/> from now, replacing the one armed before.</summary>
    public void ArmIdle(TimeSpan due)
    {
        Disarm();
        _idleTimer = grain.RegisterGrainTimer(_ => tick(), due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>No timer (the case is not connected).</summary>
    public void Disarm()
    {
        _idleTimer?.Dispose();
        _idleTimer = null;
    }

    /// <summary>The reminder keeps a connected case alive across silo failures.</summary>
    public Task RemindWhileConnectedAsync() => grain.RegisterOrUpdateReminder(IdleReminder, ReminderPeriod, ReminderPeriod);

    /// <summary>The case closed or went away: timer and reminder both stop.</summary>
    public async Task StopAsync()
    {
        Disarm();
        if (await grain.GetReminder(IdleReminder) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
