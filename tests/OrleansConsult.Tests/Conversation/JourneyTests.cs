using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Conversation;

/// <summary>The consultation journeys on the grains (TestingHost, fake clock, recorded LINE sends).</summary>
[Collection(ClusterCollection.Name)]
public sealed class JourneyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Consent_area_chat_relay_end_and_survey()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var counselor = await s.OnShiftAsync("c1");
        await counselor.ExpectAsync("状態を「出勤」にしました");

        var she = s.Consultee();
        await she.SendAsync(MoreEvents.Follow());
        await she.ExpectAsync("友だち追加ありがとうございます");
        var notice = await she.ExpectAsync("ご利用の前に");
        Assert.Equal("consent:yes", notice.Postback("同意する"));
        await she.TapAsync("consent:yes");
        await she.ExpectAsync("お住まいの都道府県");
        await she.SayAsync($"テスト市{s.Area}");
        await she.ExpectAsync($"テスト市{s.Area}の相談窓口につながります");

        await she.SayAsync("相談する");
        await she.ExpectAsync("相談員におつなぎしています");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
        await counselor.ExpectAsync($"#{caseId[..4]}（テスト市{s.Area}） とつながりました");

        await she.SayAsync("妊娠したかもしれません");
        await she.SendAsync(MoreEvents.Sticker());
        await counselor.ExpectAsync($"#{caseId[..4]} 妊娠したかもしれません");
        await counselor.ExpectAsync($"#{caseId[..4]} ［スタンプ］");
        await counselor.SayAsync("お話を聞かせてください。");
        await she.ExpectAsync("お話を聞かせてください。");

        // Neither side sees the other's LINE account.
        Assert.DoesNotContain(counselor.Received, m => m.Text.Contains(she.UserId, StringComparison.Ordinal));
        Assert.DoesNotContain(she.Received, m => m.Text.Contains(counselor.UserId, StringComparison.Ordinal));

        await counselor.SayAsync("/メモ 初回。検査薬の使い方を案内。");
        await counselor.ExpectAsync("メモを残しました");
        await counselor.SayAsync("/終了");
        await counselor.ExpectAsync("の相談を終了しました");
        await she.ExpectAsync("ご相談ありがとうございました");
        var survey = await she.ExpectAsync("1（よくなかった）〜5");
        await she.TapAsync(survey.Postback("4")!);
        await she.ExpectAsync("お答えいただきありがとうございました");

        var record = await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        Assert.Equal(CaseStatus.Closed, record.Status);
        Assert.Equal("local", record.HandledBy);
        Assert.Equal(counselor.CounselorId, record.CounselorId);
        Assert.Equal(4, record.Satisfaction);
        Assert.Contains(record.Notes, n => n.EndsWith("初回。検査薬の使い方を案内。", StringComparison.Ordinal));
        Assert.NotNull(record.FirstOfferedAt);
        Assert.NotNull(record.AcceptedAt);
        Assert.Equal(["created", "queued", "offered", "accepted", "closed"], record.Journal.Select(j => j.Step));
        var transcript = await ClusterFixture.Transcripts.ReadAsync(caseId);
        Assert.Equal(["妊娠したかもしれません", "［スタンプ］", "お話を聞かせてください。"], transcript.Select(t => t.Text));
        Assert.Null((await she.AsConsultee.GetProfileAsync()).OpenCaseId);
    }

    [Fact]
    public async Task Without_consent_only_public_information_and_nothing_routed()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var she = s.Consultee();
        await she.SendAsync(MoreEvents.Follow());
        await she.TapAsync("consent:no");
        await she.ExpectAsync("同意がないため");
        await she.SayAsync("緊急のとき");
        await she.ExpectAsync("119");
        await she.SayAsync("相談する");
        await she.ExpectAsync("同意が必要です");
        await she.SayAsync("お金はかかりますか");
        Assert.Null((await she.AsConsultee.GetProfileAsync()).OpenCaseId);
        Assert.Empty((await s.LocalDispatcher.GetSnapshotAsync()).Queue);
    }

    [Fact]
    public async Task An_entry_code_sets_the_area_and_an_unknown_area_is_asked_again()
    {
        var s = new Scenario(fixture);
        var she = s.Consultee();
        await she.SayAsync($"PR-A{s.Area}");
        await she.ExpectAsync("ご利用の前に");
        await she.TapAsync("consent:yes");
        await she.ExpectAsync($"テスト県{s.Area}の相談窓口につながります");
        Assert.Equal(s.TenantId, (await she.AsConsultee.GetProfileAsync()).TenantId);

        var other = s.Consultee("o");
        await other.TapAsync("consent:yes");
        await other.SayAsync("アトランティス");
        await other.ExpectAsync("「アトランティス」の相談窓口が見つかりませんでした");
        Assert.Null((await other.AsConsultee.GetProfileAsync()).TenantId);
    }

    [Fact]
    public async Task Menu_faq_phones_and_emergency()
    {
        var s = new Scenario(fixture);
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("よくある質問");
        var faq = await she.ExpectAsync("よくある質問です");
        Assert.Contains(faq.Actions, a => a.ButtonLabel.StartsWith("相談にお金", StringComparison.Ordinal));
        await she.SayAsync("相談にお金はかかりますか？");
        await she.ExpectAsync("相談は無料です。");
        await she.SayAsync("電話で相談");
        var phones = await she.ExpectAsync("電話でも相談できます");
        Assert.Contains(phones.Actions, a => a is OrleansConsult.Line.Messaging.UriAction { Uri: var uri } && uri == $"tel:0120000{s.Area:000}");
        Assert.Contains($"0120-999-{s.Area:000}", phones.Text); // the nurse pool's number too
        await she.SayAsync("緊急のとき");
        var emergency = await she.ExpectAsync("189");
        Assert.Contains(emergency.Actions, a => a is OrleansConsult.Line.Messaging.UriAction { Uri: "tel:119" });
    }

    [Fact]
    public async Task Offer_timeout_goes_to_the_next_counselor_longest_idle_first()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 9, 30);
        var first = await s.OnShiftAsync("c2");
        s.Advance(TimeSpan.FromMinutes(1));
        var second = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");

        await first.ExpectAsync("新しい相談があります"); // idle longest
        Assert.Equal(0, second.Count("新しい相談があります"));
        s.Advance(TimeSpan.FromSeconds(61));
        await s.TickAsync();
        await first.ExpectAsync("時間切れのため、ほかの相談員に回しました");
        var caseId = await second.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");

        var journal = (await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync()).Journal;
        Assert.Contains(journal, j => j.Step == "timed out" && j.CounselorId == first.CounselorId);
        Assert.Contains(journal, j => j.Step == "accepted" && j.CounselorId == second.CounselorId);
    }

    [Fact]
    public async Task Every_counselor_declining_overflows_and_with_the_pool_closed_she_can_leave_a_message()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: false);
        await counselor.ExpectAsync("見送りました");

        var answer = await she.ExpectAsync("対応できる相談員がいません");
        Assert.Contains("受付時間", answer.Text);
        Assert.Equal("leave", answer.Postback("メッセージを残す"));
        var journal = (await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync()).Journal;
        Assert.Contains(journal, j => j.Step == "declined");
        Assert.Contains(journal, j => j.Step == "unanswered" && j.Reason == "all declined");
    }

    [Fact]
    public async Task Nobody_on_shift_goes_to_the_nurse_pool()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Monday, 18, 30); // area open 17–20, pool open 18–22
        var nurse = await s.OnShiftAsync("n1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await she.ExpectAsync($"看護師チーム{s.Area}におつなぎしています"); // the pool as the program names it
        var caseId = await nurse.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("看護師とつながりました");
        var record = await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        Assert.Equal("pool", record.HandledBy);
        Assert.Contains(record.Journal, j => j.Step == "overflowed" && j.Reason == "nobody on shift");
    }

    [Fact]
    public async Task Waiting_past_the_maximum_local_wait_overflows_to_the_pool()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Monday, 18, 30);
        var counselor = await s.OnShiftAsync("c1");
        await counselor.SayAsync("休憩"); // on shift, but away: the case waits for her
        var nurse = await s.OnShiftAsync("n2");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await she.ExpectAsync("相談員におつなぎしています");
        Assert.Single((await s.LocalDispatcher.GetSnapshotAsync()).Queue);

        s.Advance(TimeSpan.FromMinutes(3));
        await s.TickAsync();
        await nurse.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("看護師とつながりました");
        Assert.Empty((await s.LocalDispatcher.GetSnapshotAsync()).Queue);
    }

    [Fact]
    public async Task Everything_closed_left_message_is_offered_first_at_opening()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 7); // area opens at 9:00, pool only at 18:00
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var closed = await she.ExpectAsync("ただいま受付時間外です");
        Assert.Contains("9:00", closed.Text);
        await she.TapAsync("leave");
        await she.ExpectAsync("相談したいことをこのトークに送ってください");
        await she.SayAsync("夜に不安になりました。相談したいです。");
        await she.ExpectAsync("メッセージをお預かりしました");

        // At opening the left message is offered to the first counselor on shift. She takes a
        // break (the offer is withdrawn, not declined); another consultee queues meanwhile; when she
        // is back, the left message is still offered first.
        s.Advance(TimeSpan.FromHours(2));
        var counselor = await s.OnShiftAsync("c1");
        Assert.Contains("夜に不安になりました", (await counselor.ExpectAsync("新しい相談があります")).Text);
        await counselor.SayAsync("休憩");
        var later = await s.ReadyConsulteeAsync("later");
        await later.SayAsync("相談する");
        await later.ExpectAsync("相談員におつなぎしています");
        await counselor.SayAsync("出勤");
        var card = await counselor.ExpectAsync("新しい相談があります", 2);
        Assert.Contains("夜に不安になりました", card.Text);
        var caseId = await counselor.AnswerOfferAsync(accept: true, offerNumber: 2);
        await counselor.ExpectAsync("待っている間のメッセージ");
        await she.ExpectAsync("相談員とつながりました");
        Assert.Equal(caseId, (await she.AsConsultee.GetProfileAsync()).OpenCaseId);
        Assert.Equal(0, later.Count("相談員とつながりました"));
    }

    [Fact]
    public async Task A_crisis_word_answers_with_emergency_numbers_and_jumps_the_queue()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Saturday, 10);
        var counselor = await s.OnShiftAsync("c3"); // capacity 1
        var busy = await s.ReadyConsulteeAsync("busy");
        await busy.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true);

        var calm = await s.ReadyConsulteeAsync("calm");
        await calm.SayAsync("相談する");
        await calm.ExpectAsync("相談員におつなぎしています");
        var urgent = await s.ReadyConsulteeAsync("urgent");
        await urgent.SayAsync("もう消えたいです");
        await urgent.ExpectAsync("あなたのことがとても心配です");
        await urgent.ExpectAsync("119");
        var queue = (await s.LocalDispatcher.GetSnapshotAsync()).Queue;
        Assert.Equal(2, queue.Count);
        Assert.Equal((await urgent.AsConsultee.GetProfileAsync()).OpenCaseId, queue[0]);

        await counselor.SayAsync("/終了");
        var card = await counselor.ExpectAsync("【緊急】新しい相談があります");
        Assert.Contains("もう消えたいです", card.Text);
    }

    [Fact]
    public async Task A_counselor_with_two_cases_switches_between_them()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var counselor = await s.OnShiftAsync("c1"); // capacity 2
        var a = await s.ReadyConsulteeAsync("a");
        await a.SayAsync("相談する");
        var caseA = await counselor.AnswerOfferAsync(accept: true, offerNumber: 1);
        var b = await s.ReadyConsulteeAsync("b");
        await b.SayAsync("相談する");
        var caseB = await counselor.AnswerOfferAsync(accept: true, offerNumber: 2);
        await b.ExpectAsync("相談員とつながりました");

        await a.SayAsync("Aです");
        var relayed = await counselor.ExpectAsync($"#{caseA[..4]} Aです");
        Assert.Contains(relayed.Actions, x => x is OrleansConsult.Line.Messaging.PostbackAction p && p.Data == "switch:" + caseA);
        await counselor.SayAsync("Bさんへ"); // the last accepted case is current
        await b.ExpectAsync("Bさんへ");
        await counselor.TapAsync("switch:" + caseA);
        await counselor.ExpectAsync($"送り先を #{caseA[..4]} に切り替えました");
        await counselor.SayAsync("Aさんへ");
        await a.ExpectAsync("Aさんへ");
        Assert.Equal(0, b.Count("Aさんへ"));
        await counselor.SayAsync("/一覧");
        await counselor.ExpectAsync($"対応中の相談：#{caseA[..4]} #{caseB[..4]}");

        // Full: a third consultee is not offered to her.
        var c = await s.ReadyConsulteeAsync("c");
        await c.SayAsync("相談する");
        await c.ExpectAsync("相談員におつなぎしています");
        Assert.Equal(2, counselor.Count("新しい相談があります"));
    }

    [Fact]
    public async Task Going_off_shift_keeps_her_open_case_and_stops_new_offers()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 11);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await counselor.SayAsync("退勤");
        await counselor.ExpectAsync("状態を「退勤」にしました");

        await she.SayAsync("まだ話せますか");
        await counselor.ExpectAsync($"#{caseId[..4]} まだ話せますか");
        await counselor.SayAsync("はい、続けましょう");
        await she.ExpectAsync("はい、続けましょう");

        var next = await s.ReadyConsulteeAsync("next");
        await next.SayAsync("相談する");
        await next.ExpectAsync("対応できる相談員がいません"); // nobody on shift here, the pool closed at 11:00
        Assert.Equal(1, counselor.Count("新しい相談があります"));
        Assert.Equal([caseId], (await counselor.AsCounselor.GetSnapshotAsync()).ActiveCases);
    }

    [Fact]
    public async Task Idle_consultee_warns_the_counselor_then_closes()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Wednesday, 14, 10);
        var counselor = await s.OnShiftAsync("c2");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        var consultation = s.Grains.GetGrain<IConsultationGrain>(caseId);

        s.Advance(TimeSpan.FromMinutes(30));
        await consultation.TickAsync();
        await counselor.ExpectAsync("30分メッセージがありません");
        s.Advance(TimeSpan.FromMinutes(30));
        await consultation.TickAsync();
        await she.ExpectAsync("しばらくメッセージがなかったため");
        await counselor.ExpectAsync("一定時間メッセージがなかったため");
        Assert.Equal("idle", (await consultation.GetSummaryAsync()).ClosedReason);
        Assert.True(await Eventually.TrueAsync(async () => (await counselor.AsCounselor.GetSnapshotAsync()).ActiveCases.Count == 0, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_returning_consultee_is_offered_first_to_her_previous_counselor()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Friday, 14, 30);
        var before = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await before.AnswerOfferAsync(accept: true);
        // c2 comes on shift while c1 is busy: from here on c2 has been idle longer than c1 ...
        var other = await s.OnShiftAsync("c2");
        s.Advance(TimeSpan.FromMinutes(1));
        await before.SayAsync("/終了");
        await she.ExpectAsync("ご相談ありがとうございました");

        // ... so longest-idle order alone would pick c2; the returning consultee goes to c1.
        s.Advance(TimeSpan.FromMinutes(5));
        await she.SayAsync("相談する");
        await before.ExpectAsync("新しい相談があります", 2);
        Assert.Equal(0, other.Count("新しい相談があります"));
    }

    [Fact]
    public async Task Transfer_sends_the_case_to_the_open_pool()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Monday, 18, 10);
        var counselor = await s.OnShiftAsync("c1");
        var nurse = await s.OnShiftAsync("n1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await counselor.SayAsync("/転送");
        await counselor.ExpectAsync("看護師チーム");
        await nurse.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("看護師とつながりました");
        var record = await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        Assert.Equal(nurse.CounselorId, record.CounselorId);
        Assert.Contains(record.Journal, j => j.Step == "transferred");
    }

    [Fact]
    public async Task Transfer_with_the_pool_closed_goes_back_to_the_area_queue_and_to_another_counselor()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10); // area open, pool only from 18:00
        var first = await s.OnShiftAsync("c1");
        s.Advance(TimeSpan.FromMinutes(1));
        var second = await s.OnShiftAsync("c2");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await first.AnswerOfferAsync(accept: true); // idle longest
        await she.ExpectAsync("相談員とつながりました");

        await first.SayAsync("/転送");
        await first.ExpectAsync("を待ち行列に引き継ぎました");
        await she.ExpectAsync("担当を引き継いでいます");
        Assert.Equal(caseId, await second.AnswerOfferAsync(accept: true));
        await she.ExpectAsync("相談員とつながりました", atLeast: 2);

        var record = await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        Assert.Equal(second.CounselorId, record.CounselorId);
        Assert.Contains(record.Journal, j => j.Step == "transferred" && j.CounselorId == first.CounselorId);
        Assert.Equal(1, first.Count("新しい相談があります")); // the counselor who handed it on is not offered it again
        await second.SayAsync("あとは私が聞きますね");
        await she.ExpectAsync("あとは私が聞きますね");
    }

    [Fact]
    public async Task Unfollowing_during_a_case_closes_it_and_tells_the_counselor()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");

        var toHerBefore = she.Received.Count;
        await she.SendAsync(MoreEvents.Unfollow());
        await counselor.ExpectAsync("相談者が友だち登録を解除したため");
        var record = await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        Assert.Equal(CaseStatus.Closed, record.Status);
        Assert.Equal("unfollow", record.ClosedReason);
        Assert.Equal(toHerBefore, she.Received.Count); // nothing is sent to a user who blocked the account

        // Back again later: a new case, not the closed one.
        await she.SendAsync(MoreEvents.Follow());
        await she.SayAsync("相談する");
        Assert.NotEqual(caseId, await counselor.AnswerOfferAsync(accept: true, offerNumber: 2));
    }

    [Fact]
    public async Task Enrollment_codes_bind_once()
    {
        var s = new Scenario(fixture);
        var first = s.Staff("c1");
        await first.SayAsync("WRONG-CODE");
        await first.ExpectAsync("登録コードが正しくないか");
        await first.SayAsync($"A{s.Area}-C1");
        await first.ExpectAsync("相談員1さんとして登録しました");
        var intruder = s.Staff("c1");
        await intruder.SayAsync($"A{s.Area}-C1");
        await intruder.ExpectAsync("登録コードが正しくないか");
        Assert.Null(await s.Grains.GetGrain<IStaffLineUserGrain>(GrainKeys.LineUser("staff", intruder.UserId)).GetCounselorIdAsync());
        await first.SayAsync("/なにか");
        await first.ExpectAsync("使えるコマンド");
    }
}

/// <summary>Schedule edges as routing sees them: holidays, hours past midnight, closing time, queue positions.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ScheduleEdgeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_public_holiday_closes_the_area_and_the_pool_takes_it_on_holiday_hours()
    {
        var s = new Scenario(fixture);
        s.MoveToNextHoliday(DayOfWeek.Tuesday, 10); // a Tuesday that is a public holiday: the area would be open 9–13
        var nurse = await s.OnShiftAsync("n1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await she.ExpectAsync($"看護師チーム{s.Area}におつなぎしています"); // the pool as the program names it
        var caseId = await nurse.AnswerOfferAsync(accept: true);
        var record = await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        Assert.Contains(record.Journal, j => j.Step == "overflowed" && j.Reason == "closed");
        Assert.True(record.NightOrHoliday);
    }

    [Fact]
    public async Task Hours_past_midnight_keep_the_area_open_into_the_next_day()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Monday, 1, 30); // Sunday 22:00–02:00
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await she.ExpectAsync("相談員におつなぎしています");
        await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
    }

    [Fact]
    public async Task At_closing_counselors_are_told_and_waiting_cases_get_the_closed_area_answer()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 12, 55);
        var counselor = await s.OnShiftAsync("c1");
        await counselor.SayAsync("休憩");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await she.ExpectAsync("相談員におつなぎしています");

        s.Advance(TimeSpan.FromMinutes(5)); // 13:00: Toyama-style hours end, the pool opens only at 18:00
        await s.TickAsync();
        await counselor.ExpectAsync("受付時間が終わりました");
        var answer = await she.ExpectAsync("ただいま受付時間外です");
        Assert.Contains("看護師チーム", answer.Text); // the pool's hours are named too
        Assert.NotNull(answer.Postback("メッセージを残す"));
    }

    [Fact]
    public async Task Waiting_consultees_hear_their_place_when_it_changes_at_most_once_a_minute()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Saturday, 9, 10);
        var counselor = await s.OnShiftAsync("c3"); // one case at a time
        var first = await s.ReadyConsulteeAsync("first");
        await first.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true);
        var second = await s.ReadyConsulteeAsync("second");
        await second.SayAsync("相談する");
        var third = await s.ReadyConsulteeAsync("third");
        await third.SayAsync("相談する");
        await third.ExpectAsync("現在2番目にお待ちいただいています");

        s.Advance(TimeSpan.FromMinutes(1));
        await counselor.SayAsync("/終了");
        await counselor.AnswerOfferAsync(accept: true, offerNumber: 2); // second is connected; third moves up
        await third.ExpectAsync("現在1番目にお待ちいただいています");
        Assert.Equal(1, third.Count("現在2番目"));
        Assert.Equal(1, third.Count("現在1番目"));
    }
}
