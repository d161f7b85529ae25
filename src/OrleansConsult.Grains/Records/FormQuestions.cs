using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Records;

/// <summary>
/// The messages of the LINE record and referral forms: the question of the current step with its choices as quick
/// replies. A tap shows the whole choice in the chat (display text); the label is clipped to LINE's 20 characters,
/// marked ✓ when chosen.
/// </summary>
public static class FormQuestions
{
    public const int MaxLabel = 20;

    public static string Label(string value, bool chosen = false)
    {
        var mark = chosen ? "✓" : "";
        var room = MaxLabel - mark.Length;
        return mark + (value.Length <= room ? value : value[..(room - 1)] + "…");
    }

    public static Outgoing Record(RecordForm form, string tag)
    {
        var f = FormPostback.Record;
        var choices = new List<Choice>();
        string text;
        if (form.Saved)
        {
            text = BotText.Format("Record.Saved", tag, Joined(form.ChosenTopics), form.ChosenAgeBand ?? BotText.Get("Record.NotChosen"),
                form.ChosenWeeks ?? BotText.Get("Record.NotChosen"), Joined(form.ChosenActions));
            choices.AddRange(form.Choices.Select((c, i) => (c, i)).Where(x => !form.ChosenActions.Contains(x.c))
                .Select(x => new Choice(Label(x.c), x.c, FormPostback.Pick(f, form.Number, form.Step, x.i))));
            choices.Add(Word(form.Number, form.Step, "Record.Finish", RecordFormFlow.Finish));
            return new Outgoing(text, choices);
        }
        text = BotText.Format("Record.Question." + form.Step, tag);
        if (form.Step == RecordForm.Topics && form.ChosenTopics.Count > 0)
        {
            text += "\n" + BotText.Format("Record.Chosen", Joined(form.ChosenTopics));
        }
        choices.AddRange(form.Choices.Select((c, i) => new Choice(
            Label(c, form.Step == RecordForm.Topics && form.ChosenTopics.Contains(c)), c, FormPostback.Pick(f, form.Number, form.Step, i))));
        if (form.Step == RecordForm.Topics)
        {
            choices.Add(Word(form.Number, form.Step, "Record.Next", RecordFormFlow.Next));
        }
        choices.Add(Word(form.Number, form.Step, "Record.Skip", RecordFormFlow.Skip));
        choices.Add(Word(form.Number, form.Step, "Record.Later.Button", RecordFormFlow.Later));
        return new Outgoing(text, choices);
    }

    public static Outgoing Referral(ReferralForm form, string tag)
    {
        var f = FormPostback.Referral;
        if (form.Step == ReferralForm.Place)
        {
            return new Outgoing(BotText.Format("Referral.AskPlace", tag, form.ChosenDestination ?? "", form.ChosenStatus ?? "", ReferralFormFlow.MaxPlaceLength),
                [new Choice(BotText.Get("Referral.NoPlace"), BotText.Get("Referral.NoPlace"), FormPostback.Word(f, form.Number, form.Step, ReferralFormFlow.NoPlace))]);
        }
        var text = form.Step == ReferralForm.Destination
            ? BotText.Format("Referral.AskDestination", tag, string.Join("\n", form.Choices.Select((c, i) => $"{i + 1}. {c}")))
            : BotText.Format("Referral.AskStatus", tag, form.ChosenDestination ?? "");
        var choices = form.Choices.Select((c, i) => new Choice(Label(c), c, FormPostback.Pick(f, form.Number, form.Step, i))).ToList();
        choices.Add(new Choice(BotText.Get("Referral.Cancel"), BotText.Get("Referral.Cancel"), FormPostback.Word(f, form.Number, form.Step, ReferralFormFlow.Cancel)));
        return new Outgoing(text, choices);
    }

    private static Choice Word(long number, int step, string labelKey, string word) =>
        new(BotText.Get(labelKey), BotText.Get(labelKey), FormPostback.Word(FormPostback.Record, number, step, word));

    private static string Joined(IReadOnlyList<string> values) =>
        values.Count == 0 ? BotText.Get("Record.NotChosen") : string.Join("、", values);
}
