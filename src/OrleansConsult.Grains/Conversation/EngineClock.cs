namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The clock the conversation engine reads: schedules, offer and overflow deadlines, idle time.
/// A service of its own so tests can move consultation time without moving the clock Orleans
/// itself runs on (membership, timeouts). Reply-token age stays on real time: LINE's clock.
/// </summary>
public sealed class EngineClock(TimeProvider time)
{
    public TimeProvider Time => time;

    public DateTimeOffset GetUtcNow() => time.GetUtcNow();
}
