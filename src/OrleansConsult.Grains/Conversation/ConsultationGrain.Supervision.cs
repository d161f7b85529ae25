using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Supervision;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Supervision of the case: calls to the supervisors of its tenant or pool (the counselor's /SV, an urgent
/// case accepted, an urgent referral to 警察 or 児童相談所), watching (copies of both sides to the supervisor,
/// the consultee not told), whispers to the counselor, takeover and leave. Each step is a journal entry (and an
/// audit entry when the console's audit log is hosted); a whisper's text is neither in the journal nor in the
/// transcript, which is the consultee's own record (disclosure and erasure) and holds only what was said to her
/// or by her.
/// </summary>
public sealed partial class ConsultationGrain : ICaseSupervisionGrain
{
    private ISupervisorDeskGrain Desk => GrainFactory.GetGrain<ISupervisorDeskGrain>(S.DispatcherKey);

    public async Task<SupervisorCallOutcome?> CallSupervisorAsync(string counselorId, string cause, string note)
    {
        if (S.Status != CaseStatus.Connected || S.CounselorId != counselorId)
        {
            return null;
        }
        return await CallAsync(SupervisorCallReason.Counselor, $"counselor/{cause}", note, counselorId);
    }

    public async Task<SupervisorCallOutcome?> ReferralRecordedAsync(string destination, string referralId)
    {
        if (!S.Opened || !SupervisorCallPolicy.CallsOnReferral(destination, S.Urgent))
        {
            return null;
        }
        return await CallAsync(SupervisorCallReason.Referral, $"referral/{referralId}", destination, S.CounselorId);
    }

    /// <summary>An urgent case in a chat calls its supervisors by itself, once (accepted urgent, or urgent during the chat).</summary>
    private async Task CallSupervisorsIfUrgentAsync()
    {
        if (!S.Urgent || S.Status != CaseStatus.Connected || S.UrgentSupervisorCalled)
        {
            return;
        }
        S.UrgentSupervisorCalled = true;
        await CallAsync(SupervisorCallReason.Urgent, "urgent", null, S.CounselorId);
    }

    /// <summary>
    /// Journal first (written), then the desk; the counselor in the chat hears who was told or the phones to call.
    /// Every step's cause names its retry keys, so a repeat tells nobody twice.
    /// </summary>
    private async Task<SupervisorCallOutcome> CallAsync(SupervisorCallReason reason, string cause, string? note, string? counselorId)
    {
        var now = clock.GetUtcNow();
        var call = new SupervisorCall(RetryKeys.For($"{CaseId}/sv/{cause}").ToString("N"), CaseId, S.TenantId, S.AreaName, S.Urgent,
            reason, note, counselorId, now);
        await JournalAsync("sv-called", counselorId, reason.ToString().ToLowerInvariant());
        S.SupervisorsCalled = true;
        await SaveAsync();
        var outcome = await Desk.CallAsync(call);
        if (outcome.NobodyOnShift)
        {
            await JournalAsync("sv-phones", counselorId, $"{outcome.Phones.Count} phone(s)");
            await SaveAsync();
        }
        if (S.Status == CaseStatus.Connected)
        {
            await ToCounselorAsync($"sv/{cause}", new Outgoing(outcome.NobodyOnShift
                ? SupervisionSay.NobodyOnShift(Tag, outcome.Phones)
                : BotText.Format("Sv.Called", Tag, outcome.SupervisorsCalled)));
        }
        return outcome;
    }

    /// <summary>An active supervisor of the tenant or pool that holds the case, or of the case's own tenant.</summary>
    private bool SupervisesThisCase(string supervisorId) =>
        directory.Staff(supervisorId) is { Supervises: true, Active: true } member
        && (string.Equals(member.DispatcherKey, S.DispatcherKey, StringComparison.OrdinalIgnoreCase)
            || string.Equals(member.DispatcherKey, LocalKey, StringComparison.OrdinalIgnoreCase));

    private SupervisionAnswer MayAct(string supervisorId) =>
        !SupervisesThisCase(supervisorId) ? SupervisionAnswer.NotHerCase
        : S.Status != CaseStatus.Connected ? SupervisionAnswer.NotConnected
        : SupervisionAnswer.Done;

    public async Task<SupervisionAnswer> WatchAsync(string supervisorId, string staffLineKey)
    {
        if (MayAct(supervisorId) is not SupervisionAnswer.Done and var refused)
        {
            return refused;
        }
        if (S.Watchers.Any(w => w.SupervisorId == supervisorId) || S.CounselorId == supervisorId)
        {
            return SupervisionAnswer.Done;
        }
        S.Watchers.Add(new CaseWatcher(supervisorId, staffLineKey));
        await JournalAsync("sv-watch", supervisorId, null);
        await SaveAsync();
        await Desk.AnsweredAsync(CaseId, supervisorId);
        await ToCounselorAsync($"sv-watch/{supervisorId}/{S.Journal.Count}",
            new Outgoing(BotText.Format("Sv.WatchStarted", Tag, SupervisorName(supervisorId))));
        return SupervisionAnswer.Done;
    }

    public async Task<SupervisionAnswer> WhisperAsync(string supervisorId, string eventId, string text)
    {
        if (MayAct(supervisorId) is not SupervisionAnswer.Done and var refused)
        {
            return refused;
        }
        // The fact and who, not the words: see the class comment.
        await JournalAsync("sv-whisper", supervisorId, null);
        await SaveAsync();
        await Desk.AnsweredAsync(CaseId, supervisorId);
        await ToCounselorAsync($"sv-whisper/{eventId}",
            new Outgoing(BotText.Format("Sv.WhisperToCounselor", Tag, SupervisorName(supervisorId), text)));
        return SupervisionAnswer.Done;
    }

    public async Task<SupervisionAnswer> TakeOverAsync(string supervisorId, string staffLineKey)
    {
        if (MayAct(supervisorId) is not SupervisionAnswer.Done and var refused)
        {
            return refused;
        }
        if (S.CounselorId == supervisorId)
        {
            return SupervisionAnswer.Done;
        }
        var former = S.CounselorId;
        S.CounselorId = supervisorId;
        S.StaffLineKey = staffLineKey;
        S.Watchers.RemoveAll(w => w.SupervisorId == supervisorId);
        await JournalAsync("sv-takeover", supervisorId, former is null ? null : $"from {former}");
        await SaveAsync();
        await Records.HandledByAsync(S.CounselorId);
        var step = $"sv-takeover/{supervisorId}/{S.Journal.Count}";
        await Desk.AnsweredAsync(CaseId, supervisorId);
        if (former is not null)
        {
            await GrainFactory.GetGrain<ISupervisionGrain>(former).CaseTakenOverAsync(CaseId, supervisorId);
        }
        await ToConsulteeAsync(step, new Outgoing(BotText.Get("Sv.StaffJoined")));
        // She may not have watched: the last lines of the chat come with the handover.
        var recent = await Relay.TranscriptAsync();
        await ToCounselorAsync(step, new Outgoing(BotText.Format("Sv.TookOver", Tag), Say.StaffMenu([(CaseId, Tag)])),
            new Outgoing(SupervisionSay.Recent(Tag, recent)));
        return SupervisionAnswer.Done;
    }

    public async Task<SupervisionAnswer> LeaveWatchAsync(string supervisorId)
    {
        if (S.Watchers.RemoveAll(w => w.SupervisorId == supervisorId) == 0)
        {
            return SupervisionAnswer.NotWatching;
        }
        await JournalAsync("sv-leave", supervisorId, null);
        await SaveAsync();
        return SupervisionAnswer.Done;
    }

    /// <summary>The case closed: watchers hear it once and stop; the desk forgets its calls.</summary>
    private async Task EndSupervisionAsync()
    {
        foreach (var watcher in S.Watchers)
        {
            await GrainFactory.GetGrain<IStaffLineUserGrain>(watcher.StaffLineKey).DeliverAsync(
                [new Outgoing(BotText.Format("Sv.WatchEnded", Tag))], RetryKeys.For($"{CaseId}/sv-closed/{watcher.SupervisorId}"));
        }
        if (S.Watchers.Count > 0)
        {
            S.Watchers.Clear();
            await SaveAsync();
        }
        if (S.SupervisorsCalled)
        {
            await Desk.CaseClosedAsync(CaseId);
        }
    }

    private string SupervisorName(string supervisorId) =>
        directory.Staff(supervisorId) is { } member ? Say.StaffName(member) : supervisorId;

    /// <summary>A journal entry (written by the caller's next save) and, when hosted, the audit log's.</summary>
    private async Task JournalAsync(string step, string? staffId, string? reason)
    {
        S.Journal.Add(new JournalEntry(clock.GetUtcNow(), step, S.DispatcherKey, staffId, reason));
        if (ServiceProvider.GetService<ISupervisionAudit>() is not { } audit)
        {
            return;
        }
        try
        {
            await audit.RecordAsync(new SupervisionAuditEntry(staffId ?? "system", step, S.DispatcherKey, S.TenantId, CaseId, reason));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAuditFailed(logger, e, CaseId, step);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId}: the supervision step {Step} could not be written to the audit log")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string caseId, string step);
}
