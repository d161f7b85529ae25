using OrleansConsult.Grains.Records;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// /紹介 [#tag]: a referral (つなぎ) of her current case (or the one she closed last, or the tagged one) in three
/// steps: destination type, status (saved then, through the case grain), and the named place as her next message
/// or 「名前なし」. A case can carry several; each /紹介 is a new one.
/// </summary>
public sealed partial class CounselorGrain
{
    private async Task ReferralCommandAsync(string argument)
    {
        var caseId = ResolveCase(argument);
        if (caseId is null)
        {
            await SayAsync(argument.Length == 0 ? BotText.Get("Referral.NoCase") : BotText.Format("Record.UnknownTag", CaseTagArgument.Normalize(argument) ?? argument));
            return;
        }
        var tag = CaseIds.Tag(caseId);
        var summary = await Case(caseId).GetSummaryAsync();
        if (summary.CounselorId != Id)
        {
            await SayAsync(BotText.Format("Record.NotHers", tag));
            return;
        }
        var number = ++S.FormNumber;
        // From her, the case and the form's number: a tap worked again after a crash writes the same referral.
        var referralId = "line-" + RetryKeys.For($"{Id}/{caseId}/{number}");
        S.ReferralForm = ReferralFormFlow.Start(number, caseId, summary.TenantId, referralId, RecordListsInUse.For(directory.Program, summary.TenantId));
        await state.WriteStateAsync();
        await SayAsync(FormQuestions.Referral(S.ReferralForm, tag));
    }

    private async Task ReferralTapAsync(FormTap tap)
    {
        if (S.ReferralForm is not { } form)
        {
            await SayAsync(BotText.Get("Record.Stale"));
            return;
        }
        var tag = CaseIds.Tag(form.CaseId);
        switch (ReferralFormFlow.Apply(form, tap, RecordListsInUse.For(directory.Program, form.TenantId), clock.GetUtcNow()))
        {
            case FormOutcome.Ask:
                await state.WriteStateAsync();
                await SayAsync(FormQuestions.Referral(form, tag));
                break;
            case FormOutcome.Save:
                if (!await SaveReferralAsync(form, ""))
                {
                    return;
                }
                await state.WriteStateAsync();
                await SayAsync(FormQuestions.Referral(form, tag));
                break;
            case FormOutcome.Leave:
                S.ReferralForm = null;
                await state.WriteStateAsync();
                await SayAsync(BotText.Get("Referral.Cancelled"));
                break;
            case FormOutcome.Done:
                S.ReferralForm = null;
                await state.WriteStateAsync();
                await SayAsync(BotText.Format("Referral.Done", tag, form.ChosenDestination ?? "", form.ChosenStatus ?? ""));
                break;
            default:
                await SayAsync(BotText.Get("Record.Stale"));
                break;
        }
    }

    /// <summary>Her text while the named place is asked for (a few minutes): the place, not a message to her consultee.</summary>
    private async Task<bool> OnReferralPlaceAsync(string text)
    {
        if (!ReferralFormFlow.WaitsForPlace(S.ReferralForm, clock.GetUtcNow()) || text.Trim() is not { Length: > 0 } place)
        {
            return false;
        }
        var form = S.ReferralForm!;
        if (place.Length > ReferralFormFlow.MaxPlaceLength)
        {
            await SayAsync(BotText.Format("Referral.PlaceTooLong", ReferralFormFlow.MaxPlaceLength));
            return true;
        }
        if (!await SaveReferralAsync(form, place))
        {
            return true;
        }
        S.ReferralForm = null;
        await state.WriteStateAsync();
        await SayAsync(BotText.Format("Referral.PlaceSaved", CaseIds.Tag(form.CaseId), form.ChosenDestination ?? "", form.ChosenStatus ?? "", place));
        return true;
    }

    /// <summary>A command ends the wait for a named place: what she types next is for her consultee again.</summary>
    private void StopWaitingForPlace()
    {
        if (S.ReferralForm is { Step: ReferralForm.Place })
        {
            S.ReferralForm = null;
        }
    }

    private async Task<bool> SaveReferralAsync(ReferralForm form, string place)
    {
        if (await Case(form.CaseId).RecordReferralAsync(Id, form.ReferralId, form.ChosenDestination!, form.ChosenStatus!, place))
        {
            return true;
        }
        S.ReferralForm = null;
        await state.WriteStateAsync();
        await SayAsync(BotText.Format("Record.NotHers", CaseIds.Tag(form.CaseId)));
        return false;
    }
}
