using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.Grains.Records;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The case record from her LINE: after /終了 (or /記録 [#tag] at any time) a quick-reply form (相談内容, 年代,
/// 妊娠週数, 対応; 5 taps for a typical case) saved to the case record through the case grain; the cases she closed
/// lately, for /記録 #tag, /一覧 and a reminder the next day of those nobody classified; and the 24-hour limit on
/// looking back into a closed case (<see cref="ScrollBackPolicy"/>).
/// </summary>
public sealed partial class CounselorGrain : IRemindable
{
    private const string RecordsReminder = "records";
    private const int RecapMessages = 6;

    private ICaseRecordStore? CaseRecordStore => ServiceProvider.GetService<ICaseRecordStore>();

    private IConsultationGrain Case(string caseId) => GrainFactory.GetGrain<IConsultationGrain>(caseId);

    /// <summary>/記録 [#tag]: her current case, else the case she closed last; with a tag, one of hers open or closed lately.</summary>
    private async Task RecordCommandAsync(string argument)
    {
        var caseId = ResolveCase(argument);
        if (caseId is null)
        {
            await SayAsync(argument.Length == 0 ? BotText.Get("Record.NoCase") : BotText.Format("Record.UnknownTag", CaseTagArgument.Normalize(argument) ?? argument));
            return;
        }
        await StartRecordFormAsync(caseId, withRecap: true);
    }

    /// <summary>The case a command's tag (or no tag) names among hers: open ones first, then the latest closed.</summary>
    private string? ResolveCase(string argument)
    {
        if (argument.Length == 0)
        {
            return S.CurrentCaseId ?? S.ClosedCases.LastOrDefault()?.CaseId;
        }
        var tag = CaseTagArgument.Normalize(argument);
        return tag is null ? null : S.Active.Select(a => a.CaseId)
            .Concat(Enumerable.Reverse(S.ClosedCases).Select(c => c.CaseId))
            .FirstOrDefault(id => CaseIds.Tag(id) == tag);
    }

    private bool IsMine(string caseId) => S.Active.Any(a => a.CaseId == caseId) || S.ClosedCases.Any(c => c.CaseId == caseId);

    private async Task StartRecordFormAsync(string caseId, bool withRecap)
    {
        var tag = CaseIds.Tag(caseId);
        var summary = await Case(caseId).GetSummaryAsync();
        if (summary.CounselorId != Id)
        {
            await SayAsync(BotText.Format("Record.NotHers", tag));
            return;
        }
        if (withRecap && summary.Status == CaseStatus.Closed)
        {
            // Within 24 hours of its closing she may look back; after that the case grain answers nothing.
            var recap = await Case(caseId).RecapForCounselorAsync(Id, RecapMessages);
            if (recap is null)
            {
                await SayAsync(BotText.Format("Record.RecapExpired", tag));
            }
            else if (recap.Length > 0)
            {
                await SayAsync(BotText.Format("Record.Recap", tag, string.Join("\n", recap)));
            }
        }
        var lists = RecordListsInUse.For(directory.Program, summary.TenantId);
        S.RecordForm = RecordFormFlow.Start(++S.FormNumber, caseId, summary.TenantId, lists);
        await state.WriteStateAsync();
        await SayAsync(FormQuestions.Record(S.RecordForm, tag));
    }

    /// <summary>Her taps on the record and referral forms (and the reminder's start buttons); false when the postback is not one.</summary>
    private async Task<bool> OnRecordPostbackAsync(string data)
    {
        if (FormPostback.ParseStart(data) is { } startCase)
        {
            if (IsMine(startCase))
            {
                await StartRecordFormAsync(startCase, withRecap: true);
            }
            else
            {
                await SayAsync(BotText.Get("Record.Stale"));
            }
            return true;
        }
        if (!FormPostback.IsForm(data))
        {
            return false;
        }
        // Malformed, forged or from an older form: nothing changes, and she hears that the button is old.
        switch (FormPostback.Parse(data))
        {
            case { Form: FormPostback.Record } tap:
                await RecordTapAsync(tap);
                break;
            case { Form: FormPostback.Referral } tap:
                await ReferralTapAsync(tap);
                break;
            default:
                await SayAsync(BotText.Get("Record.Stale"));
                break;
        }
        return true;
    }

    private async Task RecordTapAsync(FormTap tap)
    {
        if (S.RecordForm is not { } form)
        {
            await SayAsync(BotText.Get("Record.Stale"));
            return;
        }
        var lists = RecordListsInUse.For(directory.Program, form.TenantId);
        var tag = CaseIds.Tag(form.CaseId);
        switch (RecordFormFlow.Apply(form, tap, lists))
        {
            case FormOutcome.Ask:
                await state.WriteStateAsync();
                await SayAsync(FormQuestions.Record(form, tag));
                break;
            case FormOutcome.Save:
                var classification = RecordFormFlow.Classification(form, lists);
                if (!await Case(form.CaseId).ClassifyAsync(Id, [.. classification.Topics], classification.AgeBand,
                        classification.PregnancyWeeks, [.. classification.Actions]))
                {
                    S.RecordForm = null;
                    await state.WriteStateAsync();
                    await SayAsync(BotText.Format("Record.NotHers", tag));
                    return;
                }
                await state.WriteStateAsync();
                await SayAsync(FormQuestions.Record(form, tag));
                break;
            case FormOutcome.Leave:
                S.RecordForm = null;
                await state.WriteStateAsync();
                await SayAsync(BotText.Format("Record.Later", tag));
                break;
            case FormOutcome.Done:
                S.RecordForm = null;
                await state.WriteStateAsync();
                await SayAsync(BotText.Format("Record.Done", tag));
                break;
            default:
                await SayAsync(BotText.Get("Record.Stale"));
                break;
        }
    }

    /// <summary>A case of hers closed: kept on her list (written with her next state write) and her reminder armed.</summary>
    private async Task RememberClosedAsync(string caseId)
    {
        var now = clock.GetUtcNow();
        S.ClosedCases.RemoveAll(c => c.CaseId == caseId || now - c.ClosedAt > RecordReminderPolicy.KeptFor);
        S.ClosedCases.Add(new ClosedCaseEntry { CaseId = caseId, ClosedAt = now, RemindAt = RecordReminderPolicy.DueAt(now) });
        if (S.ClosedCases.Count > RecordReminderPolicy.MaxKept)
        {
            S.ClosedCases.RemoveRange(0, S.ClosedCases.Count - RecordReminderPolicy.MaxKept);
        }
        // Durable: the reminder survives a restart, and the due time is in state; each tick reads the engine's clock.
        await this.RegisterOrUpdateReminder(RecordsReminder, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30));
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == RecordsReminder)
        {
            await TickRecordsAsync();
        }
    }

    public async Task TickRecordsAsync()
    {
        var now = clock.GetUtcNow();
        var due = S.ClosedCases.Where(c => !c.Reminded && c.RemindAt <= now).ToList();
        if (due.Count > 0)
        {
            var unclassified = new List<string>();
            foreach (var entry in due)
            {
                if (CaseRecordStore is { } store && await store.FindAsync(entry.CaseId) is { Classification: null, ClosedAt: not null })
                {
                    unclassified.Add(entry.CaseId);
                }
            }
            if (unclassified.Count > 0)
            {
                // Sent before the state write; a repeat after a crash has the same retry key, so she hears it once.
                Voice.Begin("records-reminder/" + string.Join(",", due.Select(d => d.CaseId)));
                await SayAsync(new Outgoing(
                    BotText.Format("Record.Reminder", string.Join(" ", unclassified.Select(CaseIds.Tag))),
                    unclassified.Take(12).Select(c => new Choice(BotText.Format("Record.StartButton", CaseIds.Tag(c)), null, FormPostback.Start(c))).ToList()));
            }
            due.ForEach(d => d.Reminded = true);
        }
        var before = S.ClosedCases.Count;
        S.ClosedCases.RemoveAll(c => c.Reminded && now - c.ClosedAt > RecordReminderPolicy.KeptFor);
        if (due.Count > 0 || S.ClosedCases.Count != before)
        {
            await state.WriteStateAsync();
        }
        if (S.ClosedCases.All(c => c.Reminded) && await this.GetReminder(RecordsReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>/一覧's line of the cases she closed within 24 hours (older ones are not hers to look into on LINE).</summary>
    private string RecentlyClosedLine()
    {
        var now = clock.GetUtcNow();
        var recent = S.ClosedCases.Where(c => ScrollBackPolicy.MayScrollBack(c.ClosedAt, now)).Select(c => CaseIds.Tag(c.CaseId)).ToList();
        return recent.Count == 0 ? "" : "\n" + BotText.Format("Staff.ClosedRecently", string.Join(" ", recent));
    }

    /// <summary>A tag button of a case that is no longer open: never back into it; within 24 hours she is pointed to /記録.</summary>
    private async Task SwitchToClosedAsync(string caseId)
    {
        if (S.ClosedCases.FirstOrDefault(c => c.CaseId == caseId) is not { } closed)
        {
            return;
        }
        var tag = CaseIds.Tag(caseId);
        await SayAsync(ScrollBackPolicy.MayScrollBack(closed.ClosedAt, clock.GetUtcNow())
            ? BotText.Format("Staff.SwitchClosed", tag)
            : BotText.Format("Staff.SwitchExpired", tag));
    }
}
