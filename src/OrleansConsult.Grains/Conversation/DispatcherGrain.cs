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
/// in use at offer time, never of who once reported here. After every pump the queue invariant
/// (<see cref="QueueInvariant"/>) is checked, and a breach is logged, counted and repaired.
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
    private static readonly TimeSpan OffShiftNudgeInterval = DispatcherWakePolicy.OffShiftNudgeInterval;

    /// <summary>Offers that came back since the last pump, told to their counselor once the pump knows where the case went.</summary>
    private readonly List<(QueuedCase Case, string CounselorId, OfferReturn Why)> _returned = [];
    /// <summary>Cases that left for the pool (or were answered "nobody") in this pump, by case id.</summary>
    private readonly Dictionary<string, string?> _left = [];

    /// <summary>One call's work at a time: the grain is reentrant only so that calls can join a commit in flight.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DispatcherQueue _queue = new([]);
    private DispatcherCommits? _commits;

    private DispatcherTimers? _timers;
    private DispatcherTimers Timers => _timers ??= new(this, () => WorkAsync(() => PumpAsync()));

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
            await WorkAsync(() => PumpAsync());
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
        T result;
        await _gate.WaitAsync();
        try
        {
            result = await work();
        }
        finally
        {
            _gate.Release();
        }
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
            return await EscalateAsync(ticket, "closed", notify: false, keepIfRefused: false)
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

    public Task UpdateCounselorAsync(CounselorStatus status) => WorkAsync(() => UpdateCounselorCoreAsync(status));

    private async Task UpdateCounselorCoreAsync(CounselorStatus status)
    {
        if (!directory.MayTakeOffersFrom(status.CounselorId, Key))
        {
            // Not on this roster (removed, inactive, moved): her reports change nothing here.
            await PumpAsync();
            return;
        }
        var returning = !S.Roster.TryGetValue(status.CounselorId, out var entry) || entry.Status.Presence != Presence.Available;
        if (entry is null)
        {
            S.Roster[status.CounselorId] = entry = new RosterEntry();
        }
        entry.Status = status;
        if (status.Presence == Presence.OffShift || status.OffShiftAt > clock.GetUtcNow())
        {
            entry.OffShiftNudgedAt = null;
        }
        if (status.Presence != Presence.Available && entry.OfferCaseId is { } offered && Find(offered) is { } q && q.OfferedTo == status.CounselorId)
        {
            // Going on a break or off shift hands her pending offer back; she may be asked again later.
            ReleaseOffer(q, status.CounselorId, OfferReturn.Unavailable);
        }
        if (status.Presence == Presence.Available && returning)
        {
            // 出勤, or back from 休憩: what waits is offered to her now, lapsed offers of hers included.
            foreach (var unpaused in OfferPolicy.Returned(S.Queue, status.CounselorId))
            {
                _queue.Touch(unpaused);
            }
        }
        await PumpAsync();
    }

    public Task<OfferAnswer> AcceptOfferAsync(string caseId, string counselorId) => WorkAsync(() => AcceptOfferCoreAsync(caseId, counselorId));

    private async Task<OfferAnswer> AcceptOfferCoreAsync(string caseId, string counselorId)
    {
        var q = Find(caseId);
        if (q is null || q.OfferedTo != counselorId)
        {
            return OfferAnswer.Gone;
        }
        if (!directory.MayTakeOffersFrom(counselorId, Key))
        {
            // The roster changed while the card was on her phone: the case goes to someone who may take it.
            ReleaseOffer(q, counselorId, OfferReturn.Roster);
            await PumpAsync();
            return OfferAnswer.Gone;
        }
        _queue.Remove(q);
        if (S.Roster.TryGetValue(counselorId, out var entry))
        {
            entry.OfferCaseId = null;
            entry.Status = entry.Status with
            {
                ActiveCases = entry.Status.ActiveCases + 1,
                IdleSince = clock.GetUtcNow(),
                HeldOffers = entry.Status.HeldOffers?.Where(c => c != caseId).ToList(),
            };
        }
        News(caseId, new RoutingNews(Entry("accepted", counselorId)));
        LogAccepted(logger, Key, caseId);
        await PumpAsync();
        return OfferAnswer.Assigned;
    }

    public Task DeclineOfferAsync(string caseId, string counselorId) => WorkAsync(async () =>
    {
        if (Find(caseId) is { } q && q.OfferedTo == counselorId)
        {
            OfferPolicy.Decline(q, counselorId);
            _queue.Touch(q);
            ReleaseEntry(counselorId, caseId);
            News(caseId, new RoutingNews(Entry("declined", counselorId, "declined")));
            _returned.Add((q, counselorId, OfferReturn.Declined));
            await PumpAsync();
        }
    });

    public Task TickAsync() => WorkAsync(() => PumpAsync());

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => WorkAsync(() => PumpAsync());

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
    /// </summary>
    private async Task<EnqueueResult?> PumpAsync(string? enqueuing = null)
    {
        var now = clock.GetUtcNow();
        var open = Profile.Schedule.IsOpen(now);
        EnqueueResult? enqueuingResult = null;
        _left.Clear();

        var closing = S.WasOpen == true && !open;
        S.WasOpen = open;
        DropOffRoster();
        NudgeShiftsOver(now, closing);

        foreach (var q in S.Queue.Where(q => q.OfferDeadline <= now).ToList())
        {
            var counselorId = q.OfferedTo!;
            OfferPolicy.Lapse(q, counselorId, now, Profile.OfferRetryPause);
            _queue.Touch(q);
            ReleaseEntry(counselorId, q.CaseId);
            News(q.CaseId, new RoutingNews(Entry("timed out", counselorId, "timeout")));
            _returned.Add((q, counselorId, OfferReturn.Lapsed));
        }

        var onShift = OnShift().ToList();
        foreach (var q in S.Queue.Where(q => !q.Ticket.LeftMessage && q.OfferedTo is null).ToList())
        {
            if (EscalationReason(q, now, open, onShift) is { } reason)
            {
                // At the maximum wait the pool is only asked: when it cannot take it, she keeps her place here.
                var keep = reason == "max wait";
                var result = await EscalateAsync(q.Ticket, reason, notify: q.Ticket.CaseId != enqueuing, keepIfRefused: keep);
                if (result is null)
                {
                    q.NextOverflowAttempt = NextOverflowAttempt(now);
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
        }

        var free = open ? FreeCounselors() : [];
        MakeOffers(now, free);
        await OverflowLapsedAsync(open);
        CheckInvariant(now, free);
        TellReturned(now);
        NoticePositions(now);

        // Written by the commit the caller waits for (WorkAsync), together with whatever else joins it.
        BoardChanged();
        ConversationMetrics.Queue(Key, S.Queue.Count, S.Queue.Count == 0 ? TimeSpan.Zero : now - S.Queue.Min(q => q.EnqueuedAt));
        await ArmAsync(now, open);
        return enqueuingResult;
    }

    /// <summary>Counselors the roster in use no longer lets take offers here leave it; an offer out to one of them comes back.</summary>
    private void DropOffRoster()
    {
        foreach (var (counselorId, entry) in S.Roster.Where(r => !directory.MayTakeOffersFrom(r.Key, Key)).ToList())
        {
            if (entry.OfferCaseId is { } caseId && Find(caseId) is { } q && q.OfferedTo == counselorId)
            {
                ReleaseOffer(q, counselorId, OfferReturn.Roster);
            }
            S.Roster.Remove(counselorId);
            LogLeftRoster(logger, Key, counselorId);
        }
    }

    /// <summary>
    /// Tells on-shift counselors whose shift is over (the closing passed) so they go 退勤; again a minute later
    /// while she still reports on shift (the one-way notice may be lost, or her grain may have been asleep).
    /// </summary>
    private void NudgeShiftsOver(DateTimeOffset now, bool closing)
    {
        foreach (var entry in S.Roster.Values.Where(r => r.Status.Presence != Presence.OffShift))
        {
            var due = entry.Status.OffShiftAt is { } at ? at <= now : closing;
            if (due && (entry.OffShiftNudgedAt is not { } nudged || now - nudged >= OffShiftNudgeInterval))
            {
                entry.OffShiftNudgedAt = now;
                _ = Counselor(entry.Status.CounselorId).AreaClosedAsync(Key);
            }
        }
    }

    /// <summary>Why a waiting case leaves this queue now, or null while it should keep waiting here.</summary>
    private string? EscalationReason(QueuedCase q, DateTimeOffset now, bool open, IReadOnlyList<string> onShift)
    {
        if (!open)
        {
            return "closed";
        }
        if (onShift.Count == 0)
        {
            return "nobody on shift";
        }
        if (onShift.All(id => q.Declined.Contains(id) || (q.Ticket.Excluded?.Contains(id) ?? false)))
        {
            return "all declined";
        }
        if (Profile.MaxWaitBeforeOverflow is { } maxWait && Profile.OverflowTo is not null && now - q.EnqueuedAt >= maxWait
            && (q.NextOverflowAttempt is not { } retry || retry <= now))
        {
            return "max wait";
        }
        return null;
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

    /// <summary>After the pool could not take a case at the maximum wait: ask again when it opens, or in a few minutes.</summary>
    private DateTimeOffset NextOverflowAttempt(DateTimeOffset now)
    {
        var pool = directory.FindDispatcher(Profile.OverflowTo);
        var opening = pool?.Schedule.NextOpening(now);
        return opening > now ? opening.Value : now + TimeSpan.FromMinutes(5);
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
            if (await OverflowAsync(q.Ticket, "offer lapsed") is { } result)
            {
                _queue.Remove(q);
                _left[q.CaseId] = result.DispatcherKey;
            }
        }
    }

    /// <summary>Counselors the roster lets work here who are on shift (出勤 or 休憩).</summary>
    private IEnumerable<string> OnShift() =>
        S.Roster.Values.Where(r => r.Status.Presence != Presence.OffShift && directory.MayTakeOffersFrom(r.Status.CounselorId, Key))
            .Select(r => r.Status.CounselorId);

    /// <summary>Who can take an offer now, asked of the roster in use: 出勤, no offer out, a free slot.</summary>
    private List<OfferCandidate> FreeCounselors() =>
        S.Roster.Values
            .Where(r => OfferPolicy.HasFreeSlot(r.Status, r.OfferCaseId) && directory.MayTakeOffersFrom(r.Status.CounselorId, Key))
            .Select(r => new OfferCandidate(r.Status.CounselorId, r.Status.IdleSince))
            .ToList();

    private void MakeOffers(DateTimeOffset now, List<OfferCandidate> free)
    {
        foreach (var (q, chosen) in OfferPolicy.Round(_queue.InOrder, free, now))
        {
            free.Remove(chosen);
            var counselorId = chosen.CounselorId;
            S.Roster[counselorId].OfferCaseId = q.CaseId;
            q.OfferedTo = counselorId;
            q.OfferDeadline = now + Profile.OfferTimeout;
            q.OfferNumber = ++S.Seq;
            _queue.Touch(q);
            News(q.CaseId, new RoutingNews(Entry("offered", counselorId)));
            _ = Counselor(counselorId).OfferAsync(new Offer(q.CaseId, Key, q.Ticket.AreaName, q.Ticket.Urgent,
                q.Ticket.Preview, q.Ticket.CreatedAt, q.OfferDeadline.Value, q.OfferNumber));
        }
    }

    /// <summary>Checks the queue invariant; a breach is logged at Error, counted, and repaired by re-queueing and offering again.</summary>
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
                var position = PositionOf(q);
                q.LastPosition = position;
                q.LastPositionAt = now;
                _queue.Touch(q);
                News(q.CaseId, new RoutingNews(Entry("requeued", counselorId, why.ToString()), QueuePosition: position));
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
                q.LastPosition = position;
                q.LastPositionAt = now;
                _queue.Touch(q);
                News(q.Ticket.CaseId, new RoutingNews(null, QueuePosition: position));
            }
        }
    }

    /// <summary>Ends the outstanding offer of <paramref name="q"/> without holding it against her (a break, the roster, a withdrawal).</summary>
    private void ReleaseOffer(QueuedCase q, string counselorId, OfferReturn why)
    {
        OfferPolicy.ClearOffer(q);
        _queue.Touch(q);
        ReleaseEntry(counselorId, q.CaseId);
        News(q.CaseId, new RoutingNews(Entry("withdrawn", counselorId, why.ToString())), send: why != OfferReturn.Withdrawn);
        _returned.Add((q, counselorId, why));
    }

    private void ReleaseEntry(string counselorId, string caseId)
    {
        if (S.Roster.TryGetValue(counselorId, out var entry) && entry.OfferCaseId == caseId)
        {
            entry.OfferCaseId = null;
        }
    }

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

    private JournalEntry Entry(string step, string? counselorId = null, string? reason = null) =>
        new(clock.GetUtcNow(), step, Key, counselorId, reason);

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

    private ICounselorGrain Counselor(string id) => GrainFactory.GetGrain<ICounselorGrain>(id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dispatcher {Dispatcher}: case {CaseId} accepted")]
    private static partial void LogAccepted(ILogger logger, string dispatcher, string caseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatcher {Dispatcher}: case {CaseId} overflowed ({Reason})")]
    private static partial void LogOverflowed(ILogger logger, string dispatcher, string caseId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatcher {Dispatcher}: counselor {CounselorId} is no longer on its roster")]
    private static partial void LogLeftRoster(ILogger logger, string dispatcher, string counselorId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatcher {Dispatcher}: routing invariant breached ({Kind}) for case {CaseId}; re-queued")]
    private static partial void LogBreach(ILogger logger, string dispatcher, BreachKind kind, string caseId);
}
