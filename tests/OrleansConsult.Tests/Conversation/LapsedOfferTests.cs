using System.Diagnostics.Metrics;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// No consultee left unanswered: a lapsed offer with nobody else free goes back to the queue and is
/// offered again (to the same counselor after the pause, or to the pool), 出勤 offers what waits, the
/// consultee hears what is happening (once per state), and a breach of the queue invariant is repaired.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LapsedOfferTests(ClusterFixture fixture)
{
    private static readonly TimeSpan PastDeadline = TimeSpan.FromSeconds(61); // the test program's offer timeout is 60 s
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(60);        // and its re-offer pause 60 s

    [Fact]
    public async Task A_left_message_whose_only_counselor_lets_the_offer_lapse_is_offered_to_her_again()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 7); // the area opens at 9:00, its pool only at 18:00
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await she.ExpectAsync("ただいま受付時間外です");
        await she.TapAsync("leave");
        await she.SayAsync("夜に不安になりました");
        await she.ExpectAsync("メッセージをお預かりしました");

        s.Advance(TimeSpan.FromHours(1)); // 8:00: she comes on shift before the opening, and is told so
        var counselor = await s.OnShiftAsync("c1");
        var onShift = await counselor.ExpectAsync("状態を「出勤」にしました");
        Assert.Contains("ただいま受付時間外です。次の受付は", onShift.Text);
        Assert.Contains("9:00 からです", onShift.Text);

        s.Advance(TimeSpan.FromHours(1)); // 9:00: the left message is offered
        await s.TickAsync();
        await counselor.ExpectAsync("新しい相談があります");

        s.Advance(PastDeadline);
        await s.TickAsync();
        var lapsed = await counselor.ExpectAsync("時間切れのため");
        Assert.Contains("待ち行列に戻しました", lapsed.Text); // not "to the next counselor": there is none
        Assert.DoesNotContain("ほかの相談員", lapsed.Text);
        await she.ExpectAsync("お待たせしています");

        s.Advance(Pause);
        await s.TickAsync();
        await counselor.ExpectAsync("新しい相談があります", 2);

        // Lapsed again; a break and 出勤 offer it at once, without waiting out the pause.
        s.Advance(PastDeadline);
        await s.TickAsync();
        await counselor.ExpectAsync("時間切れのため", 2);
        await counselor.SayAsync("休憩");
        await counselor.SayAsync("出勤");
        var caseId = await counselor.AnswerOfferAsync(accept: true, offerNumber: 3);
        await she.ExpectAsync("相談員とつながりました");
        Assert.Equal(caseId, (await she.AsConsultee.GetProfileAsync()).OpenCaseId);

        Assert.Equal(1, she.Count("お待たせしています")); // one note for the state "still looking", not one per lapse
        Assert.DoesNotContain(she.Texts, t => t.Contains("受付時間外", StringComparison.Ordinal) && t.Contains("受付中", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_case_whose_only_counselor_lets_the_offer_lapse_with_no_overflow_is_offered_again()
    {
        var s = new Scenario(fixture, withoutPool: true);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await she.ExpectAsync("相談員におつなぎしています");
        await counselor.ExpectAsync("新しい相談があります");

        s.Advance(PastDeadline);
        await s.TickAsync();
        await counselor.ExpectAsync("待ち行列に戻しました");
        var note = await she.ExpectAsync("お待たせしています");
        Assert.Contains("対応できる担当者を探しています", note.Text);
        Assert.Single((await s.LocalDispatcher.GetSnapshotAsync()).Queue);

        s.Advance(Pause - TimeSpan.FromSeconds(1)); // the pause is not over: nothing yet
        await s.TickAsync();
        Assert.Equal(1, counselor.Count("新しい相談があります"));
        s.Advance(TimeSpan.FromSeconds(1));
        await s.TickAsync();
        await counselor.ExpectAsync("新しい相談があります", 2);
        s.Advance(PastDeadline);
        await s.TickAsync();
        await counselor.ExpectAsync("時間切れのため", 2);
        s.Advance(Pause);
        await s.TickAsync();
        await counselor.AnswerOfferAsync(accept: true, offerNumber: 3);
        await she.ExpectAsync("相談員とつながりました");

        Assert.Equal(1, she.Count("お待たせしています"));
        Assert.Equal(0, she.Count("対応できる相談員がいません"));
        Assert.Equal(0, she.Count("受付時間外"));
    }

    [Fact]
    public async Task A_lapsed_offer_with_nobody_else_free_goes_to_the_open_pool_and_both_hear_where()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Monday, 18, 30); // area open 17–20, pool open 18–22
        var counselor = await s.OnShiftAsync("c1");
        var nurse = await s.OnShiftAsync("n1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await she.ExpectAsync("相談員におつなぎしています");
        await counselor.ExpectAsync("新しい相談があります");

        s.Advance(PastDeadline);
        await s.TickAsync();
        await counselor.ExpectAsync($"時間切れのため、看護師チーム{s.Area}に回しました");
        await she.ExpectAsync($"看護師チーム{s.Area}におつなぎしています");
        var caseId = await nurse.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("看護師とつながりました");
        var journal = (await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync()).Journal;
        Assert.Contains(journal, j => j.Step == "overflowed" && j.Reason == "offer lapsed");
    }

    [Fact]
    public async Task Overflow_at_the_maximum_wait_tells_her_who_she_is_waiting_for_now()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Monday, 18, 30);
        var counselor = await s.OnShiftAsync("c1");
        await counselor.SayAsync("休憩");
        var nurse = await s.OnShiftAsync("n1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await she.ExpectAsync("相談員におつなぎしています");

        s.Advance(TimeSpan.FromMinutes(3));
        await s.TickAsync();
        await she.ExpectAsync($"看護師チーム{s.Area}におつなぎしています");
        await nurse.ExpectAsync("新しい相談があります");
        Assert.Equal(1, she.Count($"看護師チーム{s.Area}におつなぎしています"));
    }

    [Fact]
    public async Task At_the_maximum_wait_with_the_pool_closed_she_keeps_her_place()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10); // the pool opens only at 18:00
        var counselor = await s.OnShiftAsync("c3"); // one case at a time
        var first = await s.ReadyConsulteeAsync("first");
        await first.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true);
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await she.ExpectAsync("相談員におつなぎしています");

        s.Advance(TimeSpan.FromMinutes(4));
        await s.TickAsync();
        Assert.Single((await s.LocalDispatcher.GetSnapshotAsync()).Queue);
        Assert.Equal(0, she.Count("対応できる相談員がいません"));
        await counselor.SayAsync("/終了");
        await counselor.AnswerOfferAsync(accept: true, offerNumber: 2);
        await she.ExpectAsync("助産師とつながりました"); // c3 is a midwife
    }

    [Fact]
    public async Task A_breach_of_the_queue_invariant_is_counted_and_repaired_by_offering_again()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var card = await counselor.ExpectAsync("新しい相談があります");
        var caseId = card.Postback("対応する")!.Split(':')[^1];

        long breaches = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ConversationMetrics.MeterName && instrument.Name == "oc_routing_invariant_breaches")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "dispatcher" && (string?)tag.Value == $"tenant:{s.TenantId}")
                {
                    Interlocked.Add(ref breaches, value);
                }
            }
        });
        listener.Start();

        // Force a breach: her grain drops the offer behind the dispatcher's back (as a lost or stray message would).
        await counselor.AsCounselor.OfferWithdrawnAsync(caseId, "lost");
        Assert.True(await Eventually.TrueAsync(async () => (await counselor.AsCounselor.GetSnapshotAsync()).PendingOffers.Count == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal(counselor.CounselorId, (await s.LocalDispatcher.GetSnapshotAsync()).OffersByCase[caseId]);

        await counselor.SayAsync("出勤"); // her next report shows she does not hold it
        await counselor.ExpectAsync("新しい相談があります", 2);
        Assert.Equal(1, Interlocked.Read(ref breaches));
        Assert.Equal(counselor.CounselorId, (await s.LocalDispatcher.GetSnapshotAsync()).OffersByCase[caseId]);
        var journal = (await s.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync()).Journal;
        Assert.Contains(journal, j => j.Step == "requeued" && j.Reason == "repair: OfferNotHeld");

        await counselor.AnswerOfferAsync(accept: true, offerNumber: 2);
        await she.ExpectAsync("相談員とつながりました");
        Assert.Equal(1, Interlocked.Read(ref breaches)); // repaired: no further breach
    }

    [Fact]
    public async Task A_crisis_consultee_nobody_can_take_hears_no_out_of_hours_while_the_area_is_open()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10); // open, nobody on shift, the pool closed
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("もう死にたい");
        await she.ExpectAsync("あなたのことがとても心配です");
        var answer = await she.ExpectAsync("対応できる相談員がいません");
        Assert.DoesNotContain("受付時間外", answer.Text);
        Assert.DoesNotContain("受付中", answer.Text);
        Assert.Contains("受付時間：", answer.Text);
        Assert.NotNull(answer.Postback("メッセージを残す"));
    }

    [Fact]
    public async Task The_offer_card_names_its_title_once_gives_minutes_and_no_empty_brackets()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var card = await counselor.ExpectAsync("新しい相談があります");
        Assert.Equal(1, card.Text.Split("新しい相談があります").Length - 1); // the notification text (altText)
        Assert.Contains("1分以内", card.Text);
        Assert.DoesNotContain("秒以内", card.Text);
        Assert.Contains("（まだメッセージはありません）", card.Text);
        Assert.DoesNotContain("「（", card.Text);
    }
}
