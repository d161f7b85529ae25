using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// A picture, video, voice message or file the counselor sends to her current case. Her staff LINE
/// user grain fetches and stores it first (in its own turn: a long download never holds this grain
/// or times out a call to it); here it is relayed to the case it was stored for, if she still has it.
/// </summary>
public sealed partial class CounselorGrain
{
    public Task<string?> CurrentCaseAsync(string staffLineKey) =>
        Task.FromResult(S.StaffLineKey == staffLineKey ? S.CurrentCaseId : null);

    public async Task<bool> HandleMediaAsync(string staffLineKey, string eventId, string? caseId, string kind, MediaRef? stored)
    {
        if (S.StaffLineKey is null || S.StaffLineKey != staffLineKey)
        {
            return false;
        }
        Voice.Begin(eventId);
        if (caseId is null || S.Active.All(a => a.CaseId != caseId))
        {
            await SayAsync(BotText.Get("Staff.NoCase"));
            return true;
        }
        var text = stored is null ? BotText.DescribeNonText(kind) : MediaRelay.TranscriptText(stored);
        if (!await GrainFactory.GetGrain<IConsultationGrain>(caseId).FromCounselorAsync(Id, eventId, text, stored))
        {
            await ForgetCaseAsync(caseId);
            await SayAsync(BotText.Get("Staff.NoCase"));
        }
        return true;
    }
}
