using OrleansConsult.Load;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// The place a consultee hears when her case is queued (issue 14's surge checks it at the LINE side): every case
/// ahead of her that no counselor has accepted yet, whether or not its card is out, urgent ones included.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class QueuePlaceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_place_she_hears_counts_cases_on_offer_and_urgent_ones_ahead_and_not_those_accepted()
    {
        var s = new Scenario(fixture, withoutPool: true);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var counselor = await s.OnShiftAsync("c1"); // two cases at a time, one offer at a time

        var first = await s.ReadyConsulteeAsync("first");
        await first.SayAsync("相談する");
        Assert.DoesNotContain("番目", (await first.ExpectAsync("相談員におつなぎしています")).Text);
        await counselor.ExpectAsync("新しい相談があります");

        var second = await s.ReadyConsulteeAsync("second");
        await second.SayAsync("相談する");
        Assert.Contains("現在2番目", (await second.ExpectAsync("相談員におつなぎしています")).Text); // first's card is out, not yet accepted

        await counselor.AnswerOfferAsync(accept: true);
        await first.ExpectAsync("相談員とつながりました");
        await counselor.ExpectAsync("新しい相談があります", 2); // second's card

        var third = await s.ReadyConsulteeAsync("third");
        await third.SayAsync("相談する");
        Assert.Contains("現在2番目", (await third.ExpectAsync("相談員におつなぎしています")).Text); // second on offer; first accepted

        var urgent = await s.ReadyConsulteeAsync("urgent");
        await urgent.SayAsync("もう死にたい");
        await urgent.ExpectAsync("相談員におつなぎしています");

        var fifth = await s.ReadyConsulteeAsync("fifth");
        await fifth.SayAsync("相談する");
        Assert.Contains("現在4番目", (await fifth.ExpectAsync("相談員におつなぎしています")).Text); // urgent, second, third
    }

    [Fact]
    public async Task Each_offer_card_goes_out_under_a_retry_key_that_tells_its_offer_number()
    {
        // The surge's place check reads offers' order from these keys (OfferNumbers); this keeps it from going blind unnoticed.
        var s = new Scenario(fixture, withoutPool: true);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var first = await s.ReadyConsulteeAsync("first");
        await first.SayAsync("相談する");
        var second = await s.ReadyConsulteeAsync("second");
        await second.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true);
        await counselor.ExpectAsync("新しい相談があります", 2);

        var cards = counselor.Received.Where(m => m.Text.Contains("新しい相談があります", StringComparison.Ordinal)).ToList();
        var numbers = OfferNumbers.Read(counselor.CounselorId!, $"tenant:{s.TenantId}", 1_000, cards.Select(c => (Guid?)c.RetryKey).ToList());

        Assert.Equal(2, numbers.Count);
        Assert.True(numbers[0] > 0 && numbers[1] > numbers[0], $"offer numbers read back: {string.Join(", ", numbers)}");
    }
}
