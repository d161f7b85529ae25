using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The cascade out of this queue: a waiting case that should not wait here any longer (<see cref="EscalationPolicy"/>)
/// goes to the nurse pool when it covers this tenant and takes it, else the consultee hears that nobody can take it
/// now, or (at the maximum wait) she keeps her place and the pool is asked again later; a lapsed offer nobody else
/// here could take goes to the pool too.
/// </summary>
public sealed partial class DispatcherGrain
{
    /// <summary>
    /// Escalates each waiting case of <paramref name="cases"/> (the whole queue in a sweep) that should leave now.
    /// Returns the outcome for <paramref name="enqueuing"/> when that case left (so its Enqueue call answers with it
    /// instead of a one-way notice).
    /// </summary>
    private async Task<EnqueueResult?> EscalateWaitingAsync(DateTimeOffset now, bool open, string? enqueuing, IEnumerable<QueuedCase> cases)
    {
        EnqueueResult? enqueuingResult = null;
        var onShift = OnShift().ToList();
        foreach (var q in cases.Where(q => !q.Ticket.LeftMessage && q.OfferedTo is null).ToList())
        {
            if (EscalationPolicy.Reason(q, Profile, now, open, onShift) is not { } reason)
            {
                continue;
            }
            var keep = EscalationPolicy.KeepsPlaceIfRefused(reason);
            var result = await EscalateAsync(q.Ticket, reason, notify: q.Ticket.CaseId != enqueuing, keepIfRefused: keep);
            if (result is null)
            {
                q.NextOverflowAttempt = EscalationPolicy.NextOverflowAttempt(directory.FindDispatcher(Profile.OverflowTo), now);
                _queue.Touch(q);
                continue;
            }
            _queue.Remove(q);
            _left[q.CaseId] = result.Outcome == EnqueueOutcome.Overflowed ? result.DispatcherKey : null;
            if (q.Ticket.CaseId == enqueuing)
            {
                enqueuingResult = result;
            }
        }
        return enqueuingResult;
    }

    /// <summary>
    /// To the nurse pool when it covers this tenant and takes it; otherwise nobody can take it now (the
    /// consultee is told), or, with <paramref name="keepIfRefused"/>, null: it stays here.
    /// </summary>
    private async Task<EnqueueResult?> EscalateAsync(CaseTicket ticket, string reason, bool notify, bool keepIfRefused)
    {
        if (await OverflowAsync(ticket, reason) is { } result)
        {
            return result;
        }
        if (keepIfRefused)
        {
            return null;
        }
        News(ticket.CaseId, new RoutingNews(Entry("unanswered", reason: reason), NobodyAvailable: notify));
        return new EnqueueResult(EnqueueOutcome.Closed, Key, 0);
    }

    /// <summary>Hands the case to the open pool this dispatcher overflows to; null when there is none or it refused.</summary>
    private async Task<EnqueueResult?> OverflowAsync(CaseTicket ticket, string reason)
    {
        if (Profile.OverflowTo is not { } pool || directory.FindDispatcher(pool) is not { } profile || !profile.Schedule.IsOpen(clock.GetUtcNow()))
        {
            return null;
        }
        var result = await GrainFactory.GetGrain<IDispatcherGrain>(pool).EnqueueAsync(ticket with { Excluded = [], LeftMessage = false });
        if (result.Outcome != EnqueueOutcome.Queued)
        {
            return null;
        }
        LogOverflowed(logger, Key, ticket.CaseId, reason);
        await CountOverflowAsync();
        News(ticket.CaseId, new RoutingNews(Entry("overflowed", reason: reason), NowAt: pool));
        return new EnqueueResult(EnqueueOutcome.Overflowed, pool, result.Position);
    }

    /// <summary>
    /// A lapsed offer nobody else here could take goes to the pool when it can take it; otherwise it waits for
    /// the same counselor's pause to end (or anyone's 出勤). Left messages stay where they were left.
    /// </summary>
    private async Task OverflowLapsedAsync(bool open)
    {
        foreach (var (q, _, _) in _returned.Where(r => r.Why == OfferReturn.Lapsed).ToList())
        {
            if (!open || q.Ticket.LeftMessage || q.OfferedTo is not null || !_queue.Contains(q))
            {
                continue;
            }
            if (await OverflowAsync(q.Ticket, EscalationPolicy.OfferLapsed) is { } result)
            {
                _queue.Remove(q);
                _left[q.CaseId] = result.DispatcherKey;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatcher {Dispatcher}: case {CaseId} overflowed ({Reason})")]
    private static partial void LogOverflowed(ILogger logger, string dispatcher, string caseId, string reason);
}
