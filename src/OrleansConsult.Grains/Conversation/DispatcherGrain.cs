using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Serialization;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The queue of one tenant or nurse pool: left messages first, then urgent, then arrival; offers
/// (<see cref="OfferPolicy"/>) to the longest-idle counselor with a free slot (her previous counselor
/// first for a returning consultee), one offer per counselor at a time, each with a deadline; the
/// cascade local → nurse pool → left message. An offer that lapses puts the case back in the queue:
/// another free counselor gets it, else the pool when it can take it, else the same counselor after a
/// pause; and 出勤 offers a counselor what waits. Who may take offers is asked of the program's roster
/// in use at offer time, never of who once reported here. Every sweep of the queue (every pump while it is
/// short, at most <see cref="DispatcherSweepPolicy.Interval"/> apart when it is long) checks the queue invariant
/// (<see cref="QueueInvariant"/>); a breach is logged, counted and repaired.
/// Every deadline is in state; a timer wakes it at the next one and a reminder keeps it alive (and
/// re-activates it after a silo dies) while it has work, including on-shift counselors whose shift
/// ends at the closing. It never waits on a counselor or a case: what it tells them is one-way, so no
/// call cycle can deadlock, and an offer that got lost simply times out.
/// <para>
/// Durability (issue 14): the queue is one row per case (<see cref="IDispatcherQueueStore"/>), the rest (roster,
/// sequence) a small state. Each call does its work under a gate, one at a time, then waits for a group commit
/// (<see cref="DispatcherCommits"/>) outside the gate: calls that arrive while a write is in flight share the
/// next one, so a surge is not one round trip per offer. A call answers only once its change is durable.
/// </para>
/// <para>
/// Where each part lives: this file holds activation, the gate and commit, the queue's own calls and the pump, which
/// calls each part in order; <c>DispatcherGrain.Roster.cs</c> the roster (reports, leaving it, the 退勤 nudge of
/// <see cref="ShiftNudgePolicy"/>); <c>DispatcherGrain.Offers.cs</c> offers (making, accepting, declining, lapsing,
/// releasing); <c>DispatcherGrain.Overflow.cs</c> the cascade to the nurse pool (<see cref="EscalationPolicy"/>);
/// <c>DispatcherGrain.Invariant.cs</c> the invariant's check and repair; <c>DispatcherGrain.News.cs</c> what cases,
/// consultees and counselors are told; <c>DispatcherGrain.Board.cs</c> the live board.
/// </para>
/// </summary>
[Reentrant]
public sealed partial class DispatcherGrain(
    [PersistentState("dispatcher", StorageNames.State)] IPersistentState<DispatcherState> state,
    IDispatcherQueueStore queueStore,
    Serializer<QueuedCase> caseSerializer,
    EngineClock clock,
    ProgramDirectory directory,
    ILogger<DispatcherGrain> logger) : Grain, IDispatcherGrain, IRemindable
{
    /// <summary>Offers that came back since the last pump, told to their counselor once the pump knows where the case went.</summary>
    private readonly List<(QueuedCase Case, string CounselorId, OfferReturn Why)> _returned = [];
    /// <summary>Cases that left for the pool (or were answered "nobody") in this pump, by case id.</summary>
    private readonly Dictionary<string, string?> _left = [];

    /// <summary>One call's work at a time: the grain is reentrant only so that calls can join a commit in flight.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DispatcherQueue _queue = new([]);
    private DispatcherCommits? _commits;

    private DispatcherTimers? _timers;
    private DispatcherTimers Timers => _timers ??= new(this, () => WorkAsync(() => PumpAsync(sweep: true)));

    /// <summary>When the pump last walked the whole queue (<see cref="DispatcherSweepPolicy"/>); null before the first sweep.</summary>
    private DateTimeOffset? _lastSweep;

    private DispatcherState S => state.State;
    private string Key => this.GetPrimaryKeyString();
    private DispatcherProfile Profile => directory.Dispatcher(Key);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ConversationMetrics.QueueGone(Key); // the silo it moves to reports it from now on
        return Task.CompletedTask;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var rows = await queueStore.LoadAsync(Key, cancellationToken);
        S.Queue = rows.Select(r => caseSerializer.Deserialize(r.Payload)!).ToList();
        _queue = new DispatcherQueue(S.Queue);
        _commits = new DispatcherCommits(SaveAsync, () => DeactivateOnIdle());
        // Deadlines come back from state: work anything already due, then sleep until the next one.
        if (S.Queue.Count > 0 || S.Roster.Count > 0)
        {
            await WorkAsync(() => PumpAsync(sweep: true));
        }
    }

    /// <summary>The changed rows and the small state, written together; the rows are serialized now, before any await.</summary>
    private Task SaveAsync()
    {
        var (changed, removed) = _queue.TakeChanges();
        var rows = changed.Select(q => new DispatcherQueueRow(q.CaseId, caseSerializer.SerializeToArray(q))).ToList();
        return Task.WhenAll(queueStore.SaveAsync(Key, rows, removed), state.WriteStateAsync());
    }

    /// <summary>Runs <paramref name="work"/> alone (under the gate), then waits until what it changed is durable.</summary>
    private async Task<T> WorkAsync<T>(Func<Task<T>> work)
    {
        var result = await _gate.HoldingAsync(work);
        await _commits!.CommitAsync();
        return result;
    }

    private Task WorkAsync(Func<Task> work) => WorkAsync(async () =>
    {
        await work();
        return true;
    });

    public Task<EnqueueResult> EnqueueAsync(CaseTicket ticket) => WorkAsync(() => EnqueueCoreAsync(ticket));

    private async Task<EnqueueResult> EnqueueCoreAsync(CaseTicket ticket)
    {
        var now = clock.GetUtcNow();
        if (Find(ticket.CaseId) is { } existing)
        {
            return new EnqueueResult(EnqueueOutcome.Queued, Key, PositionOf(existing));
        }
        if (!ticket.LeftMessage && !Profile.Schedule.IsOpen(now))
        {
            return await EscalateAsync(ticket, EscalationPolicy.Closed, notify: false, keepIfRefused: false)
                ?? new EnqueueResult(EnqueueOutcome.Closed, Key, 0);
        }

        var queued = new QueuedCase { Ticket = ticket, Seq = ++S.Seq, EnqueuedAt = now, LastPositionAt = now };
        _queue.Add(queued);
        queued.LastPosition = PositionOf(queued); // she hears it in the answer to this call, not again as a notice
        News(ticket.CaseId, new RoutingNews(Entry(ticket.LeftMessage ? "left message" : "queued"), NowAt: Key));
        var escalated = await PumpAsync(ticket.CaseId);
        if (escalated is not null)
        {
            return escalated;
        }
        return new EnqueueResult(EnqueueOutcome.Queued, Key, PositionOf(queued));
    }

    public Task WithdrawAsync(string caseId) => WorkAsync(async () =>
    {
        if (Find(caseId) is { } q)
        {
            _queue.Remove(q);
            if (q.OfferedTo is { } counselorId)
            {
                ReleaseOffer(q, counselorId, OfferReturn.Withdrawn);
            }
            await PumpAsync();
        }
    });

    public Task MarkUrgentAsync(string caseId) => WorkAsync(async () =>
    {
        if (Find(caseId) is { } q && !q.Ticket.Urgent)
        {
            q.Ticket = q.Ticket with { Urgent = true };
            _queue.Reorder(q);
            await PumpAsync();
        }
    });

    public Task SetPreviewAsync(string caseId, string preview) => WorkAsync(() =>
    {
        if (Find(caseId) is { } q)
        {
            q.Ticket = q.Ticket with { Preview = preview };
            _queue.Touch(q);
        }
        return Task.CompletedTask;
    });

    public Task TickAsync() => WorkAsync(() => PumpAsync(sweep: true));

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => WorkAsync(() => PumpAsync(sweep: true));

    public Task<DispatcherSnapshot> GetSnapshotAsync() => Task.FromResult(new DispatcherSnapshot(
        Profile.Schedule.IsOpen(clock.GetUtcNow()),
        S.Queue.Select(q => q.Ticket.CaseId).ToList(),
        S.Queue.Where(q => q.OfferedTo is not null).ToDictionary(q => q.Ticket.CaseId, q => q.OfferedTo!),
        S.Roster.Values.Select(r => r.Status).ToList(),
        _timers?.NextWake,
        RuntimeIdentity));

    /// <summary>
    /// Everything time or state can make due: the roster, schedule edges and shift ends, offer deadlines
    /// and pauses, overflow, new offers, the invariant, queue-position notices. Returns the outcome for
    /// <paramref name="enqueuing"/> when that case left this queue at once (so its Enqueue call answers
    /// with it instead of a one-way notice).
    /// <para>
    /// What needs the whole queue (lapsed offers, escalation, the invariant, place notices, the next wake-up) runs
    /// in a sweep: when <paramref name="sweep"/> is asked for (a timer, a reminder, activation, a tick), the schedule
    /// opened or closed, or <see cref="DispatcherSweepPolicy"/> says it is due. Between sweeps a pump handles what
    /// its call changed (the case it enqueues, the offers that came back, new offers) and sets the timer for the next.
    /// </para>
    /// </summary>
    private async Task<EnqueueResult?> PumpAsync(string? enqueuing = null, bool sweep = false)
    {
        var now = clock.GetUtcNow();
        var open = Profile.Schedule.IsOpen(now);
        _left.Clear();

        var closing = S.WasOpen == true && !open;
        sweep = sweep || S.WasOpen != open || DispatcherSweepPolicy.Due(S.Queue.Count, _lastSweep, now);
        S.WasOpen = open;
        DropOffRoster();
        NudgeShiftsOver(now, closing);

        if (sweep)
        {
            LapseDueOffers(now);
        }
        var enqueuingResult = await EscalateWaitingAsync(now, open, enqueuing, sweep ? S.Queue : ChangedInThisPump(enqueuing));

        var free = open ? FreeCounselors() : [];
        MakeOffers(now, free);
        await OverflowLapsedAsync(open);
        if (sweep)
        {
            CheckInvariant(now, free);
        }
        TellReturned(now);
        if (sweep)
        {
            NoticePositions(now);
            ConversationMetrics.Queue(Key, S.Queue.Count, S.Queue.Count == 0 ? TimeSpan.Zero : now - S.Queue.Min(q => q.EnqueuedAt));
            _lastSweep = now;
        }

        // Written by the commit the caller waits for (WorkAsync), together with whatever else joins it.
        BoardChanged();
        // Between sweeps the next sweep looks at every deadline again, so waking for it is enough.
        await (sweep ? ArmAsync(now, open) : Timers.WakeByAsync(now, DispatcherSweepPolicy.NextAt(_lastSweep!.Value)));
        return enqueuingResult;
    }

    /// <summary>Between sweeps, the cases this pump's call changed: the one it enqueues and those whose offer came back.</summary>
    private IEnumerable<QueuedCase> ChangedInThisPump(string? enqueuing) =>
        _returned.Select(r => r.Case).Where(_queue.Contains)
            .Append(enqueuing is null ? null : Find(enqueuing)).OfType<QueuedCase>().Distinct();

    /// <summary>Sleeps until the next deadline; keeps a reminder only while there is work to come back to.</summary>
    private Task ArmAsync(DateTimeOffset now, bool open)
    {
        var busy = S.Queue.Count > 0 || S.Roster.Values.Any(r => r.Status.Presence != Presence.OffShift);
        return Timers.ArmAsync(now, DispatcherWakePolicy.Next(Positioned(), S.Roster.Values, Profile, now, open, busy), busy);
    }

    private int PositionOf(QueuedCase q) => _queue.PositionOf(q);

    /// <summary>Each queued case with its place (1-based) in one pass, not an IndexOf per case.</summary>
    private IEnumerable<(QueuedCase Case, int Position)> Positioned() => S.Queue.Select((q, i) => (q, i + 1));

    private QueuedCase? Find(string caseId) => _queue.Find(caseId);

    private ICounselorGrain Counselor(string id) => GrainFactory.GetGrain<ICounselorGrain>(id);
}
