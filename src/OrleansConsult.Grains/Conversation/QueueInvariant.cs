namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// What must hold after every pump of a dispatcher: each queued case is offered (to a counselor who
/// holds it, with a deadline to come), waiting out a pause, or there is nobody free who may take it;
/// and nothing is in two states. Pure: checked and repaired on the state, tested without a silo.
/// </summary>
public static class QueueInvariant
{
    /// <param name="free">Who may take an offer now (roster, 出勤, no offer out, a free slot); empty while closed.</param>
    public static IReadOnlyList<RoutingBreach> Check(DispatcherState state, IReadOnlyCollection<string> free, DateTimeOffset now)
    {
        var breaches = new List<RoutingBreach>();
        var seen = new Dictionary<string, QueuedCase>(StringComparer.Ordinal);
        foreach (var q in state.Queue)
        {
            if (!seen.TryAdd(q.CaseId, q))
            {
                breaches.Add(new RoutingBreach(BreachKind.DuplicateCase, q.CaseId, q.OfferedTo));
                continue;
            }
            if (q.OfferedTo is { } to)
            {
                if (q.OfferDeadline is not { } deadline || deadline <= now)
                {
                    breaches.Add(new RoutingBreach(BreachKind.OfferWithoutDeadline, q.CaseId, to));
                }
                else if (!Holds(state, to, q))
                {
                    breaches.Add(new RoutingBreach(BreachKind.OfferNotHeld, q.CaseId, to));
                }
            }
            else if (free.FirstOrDefault(c => OfferPolicy.MayOffer(q, c, now)) is { } idle)
            {
                breaches.Add(new RoutingBreach(BreachKind.Stalled, q.CaseId, idle));
            }
        }
        foreach (var (counselorId, entry) in state.Roster)
        {
            // By the index built above: a scan per counselor was the pump's hot spot with thousands waiting.
            if (entry.OfferCaseId is { } caseId && !(seen.TryGetValue(caseId, out var q) && q.OfferedTo == counselorId))
            {
                breaches.Add(new RoutingBreach(BreachKind.StrayOffer, caseId, counselorId));
            }
        }
        return breaches;
    }

    /// <summary>
    /// Puts the state right by re-queueing: the case loses the offer it was believed to have. Returns the
    /// counselors who may still show that offer, for the caller to withdraw it; the caller then offers again.
    /// </summary>
    public static IReadOnlyList<string> Repair(DispatcherState state, RoutingBreach breach)
    {
        var copies = state.Queue.Where(q => q.CaseId == breach.CaseId).ToList();
        var involved = copies.Select(q => q.OfferedTo).Append(breach.CounselorId).OfType<string>().Distinct().ToList();
        switch (breach.Kind)
        {
            case BreachKind.Stalled:
                return []; // nothing to undo: it is simply offered again
            case BreachKind.DuplicateCase:
                foreach (var copy in copies.Skip(1))
                {
                    state.Queue.Remove(copy);
                }
                break;
            case BreachKind.StrayOffer:
                involved = breach.CounselorId is { } stray ? [stray] : [];
                copies = [];
                break;
        }
        foreach (var q in copies)
        {
            OfferPolicy.ClearOffer(q);
        }
        foreach (var counselorId in involved)
        {
            if (state.Roster.TryGetValue(counselorId, out var entry) && entry.OfferCaseId == breach.CaseId)
            {
                entry.OfferCaseId = null;
            }
        }
        return involved;
    }

    /// <summary>The offer as both sides see it: her entry holds this case, and her last report does not contradict it.</summary>
    private static bool Holds(DispatcherState state, string counselorId, QueuedCase q)
    {
        if (!state.Roster.TryGetValue(counselorId, out var entry) || entry.OfferCaseId != q.CaseId)
        {
            return false;
        }
        // She reported after this offer reached her, and it was not among what she holds.
        var status = entry.Status;
        return !(status.HeldOffers is { } held && status.LastOfferNumber >= q.OfferNumber && !held.Contains(q.CaseId));
    }
}
