namespace OrleansConsult.Load;

/// <summary>
/// Whether the place each surge consultee heard was true, judged only from what the LINE side and the load
/// generator can prove. Pure: the surge feeds it the mailboxes, tests feed it made-up runs.
/// <para>
/// The surge queue is first in, first out: one tenant open all day, no urgent case, no pool, no decline, offers
/// that outlive the run. So the dispatcher offers in the order it queued, and the place it tells her is 1 + the
/// cases queued before her and not yet accepted at that moment. The LINE side sees that order only in part
/// (pushed cards' offer numbers, below). The order in which offer cards arrive is not the offer order: each card
/// goes dispatcher → counselor grain (which first finishes her previous accept: the dispatcher's commit, the
/// connection, a state write) → her staff LINE user (one send at a time) → LINE, so one card can arrive behind
/// many later ones. That delay is not bounded by the number of counselors (the bound this check once assumed).
/// </para>
/// <para>
/// So each case gets two windows it certainly lies in, both in the same (queue) order:
/// <list type="bullet">
/// <item>queued: after 相談する was sent, and before her place, her first card or her connection reached a phone;</item>
/// <item>offered: before her first card arrived; and after her counselor's accept of the card before it on that
///   phone was sent, while every card on that phone up to hers was a case offered once that this counselor
///   accepted and got connected: the dispatcher offers a counselor one case at a time, the next only once her
///   accept of the last is worked.</item>
/// </list>
/// Case d was certainly queued before c when one of d's windows ends before the same window of c begins, or when
/// both were offered once and LINE saw both cards' offer numbers (pushed cards' retry keys, <see cref="OfferNumbers"/>)
/// and d's is lower: those order the offers exactly.
/// Then, for c placed at some moment inside her queued window, with A the cases ahead of her:
/// A ≥ the cases certainly before her whose accept was sent only after her place reached her (or never), and
/// A ≤ the cases not certainly after her, less those connected before she sent 相談する.
/// A place outside that range is untrue. The range narrows as the windows shrink, so a place that is wrong by
/// more than the run's slack (reported) is caught.
/// </para>
/// </summary>
public static class SurgePlaceCheck
{
    public static SurgePlaceVerdict Judge(IReadOnlyList<SurgeCase> cases, IReadOnlyList<SurgeCard> cards)
    {
        var byCaseCards = cards.GroupBy(c => c.CaseId, StringComparer.Ordinal).ToList();
        var cardsOf = byCaseCards.ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var firstCard = byCaseCards.ToDictionary(g => g.Key, g => g.MinBy(c => c.Sequence)!, StringComparer.Ordinal);
        var offered = cases.Where(c => firstCard.ContainsKey(c.CaseId)).ToList();
        var byCase = cases.ToDictionary(c => c.CaseId, StringComparer.Ordinal);
        var offeredAfter = OfferedAfter(cards, cardsOf, byCase);

        var n = offered.Count;
        var queuedFrom = new long[n];
        var queuedBy = new long[n];
        var offeredFrom = new long[n];
        var offeredBy = new long[n];
        var acceptSent = new long[n];
        var connected = new long[n];
        var number = new long[n];
        for (var i = 0; i < n; i++)
        {
            var c = offered[i];
            var card = firstCard[c.CaseId].At;
            queuedFrom[i] = c.AskedAt.UtcTicks;
            queuedBy[i] = Min(card, c.ToldAt, c.ConnectedAt).UtcTicks;
            offeredFrom[i] = offeredAfter.TryGetValue(c.CaseId, out var after) ? after.UtcTicks : long.MinValue;
            offeredBy[i] = card.UtcTicks;
            acceptSent[i] = c.AcceptSentAt?.UtcTicks ?? long.MaxValue;
            connected[i] = c.ConnectedAt?.UtcTicks ?? long.MaxValue;
            // Only a case offered once: a re-offer's number says nothing of when it was queued.
            number[i] = cardsOf[c.CaseId] == 1 ? firstCard[c.CaseId].OfferNumber ?? 0 : 0;
        }

        bool Before(int d, int c) => queuedBy[d] < queuedFrom[c] || offeredBy[d] < offeredFrom[c]
            || (number[d] > 0 && number[c] > 0 && number[d] < number[c]);

        var places = new List<SurgePlace>();
        for (var c = 0; c < n; c++)
        {
            if (offered[c].ToldPlace is not { } told || offered[c].ToldAt is not { } toldAt)
            {
                continue;
            }
            var heard = toldAt.UtcTicks;
            var atLeast = 0;
            var atMost = 0;
            for (var d = 0; d < n; d++)
            {
                if (d == c)
                {
                    continue;
                }
                if (Before(d, c) && acceptSent[d] > heard)
                {
                    atLeast++; // ahead of her, and its accept was not even sent when she heard her place
                }
                if (!Before(c, d) && connected[d] >= queuedFrom[c])
                {
                    atMost++; // may be ahead of her, and was not yet connected when she asked
                }
            }
            places.Add(new SurgePlace(offered[c].CaseId, told, atLeast, atMost));
        }
        return new SurgePlaceVerdict(places);
    }

    /// <summary>
    /// For each case whose card provably followed the accept of the card before it on the same phone: when that
    /// accept was sent. A card counts as taken when its case was offered once (one card in all), she sent its accept
    /// and it got connected: its offer to her was out from before its card until her accept was worked, and the
    /// dispatcher offers her the next case only when none is out. So while every card on a phone is taken, each
    /// was offered after the accept of the one before it was sent. After a card not taken, her order is unproven.
    /// </summary>
    private static Dictionary<string, DateTimeOffset> OfferedAfter(IReadOnlyList<SurgeCard> cards, Dictionary<string, int> cardsOf, Dictionary<string, SurgeCase> byCase)
    {
        var after = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var phone in cards.GroupBy(c => c.Counselor))
        {
            DateTimeOffset? lastAccept = null;
            foreach (var card in phone.OrderBy(c => c.Sequence))
            {
                if (cardsOf[card.CaseId] != 1 || !byCase.TryGetValue(card.CaseId, out var c) || c.AcceptSentAt is not { } sent || c.ConnectedAt is null)
                {
                    break;
                }
                if (lastAccept is { } at)
                {
                    after[card.CaseId] = at;
                }
                lastAccept = sent;
            }
        }
        return after;
    }

    private static DateTimeOffset Min(DateTimeOffset first, params DateTimeOffset?[] others)
    {
        var min = first;
        foreach (var o in others)
        {
            if (o is { } v && v < min)
            {
                min = v;
            }
        }
        return min;
    }
}
