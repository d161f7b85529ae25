namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Whether the dispatcher tells an on-shift counselor now that her shift is over: her own shift end passed (or,
/// without one, the area is closing), and she was not told within <see cref="DispatcherWakePolicy.OffShiftNudgeInterval"/>
/// (the one-way notice may be lost, or her grain may have been asleep). Pure, so it is tested without a silo.
/// </summary>
public static class ShiftNudgePolicy
{
    /// <param name="closing">The area was open at the last pump and is closed now.</param>
    public static bool Due(RosterEntry entry, DateTimeOffset now, bool closing)
    {
        if (entry.Status.Presence == Abstractions.Presence.OffShift)
        {
            return false;
        }
        var due = entry.Status.OffShiftAt is { } at ? at <= now : closing;
        return due && (entry.OffShiftNudgedAt is not { } nudged || now - nudged >= DispatcherWakePolicy.OffShiftNudgeInterval);
    }
}
