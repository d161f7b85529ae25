using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Board;
using OrleansConsult.Tests.Conversation;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Supervision;

/// <summary>
/// Supervisors on LINE, on the test cluster with the controlled clock: /SV, watching (copies, the consultee told
/// nothing, no copy twice), /ささやき, takeover with the loads, the urgent auto-call, the no-supervisor fallback
/// on the board, and the referral hook. Area a{n}'s "sv" takes no cases; "sv2" also counsels.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SupervisionGrainTests(ClusterFixture fixture)
{
    private static async Task<(Scenario S, Person Counselor, Person She, string CaseId)> ChatAsync(ClusterFixture fixture, string first = "相談する")
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync(first);
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("つながりました");
        return (s, counselor, she, caseId);
    }

    private static IEnumerable<JournalEntry> Journal(CaseSummary summary, string step) => summary.Journal.Where(j => j.Step == step);

    [Fact]
    public async Task A_supervisor_on_shift_gets_no_offers_and_the_case_goes_to_a_counselor()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var sv = await s.OnShiftAsync("sv");
        await sv.ExpectAsync("SV要請（/SV・緊急の相談）が届きます。相談の打診は届きません。");
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("つながりました");
        Assert.Equal(0, sv.Count("新しい相談があります"));
        var board = (await s.LocalDispatcher.GetBoardAsync(0))!;
        Assert.DoesNotContain(board.Staff, m => m.StaffId == sv.CounselorId);
    }

    [Fact]
    public async Task SV_call_watch_copies_whisper_and_takeover()
    {
        var (s, counselor, she, caseId) = await ChatAsync(fixture);
        var tag = $"#{caseId[..4]}";
        var sv = await s.OnShiftAsync("sv");

        await counselor.SayAsync("/SV 週数の判断に迷っています");
        var call = await sv.ExpectAsync($"【SV要請】{tag}");
        Assert.Contains("週数の判断に迷っています", call.Text);
        await counselor.ExpectAsync($"{tag} についてSVを呼びました（出勤中の1名に通知）");

        await sv.TapAsync(call.Postback("見守る")!);
        await sv.ExpectAsync($"{tag} の見守りを始めました");
        await counselor.ExpectAsync($"{tag} をSV（");

        // Both sides reach her as copies; a repeated relay of the same event copies nothing twice.
        var hello = Events.Text("検査薬が陽性でした");
        await she.SendAsync(hello);
        await sv.ExpectAsync($"［見守り］{tag} 相談者：検査薬が陽性でした");
        var consulteeKey = GrainKeys.LineUser(she.Channel, she.UserId);
        await s.Grains.GetGrain<IConsultationGrain>(caseId).FromConsulteeAsync(consulteeKey, hello.WebhookEventId, s.Now, "検査薬が陽性でした", crisis: false);
        await counselor.SayAsync("いつ頃検査しましたか");
        await sv.ExpectAsync($"［見守り］{tag} 相談員：いつ頃検査しましたか");
        Assert.Equal(1, sv.Count("相談者：検査薬が陽性でした"));

        // A whisper reaches the counselor only.
        await sv.SayAsync("/ささやき 最終月経を聞いてみて");
        await counselor.ExpectAsync($"［SVより・相談者には届いていません］{tag}");
        await sv.ExpectAsync("ささやきを送りました");

        // Take over: the consultee hears another staff member joins; the counselor's slot is free.
        var copy = await sv.ExpectAsync("［見守り］");
        await sv.TapAsync(copy.Postback("引き継ぐ")!);
        await she.ExpectAsync("別のスタッフが加わりました");
        await counselor.ExpectAsync($"{tag} はSV（");
        await sv.ExpectAsync($"{tag} を引き継ぎました");
        await sv.SayAsync("ここからは私がお話を聞きますね");
        await she.ExpectAsync("ここからは私がお話を聞きますね");
        await counselor.SayAsync("まだいますか");
        await Task.Delay(200);
        Assert.DoesNotContain(she.Texts, t => t.Contains("まだいますか", StringComparison.Ordinal));

        var summary = await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        Assert.Equal(sv.CounselorId, summary.CounselorId);
        Assert.Single(Journal(summary, "sv-called"));
        Assert.Single(Journal(summary, "sv-watch"));
        Assert.Single(Journal(summary, "sv-whisper"));
        Assert.Single(Journal(summary, "sv-takeover"));
        Assert.DoesNotContain((await s.Grains.GetGrain<ICounselorGrain>(counselor.CounselorId!).GetSnapshotAsync()).ActiveCases, c => c == caseId);
        Assert.True(await Eventually.TrueAsync(async () =>
            (await s.LocalDispatcher.GetBoardAsync(0))!.Staff.Single(m => m.StaffId == counselor.CounselorId).ActiveCases == 0, TimeSpan.FromSeconds(5)),
            "the former counselor's load did not drop");

        // The consultee never saw a copy, the whisper or the SV call; the transcript has no whisper.
        Assert.DoesNotContain(she.Texts, t => t.Contains("見守り", StringComparison.Ordinal) || t.Contains("最終月経", StringComparison.Ordinal)
            || t.Contains("SV", StringComparison.Ordinal) || t.Contains("週数の判断", StringComparison.Ordinal));
        Assert.DoesNotContain(await ClusterFixture.Transcripts.ReadAsync(caseId), e => e.Text.Contains("最終月経", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_urgent_case_calls_the_supervisor_as_soon_as_it_is_accepted()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var sv = await s.OnShiftAsync("sv");
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("もう消えたいです");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        var call = await sv.ExpectAsync($"【SV要請】#{caseId[..4]}");
        Assert.Contains("緊急の相談が受け付けられました", call.Text);
        await counselor.ExpectAsync("SVを呼びました");
        var summary = await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        Assert.Equal("urgent", Assert.Single(Journal(summary, "sv-called")).Reason);

        // More messages do not call again.
        await she.SayAsync("こわいです");
        await counselor.ExpectAsync("こわいです");
        Assert.Equal(1, sv.Count("【SV要請】"));
    }

    [Fact]
    public async Task With_no_supervisor_on_shift_the_counselor_gets_the_phones_and_the_board_shows_the_call_until_answered()
    {
        var (s, counselor, _, caseId) = await ChatAsync(fixture);
        await counselor.SayAsync("/SV");
        var notice = await counselor.ExpectAsync("出勤中のSVがいません");
        Assert.Contains($"0120-000-{s.Area:000}", notice.Text);
        var summary = await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        Assert.Single(Journal(summary, "sv-phones"));

        var feed = new BoardFeed(s.Grains);
        var board = (await feed.ReadAsync([$"tenant:{s.TenantId}"]))[0];
        Assert.Equal(1, board.SupervisorCalls!.Unanswered);
        Assert.True(board.SupervisorCalls.LatestWentToPhones);
        Assert.Equal($"#{caseId[..4]}", board.SupervisorCalls.LatestTag);

        // A supervisor who comes on shift later gets the call, and answering it clears the board.
        var sv = await s.OnShiftAsync("sv");
        var call = await sv.ExpectAsync($"【SV要請】#{caseId[..4]}");
        await sv.TapAsync(call.Postback("見守る")!);
        await sv.ExpectAsync("見守りを始めました");
        Assert.Equal(0, (await s.Grains.GetGrain<ISupervisorDeskGrain>($"tenant:{s.TenantId}").GetSummaryAsync()).Unanswered);
    }

    [Fact]
    public async Task An_urgent_referral_to_the_police_calls_the_supervisors_and_a_clinic_does_not()
    {
        var (s, counselor, she, caseId) = await ChatAsync(fixture);
        var supervision = s.Grains.GetGrain<ICaseSupervisionGrain>(caseId);
        Assert.Null(await supervision.ReferralRecordedAsync("警察", "ref-calm")); // not urgent

        var sv = await s.OnShiftAsync("sv");
        await she.SayAsync("殴られました");
        await sv.ExpectAsync("緊急の相談が受け付けられました"); // urgent during the chat calls by itself
        Assert.Null(await supervision.ReferralRecordedAsync("医療機関（産科）", "ref-clinic"));
        var outcome = await supervision.ReferralRecordedAsync("警察", "ref-police");
        Assert.Equal(1, outcome!.SupervisorsCalled);
        await sv.ExpectAsync("「警察」への紹介が記録されました");
        Assert.Equal(1, (await supervision.ReferralRecordedAsync("警察", "ref-police"))!.SupervisorsCalled);
        await Task.Delay(200);
        Assert.Equal(1, sv.Count("「警察」への紹介"));
        await counselor.ExpectAsync("SVを呼びました");
    }

    [Fact]
    public async Task Only_a_supervisor_may_whisper_or_take_over_and_a_counseling_supervisor_gets_offers()
    {
        var (s, counselor, _, caseId) = await ChatAsync(fixture);
        await counselor.TapAsync("sv:take:" + caseId);
        await counselor.ExpectAsync("スーパーバイザーだけが使えます");
        await counselor.SayAsync("/ささやき こんにちは");
        await counselor.ExpectAsync("スーパーバイザーだけが使えます", atLeast: 2);
        Assert.Equal(counselor.CounselorId, (await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync()).CounselorId);

        // sv2 is a supervisor who also counsels: offers reach her (the counselor is on a break).
        await counselor.SayAsync("休憩");
        var sv2 = await s.OnShiftAsync("sv2");
        await sv2.ExpectAsync("SV要請（/SV・緊急の相談）と相談の打診が届きます。");
        var other = await s.ReadyConsulteeAsync("other");
        await other.SayAsync("相談する");
        await sv2.ExpectAsync("新しい相談があります");
    }
}
