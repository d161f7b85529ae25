using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Offers: who gets which case (<see cref="OfferPolicy"/>), one offer per counselor at a time with a deadline;
/// her answer (accept, decline); an offer that lapses, and one that ends without holding it against her.
/// </summary>
public sealed partial class DispatcherGrain
{
    public Task<OfferAnswer> AcceptOfferAsync(string caseId, string counselorId) => WorkAsync(() => AcceptOfferCoreAsync(caseId, counselorId));

    private async Task<OfferAnswer> AcceptOfferCoreAsync(string caseId, string counselorId)
    {
        var q = Find(caseId);
        if (q is null || q.OfferedTo != counselorId)
        {
            return OfferAnswer.Gone;
        }
        if (!directory.MayTakeOffersFrom(counselorId, Key))
        {
            // The roster changed while the card was on her phone: the case goes to someone who may take it.
            ReleaseOffer(q, counselorId, OfferReturn.Roster);
            await PumpAsync();
            return OfferAnswer.Gone;
        }
        _queue.Remove(q);
        if (S.Roster.TryGetValue(counselorId, out var entry))
        {
            entry.OfferCaseId = null;
            entry.Status = entry.Status with
            {
                ActiveCases = entry.Status.ActiveCases + 1,
                IdleSince = clock.GetUtcNow(),
                HeldOffers = entry.Status.HeldOffers?.Where(c => c != caseId).ToList(),
            };
        }
        News(caseId, new RoutingNews(Entry("accepted", counselorId)));
        LogAccepted(logger, Key, caseId);
        await PumpAsync();
        return OfferAnswer.Assigned;
    }

    public Task DeclineOfferAsync(string caseId, string counselorId) => WorkAsync(async () =>
    {
        if (Find(caseId) is { } q && q.OfferedTo == counselorId)
        {
            OfferPolicy.Decline(q, counselorId);
            _queue.Touch(q);
            ReleaseEntry(counselorId, caseId);
            News(caseId, new RoutingNews(Entry("declined", counselorId, "declined")));
            _returned.Add((q, counselorId, OfferReturn.Declined));
            await PumpAsync();
        }
    });

    /// <summary>Every offer past its deadline lapses: that counselor is paused on the case (<see cref="OfferPolicy.Lapse"/>) and freed.</summary>
    private void LapseDueOffers(DateTimeOffset now)
    {
        foreach (var q in S.Queue.Where(q => q.OfferDeadline <= now).ToList())
        {
            var counselorId = q.OfferedTo!;
            OfferPolicy.Lapse(q, counselorId, now, Profile.OfferRetryPause);
            _queue.Touch(q);
            ReleaseEntry(counselorId, q.CaseId);
            News(q.CaseId, new RoutingNews(Entry("timed out", counselorId, "timeout")));
            _returned.Add((q, counselorId, OfferReturn.Lapsed));
        }
    }

    /// <summary>Who can take an offer now, asked of the roster in use: 出勤, no offer out, a free slot.</summary>
    private List<OfferCandidate> FreeCounselors() =>
        S.Roster.Values
            .Where(r => OfferPolicy.HasFreeSlot(r.Status, r.OfferCaseId) && directory.MayTakeOffersFrom(r.Status.CounselorId, Key))
            .Select(r => new OfferCandidate(r.Status.CounselorId, r.Status.IdleSince))
            .ToList();

    /// <summary>One round of <see cref="OfferPolicy.Round"/>: each chosen counselor gets her case with a deadline, told one-way.</summary>
    private void MakeOffers(DateTimeOffset now, List<OfferCandidate> free)
    {
        foreach (var (q, chosen) in OfferPolicy.Round(_queue.InOrder, free, now))
        {
            free.Remove(chosen);
            var counselorId = chosen.CounselorId;
            S.Roster[counselorId].OfferCaseId = q.CaseId;
            q.OfferedTo = counselorId;
            q.OfferDeadline = now + Profile.OfferTimeout;
            q.OfferNumber = ++S.Seq;
            _queue.Touch(q);
            News(q.CaseId, new RoutingNews(Entry("offered", counselorId)));
            _ = Counselor(counselorId).OfferAsync(new Offer(q.CaseId, Key, q.Ticket.AreaName, q.Ticket.Urgent,
                q.Ticket.Preview, q.Ticket.CreatedAt, q.OfferDeadline.Value, q.OfferNumber));
        }
    }

    /// <summary>Ends the outstanding offer of <paramref name="q"/> without holding it against her (a break, the roster, a withdrawal).</summary>
    private void ReleaseOffer(QueuedCase q, string counselorId, OfferReturn why)
    {
        OfferPolicy.ClearOffer(q);
        _queue.Touch(q);
        ReleaseEntry(counselorId, q.CaseId);
        News(q.CaseId, new RoutingNews(Entry("withdrawn", counselorId, why.ToString())), send: why != OfferReturn.Withdrawn);
        _returned.Add((q, counselorId, why));
    }

    private void ReleaseEntry(string counselorId, string caseId)
    {
        if (S.Roster.TryGetValue(counselorId, out var entry) && entry.OfferCaseId == caseId)
        {
            entry.OfferCaseId = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dispatcher {Dispatcher}: case {CaseId} accepted")]
    private static partial void LogAccepted(ILogger logger, string dispatcher, string caseId);
}
