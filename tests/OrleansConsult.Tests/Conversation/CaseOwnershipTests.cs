using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Tests.Conversation;

/// <summary>A case belongs to its two people: ids that do not collide, and a case that refuses a stranger.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseOwnershipTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_second_consultee_forced_onto_a_case_id_cannot_enter_the_first_ones_chat()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var a = await s.ReadyConsulteeAsync("a");
        await a.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await a.ExpectAsync("相談員とつながりました");
        var b = await s.ReadyConsulteeAsync("b");
        var bKey = GrainKeys.LineUser(b.Channel, b.UserId);
        var shared = s.Grains.GetGrain<IConsultationGrain>(caseId);

        // B arrives holding A's case id, as two colliding 相談する events once made them.
        Assert.False(await shared.OpenAsync(new CaseRequest(s.TenantId, $"テスト県{s.Area}", bKey, Urgent: false, null, "Bの最初の言葉")));
        Assert.Equal(CaseStatus.Closed, await shared.FromConsulteeAsync(bKey, "b-event-1", s.Now, "Bの秘密", crisis: false));
        Assert.False(await shared.AnswerSurveyAsync(bKey, 5));
        await shared.LeaveMessageAsync(bKey);
        Assert.Equal(CaseStatus.Closed, await shared.RetryRoutingAsync(bKey));
        await shared.ConsulteeLeftAsync(bKey);

        // Nothing of B reached A's counselor, nothing reached B from A's chat, and A's chat goes on.
        Assert.DoesNotContain(counselor.Texts, t => t.Contains("Bの", StringComparison.Ordinal));
        Assert.DoesNotContain(b.Texts, t => t.Contains("相談員とつながりました", StringComparison.Ordinal));
        var summary = await shared.GetSummaryAsync();
        Assert.Equal(CaseStatus.Connected, summary.Status);
        await a.SayAsync("Aのつづき");
        await counselor.ExpectAsync("Aのつづき");
        await counselor.SayAsync("Aへのこたえ");
        await a.ExpectAsync("Aへのこたえ");
        Assert.DoesNotContain(b.Texts, t => t.Contains("Aへのこたえ", StringComparison.Ordinal));
    }

    [Fact]
    public void Case_ids_carry_130_bits_are_stable_and_keep_a_short_tag()
    {
        var id = CaseIds.For("consultee:abc/event-1");
        Assert.Equal(CaseIds.Length, id.Length);
        Assert.Equal(id, CaseIds.For("consultee:abc/event-1"));
        Assert.Equal("#" + id[..4], CaseIds.Tag(id));
        var many = Enumerable.Range(0, 200_000).Select(i => CaseIds.For($"consultee:u{i}/e{i}")).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(200_000, many.Count);
        // Every character position uses the whole alphabet: no bits wasted on a constant.
        for (var position = 0; position < CaseIds.Length; position++)
        {
            Assert.Equal(32, many.Take(5_000).Select(x => x[position]).Distinct().Count());
        }
    }
}
