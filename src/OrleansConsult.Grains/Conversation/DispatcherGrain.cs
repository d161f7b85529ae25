using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

[GenerateSerializer, Alias("oc.QueuedCase")]
public sealed class QueuedCase
{
    [Id(0)] public CaseTicket Ticket { get; set; } = null!;
    [Id(1)] public long Seq { get; set; }
    [Id(2)] public DateTimeOffset EnqueuedAt { get; set; }
    [Id(3)] public List<string> Declined { get; set; } = [];
    [Id(4)] public string? OfferedTo { get; set; }
    [Id(5)] public DateTimeOffset? OfferDeadline { get; set; }
    [Id(6)] public int LastPosition { get; set; }
    [Id(7)] public DateTimeOffset LastPositionAt { get; set; }
}

[GenerateSerializer, Alias("oc.RosterEntry")]
public sealed class RosterEntry
{
    [Id(0)] public CounselorStatus Status { get; set; } = null!;
    [Id(1)] public string? OfferCaseId { get; set; }
}

[GenerateSerializer, Alias("oc.DispatcherState")]
public sealed class DispatcherState
{
    [Id(0)] public List<QueuedCase> Queue { get; set; } = [];
    [Id(1)] public Dictionary<string, RosterEntry> Roster { get; set; } = [];
    [Id(2)] public long Seq { get; set; }
    [Id(3)] public bool? WasOpen { get; set; }
}

/// <summary>
/// The queue of one tenant or nurse pool: left messages first, then urgent, then arrival;
/// offers to the longest-idle counselor with a free slot (her previous counselor first for a
/// returning consultee), one offer per counselor at a time, each with a deadline; the cascade
/// local → nurse pool → left message. Every deadline is in state; a timer wakes it at the next
/// one and a reminder keeps it alive (and re-activates it after a silo dies) while it has work.
/// It never waits on a counselor or a case: what it tells them is one-way, so no call cycle can
/// deadlock, and an offer that got lost simply times out.
/// </summary>
public sealed partial class DispatcherGrain(
    [PersistentState("dispatcher", StorageNames.State)] IPersistentState<DispatcherState> state,
    EngineClock clock,
    ProgramDirectory directory,
    ILogger<DispatcherGrain> logger) : Grain, IDispatcherGrain, IRemindable
{
    private const string PumpReminder = "pump";
    private static readonly TimeSpan PositionNoticeInterval = TimeSpan.FromMinutes(1);

    private IGrainTimer? _timer;
    private DateTimeOffset? _nextWake;
    private bool? _reminderRegistered;

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
        // Deadlines come back from state: work anything already due, then sleep until the next one.
        if (S.Queue.Count > 0 || S.Roster.Count > 0)
        {
            await PumpAsync();
        }
    }

    public async Task<EnqueueResult> EnqueueAsync(CaseTicket ticket)
    {
        var now = clock.GetUtcNow();
        if (Find(ticket.CaseId) is { } existing)
        {
            return new EnqueueResult(EnqueueOutcome.Queued, Key, PositionOf(existing));
        }
        if (!ticket.LeftMessage && !Profile.Schedule.IsOpen(now))
        {
            return await EscalateAsync(ticket, "closed", notify: false);
        }

        var queued = new QueuedCase { Ticket = ticket, Seq = ++S.Seq, EnqueuedAt = now, LastPositionAt = now };
        S.Queue.Add(queued);
        Sort();
        queued.LastPosition = PositionOf(queued); // she hears it in the answer to this call, not again as a notice
        News(ticket.CaseId, new RoutingNews(Entry(ticket.LeftMessage ? "left message" : "queued"), NowAt: Key));
        var escalated = await PumpAsync(ticket.CaseId);
        if (escalated is not null)
        {
            return escalated;
        }
        return new EnqueueResult(EnqueueOutcome.Queued, Key, PositionOf(queued));
    }

    public async Task WithdrawAsync(string caseId)
    {
        if (Find(caseId) is { } q)
        {
            S.Queue.Remove(q);
            WithdrawOffer(q, "withdrawn");
            await state.WriteStateAsync();
            await PumpAsync();
        }
    }

    public async Task MarkUrgentAsync(string caseId)
    {
        if (Find(caseId) is { } q && !q.Ticket.Urgent)
        {
            q.Ticket = q.Ticket with { Urgent = true };
            Sort();
            await PumpAsync();
        }
    }

    public async Task SetPreviewAsync(string caseId, string preview)
    {
        if (Find(caseId) is { } q)
        {
            q.Ticket = q.Ticket with { Preview = preview };
            await state.WriteStateAsync();
        }
    }

    public async Task UpdateCounselorAsync(CounselorStatus status)
    {
        if (!S.Roster.TryGetValue(status.CounselorId, out var entry))
        {
            S.Roster[status.CounselorId] = entry = new RosterEntry();
        }
        entry.Status = status;
        if (status.Presence != Presence.Available && entry.OfferCaseId is { } offered && Find(offered) is { } q)
        {
            // Going on a break or off shift hands her pending offer to the next counselor.
            Decline(q, status.CounselorId, "unavailable");
        }
        await PumpAsync();
    }

    public async Task<OfferAnswer> AcceptOfferAsync(string caseId, string counselorId)
    {
        var q = Find(caseId);
        if (q is null || q.OfferedTo != counselorId)
        {
            return OfferAnswer.Gone;
        }
        S.Queue.Remove(q);
        if (S.Roster.TryGetValue(counselorId, out var entry))
        {
            entry.OfferCaseId = null;
            entry.Status = entry.Status with { ActiveCases = entry.Status.ActiveCases + 1, IdleSince = clock.GetUtcNow() };
        }
        News(caseId, new RoutingNews(Entry("accepted", counselorId)));
        LogAccepted(logger, Key, caseId);
        await PumpAsync();
        return OfferAnswer.Assigned;
    }

    public async Task DeclineOfferAsync(string caseId, string counselorId)
    {
        if (Find(caseId) is { } q && q.OfferedTo == counselorId)
        {
            Decline(q, counselorId, "declined");
            await PumpAsync();
        }
    }

    public Task TickAsync() => PumpAsync();

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => PumpAsync();

    public Task<DispatcherSnapshot> GetSnapshotAsync() => Task.FromResult(new DispatcherSnapshot(
        Profile.Schedule.IsOpen(clock.GetUtcNow()),
        S.Queue.Select(q => q.Ticket.CaseId).ToList(),
        S.Queue.Where(q => q.OfferedTo is not null).ToDictionary(q => q.Ticket.CaseId, q => q.OfferedTo!),
        S.Roster.Values.Select(r => r.Status).ToList(),
        _nextWake,
        RuntimeIdentity));

    /// <summary>
    /// Everything time or state can make due: schedule edges, offer deadlines, overflow, new offers,
    /// queue-position notices. Returns the outcome for <paramref name="enqueuing"/> when that case
    /// left this queue at once (so its Enqueue call answers with it instead of a one-way notice).
    /// </summary>
    private async Task<EnqueueResult?> PumpAsync(string? enqueuing = null)
    {
        var now = clock.GetUtcNow();
        var open = Profile.Schedule.IsOpen(now);
        EnqueueResult? enqueuingResult = null;

        if (S.WasOpen == true && !open)
        {
            foreach (var entry in S.Roster.Values.Where(r => r.Status.Presence != Presence.OffShift))
            {
                _ = Counselor(entry.Status.CounselorId).AreaClosedAsync(Key);
            }
        }
        S.WasOpen = open;

        foreach (var q in S.Queue.Where(q => q.OfferDeadline <= now).ToList())
        {
            Decline(q, q.OfferedTo!, "timeout");
        }

        var onShift = S.Roster.Values.Where(r => r.Status.Presence != Presence.OffShift).Select(r => r.Status.CounselorId).ToList();
        foreach (var q in S.Queue.Where(q => !q.Ticket.LeftMessage && q.OfferedTo is null).ToList())
        {
            if (EscalationReason(q, now, open, onShift) is { } reason)
            {
                S.Queue.Remove(q);
                var result = await EscalateAsync(q.Ticket, reason, notify: q.Ticket.CaseId != enqueuing);
                if (q.Ticket.CaseId == enqueuing)
                {
                    enqueuingResult = result;
                }
            }
        }

        if (open)
        {
            MakeOffers(now);
        }
        NoticePositions(now);

        await state.WriteStateAsync();
        ConversationMetrics.Queue(Key, S.Queue.Count, S.Queue.Count == 0 ? TimeSpan.Zero : now - S.Queue.Min(q => q.EnqueuedAt));
        await ArmAsync(now, open);
        return enqueuingResult;
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
        if (Profile.MaxWaitBeforeOverflow is { } maxWait && now - q.EnqueuedAt >= maxWait)
        {
            return "max wait";
        }
        return null;
    }

    /// <summary>To the nurse pool when it covers this tenant and is open; otherwise nobody can take it now.</summary>
    private async Task<EnqueueResult> EscalateAsync(CaseTicket ticket, string reason, bool notify)
    {
        if (Profile.OverflowTo is { } pool)
        {
            var result = await GrainFactory.GetGrain<IDispatcherGrain>(pool).EnqueueAsync(ticket with { Excluded = [], LeftMessage = false });
            if (result.Outcome == EnqueueOutcome.Queued)
            {
                LogOverflowed(logger, Key, ticket.CaseId, reason);
                News(ticket.CaseId, new RoutingNews(Entry("overflowed", reason: reason), NowAt: pool), send: true);
                return new EnqueueResult(EnqueueOutcome.Overflowed, pool, result.Position);
            }
        }
        News(ticket.CaseId, new RoutingNews(Entry("unanswered", reason: reason), NobodyAvailable: notify), send: true);
        return new EnqueueResult(EnqueueOutcome.Closed, Key, 0);
    }

    private void MakeOffers(DateTimeOffset now)
    {
        // Who can take an offer at all, once per pump: a long queue stops as soon as nobody is free.
        var free = S.Roster.Values
            .Where(r => r.Status.Presence == Presence.Available && r.OfferCaseId is null && r.Status.ActiveCases < r.Status.Capacity)
            .ToList();
        foreach (var q in S.Queue.Where(q => q.OfferedTo is null).ToList())
        {
            if (free.Count == 0)
            {
                break;
            }
            var candidates = free
                .Where(r => !q.Declined.Contains(r.Status.CounselorId) && !(q.Ticket.Excluded?.Contains(r.Status.CounselorId) ?? false))
                .ToList();
            if (candidates.Count == 0)
            {
                continue;
            }
            var chosen = candidates.FirstOrDefault(r => r.Status.CounselorId == q.Ticket.PreferredCounselorId)
                ?? candidates.OrderBy(r => r.Status.IdleSince).ThenBy(r => r.Status.CounselorId, StringComparer.Ordinal).First();
            var counselorId = chosen.Status.CounselorId;
            free.Remove(chosen);
            chosen.OfferCaseId = q.Ticket.CaseId;
            q.OfferedTo = counselorId;
            q.OfferDeadline = now + Profile.OfferTimeout;
            News(q.Ticket.CaseId, new RoutingNews(Entry("offered", counselorId)));
            _ = Counselor(counselorId).OfferAsync(new Offer(q.Ticket.CaseId, Key, q.Ticket.AreaName, q.Ticket.Urgent,
                q.Ticket.Preview, q.Ticket.CreatedAt, q.OfferDeadline.Value, ++S.Seq));
        }
    }

    /// <summary>Tells waiting consultees their new place, at most once a minute each.</summary>
    private void NoticePositions(DateTimeOffset now)
    {
        foreach (var (q, position) in Positioned().Where(p => !p.Case.Ticket.LeftMessage && p.Case.OfferedTo is null))
        {
            if (position != q.LastPosition && now - q.LastPositionAt >= PositionNoticeInterval)
            {
                q.LastPosition = position;
                q.LastPositionAt = now;
                News(q.Ticket.CaseId, new RoutingNews(null, QueuePosition: position));
            }
        }
    }

    /// <summary>
    /// Ends the outstanding offer of <paramref name="q"/>. Declined or timed out: she is not asked
    /// for this case again. Unavailable (a break, off shift): she may be asked again later.
    /// </summary>
    private void Decline(QueuedCase q, string counselorId, string reason)
    {
        if (reason != "unavailable")
        {
            q.Declined.Add(counselorId);
        }
        q.OfferedTo = null;
        q.OfferDeadline = null;
        if (S.Roster.TryGetValue(counselorId, out var entry))
        {
            entry.OfferCaseId = null;
        }
        News(q.Ticket.CaseId, new RoutingNews(Entry(reason == "timeout" ? "timed out" : reason == "declined" ? "declined" : "withdrawn", counselorId, reason)));
        if (reason != "declined")
        {
            _ = Counselor(counselorId).OfferWithdrawnAsync(q.Ticket.CaseId, reason);
        }
    }

    private void WithdrawOffer(QueuedCase q, string reason)
    {
        if (q.OfferedTo is { } counselorId)
        {
            if (S.Roster.TryGetValue(counselorId, out var entry))
            {
                entry.OfferCaseId = null;
            }
            _ = Counselor(counselorId).OfferWithdrawnAsync(q.Ticket.CaseId, reason);
        }
    }

    /// <summary>Sleeps until the next deadline; keeps a reminder only while there is work to come back to.</summary>
    private async Task ArmAsync(DateTimeOffset now, bool open)
    {
        var onShift = S.Roster.Values.Any(r => r.Status.Presence != Presence.OffShift);
        var busy = S.Queue.Count > 0 || onShift;
        DateTimeOffset? next = null;
        void Consider(DateTimeOffset? at)
        {
            if (at is { } t && (next is null || t < next))
            {
                next = t;
            }
        }
        foreach (var (q, position) in Positioned())
        {
            Consider(q.OfferDeadline);
            if (!q.Ticket.LeftMessage && Profile.MaxWaitBeforeOverflow is { } maxWait)
            {
                Consider(q.EnqueuedAt + maxWait);
            }
            if (!q.Ticket.LeftMessage && q.OfferedTo is null && position != q.LastPosition)
            {
                Consider(q.LastPositionAt + PositionNoticeInterval);
            }
        }
        if (busy)
        {
            Consider(open ? Profile.Schedule.CurrentWindowEnd(now) : Profile.Schedule.NextOpening(now));
        }

        _timer?.Dispose();
        _timer = null;
        _nextWake = next;
        if (next is { } wake)
        {
            // Clamped: grain timers take at most ~24 days, and waking hourly to re-arm costs nothing.
            var due = Math.Clamp((wake - now).Ticks, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromHours(1).Ticks);
            _timer = this.RegisterGrainTimer(_ => PumpAsync(), TimeSpan.FromTicks(due), Timeout.InfiniteTimeSpan);
        }

        _reminderRegistered ??= await this.GetReminder(PumpReminder) is not null;
        if (busy && _reminderRegistered != true)
        {
            await this.RegisterOrUpdateReminder(PumpReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _reminderRegistered = true;
        }
        else if (!busy && _reminderRegistered == true && await this.GetReminder(PumpReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _reminderRegistered = false;
        }
    }

    private void Sort() => S.Queue.Sort((a, b) =>
        (b.Ticket.LeftMessage.CompareTo(a.Ticket.LeftMessage)) is var left and not 0 ? left
        : (b.Ticket.Urgent.CompareTo(a.Ticket.Urgent)) is var urgent and not 0 ? urgent
        : a.Seq.CompareTo(b.Seq));

    private int PositionOf(QueuedCase q) => S.Queue.IndexOf(q) + 1;

    /// <summary>Each queued case with its place (1-based) in one pass, not an IndexOf per case.</summary>
    private IEnumerable<(QueuedCase Case, int Position)> Positioned() => S.Queue.Select((q, i) => (q, i + 1));

    private QueuedCase? Find(string caseId) => S.Queue.FirstOrDefault(q => q.Ticket.CaseId == caseId);

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatcher {Dispatcher}: case {CaseId} accepted")]
    private static partial void LogAccepted(ILogger logger, string dispatcher, string caseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatcher {Dispatcher}: case {CaseId} overflowed ({Reason})")]
    private static partial void LogOverflowed(ILogger logger, string dispatcher, string caseId, string reason);
}
