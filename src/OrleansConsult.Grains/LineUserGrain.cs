using Orleans.Runtime;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains;

[GenerateSerializer, Alias("oc.LineUserState")]
public sealed class LineUserState
{
    /// <summary>Recent webhookEventIds, oldest first; LINE redelivers within hours, so a bounded window suffices.</summary>
    [Id(0)] public List<string> RecentEventIds { get; set; } = [];

    /// <summary>Accepted events not yet consumed by the conversation engine.</summary>
    [Id(1)] public List<InboundLineEvent> Pending { get; set; } = [];

    [Id(2)] public string? ReplyToken { get; set; }
    [Id(3)] public DateTimeOffset ReplyTokenReceivedAt { get; set; }
    [Id(4)] public long EventsAccepted { get; set; }
    [Id(5)] public long DuplicatesDropped { get; set; }
    [Id(6)] public DateTimeOffset? LastEventAt { get; set; }
}

/// <summary>
/// Dedup window, pending events and reply token of one LINE user. The conversation engine
/// builds on the two concrete grains below.
/// </summary>
public abstract class LineUserGrain(IPersistentState<LineUserState> state, TimeProvider clock) : Grain, ILineUserGrain
{
    internal const int DedupWindow = 512;
    internal const int PendingLimit = 200;

    private HashSet<string>? _seen;

    public async Task<AcceptOutcome> AcceptAsync(InboundLineEvent lineEvent) =>
        (await AcceptBatchAsync([lineEvent]))[0];

    public async Task<IReadOnlyList<AcceptOutcome>> AcceptBatchAsync(IReadOnlyList<InboundLineEvent> lineEvents)
    {
        var outcomes = new AcceptOutcome[lineEvents.Count];
        for (var i = 0; i < lineEvents.Count; i++)
        {
            outcomes[i] = Record(lineEvents[i]);
        }
        if (!outcomes.Contains(AcceptOutcome.Accepted))
        {
            // Only duplicates: counted in memory, no storage write.
            return outcomes;
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not durable: forget them, so LINE's redelivery is accepted instead of dropped as a duplicate.
            await ReloadAsync();
            throw;
        }
        return outcomes;
    }

    private AcceptOutcome Record(InboundLineEvent lineEvent)
    {
        var s = state.State;
        _seen ??= new HashSet<string>(s.RecentEventIds, StringComparer.Ordinal);
        if (_seen.Contains(lineEvent.WebhookEventId))
        {
            s.DuplicatesDropped++;
            return AcceptOutcome.Duplicate;
        }

        s.RecentEventIds.Add(lineEvent.WebhookEventId);
        _seen.Add(lineEvent.WebhookEventId);
        if (s.RecentEventIds.Count > DedupWindow)
        {
            _seen.Remove(s.RecentEventIds[0]);
            s.RecentEventIds.RemoveAt(0);
        }

        s.Pending.Add(lineEvent);
        if (s.Pending.Count > PendingLimit)
        {
            s.Pending.RemoveAt(0);
        }

        // Standby events carry no reply token, and the bot must not answer them anyway.
        if (!lineEvent.IsStandby && lineEvent.ReplyToken is { Length: > 0 } token)
        {
            s.ReplyToken = token;
            s.ReplyTokenReceivedAt = clock.GetUtcNow();
        }

        s.EventsAccepted++;
        s.LastEventAt = lineEvent.Timestamp;
        return AcceptOutcome.Accepted;
    }

    public async Task<ReplyTokenLease?> TakeReplyTokenAsync(TimeSpan maxAge)
    {
        var s = state.State;
        if (s.ReplyToken is null)
        {
            return null;
        }

        var lease = new ReplyTokenLease(s.ReplyToken, s.ReplyTokenReceivedAt);
        s.ReplyToken = null;
        await state.WriteStateAsync();
        return clock.GetUtcNow() - lease.ReceivedAt <= maxAge ? lease : null;
    }

    public Task<LineUserSnapshot> GetSnapshotAsync()
    {
        var s = state.State;
        return Task.FromResult(new LineUserSnapshot(s.EventsAccepted, s.DuplicatesDropped, s.Pending.ToList(), s.LastEventAt));
    }

    private async Task ReloadAsync()
    {
        _seen = null;
        try
        {
            await state.ReadStateAsync();
        }
        catch
        {
            // Storage is down: drop the activation so the next call starts from storage.
            DeactivateOnIdle();
        }
    }
}

public sealed class ConsulteeGrain(
    [PersistentState("consultee", StorageNames.State)] IPersistentState<LineUserState> state,
    TimeProvider clock) : LineUserGrain(state, clock), IConsulteeGrain;

public sealed class StaffLineUserGrain(
    [PersistentState("staffuser", StorageNames.State)] IPersistentState<LineUserState> state,
    TimeProvider clock) : LineUserGrain(state, clock), IStaffLineUserGrain;
