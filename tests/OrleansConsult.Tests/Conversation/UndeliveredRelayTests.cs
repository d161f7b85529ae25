using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Tests.Conversation;

/// <summary>§8 on the grains: a relay LINE refuses is parked, and its sender is told in the chat that it did not arrive.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UndeliveredRelayTests(ClusterFixture fixture)
{
    [Fact]
    public async Task She_is_told_when_her_message_could_not_reach_her_counselor()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");

        s.Outbound.Refuse(counselor.UserId);
        await she.SayAsync("届いていますか");

        await she.ExpectAsync(BotText.Get("RelayNotDelivered"));
        Assert.Contains(s.Outbound.ParkedFor(counselor.UserId), m => m.Text.EndsWith("届いていますか", StringComparison.Ordinal));
        Assert.Equal(0, counselor.Count("届いていますか"));

        // Delivered normally again: no notice.
        s.Outbound.Accept(counselor.UserId);
        await she.SayAsync("二通目");
        await counselor.ExpectAsync("二通目");
        Assert.Equal(1, she.Count(BotText.Get("RelayNotDelivered")));
    }

    [Fact]
    public async Task The_counselor_is_told_when_her_answer_could_not_reach_the_consultee()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");

        s.Outbound.Refuse(she.UserId);
        await counselor.SayAsync("お返事です");

        await counselor.ExpectAsync(BotText.Format("Staff.RelayNotDelivered", $"#{caseId[..4]}"));
        Assert.Contains(s.Outbound.ParkedFor(she.UserId), m => m.Text == "お返事です");
        Assert.Equal(0, she.Count("お返事です"));
        s.Outbound.Accept(she.UserId);
    }
}
