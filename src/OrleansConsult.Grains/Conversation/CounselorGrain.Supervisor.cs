using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Supervision;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Supervision from LINE. A counselor's /SV calls the supervisors of her case's tenant or pool. A supervisor
/// (role Supervisor) reports 出勤/休憩/退勤 to her desk as well as to her dispatcher (which offers her cases only
/// when her roster entry says she takes cases), gets calls with [見守る][ささやく][引き継ぐ], and writes
/// /ささやき and /退出 for the case she supervises last.
/// </summary>
public sealed partial class CounselorGrain : ISupervisionGrain
{
    private bool IsSupervisor => Rostered is { Supervises: true };

    private Task ReportToSupervisorDeskAsync(Tenancy.StaffMember member) =>
        member.Supervises
            ? GrainFactory.GetGrain<ISupervisorDeskGrain>(member.DispatcherKey).SupervisorPresenceAsync(Id, S.Presence)
            : Task.CompletedTask;

    /// <summary>A supervisor's 出勤: what reaches her (calls; offers only when she takes cases).</summary>
    private static string SupervisorPresenceNote(Tenancy.StaffMember member, Presence presence) =>
        member.Supervises && presence == Presence.Available
            ? "\n" + BotText.Get(member.TakesCases ? "Sv.OnShiftCounsels" : "Sv.OnShift")
            : "";

    private async Task CallSupervisorAsync(string note)
    {
        if (S.CurrentCaseId is not { } caseId
            || await GrainFactory.GetGrain<ICaseSupervisionGrain>(caseId).CallSupervisorAsync(Id, Voice.Cause, note) is null)
        {
            await SayAsync(BotText.Get("Sv.NoCase"));
        }
        // Otherwise the case answered her (who was told, or the phones to call).
    }

    public async Task SupervisorCalledAsync(SupervisorCall call)
    {
        if (!IsSupervisor || S.Presence != Presence.Available)
        {
            return;
        }
        Voice.Begin($"svcall/{call.CallId}");
        var counselor = call.CounselorId is { } id ? directory.Staff(id) : null;
        await SayAsync(SupervisionSay.Call(call, counselor));
    }

    public async Task CaseTakenOverAsync(string caseId, string supervisorId)
    {
        Voice.Begin($"takenover/{caseId}/{supervisorId}");
        if (S.Active.All(a => a.CaseId != caseId))
        {
            return;
        }
        // Her slot is free at once: her dispatcher sees the lower load.
        await ForgetCaseAsync(caseId);
        var name = directory.Staff(supervisorId) is { } member ? Say.StaffName(member) : supervisorId;
        await SayAsync(BotText.Format("Sv.TakenOver", CaseIds.Tag(caseId), name));
        LogTakenOver(logger, Id, caseId);
    }

    private async Task<bool> OnSupervisionPostbackAsync(string data)
    {
        string? Case(string prefix) => data.StartsWith(prefix, StringComparison.Ordinal) ? data[prefix.Length..] : null;
        if (!data.StartsWith("sv:", StringComparison.Ordinal))
        {
            return false;
        }
        if (!IsSupervisor)
        {
            await SayAsync(BotText.Get("Sv.NotSupervisor"));
            return true;
        }
        if (Case(SupervisionSay.WatchPrefix) is { } watch)
        {
            await WatchAsync(watch);
        }
        else if (Case(SupervisionSay.WhisperPrefix) is { } whisper)
        {
            S.SupervisingCaseId = whisper;
            await state.WriteStateAsync();
            await SayAsync(BotText.Format("Sv.WhisperPrompt", CaseIds.Tag(whisper)));
        }
        else if (Case(SupervisionSay.TakeOverPrefix) is { } take)
        {
            await TakeOverAsync(take);
        }
        else if (Case(SupervisionSay.LeavePrefix) is { } leave)
        {
            await LeaveWatchAsync(leave);
        }
        return true;
    }

    private async Task WatchAsync(string caseId)
    {
        var answer = await GrainFactory.GetGrain<ICaseSupervisionGrain>(caseId).WatchAsync(Id, S.StaffLineKey!);
        if (answer != SupervisionAnswer.Done)
        {
            await SayAsync(SupervisionSay.Refused(answer, CaseIds.Tag(caseId)));
            return;
        }
        if (!S.Watching.Contains(caseId))
        {
            S.Watching.Add(caseId);
        }
        S.SupervisingCaseId = caseId;
        await state.WriteStateAsync();
        await SayAsync(new Outgoing(BotText.Format("Sv.Watching", CaseIds.Tag(caseId)), SupervisionSay.WatchingChoices(caseId)));
    }

    private async Task WhisperAsync(string text)
    {
        if (!IsSupervisor)
        {
            await SayAsync(BotText.Get("Sv.NotSupervisor"));
            return;
        }
        if (S.SupervisingCaseId is not { } caseId)
        {
            await SayAsync(BotText.Get("Sv.NotSupervising"));
            return;
        }
        if (text.Length == 0)
        {
            await SayAsync(BotText.Get("Sv.WhisperEmpty"));
            return;
        }
        var answer = await GrainFactory.GetGrain<ICaseSupervisionGrain>(caseId).WhisperAsync(Id, Voice.Cause, text);
        await SayAsync(answer == SupervisionAnswer.Done
            ? new Outgoing(BotText.Format("Sv.WhisperSent", CaseIds.Tag(caseId)), SupervisionSay.WatchingChoices(caseId))
            : new Outgoing(SupervisionSay.Refused(answer, CaseIds.Tag(caseId))));
    }

    private async Task TakeOverAsync(string caseId)
    {
        if (S.Active.Any(a => a.CaseId == caseId))
        {
            return;
        }
        var summary = await GrainFactory.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        var answer = await GrainFactory.GetGrain<ICaseSupervisionGrain>(caseId).TakeOverAsync(Id, S.StaffLineKey!);
        if (answer != SupervisionAnswer.Done)
        {
            await SayAsync(SupervisionSay.Refused(answer, CaseIds.Tag(caseId)));
            return;
        }
        // The case is hers now, like an accepted offer: her load counts at her dispatcher when she takes cases.
        S.Watching.Remove(caseId);
        if (S.SupervisingCaseId == caseId)
        {
            S.SupervisingCaseId = S.Watching.LastOrDefault();
        }
        var holder = summary.HandledBy == "pool" && directory.PoolFor(summary.TenantId) is { } pool ? pool.DispatcherKey : $"tenant:{summary.TenantId}";
        S.Active.Add(new ActiveCase(caseId, holder));
        S.CurrentCaseId = caseId;
        await state.WriteStateAsync();
        await ReportAsync();
        LogTookOver(logger, Id, caseId);
    }

    private async Task LeaveWatchAsync(string? caseId)
    {
        if (caseId is null)
        {
            await SayAsync(BotText.Get("Sv.NotSupervising"));
            return;
        }
        var answer = await GrainFactory.GetGrain<ICaseSupervisionGrain>(caseId).LeaveWatchAsync(Id);
        S.Watching.Remove(caseId);
        if (S.SupervisingCaseId == caseId)
        {
            S.SupervisingCaseId = S.Watching.LastOrDefault();
        }
        await state.WriteStateAsync();
        await SayAsync(answer == SupervisionAnswer.Done
            ? BotText.Format("Sv.Left", CaseIds.Tag(caseId))
            : SupervisionSay.Refused(answer, CaseIds.Tag(caseId)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counselor {CounselorId}: case {CaseId} taken over by a supervisor")]
    private static partial void LogTakenOver(ILogger logger, string counselorId, string caseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervisor {SupervisorId} took over case {CaseId}")]
    private static partial void LogTookOver(ILogger logger, string supervisorId, string caseId);
}
