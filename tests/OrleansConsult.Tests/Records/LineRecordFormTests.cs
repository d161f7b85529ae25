using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Records;
using OrleansConsult.Line.Messaging;
using SentMessage = OrleansConsult.Tests.Conversation.SentMessage;
using OrleansConsult.Tests.Conversation;

namespace OrleansConsult.Tests.Records;

/// <summary>
/// The case record from the counselor's LINE, on the test cluster with its controlled clock: the form after /終了
/// in 5 taps into the case record, stale and forged taps ignored, /紹介 with a named place (several per case), the
/// next day's reminder of an unclassified case (once), and the 24-hour limit on looking back into a closed case.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LineRecordFormTests(ClusterFixture fixture)
{
    private static MemoryCaseRecordStore Records => ClusterFixture.CaseRecords;

    private static IReadOnlyList<PostbackAction> Buttons(SentMessage message) =>
        message.Message.QuickReply?.Items.Select(i => i.Action).OfType<PostbackAction>().ToList() ?? [];

    private static async Task TapAsync(Person who, SentMessage message, string label)
    {
        var button = Buttons(message).FirstOrDefault(b => b.Label == label);
        Assert.True(button is not null, $"no button '{label}' in: {string.Join(", ", Buttons(message).Select(b => b.Label))}");
        await who.TapAsync(button.Data);
    }

    private static async Task<(Person Counselor, Person She, string CaseId)> ConnectedAsync(Scenario s, Person? counselor = null, string name = "c", int offer = 1)
    {
        counselor ??= await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync(name);
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true, offerNumber: offer);
        await she.ExpectAsync("相談員とつながりました");
        return (counselor, she, caseId);
    }

    [Fact]
    public async Task After_ending_a_case_she_records_it_in_five_taps_and_the_case_record_has_it()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var (counselor, she, caseId) = await ConnectedAsync(s);
        await she.SayAsync("検査薬が陽性でした");
        await counselor.SayAsync("/終了");
        await counselor.ExpectAsync("の相談を終了しました");

        var taps = 0;
        async Task Tap(SentMessage on, string label)
        {
            taps++;
            await TapAsync(counselor, on, label);
        }
        var topics = await counselor.ExpectAsync("の記録（1/4）");
        Assert.Contains(CaseIds.Tag(caseId), topics.Text);
        Assert.Equal([.. Directory.Lists.Topics, "次へ", "スキップ", "あとで"], Buttons(topics).Select(b => b.Label));
        await Tap(topics, "中絶");
        await Tap(await counselor.ExpectAsync("選択中：中絶"), "次へ");
        await Tap(await counselor.ExpectAsync("の記録（2/4）"), "18–19");
        await Tap(await counselor.ExpectAsync("の記録（3/4）"), "〜11 週");
        await Tap(await counselor.ExpectAsync("の記録（4/4）"), "受診勧奨");
        var saved = await counselor.ExpectAsync("の記録を保存しました");
        Assert.Equal(5, taps);

        var record = await Records.FindAsync(caseId);
        Assert.NotNull(record?.Classification);
        Assert.Equal(("中絶", "18–19", "〜11 週", "受診勧奨"), (string.Join("、", record.Classification.Topics),
            record.Classification.AgeBand, record.Classification.PregnancyWeeks, string.Join("、", record.Classification.Actions)));
        Assert.NotNull(record.ClosedAt);

        // Another action is saved too; 「完了」 ends the form and a tap on it again is stale.
        Assert.DoesNotContain(Buttons(saved), b => b.Label == "受診勧奨");
        await TapAsync(counselor, saved, "情報提供");
        Assert.True(await Infrastructure.Eventually.TrueAsync(async () =>
            (await Records.FindAsync(caseId))!.Classification!.Actions.Count == 2, TimeSpan.FromSeconds(10)));
        var again = await counselor.ExpectAsync("の記録を保存しました", atLeast: 2);
        await TapAsync(counselor, again, "完了");
        await counselor.ExpectAsync("の記録を終えました");
        await TapAsync(counselor, again, "完了");
        await counselor.ExpectAsync("このボタンは古くなっています");
        Assert.DoesNotContain(she.Texts, t => t.Contains("の記録（", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forged_stale_or_overlong_taps_are_ignored_with_a_clear_answer_and_the_form_still_works()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var (counselor, _, caseId) = await ConnectedAsync(s);
        await counselor.SayAsync("/終了");
        var topics = await counselor.ExpectAsync("の記録（1/4）");
        var first = FormPostback.Parse(Buttons(topics)[0].Data)!;

        string[] forged =
        [
            FormPostback.Pick(FormPostback.Record, first.Number + 1, 0, 0), // a form that is not hers
            FormPostback.Pick(FormPostback.Record, first.Number, 2, 0),     // another step
            FormPostback.Pick(FormPostback.Record, first.Number, 0, 42),    // a choice that is not there
            "rec:" + new string('9', 500),                                  // overlong
            FormPostback.Start("ZZZZZZZZZZZZZZZZZZZZZZZZZZ"),               // a case that is not hers
            FormPostback.Pick(FormPostback.Referral, first.Number, 0, 0),   // no referral under way
        ];
        for (var i = 0; i < forged.Length; i++)
        {
            await counselor.TapAsync(forged[i]);
            await counselor.ExpectAsync("このボタンは古くなっています", atLeast: i + 1);
        }
        Assert.Null((await Records.FindAsync(caseId))!.Classification);

        await TapAsync(counselor, topics, "避妊");
        await counselor.ExpectAsync("選択中：避妊");
        await TapAsync(counselor, topics, "あとで"); // the same form: its buttons still count
        await counselor.ExpectAsync("の記録はあとにしました");
        Assert.Null((await Records.FindAsync(caseId))!.Classification);
    }

    [Fact]
    public async Task A_referral_is_recorded_with_its_named_place_and_a_case_carries_several()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var (counselor, she, caseId) = await ConnectedAsync(s);

        await counselor.SayAsync("/紹介");
        var destinations = await counselor.ExpectAsync("紹介先の種類を選んでください");
        Assert.Contains("1. こども家庭センター（子育て世代包括支援センター）", destinations.Text);
        Assert.Equal(9, Buttons(destinations).Count);
        Assert.All(Buttons(destinations), b => Assert.True(b.Label.Length <= 20, b.Label));
        await TapAsync(counselor, destinations, "医療機関（産科）");
        await TapAsync(counselor, await counselor.ExpectAsync("状況を選んでください"), "つながった");
        await counselor.ExpectAsync("紹介先の名前");
        Assert.Equal("医療機関（産科）", Assert.Single(await Records.ReferralsOfAsync(caseId)).Destination);

        await counselor.SayAsync("富山市民病院");
        await counselor.ExpectAsync("紹介先「富山市民病院」を記録しました");
        Assert.DoesNotContain(she.Texts, t => t.Contains("富山市民病院", StringComparison.Ordinal));
        var first = Assert.Single(await Records.ReferralsOfAsync(caseId));
        Assert.Equal(("医療機関（産科）", "富山市民病院", "つながった"), (first.Destination, first.Place, first.Status));

        // Her next message goes to the consultee again.
        await counselor.SayAsync("また連絡しますね");
        await she.ExpectAsync("また連絡しますね");

        await counselor.SayAsync("/紹介");
        await TapAsync(counselor, await counselor.ExpectAsync("紹介先の種類を選んでください", atLeast: 2), "警察");
        await TapAsync(counselor, await counselor.ExpectAsync("状況を選んでください", atLeast: 2), "提案した");
        await TapAsync(counselor, await counselor.ExpectAsync("紹介先の名前", atLeast: 2), "名前なし");
        await counselor.ExpectAsync("の紹介（警察／提案した）を記録しました");

        await counselor.SayAsync("/紹介");
        await TapAsync(counselor, await counselor.ExpectAsync("紹介先の種類を選んでください", atLeast: 3), "キャンセル");
        await counselor.ExpectAsync("紹介の記録をやめました");

        var referrals = await Records.ReferralsOfAsync(caseId);
        Assert.Equal(["医療機関（産科）", "警察"], referrals.Select(r => r.Destination).Order().ToArray());
        Assert.Equal("", referrals.Single(r => r.Destination == "警察").Place);
    }

    [Fact]
    public async Task An_unclassified_case_is_reminded_once_the_next_day_and_a_classified_one_is_not()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var (counselor, _, left) = await ConnectedAsync(s);
        await counselor.SayAsync("/終了");
        await TapAsync(counselor, await counselor.ExpectAsync("の記録（1/4）"), "あとで");
        await counselor.ExpectAsync("の記録はあとにしました");

        var (_, _, done) = await ConnectedAsync(s, counselor, "d", offer: 2);
        await counselor.SayAsync("/終了");
        await TapAsync(counselor, await counselor.ExpectAsync("の記録（1/4）", atLeast: 2), "次へ");
        await TapAsync(counselor, await counselor.ExpectAsync("の記録（2/4）"), "不明");
        await TapAsync(counselor, await counselor.ExpectAsync("の記録（3/4）"), "未確認");
        await TapAsync(counselor, await counselor.ExpectAsync("の記録（4/4）"), "傾聴・助言");
        await counselor.ExpectAsync("の記録を保存しました");

        // Not before 9:00 the next day.
        s.Advance(TimeSpan.FromHours(22));
        await counselor.AsCounselor.TickRecordsAsync();
        s.Advance(TimeSpan.FromHours(1));
        await counselor.AsCounselor.TickRecordsAsync();
        var reminder = await counselor.ExpectAsync("記録がまだの相談があります");
        Assert.Contains(CaseIds.Tag(left), reminder.Text);
        Assert.DoesNotContain(CaseIds.Tag(done), reminder.Text);
        await counselor.AsCounselor.TickRecordsAsync();
        s.Advance(TimeSpan.FromHours(24));
        await counselor.AsCounselor.TickRecordsAsync();
        Assert.Equal(1, counselor.Count("記録がまだの相談があります"));

        // The supervisor's list has it too (closed before now, never classified).
        Assert.Contains(await Records.UnclassifiedAsync(s.TenantId, s.Now), r => r.CaseId == left);
        Assert.DoesNotContain(await Records.UnclassifiedAsync(s.TenantId, s.Now), r => r.CaseId == done);

        // Its button starts the form for that case.
        await TapAsync(counselor, reminder, $"記録 {CaseIds.Tag(left)}");
        var form = await counselor.ExpectAsync($"{CaseIds.Tag(left)} の記録（1/4）");
        Assert.NotEmpty(Buttons(form));
    }

    [Fact]
    public async Task Within_24_hours_she_may_look_back_into_a_closed_case_and_after_that_nothing_replays_it()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var (counselor, she, caseId) = await ConnectedAsync(s);
        var tag = CaseIds.Tag(caseId);
        await she.SayAsync("彼にはまだ言えていません");
        await counselor.ExpectAsync("彼にはまだ言えていません");
        await counselor.SayAsync("/終了");
        await TapAsync(counselor, await counselor.ExpectAsync("の記録（1/4）"), "あとで");

        s.Advance(TimeSpan.FromHours(23));
        await counselor.SayAsync($"/記録 {tag.ToLowerInvariant()}");
        var recap = await counselor.ExpectAsync("の最後のやりとり");
        Assert.Contains("相談者：彼にはまだ言えていません", recap.Text);
        await counselor.ExpectAsync("の記録（1/4）", atLeast: 2);
        // Another counselor never gets it, even within the 24 hours.
        Assert.Null(await fixture.Grains.GetGrain<IConsultationGrain>(caseId).RecapForCounselorAsync($"a{s.Area}-c2", 6));
        await counselor.SayAsync("/一覧");
        Assert.Contains(tag, (await counselor.ExpectAsync("終了した相談（24時間以内）")).Text);
        await counselor.TapAsync(Say.SwitchPrefix + caseId);
        await counselor.ExpectAsync($"{tag} の相談は終了しています");

        s.Advance(TimeSpan.FromHours(1));
        var shown = counselor.Count("彼にはまだ言えていません");
        await counselor.SayAsync($"/記録 {tag}");
        await counselor.ExpectAsync("終了から24時間を過ぎたため、LINEでは過去のやりとりを表示できません");
        await counselor.ExpectAsync("の記録（1/4）", atLeast: 3); // recording is still possible, without the messages
        await counselor.TapAsync(Say.SwitchPrefix + caseId);
        await counselor.ExpectAsync("LINEでは戻れません");
        await counselor.SayAsync("/一覧");
        var list = await counselor.ExpectAsync("対応中の相談はありません", atLeast: 2);
        Assert.DoesNotContain(tag, list.Text);
        Assert.Equal(shown, counselor.Count("彼にはまだ言えていません"));
        Assert.Null(await fixture.Grains.GetGrain<IConsultationGrain>(caseId).RecapForCounselorAsync(counselor.CounselorId!, 6));
    }

    [Fact]
    public async Task The_form_offers_the_tenants_own_lists_from_the_program_in_use()
    {
        var s = new Scenario(fixture);
        var directory = ((Orleans.TestingHost.InProcessSiloHandle)fixture.Cluster.Primary).ServiceProvider
            .GetRequiredService<ProgramDirectory>();
        var original = directory.Program;
        var own = Tenancy.CaseRecordListSettings.Default with { Topics = ["妊娠の可能性・検査", "産後の不安"], Actions = ["情報提供", "同行支援"] };
        directory.Use(original with { Tenants = original.Tenants.Select(t => t.Id == s.TenantId ? t with { RecordLists = own } : t).ToList() });
        try
        {
            s.MoveTo(DayOfWeek.Tuesday, 10);
            var (counselor, _, caseId) = await ConnectedAsync(s);
            Assert.Equal(own.Topics, directory.RecordLists(s.TenantId).Topics);
            await counselor.SayAsync("/記録");
            var topics = await counselor.ExpectAsync("の記録（1/4）");
            Assert.Equal(["妊娠の可能性・検査", "産後の不安", "次へ", "スキップ", "あとで"], Buttons(topics).Select(b => b.Label));
            await TapAsync(counselor, topics, "産後の不安");
            await TapAsync(counselor, await counselor.ExpectAsync("選択中：産後の不安"), "次へ");
            await TapAsync(counselor, await counselor.ExpectAsync("の記録（2/4）"), "スキップ");
            await TapAsync(counselor, await counselor.ExpectAsync("の記録（3/4）"), "スキップ");
            await TapAsync(counselor, await counselor.ExpectAsync("の記録（4/4）"), "同行支援");
            await counselor.ExpectAsync("の記録を保存しました");
            var saved = (await Records.FindAsync(caseId))!.Classification!;
            Assert.Equal(("産後の不安", null, null, "同行支援"), (string.Join("、", saved.Topics), saved.AgeBand, saved.PregnancyWeeks, string.Join("、", saved.Actions)));
        }
        finally
        {
            directory.Use(original);
        }
    }

    private static class Directory
    {
        public static Abstractions.Records.CaseRecordLists Lists => OrleansConsult.Grains.Records.RecordListsInUse.Default;
    }
}
