using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// 定型文: /定型 shows the titles for her current case's tenant as quick replies (paged with 「次へ」); a tap sends
/// the text, placeholders filled for the case, to the consultee as her own message (the same relay and transcript
/// as a typed one), and shows her what was sent.
/// </summary>
public sealed partial class CounselorGrain
{
    private async Task CannedListAsync(int from)
    {
        if (S.CurrentCaseId is not { } caseId)
        {
            await SayAsync(BotText.Get("Staff.CannedNoCase"));
            return;
        }
        var summary = await GrainFactory.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        var titles = directory.Program.CannedRepliesFor(directory.Tenant(summary.TenantId)).Select(c => c.Title).ToList();
        if (titles.Count == 0)
        {
            await SayAsync(BotText.Get("Staff.CannedNone"));
            return;
        }
        var page = CannedReplyPage.Of(titles, from);
        var choices = page.Titles.Select(t => new Choice(t, t, Say.CannedSendPrefix + t)).ToList();
        if (page.NextFrom is { } next)
        {
            choices.Add(new Choice(BotText.Get("Staff.CannedNext"), BotText.Get("Staff.CannedNext"), Say.CannedFromPrefix + next));
        }
        await SayAsync(new Outgoing(
            BotText.Format("Staff.CannedChoose", CaseIds.Tag(caseId), page.From + 1, page.From + page.Titles.Count, page.Total), choices));
    }

    private async Task CannedSendAsync(string title)
    {
        if (S.CurrentCaseId is not { } caseId)
        {
            await SayAsync(BotText.Get("Staff.CannedNoCase"));
            return;
        }
        var summary = await GrainFactory.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        var tenant = directory.Tenant(summary.TenantId);
        var reply = directory.Program.CannedRepliesFor(tenant).FirstOrDefault(c => c.Title == title);
        if (reply is null)
        {
            await SayAsync(BotText.Format("Staff.CannedGone", title));
            return;
        }
        var text = CannedReplyText.Fill(reply.Text, summary.AreaName, tenant, tenant is null ? null : directory.FindDispatcher(tenant.DispatcherKey));
        if (!await GrainFactory.GetGrain<IConsultationGrain>(caseId).FromCounselorAsync(Id, Voice.Cause, text))
        {
            await ForgetCaseAsync(caseId);
            await SayAsync(BotText.Get("Staff.CannedNoCase"));
            return;
        }
        await SayAsync(BotText.Format("Staff.CannedSent", CaseIds.Tag(caseId), reply.Title, text));
    }

    /// <summary>Her 定型文 taps; false when the postback is not one.</summary>
    private async Task<bool> OnCannedPostbackAsync(string data)
    {
        if (data.StartsWith(Say.CannedSendPrefix, StringComparison.Ordinal))
        {
            await CannedSendAsync(data[Say.CannedSendPrefix.Length..]);
            return true;
        }
        if (data.StartsWith(Say.CannedFromPrefix, StringComparison.Ordinal))
        {
            await CannedListAsync(int.TryParse(data[Say.CannedFromPrefix.Length..], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var from) ? from : 0);
            return true;
        }
        return false;
    }
}
