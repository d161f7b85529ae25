using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Sending;

namespace OrleansConsult.Grains;

/// <summary>
/// Dedup window, pending events and reply token of one LINE user, and delivery to her.
/// Accepting stores the events (the webhook is answered after that write); the conversation
/// engine then works through them in order, in a loop of its own that runs on the activation
/// outside any request (an accept never waits behind her earlier events, only behind a write),
/// and forgets each one once handled. What a handled event causes is idempotent (ids and retry
/// keys come from the event), so working an event again after a crash repeats nothing the user
/// sees twice.
/// Where the parts live: this file, activation and deactivation, erasure and reload;
/// <c>LineUserGrain.Work.cs</c>, the work loop (one event at a time, in order; retries);
/// <c>LineUserGrain.Accept.cs</c>, accepting events into her state (dedup window, pending list, reply token);
/// <c>LineUserGrain.Replies.cs</c>, delivery to her (replies in flight, pushes with retry keys);
/// <see cref="StateWriteQueue"/>, the group commit of her state's writes (one at a time, <see cref="WriteSoon"/>'s carry timer).
/// </summary>
public abstract partial class LineUserGrain<TState>(IPersistentState<TState> state, LineTime clock, ILineOutbound outbound, ILogger logger)
    : Grain, ILineUserGrain
    where TState : LineUserState, new()
{
    internal const int RepliedKeysKept = 256;

    /// <summary>
    /// RequestContext key naming the LINE user whose own event is being worked for the first time.
    /// Only sends in such a call chain may spend a reply token: hers, or (for a relay or any other
    /// send the event causes) the recipient's own freshest one. Any work that may be a repeat after
    /// a crash goes as a push with its retry key, which LINE drops if it already delivered it.
    /// </summary>
    internal const string AnsweringKey = "oc.answering";

    /// <summary>Retry keys this activation sent as pushes: a repeat of one must never become a reply (LINE could not drop it).</summary>
    private readonly RecentKeys _pushedKeys = new(RepliedKeysKept);

    /// <summary>Events whose handling has started in this activation or an earlier one: working them again may repeat sends.</summary>
    private readonly HashSet<string> _attempted = new(StringComparer.Ordinal);

    /// <summary>Which accepted request each pending event came in (this activation only): answers gather per request.</summary>
    private readonly Dictionary<string, int> _requestOf = new(StringComparer.Ordinal);
    private int _requests;

    /// <summary>True while this activation's entry in the pending-work registry is known to exist.</summary>
    private bool _registered;

    /// <summary>Her stored state was deleted in this activation: nothing is written back (see <see cref="EraseStoredStateAsync"/>).</summary>
    private bool Erased => Writes.Erased;

    protected IPersistentState<TState> State => state;
    protected ILogger Logger => logger;
    private (string Channel, string UserId)? _address;

    protected string LineUserKey => this.GetPrimaryKeyString();
    protected string Channel => (_address ??= GrainKeys.SplitLineUser(LineUserKey)).Channel;

    /// <summary>Where LINE sends go: the id learnt from her events (the key is only a pseudonym).</summary>
    protected string LineUserId => state.State.UserId
        ?? throw new InvalidOperationException("No LINE user id is known for this grain: it never received an event.");

    protected abstract LineUserKind Kind { get; }

    private IPendingWorkRegistry Registry => ServiceProvider.GetRequiredService<IPendingWorkRegistry>();

    private EventWorkSlots Slots => _slots ??= ServiceProvider.GetRequiredService<EventWorkSlots>();
    private EventWorkSlots? _slots;

    /// <summary>Her state's writes, one at a time (see <see cref="StateWriteQueue"/>); a reload and the erasure wait for the write in flight.</summary>
    private StateWriteQueue Writes => _writes ??= new(
        () => state.WriteStateAsync(),
        ForgetHandledOnceWritten,
        (carry, due) => this.RegisterGrainTimer(carry, due, Timeout.InfiniteTimeSpan),
        CarryFailedAsync);
    private StateWriteQueue? _writes;

    /// <summary>
    /// Completes when every change to her state made before this call is durable: accepts, the handled mark
    /// of the work loop and a spent reply token that ask during a write in flight share the next write.
    /// A failed write fails everyone who waited for it.
    /// </summary>
    protected Task WriteAsync() => Writes.WriteAsync();

    /// <summary>
    /// For changes whose loss in a crash repeats nothing anyone sees: events marked handled (they are worked
    /// again, and what they cause is idempotent: relays by event id, sends by retry key, replies already sent
    /// are in her replied keys). The next write carries them: an accept's, a reply's, or a timer's within
    /// <see cref="StateWriteQueue.CarryWithin"/>, whichever comes first. A chat turn so costs one write fewer.
    /// </summary>
    protected void WriteSoon() => Writes.WriteSoon();

    /// <summary>
    /// Runs as a write starts: the events handled by then (no longer pending) are forgotten as attempted once
    /// that write succeeded. Until then a reload would bring them back as pending, and they must stay known as attempted.
    /// </summary>
    private Action ForgetHandledOnceWritten()
    {
        var handled = _attempted.Count == 0 ? [] : _attempted.Where(id => !state.State.Pending.Exists(p => p.WebhookEventId == id)).ToList();
        return () => _attempted.ExceptWith(handled);
    }

    /// <summary>The write of <see cref="WriteSoon"/>'s timer failed: memory is ahead of storage.</summary>
    private async Task CarryFailedAsync(Exception ex)
    {
        // Handled work is idempotent: working it again after a reload repeats nothing she sees.
        LogHandleFailed(logger, "(state write)", 1, ex.GetType().Name);
        await ReloadAsync();
        Kick();
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Events stored before a crash or a move may have been half worked: their sends go as pushes
        // with their retry keys only. They are worked now, not at her next message.
        foreach (var pending in state.State.Pending)
        {
            _attempted.Add(pending.WebhookEventId);
        }
        if (state.State.Pending.Count > 0 || state.State.RepliesInFlight.Count > 0)
        {
            await RegisterWorkAsync();
            Kick();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The loop stops after the event it is working (its handled mark is written); the rest stay stored
        // for the next activation, as they did when the work was a request the deactivation waited for.
        _stopping = true;
        if (_registered && HoldsWork && !SomeoneTakesOver(reason))
        {
            // Handed to the recovery loop first: when the event being worked waits for a call back into this grain,
            // the wait below lasts until the silo's patience ends, and then the rest of this method never runs.
            await OrphanWorkAsync();
        }
        if (_work is { IsCompleted: false } work)
        {
            // Hand over only after the event being worked is finished. A shutdown waits as long as the silo allows;
            // Orleans' own shedding or collection (which chose this activation idle, a moment before its work began)
            // waits briefly: the event may wait for a call back into this grain, which an ending activation never takes.
            try
            {
                await work.WaitAsync(SomeoneTakesOver(reason) ? Timeout.InfiniteTimeSpan : LeaveWorkAfter, cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                LeaveWork();
            }
        }
        if (Writes.Dirty && !Erased)
        {
            try
            {
                await WriteAsync();
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                // Only handled marks and answered replies were waiting: the next activation works those events again, idempotently.
                LogHandleFailed(logger, "(state write at deactivation)", 1, ex.GetType().Name);
            }
        }
        if (state.State.Pending.Count == 0 && state.State.RepliesInFlight.Count == 0 && _registered)
        {
            await ReleaseWorkAsync();
        }
    }

    /// <summary>How long an activation Orleans sheds or collects waits for the event being worked before it leaves it to its successor.</summary>
    private static readonly TimeSpan LeaveWorkAfter = TimeSpan.FromSeconds(2);

    /// <summary>Cancelled when this activation ends with an event still being worked (<see cref="LeaveWork"/>).</summary>
    private CancellationTokenSource? _left;

    /// <summary>This activation ended with its work loop still running (Orleans does not stop it): it must send nothing more.</summary>
    private bool WorkLeft => _left?.IsCancellationRequested == true;

    /// <summary>Passed to every LINE send of this activation: a send still waiting when the activation ends is called off.</summary>
    private CancellationToken SendsEnd => (_left ??= new()).Token;

    /// <summary>
    /// The event being worked is left to her next activation, which works it again as after a crash (sends only as
    /// pushes with their retry keys, or a reply in flight with its own token). This activation's loop, which Orleans
    /// leaves running, takes no further step, and its LINE send in progress is called off: a reply of its own racing
    /// the successor's could otherwise fall back to a push LINE cannot drop.
    /// </summary>
    private void LeaveWork()
    {
        (_left ??= new()).Cancel();
        LogWorkLeft(logger);
    }

    /// <summary>Events stored and not yet worked, replies not yet answered by LINE, or an event being worked.</summary>
    private bool HoldsWork => state.State.Pending.Count > 0 || state.State.RepliesInFlight.Count > 0 || _work is { IsCompleted: false };

    /// <summary>
    /// A silo that shuts down is declared dead, and the recovery loop then wakes its grains; a migrating or duplicate
    /// activation's successor registers itself. Any other end (memory pressure, idle collection) leaves her work on a
    /// silo that lives on, where nothing would wake her before her next message.
    /// </summary>
    private static bool SomeoneTakesOver(DeactivationReason reason) =>
        reason.ReasonCode is DeactivationReasonCode.ShuttingDown or DeactivationReasonCode.Migrating or DeactivationReasonCode.DuplicateActivation;

    /// <summary>Her entry goes to no silo, so the recovery loop wakes her within seconds (see <see cref="IPendingWorkRegistry.OrphanAsync"/>).</summary>
    private async Task OrphanWorkAsync()
    {
        try
        {
            // Still registered: if the work ends before the activation does, the release below forgets the entry.
            await Registry.OrphanAsync(LineUserKey);
            LogOrphanedWork(logger);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            // Then, as before this hand-over existed, her next message wakes her.
            LogOrphanFailed(logger, ex.GetType().Name);
        }
    }

    private async Task RegisterWorkAsync()
    {
        if (!_registered)
        {
            await Registry.RegisterAsync(LineUserKey, Kind);
            _registered = true;
        }
    }

    private async Task ReleaseWorkAsync()
    {
        try
        {
            await Registry.ReleaseAsync(LineUserKey);
            _registered = false;
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            // A stale entry only costs one more activation later.
            LogReleaseFailed(logger, ex.GetType().Name);
        }
    }

    /// <summary>
    /// Deletes her stored state, the row itself (an erasure she asked for). The reply token of the event
    /// being worked stays in memory so the answer can still be a free reply, but nothing of hers is
    /// written again by this activation, which ends after this turn: her next event starts from
    /// nothing, like a new follower's.
    /// </summary>
    protected async Task EraseStoredStateAsync()
    {
        // In memory only, for the goodbye this activation still sends her; never written back.
        var (token, receivedAt, userId) = (state.State.ReplyToken, state.State.ReplyTokenReceivedAt, state.State.UserId);
        // All in the turn that finishes the delete, before the gate opens: no other turn sees her state half gone.
        await Writes.EraseAsync(async () =>
        {
            await state.ClearStateAsync();
            _seen = null;
            state.State.ReplyToken = token;
            state.State.ReplyTokenReceivedAt = receivedAt;
            state.State.UserId = userId;
        });
        DeactivateOnIdle();
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
        await WriteAsync();
        return clock.GetUtcNow() - lease.ReceivedAt <= maxAge ? lease : null;
    }

    /// <summary>
    /// 既読 for everything she wrote up to her latest worked message, once a person has it in front of
    /// her. The token is used once; forgetting it is written with her next state write (a repeat after
    /// a crash marks the same messages read again, which changes nothing).
    /// </summary>
    public async Task MarkReadAsync()
    {
        if (state.State.MarkAsReadToken is not { } token)
        {
            return;
        }
        state.State.MarkAsReadToken = null;
        await Signals.MarkAsReadAsync(Channel, token);
    }

    /// <summary>Outbound chat signals (既読, loading); none where LINE is not wired (grain tests).</summary>
    protected IChatSignals Signals => ServiceProvider.GetService<IChatSignals>() ?? NoChatSignals.Instance;

    public Task<LineUserSnapshot> GetSnapshotAsync()
    {
        var s = state.State;
        return Task.FromResult(new LineUserSnapshot(s.EventsAccepted, s.DuplicatesDropped, s.Pending.ToList(), s.LastEventAt, HashWindow.Read(s.RecentEventHashes)));
    }

    private async Task ReloadAsync()
    {
        _seen = null;
        // Never while an accept or the work loop writes: the read replaces the state they are writing.
        await Writes.ExclusiveAsync(async () =>
        {
            try
            {
                await state.ReadStateAsync();
            }
            catch
            {
                // Storage is down: drop the activation so the next call starts from storage.
                DeactivateOnIdle();
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Send {RetryKey} went out as a reply before: not repeated")]
    private static partial void LogRepeatSkipped(ILogger logger, Guid retryKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deactivated with stored work while the silo lives on: handed to the recovery loop")]
    private static partial void LogOrphanedWork(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deactivated while an event was being worked: left to the next activation")]
    private static partial void LogWorkLeft(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand the pending-work entry to the recovery loop: {Error}")]
    private static partial void LogOrphanFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the pending-work entry: {Error}")]
    private static partial void LogReleaseFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling webhook event {EventId} failed (attempt {Attempt}): {Error}")]
    private static partial void LogHandleFailed(ILogger logger, string eventId, int attempt, string error);
}
