using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// Answers a phone can read and 定型文, through the Host's webhook endpoint and the LINE simulator with the sample
/// program: a closed-hours consultee gets a compact card whose buttons lead to leaving a message, the phone
/// numbers and the emergency numbers; a counselor's /定型 sends a canned reply with her case's placeholders filled.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CompactAnswerJourneyTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X"; // tym-c01

    [Fact]
    public async Task A_closed_hours_consultee_gets_a_compact_card_whose_buttons_work()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(7)); // Toyama opens at 9:00, the pool at 18:00
        var she = await journey.ReadyConsulteeAsync("Ucard", "射水市");
        await she.SayAsync("相談する");

        var card = await she.ExpectAsync("ただいま受付時間外です");
        var delivery = journey.Simulator.Deliveries("consultee", "Ucard").Single(d => d.Sequence == card.Sequence);
        Assert.Equal("flex", delivery.Message.GetProperty("type").GetString());
        Assert.Contains("次の受付は 12月1日（火）9:00 からです", card.Text);
        Assert.DoesNotContain("0120-000-101", card.Text); // the numbers sit one tap away
        Assert.DoesNotContain("0120-000-101", delivery.Message.GetRawText());
        Assert.True(card.Text.Split('\n').Length <= 8, $"the summary is not short:\n{card.Text}");
        Assert.Equal("leave", card.Postback("メッセージを残す"));
        var phones = card.Postback("電話で相談");
        var emergency = card.Postback("緊急のとき");
        Assert.NotNull(phones);
        Assert.NotNull(emergency);

        await she.TapAsync(phones!);
        var numbers = await she.ExpectAsync("電話でも相談できます");
        Assert.Contains("0120-000-101", numbers.Text);
        Assert.Contains(numbers.Buttons, b => b.Uri == "tel:0120000101");

        await she.TapAsync(emergency!);
        var sos = await she.ExpectAsync("【緊急のとき】");
        Assert.Contains("119", sos.Text);
        Assert.Contains(sos.Buttons, b => b.Uri == "tel:119");

        await she.TapAsync(card.Postback("メッセージを残す")!);
        await she.ExpectAsync("相談したいことをこのトークに送ってください");
        await she.SayAsync("朝になったら相談したいです");
        await she.ExpectAsync("メッセージをお預かりしました");
    }

    [Fact]
    public async Task A_canned_reply_reaches_the_consultee_with_her_case_filled_in()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10));
        var counselor = await journey.OnShiftAsync("Ustaff-canned", Sakura);
        var she = await journey.ReadyConsulteeAsync("Ucanned", "射水市");
        await she.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");

        await counselor.SayAsync("/定型");
        var list = await counselor.ExpectAsync("に送る定型文を選んでください");
        Assert.Equal("富山県の電話窓口", list.Buttons[0].Label); // the tenant's own first, then the national ones
        Assert.Contains(list.Buttons, b => b.Label == "あいさつ");
        await counselor.TapAsync(list.Buttons[0].Data!);

        var sent = await she.ExpectAsync("射水市からの電話相談は");
        Assert.Contains("・とやま妊娠・出産ほっとライン（NPO） 0120-000-101", sent.Text);
        Assert.Contains("LINEの受付時間：火・木・土", sent.Text);
        await counselor.ExpectAsync("定型文「富山県の電話窓口」を送りました");
    }
}
