using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.Grains.Records;

/// <summary>
/// The steps of the LINE record form: 相談内容 (several; 「次へ」 ends the step), 年代, 妊娠週数, 対応 (several; the first
/// tap saves, each further one saves again, 「完了」 ends). A typical case takes 5 taps: a topic, 次へ, age, weeks,
/// an action. 「スキップ」 passes a step (on the last step it saves what was chosen), 「あとで」 leaves the form with
/// nothing saved (the case stays unclassified and she is reminded the next day).
/// </summary>
public static class RecordFormFlow
{
    public const string Next = "next";
    public const string Skip = "skip";
    public const string Later = "later";
    public const string Finish = "done";

    public static RecordForm Start(long number, string caseId, string tenantId, CaseRecordLists lists) =>
        new() { Number = number, CaseId = caseId, TenantId = tenantId, Step = RecordForm.Topics, Choices = lists.Topics.ToList() };

    public static FormOutcome Apply(RecordForm form, FormTap tap, CaseRecordLists lists)
    {
        if (tap.Form != FormPostback.Record || tap.Number != form.Number || tap.Step != form.Step)
        {
            return FormOutcome.Ignored;
        }
        switch (tap.Word)
        {
            case Later:
                return form.Saved ? FormOutcome.Ignored : FormOutcome.Leave;
            case Finish:
                return form.Saved ? FormOutcome.Done : FormOutcome.Ignored;
            case Next when form.Step == RecordForm.Topics:
                MoveTo(form, RecordForm.AgeBand, lists);
                return FormOutcome.Ask;
            case Skip when !form.Saved && form.Step < RecordForm.Actions:
                MoveTo(form, form.Step + 1, lists);
                return FormOutcome.Ask;
            case Skip when !form.Saved:
                // The last step passed: what she chose is worth keeping; with nothing chosen it is あとで.
                form.Saved = HasAnything(form);
                return form.Saved ? FormOutcome.Save : FormOutcome.Leave;
            case not null:
                return FormOutcome.Ignored;
        }
        if (tap.Index is not { } index || index >= form.Choices.Count)
        {
            return FormOutcome.Ignored;
        }
        var value = form.Choices[index];
        switch (form.Step)
        {
            case RecordForm.Topics:
                if (!form.ChosenTopics.Remove(value))
                {
                    form.ChosenTopics.Add(value);
                }
                return FormOutcome.Ask;
            case RecordForm.AgeBand:
                form.ChosenAgeBand = value;
                MoveTo(form, RecordForm.PregnancyWeeks, lists);
                return FormOutcome.Ask;
            case RecordForm.PregnancyWeeks:
                form.ChosenWeeks = value;
                MoveTo(form, RecordForm.Actions, lists);
                return FormOutcome.Ask;
            default:
                if (!form.ChosenActions.Contains(value))
                {
                    form.ChosenActions.Add(value);
                }
                form.Saved = true;
                return FormOutcome.Save;
        }
    }

    /// <summary>What the form holds, as the case record stores it (topics and actions in list order).</summary>
    public static CaseClassification Classification(RecordForm form, CaseRecordLists lists) => new(
        lists.Topics.Where(form.ChosenTopics.Contains).Concat(form.ChosenTopics.Where(t => !lists.Topics.Contains(t))).ToList(),
        form.ChosenAgeBand,
        form.ChosenWeeks,
        lists.Actions.Where(form.ChosenActions.Contains).Concat(form.ChosenActions.Where(a => !lists.Actions.Contains(a))).ToList());

    private static bool HasAnything(RecordForm form) =>
        form.ChosenTopics.Count > 0 || form.ChosenAgeBand is not null || form.ChosenWeeks is not null || form.ChosenActions.Count > 0;

    private static void MoveTo(RecordForm form, int step, CaseRecordLists lists)
    {
        form.Step = step;
        form.Choices = (step switch
        {
            RecordForm.AgeBand => lists.AgeBands,
            RecordForm.PregnancyWeeks => lists.PregnancyWeeks,
            _ => lists.Actions,
        }).ToList();
    }
}
