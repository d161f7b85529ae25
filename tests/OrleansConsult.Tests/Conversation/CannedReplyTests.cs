using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// 定型文 on the counselor's LINE: /定型 lists the titles of her current case's tenant as quick replies (paged
/// past LINE's 13), a tap sends the text with the case's placeholders filled to the consultee as her own message,
/// into the transcript like a typed one; without a case she is told so and nothing is sent.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CannedReplyTests(ClusterFixture fixture)
{
    private ProgramDirectory Directory => ((InProcessSiloHandle)fixture.Cluster.Primary).ServiceProvider.GetRequiredService<ProgramDirectory>();

    private static IReadOnlyList<PostbackAction> QuickPostbacks(SentMessage message) =>
        message.Message.QuickReply?.Items.Select(i => i.Action).OfType<PostbackAction>().ToList() ?? [];

    /// <summary>A consultee of the scenario's area connected to its counselor c1 (Tuesday 10:00, open).</summary>
    private static async Task<(Person Counselor, Person She, string CaseId)> ConnectedAsync(Scenario s)
    {
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
        return (counselor, she, caseId);
    }

    private async Task WithProgramAsync(Func<ProgramConfiguration, ProgramConfiguration> change, Func<Task> body)
    {
        var original = Directory.Program;
        Directory.Use(change(original));
        try
        {
            await body();
        }
        finally
        {
            Directory.Use(original);
        }
    }

    private static ProgramConfiguration WithTenantReplies(ProgramConfiguration program, string tenantId, IReadOnlyList<CannedReply> replies) =>
        program with { Tenants = program.Tenants.Select(t => t.Id == tenantId ? t with { CannedReplies = replies } : t).ToList() };

    [Fact]
    public async Task Without_a_case_she_is_told_so_and_nothing_is_sent()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var counselor = await s.OnShiftAsync("c1");
        await counselor.SayAsync("/定型");
        var answer = await counselor.ExpectAsync("対応中の相談がないため、定型文は送れません");
        Assert.DoesNotContain(QuickPostbacks(answer), a => a.Data.StartsWith(Say.CannedSendPrefix, StringComparison.Ordinal));

        // A tap on an old list after her case ended sends nothing either.
        await counselor.TapAsync(Say.CannedSendPrefix + "あいさつ");
        await counselor.ExpectAsync("対応中の相談がないため、定型文は送れません", atLeast: 2);
        Assert.DoesNotContain(counselor.Texts, t => t.Contains("を送りました", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_titles_are_quick_replies_and_a_tap_relays_the_text_as_hers_into_the_transcript()
    {
        var s = new Scenario(fixture);
        var (counselor, she, caseId) = await ConnectedAsync(s);

        await counselor.SayAsync("/定型");
        var list = await counselor.ExpectAsync("に送る定型文を選んでください");
        Assert.Contains($"#{caseId[..4]}", list.Text);
        Assert.Equal(Directory.Program.CannedReplies.Select(c => c.Title), QuickPostbacks(list).Select(a => a.Label));
        Assert.DoesNotContain(QuickPostbacks(list), a => a.Label == "次へ");

        var greeting = QuickPostbacks(list).First(a => a.Label == "あいさつ");
        await counselor.TapAsync(greeting.Data);
        var text = Directory.Program.CannedReplies.First(c => c.Title == "あいさつ").Text;
        var relayed = await she.ExpectAsync(text);
        Assert.IsType<TextMessage>(relayed.Message);
        var confirmation = await counselor.ExpectAsync("定型文「あいさつ」を送りました");
        Assert.Contains(text, confirmation.Text);

        var transcript = await ClusterFixture.Transcripts.ReadAsync(caseId);
        var entry = Assert.Single(transcript, t => t.Text == text);
        Assert.Equal(TranscriptAuthor.Counselor, entry.Author);
    }

    [Fact]
    public async Task Placeholders_are_filled_for_the_case()
    {
        var s = new Scenario(fixture);
        await WithProgramAsync(p => WithTenantReplies(p, s.TenantId,
            [new CannedReply("受付と電話", "{area}の窓口です。\n受付時間：{hours}\n電話：\n{phones}\n{unknown}はそのまま")]), async () =>
        {
            var (counselor, she, caseId) = await ConnectedAsync(s);
            await counselor.TapAsync(Say.CannedSendPrefix + "受付と電話");
            var sent = await she.ExpectAsync($"テスト県{s.Area}の窓口です。");
            Assert.Contains("受付時間：" + Directory.Dispatcher($"tenant:{s.TenantId}").Schedule.DescribeWeeklyHours() + "\n", sent.Text);
            Assert.Contains("火・木・土 9:00〜13:00", sent.Text);
            Assert.Contains($"・テスト窓口{s.Area} 0120-000-{s.Area:000}（火・木・土 9:00〜13:00）", sent.Text);
            Assert.Contains("{unknown}はそのまま", sent.Text);
            Assert.DoesNotContain("{area}", sent.Text);
            Assert.Contains((await ClusterFixture.Transcripts.ReadAsync(caseId)), t => t.Text == sent.Text);
        });
    }

    [Fact]
    public async Task More_than_thirteen_titles_are_paged_with_next()
    {
        var s = new Scenario(fixture);
        var own = Enumerable.Range(1, 15).Select(n => new CannedReply($"定型{n:00}", $"本文{n:00}")).ToList();
        await WithProgramAsync(p => WithTenantReplies(p, s.TenantId, own), async () =>
        {
            var (counselor, she, _) = await ConnectedAsync(s);
            var all = own.Select(c => c.Title).Concat(Directory.Program.CannedReplies.Select(c => c.Title)).ToList();
            Assert.Equal(19, all.Count);

            await counselor.SayAsync("/定型");
            var first = await counselor.ExpectAsync("（1〜12件目／全19件）");
            var items = QuickPostbacks(first);
            Assert.Equal(13, first.Message.QuickReply!.Items.Count); // LINE's limit
            Assert.Equal(all.Take(12), items.Take(12).Select(a => a.Label));
            Assert.Equal("次へ", items[^1].Label);

            await counselor.TapAsync(items[^1].Data);
            var second = await counselor.ExpectAsync("（13〜19件目／全19件）");
            Assert.Equal(all.Skip(12), QuickPostbacks(second).Select(a => a.Label));

            await counselor.TapAsync(QuickPostbacks(second).First(a => a.Label == "定型14").Data);
            await she.ExpectAsync("本文14");
        });
    }

    [Fact]
    public async Task A_title_no_longer_in_the_program_sends_nothing_and_says_so()
    {
        var s = new Scenario(fixture);
        var (counselor, she, _) = await ConnectedAsync(s);
        var before = she.Received.Count;
        await counselor.TapAsync(Say.CannedSendPrefix + "消えた定型文");
        await counselor.ExpectAsync("定型文「消えた定型文」は見つかりませんでした");
        Assert.Equal(before, she.Received.Count);
    }

    [Theory]
    [InlineData(4, 0, 4, null)]
    [InlineData(13, 0, 13, null)]
    [InlineData(14, 0, 12, 12)]
    [InlineData(14, 12, 2, null)]
    [InlineData(30, 12, 12, 24)]
    [InlineData(30, 24, 6, null)]
    public void A_page_holds_at_most_thirteen_items(int total, int from, int shown, int? next)
    {
        var page = CannedReplyPage.Of(Enumerable.Range(0, total).Select(n => $"t{n}").ToList(), from);
        Assert.Equal(shown, page.Titles.Count);
        Assert.Equal(next, page.NextFrom);
        Assert.True(page.Titles.Count + (page.NextFrom is null ? 0 : 1) <= CannedReplyPage.MaxItems);
        Assert.Equal($"t{from}", page.Titles[0]);
    }
}
