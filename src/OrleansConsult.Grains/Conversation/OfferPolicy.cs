using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Who a waiting case is offered to, and when a counselor who let its offer lapse is asked again.
/// Pure: the dispatcher applies it to its state; tests run it without a silo.
/// </summary>
public static class OfferPolicy
{
    /// <summary>The order cases are offered in: left messages first (they waited through a closing), then urgent, then arrival (the dispatcher's sequence).</summary>
    public static int RuleOrder(QueuedCase a, QueuedCase b) =>
        b.Ticket.LeftMessage.CompareTo(a.Ticket.LeftMessage) is var left and not 0 ? left
        : b.Ticket.Urgent.CompareTo(a.Ticket.Urgent) is var urgent and not 0 ? urgent
        : a.Seq.CompareTo(b.Seq);

    /// <summary>Whether she can be offered a case at all: 出勤, no offer of this queue out to her, a free slot (capacity).</summary>
    public static bool HasFreeSlot(CounselorStatus status, string? offerOut) =>
        status.Presence == Presence.Available && offerOut is null && status.ActiveCases < status.Capacity;

    /// <summary>
    /// One round of offers: the waiting cases not on offer, in rule order (<paramref name="inRuleOrder"/>), each to whom
    /// <see cref="Choose"/> picks from <paramref name="free"/>, one case per counselor, until nobody free is left.
    /// </summary>
    public static IReadOnlyList<(QueuedCase Case, OfferCandidate To)> Round(IReadOnlyList<QueuedCase> inRuleOrder, IEnumerable<OfferCandidate> free, DateTimeOffset now)
    {
        var left = free.ToList();
        var round = new List<(QueuedCase, OfferCandidate)>();
        // Indexed, no copy of the queue: a long queue stops as soon as nobody is free.
        for (var i = 0; i < inRuleOrder.Count && left.Count > 0; i++)
        {
            var q = inRuleOrder[i];
            if (q.OfferedTo is null && Choose(q, left, now) is { } chosen)
            {
                left.Remove(chosen);
                round.Add((q, chosen));
            }
        }
        return round;
    }

    /// <summary>
    /// Whether <paramref name="counselorId"/> may be offered <paramref name="q"/> now: she did not say no to it,
    /// it was not handed on by her (transfer), and no pause after a lapsed offer of hers is running.
    /// </summary>
    public static bool MayOffer(QueuedCase q, string counselorId, DateTimeOffset now) =>
        !q.Declined.Contains(counselorId)
        && !(q.Ticket.Excluded?.Contains(counselorId) ?? false)
        && !(q.PausedUntil.TryGetValue(counselorId, out var until) && until > now);

    /// <summary>
    /// The counselor to offer <paramref name="q"/> to, or null when none of <paramref name="free"/> may take it:
    /// a returning consultee's previous counselor first, then whoever has been idle longest (ties by id, so the
    /// order is the same on every silo).
    /// </summary>
    public static OfferCandidate? Choose(QueuedCase q, IEnumerable<OfferCandidate> free, DateTimeOffset now)
    {
        var candidates = free.Where(c => MayOffer(q, c.CounselorId, now)).ToList();
        return candidates.FirstOrDefault(c => c.CounselorId == q.Ticket.PreferredCounselorId)
            ?? candidates.OrderBy(c => c.IdleSince).ThenBy(c => c.CounselorId, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>Her offer lapsed: the case waits again, and is not offered to her before <paramref name="pause"/> is over.</summary>
    public static void Lapse(QueuedCase q, string counselorId, DateTimeOffset now, TimeSpan pause)
    {
        ClearOffer(q);
        q.PausedUntil[counselorId] = now + pause;
    }

    /// <summary>She said no: the case is not offered to her again while it waits in this queue.</summary>
    public static void Decline(QueuedCase q, string counselorId)
    {
        ClearOffer(q);
        if (!q.Declined.Contains(counselorId))
        {
            q.Declined.Add(counselorId);
        }
    }

    /// <summary>She came back (出勤, or back from 休憩): her pauses end, so the waiting cases are offered to her at once. Returns the cases that changed.</summary>
    public static IReadOnlyList<QueuedCase> Returned(IEnumerable<QueuedCase> queue, string counselorId) =>
        queue.Where(q => q.PausedUntil.Remove(counselorId)).ToList();

    public static void ClearOffer(QueuedCase q)
    {
        q.OfferedTo = null;
        q.OfferDeadline = null;
    }

    /// <summary>When the next running pause of <paramref name="q"/> ends (to wake the dispatcher then), or null.</summary>
    public static DateTimeOffset? NextPauseEnd(QueuedCase q, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var until in q.PausedUntil.Values)
        {
            if (until > now && (next is null || until < next))
            {
                next = until;
            }
        }
        return next;
    }

    /// <summary>What became of a case whose offer came back, for the counselor it came back from.</summary>
    public static OfferOutcome OutcomeOf(QueuedCase q, string from, bool stillQueued, string? escalatedTo) =>
        escalatedTo is not null ? OfferOutcome.Pool
        : !stillQueued ? OfferOutcome.Unanswered
        : q.OfferedTo is { } to && to != from ? OfferOutcome.Next
        : q.OfferedTo == from ? OfferOutcome.Again
        : OfferOutcome.Queue;
}
