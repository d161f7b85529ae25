using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>Her slash commands (<see cref="StaffInput"/> reads them): /終了 /メモ /転送 /一覧 here, the rest in their own parts.</summary>
public sealed partial class CounselorGrain
{
    private async Task CommandAsync(string command)
    {
        var (name, argument) = StaffInput.Split(command);
        StopWaitingForPlace();
        switch (name)
        {
            case "終了":
                await EndCurrentAsync();
                break;
            case "メモ":
                await NoteAsync(argument);
                break;
            case "転送":
                await TransferCurrentAsync();
                break;
            case "一覧":
                await ListAsync();
                break;
            case "定型" or "定型文":
                await CannedListAsync(0);
                break;
            case "記録":
                await RecordCommandAsync(argument);
                break;
            case "紹介":
                await ReferralCommandAsync(argument);
                break;
            case "SV" or "sv" or "Sv" or "ＳＶ":
                await CallSupervisorAsync(argument);
                break;
            case "ささやき":
                await WhisperAsync(argument);
                break;
            case "退出":
                await LeaveWatchAsync(S.SupervisingCaseId);
                break;
            default:
                await SayAsync(BotText.Get("Staff.Help"));
                break;
        }
    }

    private async Task EndCurrentAsync()
    {
        if (S.CurrentCaseId is not { } caseId)
        {
            await SayAsync(BotText.Get("Staff.ListEmpty"));
            return;
        }
        await GrainFactory.GetGrain<IConsultationGrain>(caseId).EndAsync(Id);
        await RememberClosedAsync(caseId);
        await ForgetCaseAsync(caseId);
        await SayAsync(BotText.Format("Staff.Ended", CaseIds.Tag(caseId)));
        await StartRecordFormAsync(caseId, withRecap: false);
    }

    private async Task NoteAsync(string note)
    {
        if (S.CurrentCaseId is not { } caseId)
        {
            await SayAsync(BotText.Get("Staff.ListEmpty"));
            return;
        }
        if (note.Length == 0)
        {
            await SayAsync(BotText.Get("Staff.NoteEmpty"));
            return;
        }
        await GrainFactory.GetGrain<IConsultationGrain>(caseId).AddNoteAsync(Id, note);
        await SayAsync(BotText.Format("Staff.NoteSaved", CaseIds.Tag(caseId)));
    }

    private async Task TransferCurrentAsync()
    {
        if (S.CurrentCaseId is not { } caseId)
        {
            await SayAsync(BotText.Get("Staff.ListEmpty"));
            return;
        }
        var target = await GrainFactory.GetGrain<IConsultationGrain>(caseId).TransferAsync(Id);
        await ForgetCaseAsync(caseId);
        await SayAsync(target is null ? BotText.Get("Staff.NoCase") : BotText.Format("Staff.Transferred", CaseIds.Tag(caseId), target));
    }

    private async Task ListAsync() => await SayAsync(CounselorTexts.List(
        S.Active.Select(a => a.CaseId).ToList(), S.CurrentCaseId, S.Offers.Select(o => o.CaseId).ToList()) + RecentlyClosedLine());
}
