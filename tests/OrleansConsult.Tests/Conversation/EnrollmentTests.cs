using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Enrollment;

namespace OrleansConsult.Tests.Conversation;

/// <summary>Staff enrollment on the grains: one-time invitations, 退会, and an operator's unbind.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EnrollmentTests(ClusterFixture fixture)
{
    private static readonly Lazy<ProgramDirectory> Directory = new(() => new ProgramDirectory(TestProgram.Build()));

    /// <summary>The service the invite command and the console use, on the cluster's store and clock.</summary>
    private static StaffInvitations Invitations() =>
        new(ClusterFixture.Invitations, Directory.Value, new EngineClock(ClusterFixture.Clock), new InvitationOptions(TimeSpan.FromHours(72), "@oc-staff"));

    private StaffBindings Bindings() => new(fixture.Grains, Invitations());

    private static async Task<CounselorSnapshot> CounselorAsync(Person staff) => await staff.AsCounselor.GetSnapshotAsync();

    private static Task<string?> BoundAsync(Scenario s, Person staff) =>
        s.Grains.GetGrain<IStaffLineUserGrain>(GrainKeys.LineUser("staff", staff.UserId)).GetCounselorIdAsync();

    [Fact]
    public async Task An_invitation_enrolls_her_once_and_a_second_use_is_refused()
    {
        var s = new Scenario(fixture);
        var issued = await Invitations().IssueAsync(s.TenantId, $"a{s.Area}-c1");
        Assert.Equal($"https://line.me/R/oaMessage/%40oc-staff/?{issued.Code}", issued.Link);

        var she = s.Staff("c1");
        // Typed by hand: lower case, spaces instead of hyphens, O for 0 all read as the same code.
        await she.SayAsync(issued.Code.ToLowerInvariant().Replace('-', ' ').Replace('0', 'o'));
        await she.ExpectAsync("相談員1さんとして登録しました");
        Assert.Equal(she.CounselorId, await BoundAsync(s, she));
        Assert.Equal(GrainKeys.LineUser("staff", she.UserId), (await CounselorAsync(she)).StaffLineKey);

        var other = s.Staff("c1");
        await other.SayAsync(issued.Code);
        await other.ExpectAsync("この招待コードはすでに使われています");
        Assert.DoesNotContain(other.Texts, t => t.Contains("として登録しました", StringComparison.Ordinal));
        Assert.Null(await BoundAsync(s, other));
        Assert.Equal(GrainKeys.LineUser("staff", she.UserId), (await CounselorAsync(she)).StaffLineKey);

        await she.SayAsync("出勤");
        await she.ExpectAsync("状態を「出勤」にしました");
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_and_binds_nobody()
    {
        var s = new Scenario(fixture);
        var issued = await Invitations().IssueAsync(s.TenantId, $"a{s.Area}-c2");
        s.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));

        var she = s.Staff("c2");
        await she.SayAsync(issued.Code);
        await she.ExpectAsync("この招待コードは有効期限が切れています");
        Assert.Null(await BoundAsync(s, she));
        Assert.Null((await CounselorAsync(she)).StaffLineKey);
    }

    [Fact]
    public async Task A_revoked_invitation_is_refused_and_a_newer_one_replaces_the_older()
    {
        var s = new Scenario(fixture);
        var invitations = Invitations();
        var revoked = await invitations.IssueAsync(s.TenantId, $"a{s.Area}-c1");
        Assert.Equal(InvitationStatus.Revoked, (await invitations.RevokeAsync(revoked.Invitation.Id))!.StatusAt(s.Now));
        var older = await invitations.IssueAsync(s.TenantId, $"a{s.Area}-c2");
        var newer = await invitations.IssueAsync(s.TenantId, $"a{s.Area}-c2");

        var first = s.Staff("c1");
        await first.SayAsync(revoked.Code);
        await first.ExpectAsync("この招待コードは取り消されています");
        Assert.Null(await BoundAsync(s, first));

        var second = s.Staff("c2");
        await second.SayAsync(older.Code);
        await second.ExpectAsync("この招待コードは取り消されています");
        await second.SayAsync(newer.Code);
        await second.ExpectAsync("相談員2さんとして登録しました");
        Assert.Equal(second.CounselorId, await BoundAsync(s, second));
    }

    [Fact]
    public async Task Only_her_roster_can_be_invited()
    {
        var s = new Scenario(fixture);
        var invitations = Invitations();
        var notHers = await Assert.ThrowsAsync<EnrollmentException>(() => invitations.IssueAsync(s.TenantId, $"p{s.Area}-n1"));
        Assert.Contains($"not in the roster of '{s.TenantId}'", notHers.Message);
        var nowhere = await Assert.ThrowsAsync<EnrollmentException>(() => invitations.IssueAsync("no-such-tenant", $"a{s.Area}-c1"));
        Assert.Contains("No tenant or nurse pool 'no-such-tenant'", nowhere.Message);
        // A nurse is invited through her pool.
        Assert.Equal(s.PoolId, (await invitations.IssueAsync(s.PoolId, $"p{s.Area}-n1")).Invitation.OwnerId);
        Assert.Empty(await invitations.ListAsync(s.TenantId));
    }

    [Fact]
    public async Task Development_accepts_the_program_file_codes()
    {
        var s = new Scenario(fixture);
        var she = s.Staff("c3");
        await she.SayAsync($"A{s.Area}-C3");
        await she.ExpectAsync("助産師3さんとして登録しました");
    }

    [Fact]
    public async Task Leaving_asks_first_and_waits_until_her_open_cases_are_finished()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);

        await counselor.SayAsync("退会");
        var confirm = await counselor.ExpectAsync("退会しますか？");
        Assert.Equal(StaffLineUserGrain.LeaveCancel, confirm.Postback("やめる"));
        await counselor.TapAsync(confirm.Postback("やめる")!);
        await counselor.ExpectAsync("退会をやめました");

        await counselor.SayAsync("退会");
        await counselor.TapAsync((await counselor.ExpectAsync("退会しますか？", atLeast: 2)).Postback("退会する")!);
        await counselor.ExpectAsync("対応中の相談があるため、退会できません");
        // Nothing changed: still bound, and the chat goes on.
        Assert.Equal(counselor.CounselorId, await BoundAsync(s, counselor));
        await counselor.SayAsync("まだお話を聞きますね");
        await she.ExpectAsync("まだお話を聞きますね");

        await counselor.SayAsync("/終了");
        await counselor.ExpectAsync("の相談を終了しました");
        await counselor.SayAsync("退会");
        await counselor.TapAsync((await counselor.ExpectAsync("退会しますか？", atLeast: 3)).Postback("退会する")!);
        await counselor.ExpectAsync("退会しました");

        var after = await CounselorAsync(counselor);
        Assert.Null(after.StaffLineKey);
        Assert.Equal(Presence.OffShift, after.Presence);
        Assert.Null(await BoundAsync(s, counselor));
        Assert.DoesNotContain((await s.LocalDispatcher.GetSnapshotAsync()).Counselors,
            c => c.CounselorId == counselor.CounselorId && c.Presence == Presence.Available);

        // She is an unknown LINE user now: her commands do nothing, and a new case is not offered to her.
        await counselor.SayAsync("出勤");
        await counselor.ExpectAsync("登録コードが正しくないか");
        var another = await s.ReadyConsulteeAsync("d");
        await another.SayAsync("相談する");
        await s.TickAsync();
        Assert.Equal(1, counselor.Count("新しい相談があります"));
    }

    [Fact]
    public async Task An_operator_unbind_hands_back_her_case_and_her_old_phone_gets_nothing_further()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10); // area open, pool closed: the case goes back to the area's queue
        var lost = await s.OnShiftAsync("c1");
        s.Advance(TimeSpan.FromMinutes(1));
        var colleague = await s.OnShiftAsync("c2");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await lost.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");

        var result = await Bindings().UnbindAsync(s.TenantId, lost.CounselorId!);
        Assert.Equal(new UnbindResult(true, 1, 0), result);
        await she.ExpectAsync("担当を引き継いでいます");
        Assert.Equal(caseId, await colleague.AnswerOfferAsync(accept: true));
        Assert.Null((await CounselorAsync(lost)).StaffLineKey);
        Assert.Equal(Presence.OffShift, (await CounselorAsync(lost)).Presence);

        var seenByOldPhone = lost.Received.Count;
        await she.SayAsync("続きを話してもいいですか");
        await colleague.ExpectAsync("続きを話してもいいですか");
        Assert.Equal(seenByOldPhone, lost.Received.Count);

        // Her old phone is told, once it writes, and can no longer act for her.
        await lost.SayAsync("出勤");
        await lost.ExpectAsync("このLINEは相談員として登録されていません");
        Assert.Equal(Presence.OffShift, (await CounselorAsync(lost)).Presence);
        Assert.Null(await BoundAsync(s, lost));

        // Unbinding again changes nothing; a new invitation enrolls her on a new phone.
        Assert.False((await Bindings().UnbindAsync(s.TenantId, lost.CounselorId!)).WasBound);
        var newPhone = s.Staff("c1");
        await newPhone.SayAsync((await Invitations().IssueAsync(s.TenantId, lost.CounselorId!)).Code);
        await newPhone.ExpectAsync("相談員1さんとして登録しました");
        Assert.Equal(GrainKeys.LineUser("staff", newPhone.UserId), (await CounselorAsync(lost)).StaffLineKey);
    }

    [Fact]
    public async Task An_invitation_used_on_a_new_phone_cuts_off_the_old_one()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var oldPhone = s.Staff("c1");
        await oldPhone.SayAsync((await Invitations().IssueAsync(s.TenantId, oldPhone.CounselorId!)).Code);
        await oldPhone.SayAsync("出勤");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await oldPhone.AnswerOfferAsync(accept: true);

        var newPhone = s.Staff("c1");
        await newPhone.SayAsync((await Invitations().IssueAsync(s.TenantId, oldPhone.CounselorId!)).Code);
        await newPhone.ExpectAsync("相談員1さんとして登録しました");
        // Her open case did not stay with a phone she no longer holds: it went back to the queue.
        await she.ExpectAsync("担当を引き継いでいます");
        var record = await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        Assert.NotEqual(CaseStatus.Connected, record.Status);
        Assert.Null(record.CounselorId);
        Assert.Contains(record.Journal, j => j.Step == "transferred" && j.CounselorId == oldPhone.CounselorId);

        var seenByOldPhone = oldPhone.Received.Count;
        await newPhone.SayAsync("出勤");
        await newPhone.ExpectAsync("状態を「出勤」にしました");
        await oldPhone.SayAsync("退勤");
        await oldPhone.ExpectAsync("このLINEは相談員として登録されていません");
        Assert.Equal(seenByOldPhone + 1, oldPhone.Received.Count);
        Assert.Equal(Presence.Available, (await CounselorAsync(newPhone)).Presence);
    }
}
