namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Why a waiting case leaves its queue (for the nurse pool, or answered "nobody can take it now"), whether a
/// refusing pool lets her keep her place, and when the pool is asked again. The reasons are journal steps'
/// words, so they stay plain strings. Pure, so it is tested without a silo.
/// </summary>
public static class EscalationPolicy
{
    public const string Closed = "closed";
    public const string NobodyOnShift = "nobody on shift";
    public const string AllDeclined = "all declined";
    public const string MaxWait = "max wait";
    public const string OfferLapsed = "offer lapsed";

    /// <summary>After the pool could not take a case at the maximum wait, it is asked again this long after, unless it opens sooner.</summary>
    public static readonly TimeSpan RetryWhileOpen = TimeSpan.FromMinutes(5);

    /// <summary>Why a waiting case leaves this queue now, or null while it should keep waiting here.</summary>
    /// <param name="onShift">Counselors the roster lets work here who are on shift (出勤 or 休憩).</param>
    public static string? Reason(QueuedCase q, DispatcherProfile profile, DateTimeOffset now, bool open, IReadOnlyList<string> onShift)
    {
        if (!open)
        {
            return Closed;
        }
        if (onShift.Count == 0)
        {
            return NobodyOnShift;
        }
        if (onShift.All(id => q.Declined.Contains(id) || (q.Ticket.Excluded?.Contains(id) ?? false)))
        {
            return AllDeclined;
        }
        if (profile.MaxWaitBeforeOverflow is { } maxWait && profile.OverflowTo is not null && now - q.EnqueuedAt >= maxWait
            && (q.NextOverflowAttempt is not { } retry || retry <= now))
        {
            return MaxWait;
        }
        return null;
    }

    /// <summary>At the maximum wait the pool is only asked: when it cannot take her, she keeps her place here.</summary>
    public static bool KeepsPlaceIfRefused(string reason) => reason == MaxWait;

    /// <summary>After the pool could not take a case at the maximum wait: ask again when it opens, or in a few minutes.</summary>
    /// <param name="pool">The pool this dispatcher overflows to, null when the program no longer has it.</param>
    public static DateTimeOffset NextOverflowAttempt(DispatcherProfile? pool, DateTimeOffset now)
    {
        var opening = pool?.Schedule.NextOpening(now);
        return opening > now ? opening.Value : now + RetryWhileOpen;
    }
}
