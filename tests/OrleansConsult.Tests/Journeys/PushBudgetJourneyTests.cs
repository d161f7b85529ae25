using OrleansConsult.LineSimulator;
using Xunit.Abstractions;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// Paid pushes in a normal consultation, counted at the simulator (what LINE would bill): after the
/// case is connected, she and her counselor take turns; each relay should ride the recipient's own
/// fresh reply token (free) instead of a push. Every message is still delivered exactly once.
/// </summary>
public sealed class PushBudgetJourneyTests(ITestOutputHelper output)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X";
    private const int Turns = 10;

    [Fact]
    public async Task An_alternating_chat_sends_at_most_a_quarter_of_its_messages_as_pushes_and_each_exactly_once()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var counselor = await journey.OnShiftAsync("Ustaff-push-" + suffix, Sakura);
        var she = await journey.ReadyConsulteeAsync("Upush" + suffix, "高岡市");
        var start = LastSequence(journey);
        await she.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
        var connected = LastSequence(journey);

        for (var turn = 1; turn <= Turns; turn++)
        {
            await she.SayAsync($"相談者のメッセージ{turn:00}");
            await counselor.ExpectAsync($"相談者のメッセージ{turn:00}");
            await counselor.SayAsync($"相談員の返事{turn:00}");
            await she.ExpectAsync($"相談員の返事{turn:00}");
        }

        // The relays themselves (other messages, such as her counselor's own confirmations, are not the chat).
        var chat = journey.Simulator.Deliveries().Where(d => d.Sequence > connected && IsRelay(d)).ToList();
        var whole = journey.Simulator.Deliveries().Where(d => d.Sequence > start).ToList();
        var toCounselor = chat.Where(d => d.Channel == "staff").ToList();
        var toHer = chat.Where(d => d.Channel == "consultee").ToList();
        output.WriteLine($"chat relays: to counselor {Count(toCounselor, "reply")} replies / {Count(toCounselor, "push")} pushes; " +
            $"to her {Count(toHer, "reply")} replies / {Count(toHer, "push")} pushes");
        output.WriteLine($"whole consultation from 相談する: {Count(whole, "reply")} replies / {Count(whole, "push")} pushes");

        // Each relayed message arrived once, on the right phone.
        for (var turn = 1; turn <= Turns; turn++)
        {
            Assert.Equal(1, counselor.Count($"相談者のメッセージ{turn:00}"));
            Assert.Equal(1, she.Count($"相談員の返事{turn:00}"));
        }
        Assert.Equal((Turns, Turns), (toCounselor.Count, toHer.Count));
        Assert.True(Count(chat, "push") * 4 <= chat.Count,
            $"{Count(chat, "push")} of {chat.Count} relayed messages went out as paid pushes (at most a quarter allowed)");
        Assert.True(Count(whole, "push") * 4 <= whole.Count,
            $"{Count(whole, "push")} of {whole.Count} messages of the consultation went out as paid pushes (at most a quarter allowed)");
    }

    private static bool IsRelay(Delivery d)
    {
        var text = Received.From(d).Text;
        return text.Contains("相談者のメッセージ", StringComparison.Ordinal) || text.Contains("相談員の返事", StringComparison.Ordinal);
    }

    private static long LastSequence(JourneyHost journey) => journey.Simulator.Deliveries().Select(d => d.Sequence).DefaultIfEmpty(0).Max();

    private static int Count(IEnumerable<Delivery> deliveries, string via) => deliveries.Count(d => d.Via == via);
}
