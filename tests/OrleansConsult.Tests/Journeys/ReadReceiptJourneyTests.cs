using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// Honest 既読 through the simulator: her messages are marked read (POST /v2/bot/chat/markAsRead)
/// only when a person has them in front of her, never when the bot merely received them; while she
/// waits to be connected her chat shows LINE's loading animation.
/// </summary>
public sealed class ReadReceiptJourneyTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X";

    [Fact]
    public async Task Her_messages_are_read_only_when_the_counselor_accepts_them_or_answers_and_she_sees_loading_while_waiting()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10));
        var herId = "Uread" + Guid.NewGuid().ToString("N");
        var counselor = await journey.OnShiftAsync("Ustaff-read-" + herId[^6..], Sakura);
        var she = await journey.ReadyConsulteeAsync(herId, "高岡市");
        var her = journey.Users.User("consultee", herId);
        bool IsRead(string eventId) => journey.Simulator.Signals("consultee", herId).ReadEventIds.Contains(eventId);

        // The bot answers her, but no person read it: no 既読.
        var faq = (await her.SendTextAsync("よくある質問")).Event.WebhookEventId;
        await she.ExpectAsync("よくある質問です");

        // Her case is offered, not yet accepted: she waits, and sees the loading animation.
        var ask = (await her.SendTextAsync("相談する")).Event.WebhookEventId;
        await she.ExpectAsync("相談員におつなぎしています");
        var waiting = (await her.SendTextAsync("検査薬が陽性でした")).Event.WebhookEventId;
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(journey.Simulator.Signals("consultee", herId).LoadingStarts >= 1), TimeSpan.FromSeconds(10)),
            "no loading animation while she waits");
        Assert.Empty(journey.Simulator.Signals("consultee", herId).ReadEventIds);

        // A counselor accepts the case with what she wrote while waiting: now it is read.
        await counselor.AnswerOfferAsync(accept: true);
        await counselor.ExpectAsync("検査薬が陽性でした");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(IsRead(waiting)), TimeSpan.FromSeconds(10)), "accepted with her waiting messages, yet not read");
        Assert.True(IsRead(ask) && IsRead(faq), "read marks everything up to her latest worked message");

        // Relayed to the counselor's phone is not read: only the counselor's answer makes it so.
        var next = (await her.SendTextAsync("誰にも言えません")).Event.WebhookEventId;
        await counselor.ExpectAsync("誰にも言えません");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(IsRead(next), "marked read before any person answered");
        await counselor.SayAsync("話してくれてありがとう");
        await she.ExpectAsync("話してくれてありがとう");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(IsRead(next)), TimeSpan.FromSeconds(10)), "the counselor answered, yet not read");
    }

    [Fact]
    public async Task Switching_to_her_case_marks_what_she_wrote_read()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10));
        var suffix = Guid.NewGuid().ToString("N");
        var counselor = await journey.OnShiftAsync("Ustaff-switch-" + suffix[..6], Sakura);
        var hana = await journey.ReadyConsulteeAsync("Uhana" + suffix, "高岡市");
        await hana.SayAsync("相談する");
        var hanaCase = await counselor.AnswerOfferAsync(accept: true);
        await hana.ExpectAsync("相談員とつながりました");
        var yui = await journey.ReadyConsulteeAsync("Uyui" + suffix, "高岡市");
        await yui.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true, offerNumber: 2);
        await yui.ExpectAsync("相談員とつながりました");

        // Hana writes while her counselor's current case is Yui's: relayed, not read.
        var written = (await journey.Users.User("consultee", hana.UserId).SendTextAsync("まだいますか")).Event.WebhookEventId;
        var relayed = await counselor.ExpectAsync("まだいますか");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(written, journey.Simulator.Signals("consultee", hana.UserId).ReadEventIds);

        // She taps Hana's tag: Hana's case is in front of her now.
        await counselor.TapAsync(relayed.Postback($"#{hanaCase[..4]}")!);
        await counselor.ExpectAsync($"送り先を #{hanaCase[..4]} に切り替えました");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(journey.Simulator.Signals("consultee", hana.UserId).ReadEventIds.Contains(written)),
            TimeSpan.FromSeconds(10)), "switched to her case, yet not read");
    }
}
