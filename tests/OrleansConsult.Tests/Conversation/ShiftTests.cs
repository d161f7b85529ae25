using OrleansConsult.Abstractions;

namespace OrleansConsult.Tests.Conversation;

/// <summary>Presence resets at the area's closing: automatic 退勤 with a notice, her open cases stay hers.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ShiftTests(ClusterFixture fixture)
{
    [Fact]
    public async Task At_the_closing_on_shift_counselors_go_off_shift_with_a_notice_and_keep_their_cases()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 12, 30); // open until 13:00; the pool opens at 18:00
        var busy = await s.OnShiftAsync("c1");
        var idle = await s.OnShiftAsync("c2");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await busy.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");

        s.Advance(TimeSpan.FromMinutes(30)); // 13:00
        await s.TickAsync();
        var notice = await busy.ExpectAsync("自動で「退勤」にしました");
        Assert.Contains($"対応中の相談（#{caseId[..4]}）はそのまま続けられます", notice.Text);
        var idleNotice = await idle.ExpectAsync("自動で「退勤」にしました");
        Assert.DoesNotContain("対応中の相談", idleNotice.Text);
        Assert.Equal(Presence.OffShift, (await busy.AsCounselor.GetSnapshotAsync()).Presence);
        Assert.Equal([caseId], (await busy.AsCounselor.GetSnapshotAsync()).ActiveCases);

        // The chat goes on; her dispatcher knows both are off shift.
        await she.SayAsync("まだ大丈夫ですか");
        await busy.ExpectAsync("まだ大丈夫ですか");
        await busy.SayAsync("はい、続けましょう");
        await she.ExpectAsync("はい、続けましょう");
        Assert.True(await Infrastructure.Eventually.TrueAsync(async () =>
            (await s.LocalDispatcher.GetSnapshotAsync()).Counselors.All(c => c.Presence == Presence.OffShift), TimeSpan.FromSeconds(10)));

        // At the next opening nobody is on shift until she says so: a new consultee is not offered to them.
        s.MoveTo(DayOfWeek.Saturday, 9, 30);
        await s.TickAsync();
        var next = await s.ReadyConsulteeAsync("next");
        await next.SayAsync("相談する");
        await next.ExpectAsync("対応できる相談員がいません");
        Assert.Equal(1, busy.Count("新しい相談があります"));
        Assert.Equal(1, idle.Count("自動で「退勤」にしました")); // one notice, not one per pump
    }

    [Fact]
    public async Task On_shift_before_the_opening_she_is_told_when_it_opens_gets_offers_then_and_goes_off_at_its_closing()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 7);
        var counselor = await s.OnShiftAsync("c1");
        var answer = await counselor.ExpectAsync("状態を「出勤」にしました");
        Assert.Contains("ただいま受付時間外です", answer.Text);
        Assert.Contains("9:00 からです", answer.Text);
        Assert.Contains("おつかれさまです", answer.Text);
        Assert.Contains("相談員の", answer.Text); // greeted by her role from the roster

        s.Advance(TimeSpan.FromMinutes(30));
        await s.TickAsync(); // closed still: her shift is for the coming opening, not over
        Assert.Equal(Presence.Available, (await counselor.AsCounselor.GetSnapshotAsync()).Presence);

        s.Advance(TimeSpan.FromHours(2)); // 9:30
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");

        s.Advance(TimeSpan.FromHours(3.5)); // 13:00
        await s.TickAsync();
        await counselor.ExpectAsync("自動で「退勤」にしました");
        Assert.Equal(Presence.OffShift, (await counselor.AsCounselor.GetSnapshotAsync()).Presence);
    }

    [Fact]
    public async Task On_shift_while_open_she_is_told_until_when()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Wednesday, 15);
        var counselor = await s.OnShiftAsync("c3");
        var answer = await counselor.ExpectAsync("状態を「出勤」にしました");
        Assert.Contains("ただいま受付中です（18:00 まで）", answer.Text);
        Assert.DoesNotContain("受付時間外", answer.Text);
        Assert.Contains("助産師の", answer.Text);
    }
}
