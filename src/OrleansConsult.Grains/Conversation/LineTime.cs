namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Real time as LINE keeps it: how old a reply token is. Its own service for the same reason as
/// <see cref="EngineClock"/>: tests move it without moving Orleans' clock.
/// </summary>
public sealed class LineTime(TimeProvider time)
{
    public DateTimeOffset GetUtcNow() => time.GetUtcNow();
}
