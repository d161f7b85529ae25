using OrleansConsult.Grains.Conversation;
using OrleansConsult.LineSimulator;
using Xunit.Abstractions;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// Several events from one user in one webhook request: the answers they cause share replies (up to
/// LINE's 5 messages per reply, one token per reply) instead of one reply and the rest as pushes.
/// Counted at the simulator: reply requests, push requests, and every message exactly once, in order.
/// </summary>
public sealed class ReplyBatchJourneyTests(ITestOutputHelper output)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X";

    [Fact]
    public async Task Three_messages_in_one_request_reach_the_counselor_in_one_reply_on_her_one_token()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var counselor = await journey.OnShiftAsync("Ustaff-batch-" + suffix, Sakura);
        var she = await journey.ReadyConsulteeAsync("Ubatch" + suffix, "高岡市");
        await she.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
        // The counselor writes once: she holds one fresh reply token, the three relays below have only that one.
        await counselor.SayAsync("はじめまして");
        await she.ExpectAsync("はじめまして");

        var from = LastSequence(journey);
        var user = journey.Users.User("consultee", she.UserId);
        var texts = new[] { "まとめて送信1", "まとめて送信2", "まとめて送信3" };
        Assert.Equal(200, (await journey.Users.SendBatchAsync("consultee", texts.Select(user.TextEvent).ToList())).StatusCode);
        foreach (var text in texts)
        {
            await counselor.ExpectAsync(text);
        }

        var relays = journey.Simulator.Deliveries("staff", counselor.UserId, from).Where(d => Received.From(d).Text.Contains("まとめて送信", StringComparison.Ordinal)).ToList();
        Report("connected, 3 texts in one request → counselor", relays);
        Assert.Equal(texts.Select(_ => 1), texts.Select(counselor.Count));
        Assert.Equal(texts, relays.Select(d => Received.From(d).Text[(Received.From(d).Text.IndexOf("まとめて送信", StringComparison.Ordinal))..]));
        Assert.Equal((1, 0), (Requests(relays, "reply"), Requests(relays, "push")));
    }

    [Fact]
    public async Task A_tap_and_two_texts_in_one_request_are_answered_in_one_reply()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var she = await journey.ReadyConsulteeAsync("Ubatchtap" + suffix, "高岡市");

        var from = LastSequence(journey);
        var user = journey.Users.User("consultee", she.UserId);
        var events = new[] { user.PostbackEvent(Say.PhonesPostback), user.TextEvent("緊急のとき"), user.TextEvent("よくある質問") };
        Assert.Equal(200, (await journey.Users.SendBatchAsync("consultee", events)).StatusCode);
        Assert.True(await Infrastructure.Eventually.TrueAsync(
            () => Task.FromResult(journey.Simulator.Deliveries("consultee", she.UserId, from).Count >= 3), TimeSpan.FromSeconds(15)), "the three answers never arrived");
        await Task.Delay(1000); // anything still on its way (a second reply or a push) would land meanwhile

        var answers = journey.Simulator.Deliveries("consultee", she.UserId, from);
        Report("not in a case, a tap + 2 texts in one request → her answers", answers);
        Assert.Equal(0, Requests(answers, "push"));
        // As few replies as LINE allows: 5 messages per reply.
        Assert.Equal((answers.Count + 4) / 5, Requests(answers, "reply"));
        Assert.Equal(3, answers.Count);
    }

    [Fact]
    public async Task Three_messages_while_waiting_are_kept_for_the_counselor_and_reach_her_once()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var counselor = await journey.OnShiftAsync("Ustaff-wait-" + suffix, Sakura);
        var she = await journey.ReadyConsulteeAsync("Ubatchwait" + suffix, "高岡市");
        await she.SayAsync("相談する");
        await counselor.ExpectAsync("新しい相談があります");

        var from = LastSequence(journey);
        var user = journey.Users.User("consultee", she.UserId);
        var texts = new[] { "待機中のメッセージ1", "待機中のメッセージ2", "待機中のメッセージ3" };
        Assert.Equal(200, (await journey.Users.SendBatchAsync("consultee", texts.Select(user.TextEvent).ToList())).StatusCode);
        await Task.Delay(1500);
        var whileWaiting = journey.Simulator.Deliveries(afterSequence: from);
        Report("waiting, 3 texts in one request → anything sent", whileWaiting);

        await counselor.AnswerOfferAsync(accept: true);
        foreach (var text in texts)
        {
            await counselor.ExpectAsync(text);
        }
        var handedOver = journey.Simulator.Deliveries("staff", counselor.UserId, from);
        Report("… then accepted → the counselor's phone", handedOver);
        Assert.Equal(texts.Select(_ => 1), texts.Select(counselor.Count));
        Assert.Equal(0, Requests(whileWaiting, "push"));
    }

    private void Report(string what, IReadOnlyList<Delivery> deliveries) =>
        output.WriteLine($"{what}: {deliveries.Count} messages; {Requests(deliveries, "reply")} reply requests " +
            $"({deliveries.Count(d => d.Via == "reply")} messages), {Requests(deliveries, "push")} push requests ({deliveries.Count(d => d.Via == "push")} messages)");

    private static int Requests(IEnumerable<Delivery> deliveries, string via) =>
        deliveries.Where(d => d.Via == via).Select(d => d.RequestId).Distinct().Count();

    private static long LastSequence(JourneyHost journey) => journey.Simulator.Deliveries().Select(d => d.Sequence).DefaultIfEmpty(0).Max();
}
