using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Conversation;

/// <summary>「相談記録の削除」 on the grains: confirmation, her open case closed and her counselor told, everything of hers deleted, an erasure record left.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ErasureTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Erasure_closes_her_open_case_tells_her_counselor_and_deletes_every_case_of_hers()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        var key = GrainKeys.LineUser(she.Channel, she.UserId);

        // A first case, ended; then a second one, connected.
        await she.SayAsync("相談する");
        var first = await counselor.AnswerOfferAsync(accept: true);
        await she.SayAsync("最初の相談です");
        await counselor.ExpectAsync("最初の相談です");
        await counselor.SayAsync("/終了");
        await she.ExpectAsync("ご相談ありがとうございました");
        await she.SayAsync("相談する");
        var second = await counselor.AnswerOfferAsync(accept: true, offerNumber: 2);
        await she.SayAsync("二回目です");
        await counselor.ExpectAsync("二回目です");
        Assert.Equal(new[] { first, second }.Order(), (await ClusterFixture.CaseIndex.CasesOfAsync(key)).Order());
        ClusterFixture.Erasures.AddOutboxRows(key, 2); // outbox rows name her by her grain key
        ClusterFixture.Erasures.AddOutboxRows(OutboxOrigins.CasePrefix(second), 1); // her words still on their way to the counselor

        // The command is never relayed; the bot asks first.
        await she.SayAsync("相談記録の削除");
        var confirm = await she.ExpectAsync("削除しますか？");
        Assert.Equal(0, counselor.Count("相談記録の削除"));
        Assert.NotNull(confirm.Postback("やめる"));
        await she.TapAsync(confirm.Postback("削除する")!);

        await she.ExpectAsync("相談記録を削除しました");
        await counselor.ExpectAsync($"#{second[..4]} の相談は終了しました（相談者から相談記録の削除の依頼があったため）");
        Assert.DoesNotContain(second, (await counselor.AsCounselor.GetSnapshotAsync()).ActiveCases);

        foreach (var caseId in new[] { first, second })
        {
            Assert.Empty(await ClusterFixture.Transcripts.ReadAsync(caseId));
            Assert.Null(ClusterFixture.CaseIndex.Find(caseId));
            var record = await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
            Assert.Equal("", record.TenantId); // an empty state: the case is gone
            Assert.Empty(record.Journal);
        }
        var erasure = Assert.Single(ClusterFixture.Erasures.RecordsOf(key));
        Assert.Equal((2, 2, 3), (erasure.Cases, erasure.TranscriptRows, erasure.OutboxRows));
        Assert.Equal(0, ClusterFixture.Erasures.OutboxRowsOf(key));
        Assert.Equal(0, ClusterFixture.Erasures.OutboxRowsOf(OutboxOrigins.CasePrefix(second)));
        Assert.Empty((await s.LocalDispatcher.GetSnapshotAsync()).Queue);

        // Like a new follower: no consent, no area, and the bot starts from its welcome.
        Assert.Equal(new ConsulteeProfile(null, null, null, null), await she.AsConsultee.GetProfileAsync());
        await she.SendAsync(MoreEvents.Follow());
        await she.ExpectAsync("ご利用の前に", atLeast: 2);
    }

    [Fact]
    public async Task Answering_yameru_deletes_nothing()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await she.SayAsync("まだ消さないで");

        await she.SayAsync("相談記録の削除");
        var confirm = await she.ExpectAsync("削除しますか？");
        await she.TapAsync(confirm.Postback("やめる")!);
        await she.ExpectAsync("削除をやめました");

        Assert.Single(await ClusterFixture.Transcripts.ReadAsync(caseId));
        Assert.Equal(CaseStatus.Connected, (await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync()).Status);
        Assert.Empty(ClusterFixture.Erasures.RecordsOf(GrainKeys.LineUser(she.Channel, she.UserId)));
        await she.SayAsync("つづきです");
        await counselor.ExpectAsync("つづきです");
    }

    [Fact]
    public async Task A_case_is_not_erased_for_someone_else_and_only_expires_after_it_closed_before_the_cutoff()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        var record = s.Grains.GetGrain<ICaseRetentionGrain>(caseId);

        Assert.True((await record.EraseForConsulteeAsync(GrainKeys.LineUser("consultee", "someone-else"))).Kept);
        Assert.True((await record.ExpireAsync(s.Now.AddYears(1))).Kept); // still open
        await counselor.SayAsync("/終了");
        await she.ExpectAsync("ご相談ありがとうございました");
        Assert.True((await record.ExpireAsync(s.Now.AddMinutes(-1))).Kept); // closed after the cutoff

        var expired = await record.ExpireAsync(s.Now.AddMinutes(1));
        Assert.True(expired.Deleted);
        Assert.Null(ClusterFixture.CaseIndex.Find(caseId));
        Assert.Equal(CaseErasure.Refused with { Kept = false }, await record.ExpireAsync(s.Now.AddMinutes(1))); // gone already: nothing left
    }
}
