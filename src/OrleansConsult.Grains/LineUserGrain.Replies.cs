using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Outbox;
using OrleansConsult.Line.Sending;

namespace OrleansConsult.Grains;

/// <summary>
/// Delivery to this user. Replies in flight: a reply is written to her state with its token
/// (<see cref="ReplyInFlight"/>) before it leaves and removed once LINE answered. What a crash leaves
/// there is finished by the next activation (or the repeat of its send): the same token again while it is
/// young (LINE answers "Invalid reply token" for a spent token, so that answer means the first attempt was
/// delivered), else a push with its retry key. Answers to the events of one webhook request gather in one
/// such entry, up to LINE's 5 messages, and leave together on one token.
/// </summary>
public abstract partial class LineUserGrain<TState>
{
    /// <summary>A gathering reply leaves at the latest this long after its first message, if its batch never says it ended.</summary>
    private static readonly TimeSpan GatherAtMost = TimeSpan.FromMilliseconds(500);

    /// <summary>One send (or flush) at a time: her messages leave in order and an entry is never sent twice at once.</summary>
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private IGrainTimer? _gatherTimer;

    /// <summary>Batches that gathered replies in this activation; an entry of another batch was left by a crash.</summary>
    private readonly HashSet<string> _gatheredHere = new(StringComparer.Ordinal);

    /// <summary>
    /// Sends to this user. A reply (free) only answers an event on its first working; any other send,
    /// and any that may be a repeat after a crash, is a push with its retry key, so LINE delivers it once
    /// however often it is tried. A send of a batch with more events to come waits for them (joined
    /// into one reply) and reports <see cref="DeliveryOutcome.Sent"/>: it is durable in her state.
    /// </summary>
    public async Task<DeliveryOutcome> DeliverAsync(IReadOnlyList<Outgoing> messages, Guid retryKey)
    {
        // Her own event, or another user's event that causes this send (a relay), worked for the first time.
        var answering = RequestContext.Get(AnsweringKey) is string;
        var batch = answering ? AnswerBatch.Current() : null;
        var origin = RequestContext.Get(OutboxOrigins.RequestContextKey) as string;
        var links = ServiceProvider.GetService<IMediaLinks>();
        var lineMessages = messages.SelectMany(m => LineMessageMapper.ToLineMessages(m, links)).ToList();
        return await InSendTurnAsync(async () =>
        {
            await FinishDueRepliesAsync();
            var outcome = DeliveryOutcome.Sent;
            for (var part = 0; part * LineMessageValidator.MaxMessagesPerRequest < lineMessages.Count; part++)
            {
                var chunk = lineMessages.Skip(part * LineMessageValidator.MaxMessagesPerRequest).Take(LineMessageValidator.MaxMessagesPerRequest).ToList();
                var key = RetryKeys.Part(retryKey, part);
                outcome = Worst(outcome, await SendPartAsync(chunk, key, answering, batch, origin));
            }
            return outcome;
        });
    }

    private async Task<DeliveryOutcome> SendPartAsync(List<LineMessage> chunk, Guid key, bool answering, AnswerBatch? batch, string? origin)
    {
        var s = State.State;
        if (HashWindow.Contains(s.RepliedKeyHashes, RetryKeyHash.Of(key)) || s.RepliesInFlight.Exists(r => r.Keys.Contains(key)))
        {
            // Went out (or is going out) as a reply before: a push now could not be dropped by LINE.
            LogRepeatSkipped(Logger, key);
            return DeliveryOutcome.Sent;
        }

        var open = batch is null ? null : s.RepliesInFlight.Find(r => r.Batch == batch.Tag);
        if (open is not null && open.MessageCount + chunk.Count <= LineMessageValidator.MaxMessagesPerRequest)
        {
            Append(open, chunk, key);
            return await SendOrGatherAsync(open, batch!);
        }
        // Anything else goes after what is still gathering, so she reads her messages in order.
        var outcome = await SendGatheredAsync(batchTag: null);

        var token = answering && !_pushedKeys.Contains(key) ? TakeFreshToken() : null;
        if (token is null)
        {
            var sent = await outbound.SendAsync(Channel, LineUserId, chunk, null, key, origin, SendsEnd);
            _pushedKeys.Add(key);
            return Worst(outcome, Outcome(sent.Path));
        }
        var entry = new ReplyInFlight
        {
            Key = key,
            Token = token.Token,
            TokenReceivedAt = token.ReceivedAt,
            MarkedAt = clock.GetUtcNow(),
            Origin = origin,
            Batch = batch?.Tag,
        };
        Append(entry, chunk, key);
        s.RepliesInFlight.Add(entry);
        if (batch is not null)
        {
            _gatheredHere.Add(batch.Tag);
        }
        return Worst(outcome, batch is null ? await MarkAndSendAsync(entry) : await SendOrGatherAsync(entry, batch));
    }

    private static void Append(ReplyInFlight entry, List<LineMessage> chunk, Guid key)
    {
        var messages = entry.MessageCount == 0 ? [] : OutboxMessages.Deserialize(entry.Messages).ToList();
        messages.AddRange(chunk);
        entry.Messages = OutboxMessages.Serialize(messages);
        entry.MessageCount = messages.Count;
        entry.Keys.Add(key);
    }

    /// <summary>Durable first (the caller's event may count as handled once this returns); then sent if its batch ends here or it is full.</summary>
    private async Task<DeliveryOutcome> SendOrGatherAsync(ReplyInFlight entry, AnswerBatch batch)
    {
        if (!batch.More || entry.MessageCount >= LineMessageValidator.MaxMessagesPerRequest)
        {
            entry.Batch = null;
            return await MarkAndSendAsync(entry);
        }
        await Task.WhenAll(WriteAsync(), RegisterWorkAsync());
        _gatherTimer ??= this.RegisterGrainTimer(async _ =>
        {
            _gatherTimer?.Dispose();
            _gatherTimer = null;
            await InSendTurnAsync(() => SendGatheredAsync(batchTag: null));
        }, GatherAtMost, Timeout.InfiniteTimeSpan);
        return DeliveryOutcome.Sent;
    }

    /// <summary>The mark (token, messages, keys) is written before the reply leaves; a crash after it is finished by <see cref="FinishDueRepliesAsync"/>.</summary>
    private async Task<DeliveryOutcome> MarkAndSendAsync(ReplyInFlight entry)
    {
        await Task.WhenAll(WriteAsync(), RegisterWorkAsync());
        return await SendEntryAsync(entry, retry: false);
    }

    /// <summary>Sends what gathered (all of it, or only <paramref name="batchTag"/>'s), each on its own token.</summary>
    private async Task<DeliveryOutcome> SendGatheredAsync(string? batchTag)
    {
        var outcome = DeliveryOutcome.Sent;
        foreach (var entry in State.State.RepliesInFlight.Where(r => r.Batch is not null && (batchTag is null || r.Batch == batchTag)).ToList())
        {
            // Durable already (written as it gathered): its token is its own, the send is its first attempt.
            entry.Batch = null;
            outcome = Worst(outcome, await SendEntryAsync(entry, retry: false));
        }
        return outcome;
    }

    private async Task<DeliveryOutcome> SendEntryAsync(ReplyInFlight entry, bool retry)
    {
        var slot = new ReplyTokenSlot(entry.Token, entry.TokenReceivedAt) { RetryOfSameSend = retry };
        var sent = await outbound.SendAsync(Channel, LineUserId, OutboxMessages.Deserialize(entry.Messages), slot, entry.Key, entry.Origin, SendsEnd);
        if (retry)
        {
            LogReplyFinished(Logger, entry.Key, sent.AlreadyDelivered ? "delivered before" : sent.Path.ToString());
        }
        // Answered by LINE (a reply, or a push or outbox row under its retry key): its keys now only mean "skip".
        var s = State.State;
        s.RepliesInFlight.Remove(entry);
        foreach (var key in entry.Keys)
        {
            s.RepliedKeyHashes = HashWindow.Append(s.RepliedKeyHashes, RetryKeyHash.Of(key), RepliedKeysKept, out _);
        }
        // Written at once, not carried later: after a crash a reply still marked in flight is sent again, and once
        // its token is old that repeat is a push LINE cannot drop (the documented ambiguity stays this narrow).
        await WriteAsync();
        return Outcome(sent.Path);
    }

    /// <summary>
    /// Replies a crash (or a failed write) left in flight, in order: the same token again while it is young,
    /// else a push with the reply's retry key. Not the ones still gathering for a batch under way.
    /// </summary>
    private async Task FinishDueRepliesAsync()
    {
        foreach (var entry in State.State.RepliesInFlight.Where(r => r.Batch is null || !_gatheredHere.Contains(r.Batch)).ToList())
        {
            entry.Batch = null;
            await SendEntryAsync(entry, retry: true);
        }
    }

    /// <summary>From the work loop: what one request's events gathered for her leaves now, in turn with other sends to her.</summary>
    private async Task SendRequestAnswersAsync(string batchTag)
    {
        if (!State.State.RepliesInFlight.Exists(r => r.Batch == batchTag))
        {
            return;
        }
        await InSendTurnAsync(() => SendGatheredAsync(batchTag));
    }

    /// <summary>Entry point for the activation's own work (<see cref="ProcessPendingAsync"/>).</summary>
    private async Task FinishRepliesInFlightAsync()
    {
        if (State.State.RepliesInFlight.Count == 0)
        {
            return;
        }
        await InSendTurnAsync(async () =>
        {
            await FinishDueRepliesAsync();
            return DeliveryOutcome.Sent;
        });
    }

    /// <summary>Runs <paramref name="send"/> holding <see cref="_sendGate"/>: sends to her never overlap. None once this activation left its work.</summary>
    private Task<DeliveryOutcome> InSendTurnAsync(Func<Task<DeliveryOutcome>> send) =>
        WorkLeft ? Task.FromCanceled<DeliveryOutcome>(SendsEnd) : _sendGate.HoldingAsync(send);

    private static DeliveryOutcome Worst(DeliveryOutcome a, DeliveryOutcome b) => (DeliveryOutcome)Math.Max((int)a, (int)b);

    private static DeliveryOutcome Outcome(SendPath path) => path switch
    {
        SendPath.Parked => DeliveryOutcome.Parked,
        SendPath.Queued => DeliveryOutcome.Queued,
        _ => DeliveryOutcome.Sent,
    };

    /// <summary>The reply token is spent the moment it is handed out (and written before the reply goes out).</summary>
    private ReplyTokenSlot? TakeFreshToken() => ReplyTokenPool.Take(State.State, clock.GetUtcNow(), ReplyTokenUsableFor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {RetryKey} left in flight by a crash finished: {Result}")]
    private static partial void LogReplyFinished(ILogger logger, Guid retryKey, string result);
}
