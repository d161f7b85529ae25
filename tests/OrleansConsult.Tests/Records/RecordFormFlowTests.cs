using OrleansConsult.Abstractions.Records;
using OrleansConsult.Grains.Records;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tests.Records;

/// <summary>The LINE record and referral forms without a silo: taps, the 5-tap typical case, stale and forged taps.</summary>
public sealed class RecordFormFlowTests
{
    private static readonly CaseRecordLists Lists = RecordListsInUse.Default;

    private static FormTap Pick(RecordForm form, int index) => FormPostback.Parse(FormPostback.Pick(FormPostback.Record, form.Number, form.Step, index))!;

    private static FormTap Word(RecordForm form, string word) => FormPostback.Parse(FormPostback.Word(FormPostback.Record, form.Number, form.Step, word))!;

    [Fact]
    public void The_program_default_lists_are_the_ones_the_report_uses()
    {
        var lists = RecordListsInUse.From(CaseRecordListSettings.Default);
        Assert.Equal(Lists.Topics, lists.Topics);
        Assert.Equal(Lists.AgeBands, lists.AgeBands);
        Assert.Equal(Lists.PregnancyWeeks, lists.PregnancyWeeks);
        Assert.Equal(Lists.Actions, lists.Actions);
        Assert.Equal(Lists.Destinations, lists.Destinations);
        Assert.Equal(Lists.ReferralStatuses, lists.ReferralStatuses);
    }

    [Fact]
    public void A_typical_case_is_five_taps_topic_next_age_weeks_action()
    {
        var form = RecordFormFlow.Start(7, "CASE", "toyama", Lists);
        Assert.Equal(FormOutcome.Ask, RecordFormFlow.Apply(form, Pick(form, 2), Lists)); // 中絶
        Assert.Equal(FormOutcome.Ask, RecordFormFlow.Apply(form, Word(form, RecordFormFlow.Next), Lists));
        Assert.Equal(FormOutcome.Ask, RecordFormFlow.Apply(form, Pick(form, 2), Lists)); // 18–19
        Assert.Equal(FormOutcome.Ask, RecordFormFlow.Apply(form, Pick(form, 1), Lists)); // 〜11 週
        Assert.Equal(FormOutcome.Save, RecordFormFlow.Apply(form, Pick(form, 2), Lists)); // 受診勧奨
        var saved = RecordFormFlow.Classification(form, Lists);
        Assert.Equal(("中絶", "18–19", "〜11 週", "受診勧奨"),
            (string.Join("、", saved.Topics), saved.AgeBand, saved.PregnancyWeeks, string.Join("、", saved.Actions)));

        // More actions save again; 「完了」 ends; 「あとで」 is no longer offered.
        Assert.Equal(FormOutcome.Save, RecordFormFlow.Apply(form, Pick(form, 0), Lists));
        Assert.Equal(["情報提供", "受診勧奨"], RecordFormFlow.Classification(form, Lists).Actions);
        Assert.Equal(FormOutcome.Ignored, RecordFormFlow.Apply(form, Word(form, RecordFormFlow.Later), Lists));
        Assert.Equal(FormOutcome.Done, RecordFormFlow.Apply(form, Word(form, RecordFormFlow.Finish), Lists));
    }

    [Fact]
    public void Topics_toggle_skip_passes_a_step_and_on_the_last_saves_what_was_chosen()
    {
        var form = RecordFormFlow.Start(1, "CASE", "toyama", Lists);
        RecordFormFlow.Apply(form, Pick(form, 0), Lists);
        RecordFormFlow.Apply(form, Pick(form, 4), Lists);
        RecordFormFlow.Apply(form, Pick(form, 0), Lists); // tapped again: not chosen any more
        Assert.Equal(["避妊"], form.ChosenTopics);
        RecordFormFlow.Apply(form, Word(form, RecordFormFlow.Skip), Lists); // topics as they are
        RecordFormFlow.Apply(form, Word(form, RecordFormFlow.Skip), Lists); // no age
        RecordFormFlow.Apply(form, Pick(form, 0), Lists);                   // 未確認
        Assert.Equal(FormOutcome.Save, RecordFormFlow.Apply(form, Word(form, RecordFormFlow.Skip), Lists));
        var saved = RecordFormFlow.Classification(form, Lists);
        Assert.Equal(("避妊", null, "未確認", 0), (string.Join("、", saved.Topics), saved.AgeBand, saved.PregnancyWeeks, saved.Actions.Count));
    }

    [Fact]
    public void Later_leaves_with_nothing_saved_and_so_does_skipping_every_step()
    {
        var form = RecordFormFlow.Start(1, "CASE", "toyama", Lists);
        Assert.Equal(FormOutcome.Leave, RecordFormFlow.Apply(form, Word(form, RecordFormFlow.Later), Lists));
        var empty = RecordFormFlow.Start(2, "CASE", "toyama", Lists);
        for (var i = 0; i < 3; i++) Assert.Equal(FormOutcome.Ask, RecordFormFlow.Apply(empty, Word(empty, RecordFormFlow.Skip), Lists));
        Assert.Equal(FormOutcome.Leave, RecordFormFlow.Apply(empty, Word(empty, RecordFormFlow.Skip), Lists));
    }

    [Fact]
    public void Taps_of_another_form_another_step_or_a_choice_that_is_not_there_change_nothing()
    {
        var form = RecordFormFlow.Start(5, "CASE", "toyama", Lists);
        Assert.Equal(FormOutcome.Ignored, RecordFormFlow.Apply(form, new FormTap(FormPostback.Record, 4, 0, 0, null), Lists));
        Assert.Equal(FormOutcome.Ignored, RecordFormFlow.Apply(form, new FormTap(FormPostback.Record, 5, 2, 0, null), Lists));
        Assert.Equal(FormOutcome.Ignored, RecordFormFlow.Apply(form, new FormTap(FormPostback.Record, 5, 0, 10, null), Lists));
        Assert.Equal(FormOutcome.Ignored, RecordFormFlow.Apply(form, new FormTap(FormPostback.Referral, 5, 0, 0, null), Lists));
        Assert.Equal(FormOutcome.Ignored, RecordFormFlow.Apply(form, new FormTap(FormPostback.Record, 5, 0, null, RecordFormFlow.Finish), Lists));
        Assert.Equal(FormOutcome.Ignored, RecordFormFlow.Apply(form, new FormTap(FormPostback.Record, 5, 0, null, ReferralFormFlow.NoPlace), Lists));
        Assert.Empty(form.ChosenTopics);
        Assert.Equal(RecordForm.Topics, form.Step);
    }

    [Theory]
    [InlineData("rec:1:0:0", true)]
    [InlineData("ref:123456789:2:noplace", true)]
    [InlineData("rec:1:0:100", false)]
    [InlineData("rec:-1:0:0", false)]
    [InlineData("rec:1:0:0:0", false)]
    [InlineData("rec:1234567890:0:0", false)]
    [InlineData("rec:1:0:drop table", false)]
    [InlineData("xyz:1:0:0", false)]
    public void Postback_data_is_parsed_only_in_its_exact_short_shape(string data, bool valid) =>
        Assert.Equal(valid, FormPostback.Parse(data) is not null);

    [Fact]
    public void Overlong_postback_data_is_not_parsed_and_every_form_postback_stays_short()
    {
        Assert.Null(FormPostback.Parse("rec:1:0:" + new string('1', 400)));
        Assert.Null(FormPostback.ParseStart(FormPostback.StartPrefix + new string('A', 400)));
        Assert.Equal("01KABCDEFGHJKMNPQRSTVWXYZ0", FormPostback.ParseStart(FormPostback.Start("01KABCDEFGHJKMNPQRSTVWXYZ0")));
        Assert.True(FormPostback.Pick(FormPostback.Referral, 999_999_999, 2, 99).Length <= FormPostback.MaxLength);
    }

    [Fact]
    public void A_referral_is_saved_at_its_status_and_waits_a_few_minutes_for_the_place()
    {
        var now = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
        var form = ReferralFormFlow.Start(3, "CASE", "toyama", "line-X", Lists);
        FormTap Tap(int? index, string? word = null) => new(FormPostback.Referral, 3, form.Step, index, word);
        Assert.Equal(FormOutcome.Ignored, ReferralFormFlow.Apply(form, Tap(null, ReferralFormFlow.NoPlace), Lists, now));
        Assert.Equal(FormOutcome.Ask, ReferralFormFlow.Apply(form, Tap(5), Lists, now));
        Assert.Equal("警察", form.ChosenDestination);
        Assert.Equal(FormOutcome.Save, ReferralFormFlow.Apply(form, Tap(2), Lists, now));
        Assert.Equal("つながった", form.ChosenStatus);
        Assert.True(ReferralFormFlow.WaitsForPlace(form, now.AddMinutes(4)));
        Assert.False(ReferralFormFlow.WaitsForPlace(form, now.AddMinutes(5)));
        Assert.Equal(FormOutcome.Ignored, ReferralFormFlow.Apply(form, Tap(null, ReferralFormFlow.Cancel), Lists, now));
        Assert.Equal(FormOutcome.Done, ReferralFormFlow.Apply(form, Tap(null, ReferralFormFlow.NoPlace), Lists, now));
        Assert.False(ReferralFormFlow.WaitsForPlace(form, now));
    }

    [Fact]
    public void Labels_fit_a_quick_reply_and_show_what_is_chosen()
    {
        Assert.Equal("中絶", FormQuestions.Label("中絶"));
        Assert.Equal("✓中絶", FormQuestions.Label("中絶", chosen: true));
        var clipped = FormQuestions.Label("こども家庭センター（子育て世代包括支援センター）");
        Assert.Equal(FormQuestions.MaxLabel, clipped.Length);
        Assert.EndsWith("…", clipped, StringComparison.Ordinal);
        Assert.Equal(FormQuestions.MaxLabel, FormQuestions.Label(new string('あ', 30), chosen: true).Length);
    }

    [Theory]
    [InlineData("#K3F2", "#K3F2")]
    [InlineData("k3f2", "#K3F2")]
    [InlineData("＃Ｋ３Ｆ２", "#K3F2")]
    [InlineData(" #K3F2 ほか", "#K3F2")]
    [InlineData("", null)]
    [InlineData("#", null)]
    [InlineData("#K3-F2", null)]
    public void A_case_tag_is_read_as_she_types_it(string typed, string? tag) => Assert.Equal(tag, CaseTagArgument.Normalize(typed));

    [Fact]
    public void Looking_back_ends_24_hours_after_the_closing()
    {
        var closed = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
        Assert.True(ScrollBackPolicy.MayScrollBack(null, closed.AddYears(1)));
        Assert.True(ScrollBackPolicy.MayScrollBack(closed, closed.AddHours(23).AddMinutes(59)));
        Assert.False(ScrollBackPolicy.MayScrollBack(closed, closed.AddHours(24)));
    }

    [Theory]
    [InlineData("2026-12-01T23:30:00+09:00", "2026-12-02T09:00:00+09:00")]
    [InlineData("2026-12-01T00:10:00+09:00", "2026-12-02T09:00:00+09:00")]
    [InlineData("2026-12-31T15:00:00+00:00", "2027-01-02T09:00:00+09:00")] // 1 January 00:00 in Tokyo
    public void The_reminder_is_due_the_next_day_at_nine_tokyo_time(string closed, string due) =>
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            RecordReminderPolicy.DueAt(DateTimeOffset.Parse(closed, System.Globalization.CultureInfo.InvariantCulture)));
}
