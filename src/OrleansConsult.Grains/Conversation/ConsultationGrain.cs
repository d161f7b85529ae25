using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// One case from 相談する to the survey: its lifecycle (open, connect, transfer, close) and who may call it.
/// Its parts are collaborators with one job each: <see cref="CaseRouting"/> (where it waits and what she is
/// told of it), <see cref="CaseRelay"/> (sends both ways and the transcript), <see cref="CaseTimers"/> with
/// <see cref="IdlePolicy"/> (the idle deadline), <see cref="CaseTexts"/> (the words), <see cref="CaseRecordWriter"/>
/// (the record the monthly report reads). The relay never passes through a dispatcher. This file is the
/// consultee's side and the close; the counselor's side is in ConsultationGrain.Counselor.cs, the idle deadline
/// in ConsultationGrain.Idle.cs.
/// </summary>
public sealed partial class ConsultationGrain(
    [PersistentState("case", StorageNames.State)] IPersistentState<ConsultationState> state,
    EngineClock clock,
    ProgramDirectory directory,
    ITranscriptStore transcripts,
    ILogger<ConsultationGrain> logger) : Grain, IConsultationGrain, IRemindable
{
    private ConsultationState S => state.State;
    // For the record's end (ConsultationGrain.Retention.cs): primary-constructor parameters are not in scope there.
    private IPersistentState<ConsultationState> Stored => state;
    private ITranscriptStore Transcripts => transcripts;
    private string CaseId => this.GetPrimaryKeyString();
    private string Tag => CaseIds.Tag(CaseId);

    // Made on first use (the grain's key and services are not there while field initializers run).
    private CaseRelay? _relay;
    private CaseRouting? _routing;
    private CaseTimers? _timers;
    private CaseRecordWriter? _records;
    private CaseRelay Relay => _relay ??= new(CaseId, state, GrainFactory, transcripts);
    private CaseRecordWriter Records => _records ??= new(CaseId, CaseRecords, logger);
    private CaseRouting Routing => _routing ??= new(CaseId, state, directory, clock, GrainFactory, Relay, Records);
    private CaseTimers Timers => _timers ??= new(this, TickAsync);
    private ICaseRecordStore? CaseRecords => ServiceProvider.GetService<ICaseRecordStore>();

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
            await Relay.AppendAsync("open", now, TranscriptAuthor.Consultee, first);
        }
        await CaseIndex.OpenedAsync(CaseId, S.TenantId, S.ConsulteeKey, now);
        await Records.OpenedAsync(S, directory.FindDispatcher(LocalKey), now);
        LogOpened(logger, CaseId, S.TenantId, S.Urgent);
        ConversationMetrics.CaseOpened(S.TenantId);
        await Routing.RouteAsync(LocalKey, "open");
        await SaveAsync();
        return true;
    }

    public async Task<CaseStatus> RetryRoutingAsync(string consulteeKey)
    {
        if (!IsHers(consulteeKey, "retry"))
        {
            return CaseStatus.Closed;
        }
        if (S.Status == CaseStatus.Unanswered)
        {
            await Routing.RouteAsync(LocalKey, $"retry{S.Journal.Count}");
            await SaveAsync();
        }
        else if (S.Status is CaseStatus.Waiting or CaseStatus.Connected or CaseStatus.LeftMessage)
        {
            await ToConsulteeAsync($"already/{S.Journal.Count}", new Outgoing(BotText.Get("AlreadyInCase")));
        }
        return S.Status;
    }

    public async Task<CaseStatus> FromConsulteeAsync(string consulteeKey, string eventId, DateTimeOffset at, string text, bool crisis, MediaRef? media = null)
    {
        if (!IsHers(consulteeKey, "message") || S.Status == CaseStatus.Closed)
        {
            return CaseStatus.Closed;
        }
        using var span = EngineTracing.Source.StartActivity("case.from_consultee");
        span?.SetTag(EngineTracing.CaseTag, Tag);
        var now = clock.GetUtcNow();
        await Relay.AppendAsync(eventId, now, TranscriptAuthor.Consultee, text);
        var before = (S.Status, S.Urgent, S.Preview, S.LeftMessageConfirmed, S.IdleWarned);
        S.LastConsulteeAt = now;
        S.IdleWarned = false;
        if (crisis && !S.Urgent)
        {
            S.Urgent = true;
            S.Journal.Add(new JournalEntry(now, "urgent", S.DispatcherKey, Reason: "crisis word"));
            if (S.Status is CaseStatus.Waiting or CaseStatus.LeftMessage)
            {
                await Routing.Dispatcher(S.DispatcherKey).MarkUrgentAsync(CaseId);
            }
        }

        switch (S.Status)
        {
            case CaseStatus.Connected:
                await Relay.ConsulteeToCounselorAsync(eventId, text, crisis || S.Urgent, media);
                break;
            case CaseStatus.Waiting or CaseStatus.LeftMessage when S.Preview is null:
                S.Preview = MediaRelay.Readable(text);
                await Routing.Dispatcher(S.DispatcherKey).SetPreviewAsync(CaseId, S.Preview);
                break;
            case CaseStatus.Unanswered:
                S.Preview ??= MediaRelay.Readable(text);
                await Routing.LeaveMessageAsync();
                break;
        }
        await CallSupervisorsIfUrgentAsync();
        if (S.Status == CaseStatus.LeftMessage && !S.LeftMessageConfirmed)
        {
            S.LeftMessageConfirmed = true;
            await ToConsulteeAsync($"left/{eventId}", Say.WithMenu(BotText.Get("LeaveMessageSaved")));
        }
        if (CaseWritePolicy.MustWrite(before != (S.Status, S.Urgent, S.Preview, S.LeftMessageConfirmed, S.IdleWarned),
            S.LastConsulteeAt, _storedLastConsulteeAt))
        {
            await SaveAsync();
        }
        return S.Status;
    }

    public async Task LeaveMessageAsync(string consulteeKey)
    {
        if (!IsHers(consulteeKey, "leave") || S.Status != CaseStatus.Unanswered)
        {
            return;
        }
        await Routing.LeaveMessageAsync();
        await ToConsulteeAsync($"leave/{S.Journal.Count}", new Outgoing(BotText.Get("LeaveMessagePrompt")));
        await SaveAsync();
    }

    public async Task<bool> AnswerSurveyAsync(string consulteeKey, int score)
    {
        if (!IsHers(consulteeKey, "survey") || S.Status != CaseStatus.Closed || S.Satisfaction is not null || score is < 1 or > 5)
        {
            return false;
        }
        S.Satisfaction = score;
        await Records.SurveyAsync(score);
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

    public async Task RoutingNewsAsync(RoutingNews news)
    {
        if (!S.Opened || S.Status == CaseStatus.Closed)
        {
            return;
        }
        await Routing.HearAsync(news);
        await SaveAsync();
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
        await Records.ClosedAsync(now);
        await SaveAsync();
        LogClosed(logger, CaseId, reason);
        ConversationMetrics.CaseClosed(S.TenantId, reason);
        await EndSupervisionAsync();

        await Timers.StopAsync();
        if (wasWaiting)
        {
            await Routing.Dispatcher(S.DispatcherKey).WithdrawAsync(CaseId);
        }
        // Her grain hears it before she does: what she writes after the goodbye starts from a closed case.
        await Consultee.CaseClosedAsync(CaseId, counselorId, now);
        if (tellConsultee)
        {
            await Relay.ToConsulteeAsync($"close/{reason}", CaseTexts.Closing(reason, CaseId));
        }
        if (counselorId is not null && reason != "ended")
        {
            // Her counselor grain tells her; when she ended it herself she already knows.
            await GrainFactory.GetGrain<ICounselorGrain>(counselorId).CaseClosedAsync(CaseId, reason);
        }
    }

    public Task<CaseSummary> GetSummaryAsync() => Task.FromResult(new CaseSummary(
        CaseId, Tag, S.TenantId, S.Status, S.Urgent, S.HandledBy, S.CounselorId, S.CreatedAt, S.FirstOfferedAt,
        S.AcceptedAt, S.ClosedAt, S.ClosedReason, S.NightOrHoliday, S.Satisfaction, S.Notes.ToList(), S.Journal.ToList(), S.AreaName));

    private string LocalKey => Routing.LocalKey;

    private IConsulteeGrain Consultee => Relay.Consultee;

    private Task<DeliveryOutcome> ToConsulteeAsync(string cause, params Outgoing[] messages) => Relay.ToConsulteeAsync(cause, messages);

    private Task<DeliveryOutcome> ToCounselorAsync(string cause, params Outgoing[] messages) => Relay.ToCounselorAsync(cause, messages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} opened for tenant {TenantId} (urgent: {Urgent})")]
    private static partial void LogOpened(ILogger logger, string caseId, string tenantId, bool urgent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Case {CaseId} refused a {Method} call from a consultee who is not its own")]
    private static partial void LogStranger(ILogger logger, string caseId, string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} closed: {Reason}")]
    private static partial void LogClosed(ILogger logger, string caseId, string reason);
}
