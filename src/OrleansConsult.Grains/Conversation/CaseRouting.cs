using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Where a case waits and what its consultee hears about it: queued at her area's dispatcher (or handed to the
/// nurse pool), unanswered with the hours, phones and the offer to leave a message, a left message queued with
/// whichever opens first; and the dispatchers' routing news (offered, requeued, overflowed, her place) turned
/// into what she is told, once per state (<see cref="ProgressPolicy"/>). It changes the case's state; the grain
/// writes it.
/// </summary>
public sealed class CaseRouting(
    string caseId,
    IPersistentState<ConsultationState> state,
    ProgramDirectory directory,
    EngineClock clock,
    IGrainFactory grains,
    CaseRelay relay,
    CaseRecordWriter records)
{
    private ConsultationState S => state.State;

    /// <summary>Her area's own dispatcher (as opposed to a nurse pool).</summary>
    public string LocalKey => $"tenant:{S.TenantId}";

    public IDispatcherGrain Dispatcher(string key) => grains.GetGrain<IDispatcherGrain>(key);

    /// <summary>Queues the case at <paramref name="dispatcherKey"/> and tells her what happens next.</summary>
    public async Task RouteAsync(string dispatcherKey, string cause)
    {
        var result = await Dispatcher(dispatcherKey).EnqueueAsync(Ticket(leftMessage: false));
        S.DispatcherKey = result.DispatcherKey;
        var pool = result.DispatcherKey.StartsWith("pool:", StringComparison.Ordinal);
        switch (result.Outcome)
        {
            case EnqueueOutcome.Queued or EnqueueOutcome.Overflowed:
                S.Status = CaseStatus.Waiting;
                var text = CaseTexts.Queued(pool ? directory.FindDispatcher(result.DispatcherKey)?.Name ?? "" : null, result.Position);
                await relay.ToConsulteeAsync($"route/{cause}", new Outgoing(text));
                Told(ProgressPolicy.Key(pool ? "pool" : "queued", result.DispatcherKey));
                break;
            default:
                await BecomeUnansweredAsync($"route/{cause}");
                break;
        }
    }

    public async Task BecomeUnansweredAsync(string cause)
    {
        S.Status = CaseStatus.Unanswered;
        var local = directory.Dispatcher(LocalKey);
        var pool = directory.FindDispatcher(local.OverflowTo);
        await relay.ToConsulteeAsync(cause, Say.Unanswered(local, pool, clock.GetUtcNow()));
        Told(ProgressPolicy.Key("unanswered", LocalKey));
    }

    /// <summary>Remembers the routing state she was just told of, so the same state is not told twice.</summary>
    public void Told(string key)
    {
        S.Told = key;
        S.ToldAt = clock.GetUtcNow();
    }

    private CaseTicket Ticket(bool leftMessage) =>
        new(caseId, S.TenantId, S.AreaName, S.Urgent, S.CreatedAt, S.PreferredCounselorId, S.Preview, leftMessage, S.ExcludedCounselors.ToList());

    /// <summary>Left with whichever opens first: her area, or the nurse pool that covers it.</summary>
    public async Task LeaveMessageAsync()
    {
        var now = clock.GetUtcNow();
        var local = directory.Dispatcher(LocalKey);
        var target = local;
        if (directory.FindDispatcher(local.OverflowTo) is { } pool
            && (pool.Schedule.NextOpening(now) ?? DateTimeOffset.MaxValue) < (local.Schedule.NextOpening(now) ?? DateTimeOffset.MaxValue))
        {
            target = pool;
        }
        S.Status = CaseStatus.LeftMessage;
        await records.LeftMessageAsync();
        var result = await Dispatcher(target.Key).EnqueueAsync(Ticket(leftMessage: true));
        S.DispatcherKey = result.DispatcherKey;
    }

    /// <summary>A transfer goes to the nurse pool when the case is local and the pool is open, else back to its own queue.</summary>
    public DispatcherProfile TransferTarget(DateTimeOffset now)
    {
        var pool = directory.FindDispatcher(directory.Dispatcher(LocalKey).OverflowTo);
        return !S.DispatcherKey.StartsWith("pool:", StringComparison.Ordinal) && pool is not null && pool.Schedule.IsOpen(now)
            ? pool
            : directory.Dispatcher(S.DispatcherKey);
    }

    /// <summary>A dispatcher's news of the case: journaled, and told to her when it changes what she waits for.</summary>
    public async Task HearAsync(RoutingNews news)
    {
        if (news.Entry is { } entry)
        {
            S.Journal.Add(entry);
            if (entry.Step == "offered")
            {
                S.FirstOfferedAt ??= entry.At;
            }
        }
        if (news.NowAt is { } key)
        {
            S.DispatcherKey = key;
        }
        var waiting = S.Status is CaseStatus.Waiting or CaseStatus.LeftMessage;
        var now = clock.GetUtcNow();
        if (news.Entry?.Step == "overflowed" && S.Status == CaseStatus.Waiting
            && ProgressPolicy.ShouldTell(S.Told, S.ToldAt, ProgressPolicy.Key("pool", S.DispatcherKey), now, handOver: true))
        {
            // Handed to the pool after waiting here: she hears who she is waiting for now.
            await relay.ToConsulteeAsync($"pool/{S.Journal.Count}", new Outgoing(Say.PoolConnecting(directory.FindDispatcher(S.DispatcherKey)?.Name ?? "")));
            Told(ProgressPolicy.Key("pool", S.DispatcherKey));
        }
        else if (news.Entry?.Step == "requeued" && waiting)
        {
            // An offer came back and nobody has it now: once per state, not more often than the minimum interval.
            if (ProgressPolicy.ShouldTell(S.Told, S.ToldAt, ProgressPolicy.Key("looking", S.DispatcherKey), now, handOver: false))
            {
                await relay.ToConsulteeAsync($"looking/{S.Journal.Count}", new Outgoing(Say.StillLooking(news.QueuePosition ?? 1)));
                Told(ProgressPolicy.Key("looking", S.DispatcherKey));
            }
        }
        else if (news.QueuePosition is { } position && S.Status == CaseStatus.Waiting)
        {
            await relay.ToConsulteeAsync($"position/{S.Journal.Count}/{position}", new Outgoing(BotText.Format("QueuePosition", position)));
        }
        if (news.NobodyAvailable && S.Status == CaseStatus.Waiting)
        {
            await BecomeUnansweredAsync($"nobody/{S.Journal.Count}");
        }
    }
}
