using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains;

/// <summary>
/// Working her stored events, in order, in a loop of its own that runs on the activation outside any request:
/// one event at a time (<see cref="_workGate"/>; other calls that change her conversation wait for it, accepts
/// do not), each marked handled by the next write once worked. Infrastructure trouble is retried for as long as
/// it lasts; an event that keeps failing otherwise is given up after a few tries.
/// </summary>
public abstract partial class LineUserGrain<TState>
{
    private const int MaxAttempts = 3;

    private bool _processing;

    /// <summary>The work loop while it runs (see <see cref="Kick"/>); awaited when the activation ends.</summary>
    private Task? _work;

    /// <summary>The activation is ending: the work loop takes no further event.</summary>
    private bool _stopping;

    /// <summary>Held while one event is worked: other calls that change her conversation wait for it, accepts do not.</summary>
    private readonly SemaphoreSlim _workGate = new(1, 1);
    private string? _failingEventId;
    private int _failures;
    private IGrainTimer? _retryTimer;

    /// <summary>
    /// Starts the work loop unless it runs. It runs on this activation's scheduler (one thread at a time,
    /// like every turn) but outside any request: while it awaits a grain call or a LINE send, accepts
    /// and deliveries are served. Calls that change her conversation wait for <see cref="_workGate"/>.
    /// </summary>
    private void Kick()
    {
        if (!_processing && !_stopping && (state.State.Pending.Count > 0 || state.State.RepliesInFlight.Count > 0))
        {
            _processing = true;
            _work = WorkLoopAsync();
            _ = HoldActivationAsync(_work);
        }
    }

    /// <summary>
    /// How long one keep-alive request lasts at most. Real time, not her conversation's clock: it bounds how long a
    /// deactivation asked for meanwhile (a shutdown) waits for it, which would otherwise be Orleans' stuck-request
    /// limit (two hours) when the event being worked waits for a call back into this grain.
    /// </summary>
    private static readonly TimeSpan HoldFor = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Keeps Orleans from deactivating this activation in the middle of an event. Orleans sheds (memory pressure) and
    /// collects (idle) only activations that run no request, and the work loop is not a request: shed while the event
    /// being worked waited for a call back into this grain (a case telling her something), deactivation and work
    /// waited for each other until Orleans' deactivation timeout (30 s; issue 14's tight pods had hundreds). So while
    /// the loop runs, the activation sends itself one bounded, always-interleaving request after another: it counts
    /// as running and blocks no other call.
    /// </summary>
    private async Task HoldActivationAsync(Task work)
    {
        // After the turn that started the loop, and without its RequestContext (the hold is nobody's call chain).
        await Task.Yield();
        RequestContext.Clear();
        var self = this.AsReference<ILineUserGrain>();
        try
        {
            while (!work.IsCompleted)
            {
                await self.HoldWhileWorkingAsync();
            }
        }
        catch (Exception ex)
        {
            // The activation is ending or the silo is overloaded: the deactivation then waits for the work in OnDeactivateAsync, as before.
            LogHoldFailed(logger, ex.GetType().Name);
        }
    }

    public async Task HoldWhileWorkingAsync()
    {
        if (_work is { IsCompleted: false } work)
        {
            try
            {
                await work.WaitAsync(HoldFor);
            }
            catch (TimeoutException)
            {
                // The caller sends the next one if the loop still runs.
            }
        }
    }

    /// <summary>Starts working her stored events if they are not being worked (recovery, or a case that needs her).</summary>
    public Task ProcessPendingAsync()
    {
        Kick();
        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="change"/> between two events being worked, never during one.</summary>
    protected Task BetweenEventsAsync(Func<Task> change) => _workGate.HoldingAsync(change);

    private async Task WorkLoopAsync()
    {
        // Lets the turn that started the loop (an accept, an activation) finish first.
        await Task.Yield();
        // The loop outlives the call that started it and must not inherit its RequestContext: a call chain of
        // another user's first working (her fresh reply token) would make a repeat here a reply LINE cannot drop.
        RequestContext.Clear();
        try
        {
            // Replies a crash left in flight go first: they answer what came before.
            await FinishRepliesInFlightAsync();
            while (state.State.Pending.Count > 0 && !Erased && !_stopping)
            {
                if (!await WorkStoredEventsAsync())
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            // Nothing escapes a detached loop unseen; the events stay stored and are worked at the next kick.
            LogHandleFailed(logger, "(work loop)", 1, ex.GetType().Name);
        }
        finally
        {
            _processing = false;
        }
    }

    /// <summary>Works what is pending now (and what arrives meanwhile). False when it must stop (retry later).</summary>
    private async Task<bool> WorkStoredEventsAsync()
    {
        var keepGoing = true;
        var batch = Guid.NewGuid().ToString("N");
        while (state.State.Pending.Count > 0 && !_stopping)
        {
            var next = state.State.Pending[0];
            var firstAttempt = _attempted.Add(next.WebhookEventId);
            var moreOfRequest = SameRequest(next, state.State.Pending.Count > 1 ? state.State.Pending[1] : null);
            using var span = EngineTracing.Source.StartActivity("line_user.work");
            span?.SetTag("oc.audience", Kind.ToString());
            span?.SetTag("oc.event.type", next.Type);
            span?.SetTag("oc.event.first_attempt", firstAttempt);
            await Slots.EnterAsync();
            await _workGate.WaitAsync();
            try
            {
                if (!next.IsStandby)
                {
                    if (firstAttempt)
                    {
                        RequestContext.Set(AnsweringKey, LineUserKey);
                        // Answers to the events of one webhook request gather into shared replies until its last event.
                        new AnswerBatch(batch, More: moreOfRequest).Enter();
                    }
                    await HandleAsync(next);
                    if (next.MarkAsReadToken is { } readToken)
                    {
                        // Only a message that was worked (relayed, answered) can be marked read later.
                        state.State.MarkAsReadToken = readToken;
                    }
                }
            }
            catch (Exception) when (WorkLeft)
            {
                // This activation has ended: the event stays stored for her next one.
                return false;
            }
            catch (Exception ex)
            {
                if (!ShouldDrop(next, ex))
                {
                    ScheduleRetry();
                    keepGoing = false;
                    break;
                }
            }
            finally
            {
                RequestContext.Remove(AnsweringKey);
                AnswerBatch.Leave();
                _workGate.Release();
                Slots.Leave();
            }
            if (WorkLeft)
            {
                // Worked after all, but this activation has ended: her next one works the event again, idempotently.
                return false;
            }
            if (Erased)
            {
                // Her state is gone (she asked for erasure): nothing of this activation is written again.
                return false;
            }
            // By identity: an interleaved accept may have changed the list meanwhile.
            state.State.Pending.Remove(next);
            _requestOf.Remove(next.WebhookEventId);
            // Not awaited: the write of a reply, or her next accept, usually carries the handled mark (see WriteSoon).
            WriteSoon();
            if (!moreOfRequest)
            {
                // Her request's answers leave now, not after events accepted later (those wait for nothing).
                await SendRequestAnswersAsync(batch);
                batch = Guid.NewGuid().ToString("N");
            }
        }
        await SendRequestAnswersAsync(batch);
        return keepGoing;
    }

    private bool SameRequest(InboundLineEvent current, InboundLineEvent? following) =>
        following is not null
        && _requestOf.TryGetValue(current.WebhookEventId, out var a)
        && _requestOf.TryGetValue(following.WebhookEventId, out var b)
        && a == b;

    /// <summary>One event of this user, in order. Throwing leaves it pending and retries it shortly.</summary>
    protected abstract Task HandleAsync(InboundLineEvent lineEvent);

    /// <summary>
    /// Infrastructure trouble (storage, a silo going away, timeouts) is retried for as long as it
    /// lasts: the event stays stored and is worked once things recover. Only an event that keeps
    /// failing with anything else (a bug, bad data) is given up after a few tries, so it cannot
    /// block her conversation forever.
    /// </summary>
    private bool ShouldDrop(InboundLineEvent lineEvent, Exception ex)
    {
        if (_failingEventId == lineEvent.WebhookEventId)
        {
            _failures++;
        }
        else
        {
            _failingEventId = lineEvent.WebhookEventId;
            _failures = 1;
        }
        LogHandleFailed(logger, lineEvent.WebhookEventId, _failures, ex.GetType().Name);
        if (IsTransient(ex) || _failures < MaxAttempts)
        {
            return false;
        }
        LogDropped(logger, lineEvent.WebhookEventId, _failures, ex.GetType().Name);
        return true;
    }

    private static bool IsTransient(Exception ex) => ex is TimeoutException or OrleansException or System.Data.Common.DbException
        or Orleans.Storage.InconsistentStateException or OperationCanceledException or HttpRequestException
        || (ex.InnerException is { } inner && IsTransient(inner));

    private void ScheduleRetry()
    {
        _retryTimer?.Dispose();
        _retryTimer = this.RegisterGrainTimer(() =>
        {
            _retryTimer?.Dispose();
            _retryTimer = null;
            Kick();
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(Math.Min(30, 2 * _failures)), Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Keep-alive while working ended early: {Error}")]
    private static partial void LogHoldFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on webhook event {EventId} after {Attempts} attempts: {Error}")]
    private static partial void LogDropped(ILogger logger, string eventId, int attempts, string error);
}
