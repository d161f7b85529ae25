using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// After every pump the queue invariant (<see cref="QueueInvariant"/>) is checked; a breach is logged at Error,
/// counted, and repaired by re-queueing the case and offering again.
/// </summary>
public sealed partial class DispatcherGrain
{
    private void CheckInvariant(DateTimeOffset now, List<OfferCandidate> free)
    {
        var breaches = QueueInvariant.Check(S, free.Select(f => f.CounselorId).ToList(), now);
        if (breaches.Count == 0)
        {
            return;
        }
        foreach (var breach in breaches)
        {
            LogBreach(logger, Key, breach.Kind, breach.CaseId);
            ConversationMetrics.InvariantBreach(Key, breach.Kind.ToString());
            foreach (var counselorId in QueueInvariant.Repair(S, breach))
            {
                _ = Counselor(counselorId).OfferWithdrawnAsync(breach.CaseId, OfferReturnReason.Format(OfferReturn.Repaired, OfferOutcome.Queue));
            }
            if (Find(breach.CaseId) is { } repaired)
            {
                _queue.Touch(repaired);
            }
            News(breach.CaseId, new RoutingNews(Entry("requeued", breach.CounselorId, "repair: " + breach.Kind)), send: Find(breach.CaseId) is not null);
        }
        // Who the repair freed, or who was left idle, takes what waits.
        MakeOffers(now, FreeCounselors());
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatcher {Dispatcher}: routing invariant breached ({Kind}) for case {CaseId}; re-queued")]
    private static partial void LogBreach(ILogger logger, string dispatcher, BreachKind kind, string caseId);
}
