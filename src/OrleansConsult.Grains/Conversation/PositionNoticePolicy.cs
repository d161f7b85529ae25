namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// When a waiting consultee hears her new place. Near the front every step matters to her, so she hears it
/// at most once a minute; further back, in a surge, her place changes every few seconds, a new number each
/// minute tells her little, and every notice is a paid push and a turn of the dispatcher taken from offering
/// (issue 14: 10,000 waiting cost it up to 167 notices a second). She always hears her place when she asks
/// and whenever it has changed, at most every <see cref="IntervalAt"/>. Pure, tested without a silo.
/// </summary>
public static class PositionNoticePolicy
{
    /// <summary>Places up to this hear every change, a minute apart at most.</summary>
    public const int NearTheFront = 10;

    /// <summary>Places up to this hear every change, three minutes apart at most; beyond, five.</summary>
    public const int InTheQueue = 100;

    public static TimeSpan IntervalAt(int position) => position switch
    {
        <= NearTheFront => TimeSpan.FromMinutes(1),
        <= InTheQueue => TimeSpan.FromMinutes(3),
        _ => TimeSpan.FromMinutes(5),
    };

    /// <summary>When she is next told her place at <paramref name="position"/>; null while it is what she last heard.</summary>
    public static DateTimeOffset? NextAt(QueuedCase q, int position) =>
        position == q.LastPosition ? null : q.LastPositionAt + IntervalAt(position);

    public static bool Due(QueuedCase q, int position, DateTimeOffset now) => NextAt(q, position) is { } at && at <= now;
}
