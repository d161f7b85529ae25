using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Grains;

/// <summary>
/// Accepting her events into her state: the dedup window (hashes of the last <see cref="DedupWindow"/> event ids,
/// mirrored in memory as <see cref="_seen"/>), the pending list and the freshest reply token. An accept is durable
/// before it answers (the webhook's 200 waits for it); one that could not be written is forgotten again, so LINE's
/// redelivery is accepted instead of dropped as a duplicate.
/// </summary>
public abstract partial class LineUserGrain<TState>
{
    internal const int DedupWindow = 512;
    internal const int PendingLimit = 200;

    /// <summary>LINE accepts a reply token for about a minute; leave a margin for the send itself.</summary>
    private static readonly TimeSpan ReplyTokenUsableFor = TimeSpan.FromSeconds(50);

    /// <summary>The dedup window's hashes, read from her state on first use; dropped whenever the state is replaced.</summary>
    private HashSet<long>? _seen;

    public async Task<AcceptOutcome> AcceptAsync(InboundLineEvent lineEvent) =>
        (await AcceptBatchAsync([lineEvent]))[0];

    public async Task<IReadOnlyList<AcceptOutcome>> AcceptBatchAsync(IReadOnlyList<InboundLineEvent> lineEvents)
    {
        if (Erased)
        {
            // A new event after her erasure reached this activation before it ended: she starts from nothing,
            // once the goodbye being worked has gone (it still uses the erased state in memory).
            if (_work is { } work)
            {
                await work;
            }
            if (Erased)
            {
                await Writes.StartAfreshAsync(() => state.ReadStateAsync());
            }
        }
        var outcomes = new AcceptOutcome[lineEvents.Count];
        var request = ++_requests;
        for (var i = 0; i < lineEvents.Count; i++)
        {
            outcomes[i] = Record(lineEvents[i]);
            if (outcomes[i] == AcceptOutcome.Accepted)
            {
                _requestOf[lineEvents[i].WebhookEventId] = request;
            }
        }
        if (!outcomes.Contains(AcceptOutcome.Accepted))
        {
            // Only duplicates: counted in memory, no storage write.
            return outcomes;
        }

        try
        {
            // The registry entry is written beside the state, once per activation: if this silo dies
            // before the events are worked, another silo (or this one restarted) finds them.
            await Task.WhenAll(WriteAsync(), RegisterWorkAsync());
        }
        catch (Exception ex)
        {
            // Not durable: forget them, so LINE's redelivery is accepted instead of dropped as a duplicate.
            Forget(lineEvents, outcomes);
            if (ex is Orleans.Storage.InconsistentStateException && !_processing)
            {
                await ReloadAsync();
            }
            throw;
        }
        Kick();
        return outcomes;
    }

    private void Forget(IReadOnlyList<InboundLineEvent> lineEvents, AcceptOutcome[] outcomes)
    {
        var s = state.State;
        for (var i = 0; i < lineEvents.Count; i++)
        {
            if (outcomes[i] != AcceptOutcome.Accepted)
            {
                continue;
            }
            var id = lineEvents[i].WebhookEventId;
            s.Pending.RemoveAll(e => e.WebhookEventId == id);
            _requestOf.Remove(id);
            s.RecentEventHashes = HashWindow.Remove(s.RecentEventHashes, EventIdHash.Of(id));
            _seen = null;
            s.EventsAccepted--;
        }
    }

    private AcceptOutcome Record(InboundLineEvent lineEvent)
    {
        var s = state.State;
        _seen ??= SeenFromState(s);
        var hash = EventIdHash.Of(lineEvent.WebhookEventId);
        if (_seen.Contains(hash))
        {
            s.DuplicatesDropped++;
            return AcceptOutcome.Duplicate;
        }

        s.RecentEventHashes = HashWindow.Append(s.RecentEventHashes, hash, DedupWindow, out var evicted);
        _seen.Add(hash);
        if (evicted is { } old)
        {
            _seen.Remove(old);
        }

        if (lineEvent.UserId is { Length: > 0 } userId)
        {
            s.UserId = userId;
            lineEvent = lineEvent with { UserId = null };
        }
        s.Pending.Add(lineEvent);
        if (s.Pending.Count > PendingLimit)
        {
            // Only when her events cannot be worked for a long time: say so loudly, ids only.
            LogPendingOverflow(logger, s.Pending[0].WebhookEventId, PendingLimit);
            s.Pending.RemoveAt(0);
        }

        // Standby events carry no reply token, and the bot must not answer them anyway.
        if (!lineEvent.IsStandby && lineEvent.ReplyToken is { Length: > 0 } token)
        {
            ReplyTokenPool.Shelve(s, clock.GetUtcNow(), ReplyTokenUsableFor);
            s.ReplyToken = token;
            s.ReplyTokenReceivedAt = clock.GetUtcNow();
        }

        s.EventsAccepted++;
        s.LastEventAt = lineEvent.Timestamp;
        return AcceptOutcome.Accepted;
    }

    private static HashSet<long> SeenFromState(TState s) => [.. HashWindow.Read(s.RecentEventHashes)];

    [LoggerMessage(Level = LogLevel.Error, Message = "More than {Limit} events pending for one user: dropped the oldest, {EventId}")]
    private static partial void LogPendingOverflow(ILogger logger, string eventId, int limit);
}
