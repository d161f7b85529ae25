using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// One case from 相談する to the survey: routing through the dispatchers, the relay both ways
/// (each message appended to the encrypted transcript once, then delivered with a retry key
/// made from its event), idle warning and close, notes, survey, and the record the monthly
/// report reads. The relay never passes through a dispatcher.
/// </summary>
public sealed partial class ConsultationGrain(
    [PersistentState("case", StorageNames.State)] IPersistentState<ConsultationState> state,
    EngineClock clock,
    ProgramDirectory directory,
    ITranscriptStore transcripts,
    ILogger<ConsultationGrain> logger) : Grain, IConsultationGrain, IRemindable
{
    private const string IdleReminder = "idle";
    private IGrainTimer? _idleTimer;

    private ConsultationState S => state.State;
    // For the record's end (ConsultationGrain.Retention.cs): primary-constructor parameters are not in scope there.
    private IPersistentState<ConsultationState> Stored => state;
    private ITranscriptStore Transcripts => transcripts;
    private string CaseId => this.GetPrimaryKeyString();
    private string Tag => CaseIds.Tag(CaseId);

    /// <summary>Her last message time as stored: within a few minutes of it, a chat message needs no case write.</summary>
    private DateTimeOffset _storedLastConsulteeAt;

    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        _storedLastConsulteeAt = S.LastConsulteeAt;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storedLastConsulteeAt = S.LastConsulteeAt;
        ArmIdleTimer();
        return Task.CompletedTask;
    }

    /// <summary>True when <paramref name="consulteeKey"/> is this case's own consultee; a stranger is logged and counted.</summary>
    private bool IsHers(string consulteeKey, string method)
    {
        if (S.Opened && string.Equals(S.ConsulteeKey, consulteeKey, StringComparison.Ordinal))
        {
            return true;
        }
        if (S.Opened)
        {
            LogStranger(logger, CaseId, method);
            ConversationMetrics.CallerRefused(method);
        }
        return false;
    }

    public async Task<bool> OpenAsync(CaseRequest request)
    {
        if (S.Opened)
        {
            return IsHers(request.ConsulteeKey, "open");
        }
        var now = clock.GetUtcNow();
        S.Opened = true;
        S.TenantId = request.TenantId;
        S.AreaName = request.AreaName;
        S.ConsulteeKey = request.ConsulteeKey;
        S.Urgent = request.Urgent;
        S.PreferredCounselorId = request.PreferredCounselorId;
        S.CreatedAt = now;
        S.LastConsulteeAt = now;
        S.NightOrHoliday = ProgramDirectory.IsNightOrHoliday(now);
        S.Status = CaseStatus.Waiting;
        S.DispatcherKey = LocalKey;
        S.Journal.Add(new JournalEntry(now, "created", S.DispatcherKey, Reason: request.Urgent ? "urgent" : null));
        if (request.FirstText is { } first)
        {
            S.Preview = first;
            await transcripts.AppendAsync(new TranscriptEntry(CaseId, S.TenantId, "open", now, TranscriptAuthor.Consultee, first));
        }
        await CaseIndex.OpenedAsync(CaseId, S.TenantId, S.ConsulteeKey, now);
        await RecordOpenedAsync(now);
        LogOpened(logger, CaseId, S.TenantId, S.Urgent);
        ConversationMetrics.CaseOpened(S.TenantId);
        await RouteAsync(LocalKey, "open");
        await SaveAsync();
        return true;
    }

    public async Task RetryRoutingAsync(string consulteeKey)
    {
        if (!IsHers(consulteeKey, "retry"))
        {
            return;
        }
        if (S.Status == CaseStatus.Unanswered)
        {
            await RouteAsync(LocalKey, $"retry{S.Journal.Count}");
            await SaveAsync();
        }
        else if (S.Status is CaseStatus.Waiting or CaseStatus.Connected or CaseStatus.LeftMessage)
        {
            await ToConsulteeAsync($"already/{S.Journal.Count}", new Outgoing(BotText.Get("AlreadyInCase")));
        }
    }

    /// <summary>Queues the case at <paramref name="dispatcherKey"/> and tells her what happens next.</summary>
    private async Task RouteAsync(string dispatcherKey, string cause)
    {
        var result = await Dispatcher(dispatcherKey).EnqueueAsync(Ticket(leftMessage: false));
        S.DispatcherKey = result.DispatcherKey;
        var pool = result.DispatcherKey.StartsWith("pool:", StringComparison.Ordinal);
        switch (result.Outcome)
        {
            case EnqueueOutcome.Queued or EnqueueOutcome.Overflowed:
                S.Status = CaseStatus.Waiting;
                var text = pool ? Say.PoolConnecting(directory.FindDispatcher(result.DispatcherKey)?.Name ?? "") : BotText.Get("Connecting");
                if (result.Position > 1)
                {
                    text += "\n" + BotText.Format("QueuePosition", result.Position);
                }
                await ToConsulteeAsync($"route/{cause}", new Outgoing(text));
                Told(ProgressPolicy.Key(pool ? "pool" : "queued", result.DispatcherKey));
                break;
            default:
                await BecomeUnansweredAsync($"route/{cause}");
                break;
        }
    }

    private async Task BecomeUnansweredAsync(string cause)
    {
        S.Status = CaseStatus.Unanswered;
        var local = directory.Dispatcher(LocalKey);
        var pool = directory.FindDispatcher(local.OverflowTo);
        await ToConsulteeAsync(cause, Say.Unanswered(local, pool, clock.GetUtcNow()));
        Told(ProgressPolicy.Key("unanswered", LocalKey));
    }

    /// <summary>Remembers the routing state she was just told of, so the same state is not told twice.</summary>
    private void Told(string key)
    {
        S.Told = key;
        S.ToldAt = clock.GetUtcNow();
    }

    private CaseTicket Ticket(bool leftMessage) =>
        new(CaseId, S.TenantId, S.AreaName, S.Urgent, S.CreatedAt, S.PreferredCounselorId, S.Preview, leftMessage, S.ExcludedCounselors.ToList());

    public async Task<CaseStatus> FromConsulteeAsync(string consulteeKey, string eventId, DateTimeOffset at, string text, bool crisis, MediaRef? media = null)
    {
        if (!IsHers(consulteeKey, "message") || S.Status == CaseStatus.Closed)
        {
            return CaseStatus.Closed;
        }
        using var span = EngineTracing.Source.StartActivity("case.from_consultee");
        span?.SetTag(EngineTracing.CaseTag, Tag);
        var now = clock.GetUtcNow();
        await transcripts.AppendAsync(new TranscriptEntry(CaseId, S.TenantId, eventId, now, TranscriptAuthor.Consultee, text));
        var before = (S.Status, S.Urgent, S.Preview, S.LeftMessageConfirmed, S.IdleWarned);
        S.LastConsulteeAt = now;
        S.IdleWarned = false;
        if (crisis && !S.Urgent)
        {
            S.Urgent = true;
            S.Journal.Add(new JournalEntry(now, "urgent", S.DispatcherKey, Reason: "crisis word"));
            if (S.Status is CaseStatus.Waiting or CaseStatus.LeftMessage)
            {
                await Dispatcher(S.DispatcherKey).MarkUrgentAsync(CaseId);
            }
        }

        switch (S.Status)
        {
            case CaseStatus.Connected:
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                // Her tag as a quick reply: one tap makes this case the one the counselor writes to.
                var relay = media is null
                    ? new Outgoing(RelayText(text, crisis), Say.StaffMenu([(CaseId, Tag)]))
                    : MediaRelay.Relay(RelayText("", crisis), media, Say.StaffMenu([(CaseId, Tag)]));
                var relayed = await RelayAsync(OutboxOrigins.ToCounselor, eventId, relay);
                ConversationMetrics.Relayed("to-counselor", System.Diagnostics.Stopwatch.GetElapsedTime(started));
                await CopyToWatchersAsync(fromConsultee: true, eventId, text, media);
                if (relayed == DeliveryOutcome.Parked)
                {
                    await TellRelayRefusedAsync(OutboxOrigins.ToCounselor, eventId);
                }
                break;
            case CaseStatus.Waiting or CaseStatus.LeftMessage when S.Preview is null:
                S.Preview = MediaRelay.Readable(text);
                await Dispatcher(S.DispatcherKey).SetPreviewAsync(CaseId, S.Preview);
                break;
            case CaseStatus.Unanswered:
                S.Preview ??= MediaRelay.Readable(text);
                await LeaveMessageCoreAsync();
                break;
        }
        await CallSupervisorsIfUrgentAsync();
        if (S.Status == CaseStatus.LeftMessage && !S.LeftMessageConfirmed)
        {
            S.LeftMessageConfirmed = true;
            await ToConsulteeAsync($"left/{eventId}", Say.WithMenu(BotText.Get("LeaveMessageSaved")));
        }
        // A plain chat message changes only her last-message time: stored at most every few minutes
        // (after a crash the idle warning could come a little early, nothing more); anything else at once.
        if (before != (S.Status, S.Urgent, S.Preview, S.LeftMessageConfirmed, S.IdleWarned)
            || now - _storedLastConsulteeAt >= TimeSpan.FromMinutes(5))
        {
            await SaveAsync();
        }
        return S.Status;
    }

    private string RelayText(string text, bool crisis) =>
        $"{Tag} {(crisis || S.Urgent ? BotText.Get("Staff.Urgent") : "")}{text}";

    public async Task LeaveMessageAsync(string consulteeKey)
    {
        if (!IsHers(consulteeKey, "leave") || S.Status != CaseStatus.Unanswered)
        {
            return;
        }
        await LeaveMessageCoreAsync();
        await ToConsulteeAsync($"leave/{S.Journal.Count}", new Outgoing(BotText.Get("LeaveMessagePrompt")));
        await SaveAsync();
    }

    /// <summary>Left with whichever opens first: her area, or the nurse pool that covers it.</summary>
    private async Task LeaveMessageCoreAsync()
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
        await RecordLeftMessageAsync();
        var result = await Dispatcher(target.Key).EnqueueAsync(Ticket(leftMessage: true));
        S.DispatcherKey = result.DispatcherKey;
    }

    public async Task<bool> AnswerSurveyAsync(string consulteeKey, int score)
    {
        if (!IsHers(consulteeKey, "survey") || S.Status != CaseStatus.Closed || S.Satisfaction is not null || score is < 1 or > 5)
        {
            return false;
        }
        S.Satisfaction = score;
        await RecordSurveyAsync(score);
        await SaveAsync();
        return true;
    }

    public async Task ConsulteeLeftAsync(string consulteeKey)
    {
        if (IsHers(consulteeKey, "left") && S.Status != CaseStatus.Closed)
        {
            await CloseAsync("unfollow", tellConsultee: false);
        }
    }

    public async Task<bool> ConnectAsync(string counselorId, string staffLineKey, string dispatcherKey)
    {
        if (S.Status == CaseStatus.Connected)
        {
            return S.CounselorId == counselorId;
        }
        if (!S.Opened || S.Status is not (CaseStatus.Waiting or CaseStatus.LeftMessage))
        {
            // Not opened: an erased or expired case (its empty state reads as Waiting).
            return false;
        }
        var now = clock.GetUtcNow();
        var pool = dispatcherKey.StartsWith("pool:", StringComparison.Ordinal);
        S.Status = CaseStatus.Connected;
        S.CounselorId = counselorId;
        S.StaffLineKey = staffLineKey;
        S.DispatcherKey = dispatcherKey;
        S.HandledBy = pool ? "pool" : "local";
        S.AcceptedAt ??= now;
        S.LastConsulteeAt = now;
        S.IdleWarned = false;
        await RecordAnsweredAsync(now, dispatcherKey, pool);
        await SaveAsync();

        var connect = $"connect/{counselorId}/{S.Journal.Count}";
        await ToConsulteeAsync(connect, new Outgoing(Say.Connected(directory.Staff(counselorId)?.Role ?? (pool ? Tenancy.StaffRole.Nurse : null))));
        Told(ProgressPolicy.Key("connected", dispatcherKey));
        // What she wrote while waiting reaches the counselor first, in order.
        var waiting = (await transcripts.ReadAsync(CaseId)).Where(t => t.Author == TranscriptAuthor.Consultee).ToList();
        var intro = BotText.Format("Staff.Connected", $"{Tag}（{S.AreaName}）{(S.Urgent ? BotText.Get("Staff.Urgent") : "")}");
        var messages = new List<Outgoing> { new(intro, [Supervision.SupervisionSay.CallButton]) };
        if (waiting.Count > 0)
        {
            messages.Add(new Outgoing(BotText.Format("Staff.WaitingMessages", Tag) + "\n"
                + string.Join("\n", waiting.Select(w => "・" + MediaRelay.Readable(w.Text)))));
            // Pictures and files she sent while waiting follow as themselves.
            messages.AddRange(waiting.Select(w => MediaRelay.FromTranscript(w.Text)).OfType<MediaRef>()
                .Where(m => m.Stored).Select(m => MediaRelay.Relay(Tag + " ", m)));
        }
        await ToCounselorAsync(connect, messages.ToArray());
        // The counselor has what she wrote while waiting in front of her now: 既読.
        await Consultee.MarkReadAsync();
        await this.RegisterOrUpdateReminder(IdleReminder, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        ArmIdleTimer();
        await CallSupervisorsIfUrgentAsync();
        return true;
    }

    public async Task<bool> FromCounselorAsync(string counselorId, string eventId, string text, MediaRef? media = null)
    {
        if (S.Status != CaseStatus.Connected || S.CounselorId != counselorId)
        {
            return false;
        }
        using var span = EngineTracing.Source.StartActivity("case.from_counselor");
        span?.SetTag(EngineTracing.CaseTag, Tag);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await transcripts.AppendAsync(new TranscriptEntry(CaseId, S.TenantId, eventId, clock.GetUtcNow(), TranscriptAuthor.Counselor, text));
        if (media is { Stored: false })
        {
            await ToCounselorAsync($"media-not-sent/{eventId}", new Outgoing(BotText.Format("Media.NotSent", Tag, BotText.DescribeNonText(media.Kind))));
            await Consultee.MarkReadAsync();
            return true;
        }
        var relayed = await RelayAsync(OutboxOrigins.ToConsultee, eventId, media is null ? new Outgoing(text) : new Outgoing("", Media: media));
        // She answered: what the consultee wrote so far has been read by a person. One-way and after the relay,
        // so LINE's markAsRead call never stands between the answer and her phone.
        await Consultee.MarkReadAsync();
        ConversationMetrics.Relayed("to-consultee", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        await CopyToWatchersAsync(fromConsultee: false, eventId, text, media);
        if (relayed == DeliveryOutcome.Parked)
        {
            await TellRelayRefusedAsync(OutboxOrigins.ToConsultee, eventId);
        }
        return true;
    }

    public Task RelayParkedAsync(string direction, string eventId) => TellRelayRefusedAsync(direction, eventId);

    /// <summary>
    /// LINE refused a relay (kept, re-sent later): its writer must not think it was read. At once or
    /// later from the outbox, the notice has one retry key per relay, so she hears it once.
    /// </summary>
    private Task TellRelayRefusedAsync(string direction, string eventId) => direction == OutboxOrigins.ToCounselor
        ? ToConsulteeAsync($"undelivered/{eventId}", new Outgoing(BotText.Get("RelayNotDelivered")))
        : ToCounselorAsync($"undelivered/{eventId}", new Outgoing(BotText.Format("Staff.RelayNotDelivered", Tag)));

    /// <summary>A relay of one event to the other side, tagged so the outbox can name its case if it must wait there.</summary>
    private async Task<DeliveryOutcome> RelayAsync(string direction, string eventId, Outgoing message)
    {
        RequestContext.Set(OutboxOrigins.RequestContextKey, OutboxOrigins.Relay(CaseId, direction, eventId));
        try
        {
            return direction == OutboxOrigins.ToCounselor ? await ToCounselorAsync(eventId, message) : await ToConsulteeAsync(eventId, message);
        }
        finally
        {
            RequestContext.Remove(OutboxOrigins.RequestContextKey);
        }
    }

    public async Task<bool> EndAsync(string counselorId)
    {
        if (S.Status != CaseStatus.Connected || S.CounselorId != counselorId)
        {
            return false;
        }
        await CloseAsync("ended", tellConsultee: true);
        return true;
    }

    public async Task<bool> AddNoteAsync(string counselorId, string note)
    {
        if (S.CounselorId != counselorId)
        {
            return false;
        }
        S.Notes.Add($"{ScheduleTime(clock.GetUtcNow())} {note}");
        await SaveAsync();
        return true;
    }

    public async Task<string?> TransferAsync(string counselorId)
    {
        if (S.Status != CaseStatus.Connected || S.CounselorId != counselorId)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var local = directory.Dispatcher(LocalKey);
        var pool = directory.FindDispatcher(local.OverflowTo);
        var target = !S.DispatcherKey.StartsWith("pool:", StringComparison.Ordinal) && pool is not null && pool.Schedule.IsOpen(now)
            ? pool
            : directory.Dispatcher(S.DispatcherKey);
        S.Journal.Add(new JournalEntry(now, "transferred", S.DispatcherKey, counselorId, target.Key));
        S.ExcludedCounselors.Add(counselorId);
        S.CounselorId = null;
        S.StaffLineKey = null;
        S.Status = CaseStatus.Waiting;
        await ToConsulteeAsync($"transfer/{S.Journal.Count}", new Outgoing(BotText.Get("Transferred")));
        await RouteAsync(target.Key, $"transfer{S.Journal.Count}");
        await SaveAsync();
        return target.IsPool ? target.Name : BotText.Get("Queue.Local");
    }

    public async Task RoutingNewsAsync(RoutingNews news)
    {
        if (!S.Opened || S.Status == CaseStatus.Closed)
        {
            return;
        }
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
            await ToConsulteeAsync($"pool/{S.Journal.Count}", new Outgoing(Say.PoolConnecting(directory.FindDispatcher(S.DispatcherKey)?.Name ?? "")));
            Told(ProgressPolicy.Key("pool", S.DispatcherKey));
        }
        else if (news.Entry?.Step == "requeued" && waiting)
        {
            // An offer came back and nobody has it now: once per state, not more often than the minimum interval.
            if (ProgressPolicy.ShouldTell(S.Told, S.ToldAt, ProgressPolicy.Key("looking", S.DispatcherKey), now, handOver: false))
            {
                await ToConsulteeAsync($"looking/{S.Journal.Count}", new Outgoing(Say.StillLooking(news.QueuePosition ?? 1)));
                Told(ProgressPolicy.Key("looking", S.DispatcherKey));
            }
        }
        else if (news.QueuePosition is { } position && S.Status == CaseStatus.Waiting)
        {
            await ToConsulteeAsync($"position/{S.Journal.Count}/{position}", new Outgoing(BotText.Format("QueuePosition", position)));
        }
        if (news.NobodyAvailable && S.Status == CaseStatus.Waiting)
        {
            await BecomeUnansweredAsync($"nobody/{S.Journal.Count}");
        }
        await SaveAsync();
    }

    public async Task TickAsync()
    {
        if (S.Status != CaseStatus.Connected)
        {
            return;
        }
        var timeouts = directory.TimeoutsOf(S.TenantId);
        var idle = clock.GetUtcNow() - S.LastConsulteeAt;
        if (idle >= timeouts.IdleCloseAfter)
        {
            await CloseAsync("idle", tellConsultee: true);
            return;
        }
        if (idle >= timeouts.IdleWarnAfter && !S.IdleWarned)
        {
            S.IdleWarned = true;
            await SaveAsync();
            await ToCounselorAsync($"idlewarn/{S.LastConsulteeAt.UtcTicks}", new Outgoing(
                BotText.Format("Staff.IdleWarning", Tag, (int)timeouts.IdleWarnAfter.TotalMinutes),
                Say.StaffMenu([])));
        }
        ArmIdleTimer();
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        // After a silo died, both LINE users' grains may hold stored events nobody has activated
        // them to work: waking them here keeps a connected chat flowing within one reminder period.
        if (S.Status == CaseStatus.Connected)
        {
            await Consultee.ProcessPendingAsync();
            if (S.StaffLineKey is { } staff)
            {
                await GrainFactory.GetGrain<IStaffLineUserGrain>(staff).ProcessPendingAsync();
            }
        }
        await TickAsync();
    }

    private async Task CloseAsync(string reason, bool tellConsultee)
    {
        var now = clock.GetUtcNow();
        var wasWaiting = S.Status is CaseStatus.Waiting or CaseStatus.LeftMessage;
        var counselorId = S.CounselorId;
        S.Status = CaseStatus.Closed;
        S.ClosedAt = now;
        S.ClosedReason = reason;
        S.Journal.Add(new JournalEntry(now, "closed", S.DispatcherKey, counselorId, reason));
        await CaseIndex.ClosedAsync(CaseId, now);
        await RecordClosedAsync(now);
        await SaveAsync();
        LogClosed(logger, CaseId, reason);
        ConversationMetrics.CaseClosed(S.TenantId, reason);
        await EndSupervisionAsync();

        _idleTimer?.Dispose();
        _idleTimer = null;
        if (await this.GetReminder(IdleReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        if (wasWaiting)
        {
            await Dispatcher(S.DispatcherKey).WithdrawAsync(CaseId);
        }
        if (tellConsultee)
        {
            var closing = reason == "idle" ? Say.WithMenu(BotText.Get("IdleClosed")) : new Outgoing(BotText.Get("Closing"));
            await ToConsulteeAsync($"close/{reason}", closing, Say.Survey(CaseId));
        }
        await Consultee.CaseClosedAsync(CaseId, counselorId, now);
        if (counselorId is not null && reason != "ended")
        {
            // Her counselor grain tells her; when she ended it herself she already knows.
            await GrainFactory.GetGrain<ICounselorGrain>(counselorId).CaseClosedAsync(CaseId, reason);
        }
    }

    public Task<CaseSummary> GetSummaryAsync() => Task.FromResult(new CaseSummary(
        CaseId, Tag, S.TenantId, S.Status, S.Urgent, S.HandledBy, S.CounselorId, S.CreatedAt, S.FirstOfferedAt,
        S.AcceptedAt, S.ClosedAt, S.ClosedReason, S.NightOrHoliday, S.Satisfaction, S.Notes.ToList(), S.Journal.ToList(), S.AreaName));

    private void ArmIdleTimer()
    {
        _idleTimer?.Dispose();
        _idleTimer = null;
        if (S.Status != CaseStatus.Connected)
        {
            return;
        }
        var timeouts = directory.TimeoutsOf(S.TenantId);
        var due = S.LastConsulteeAt + (S.IdleWarned ? timeouts.IdleCloseAfter : timeouts.IdleWarnAfter) - clock.GetUtcNow();
        _idleTimer = this.RegisterGrainTimer(_ => TickAsync(), TimeSpan.FromTicks(Math.Clamp(due.Ticks, TimeSpan.TicksPerSecond, TimeSpan.TicksPerHour)), Timeout.InfiniteTimeSpan);
    }

    private static string ScheduleTime(DateTimeOffset at) =>
        Tenancy.JapaneseCalendar.ToTokyo(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private IDispatcherGrain Dispatcher(string key) => GrainFactory.GetGrain<IDispatcherGrain>(key);

    /// <summary>Her area's own dispatcher (as opposed to a nurse pool).</summary>
    private string LocalKey => $"tenant:{S.TenantId}";

    private IConsulteeGrain Consultee => GrainFactory.GetGrain<IConsulteeGrain>(S.ConsulteeKey);

    private Task<DeliveryOutcome> ToConsulteeAsync(string cause, params Outgoing[] messages) =>
        Consultee.DeliverAsync(messages, RetryKeys.For($"{CaseId}/to-consultee/{cause}"));

    private Task<DeliveryOutcome> ToCounselorAsync(string cause, params Outgoing[] messages) =>
        S.StaffLineKey is { } staff
            ? GrainFactory.GetGrain<IStaffLineUserGrain>(staff).DeliverAsync(messages, RetryKeys.For($"{CaseId}/to-counselor/{cause}"))
            : Task.FromResult(DeliveryOutcome.Sent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} opened for tenant {TenantId} (urgent: {Urgent})")]
    private static partial void LogOpened(ILogger logger, string caseId, string tenantId, bool urgent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Case {CaseId} refused a {Method} call from a consultee who is not its own")]
    private static partial void LogStranger(ILogger logger, string caseId, string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} closed: {Reason}")]
    private static partial void LogClosed(ILogger logger, string caseId, string reason);
}
