using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// What the dispatcher tells, always one-way: each case its routing steps (<see cref="RoutingNews"/>, journaled and
/// counted), each counselor whose offer came back where the case went, and each waiting consultee her place
/// (<see cref="PositionNoticePolicy"/>).
/// </summary>
public sealed partial class DispatcherGrain
{
    /// <summary>
    /// Tells each counselor whose offer came back where the case went, and each consultee whose case is back in
    /// the queue (not offered to anyone) that it is still being looked after.
    /// </summary>
    private void TellReturned(DateTimeOffset now)
    {
        foreach (var (q, counselorId, why) in _returned)
        {
            var stillQueued = _queue.Contains(q);
            var outcome = OfferPolicy.OutcomeOf(q, counselorId, stillQueued, _left.GetValueOrDefault(q.CaseId));
            if (why != OfferReturn.Declined) // she knows she said no
            {
                _ = Counselor(counselorId).OfferWithdrawnAsync(q.CaseId, OfferReturnReason.Format(why, outcome));
            }
            if (stillQueued && q.OfferedTo is null && why != OfferReturn.Withdrawn)
            {
                TellPlace(q, PositionOf(q), now, Entry("requeued", counselorId, why.ToString()));
            }
        }
        _returned.Clear();
    }

    /// <summary>Tells waiting consultees their new place, as often as <see cref="PositionNoticePolicy"/> says.</summary>
    private void NoticePositions(DateTimeOffset now)
    {
        foreach (var (q, position) in Positioned().Where(p => !p.Case.Ticket.LeftMessage && p.Case.OfferedTo is null))
        {
            if (PositionNoticePolicy.Due(q, position, now))
            {
                TellPlace(q, position, now, entry: null);
            }
        }
    }

    /// <summary>Her case tells her its place (with <paramref name="entry"/> for its journal, if any); remembered so she is not told it again.</summary>
    private void TellPlace(QueuedCase q, int position, DateTimeOffset now, JournalEntry? entry)
    {
        q.LastPosition = position;
        q.LastPositionAt = now;
        _queue.Touch(q);
        News(q.CaseId, new RoutingNews(entry, QueuePosition: position));
    }

    private JournalEntry Entry(string step, string? counselorId = null, string? reason = null) =>
        new(clock.GetUtcNow(), step, Key, counselorId, reason);

    /// <summary>Counts the step; tells the case unless <paramref name="send"/> is false (it already knows, or is gone).</summary>
    private void News(string caseId, RoutingNews news, bool send = true)
    {
        if (news.Entry is { } entry)
        {
            ConversationMetrics.Step(Key, entry.Step);
        }
        if (send)
        {
            _ = GrainFactory.GetGrain<IConsultationGrain>(caseId).RoutingNewsAsync(news);
        }
    }
}
