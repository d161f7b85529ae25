using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConsulteeGrainTests(ClusterFixture fixture)
{
    private string _userId = "";

    private InboundLineEvent Text(string text, string? id = null, string? replyToken = null, bool standby = false) =>
        Events.Text(text, id, replyToken, standby) with { UserId = _userId };

    private IConsulteeGrain NewConsultee() =>
        fixture.Grains.GetGrain<IConsulteeGrain>(GrainKeys.LineUser("consultee", _userId = "U" + Guid.NewGuid().ToString("N")));

    private Task<bool> AnsweredAsync(int messages) =>
        Eventually.TrueAsync(() => Task.FromResult(ClusterFixture.Outbound.To(_userId).Count >= messages), TimeSpan.FromSeconds(10));

    private async Task DrainedAsync(IConsulteeGrain grain) =>
        Assert.True(await Eventually.TrueAsync(async () => (await grain.GetSnapshotAsync()).Pending.Count == 0, TimeSpan.FromSeconds(10)));

    [Fact]
    public async Task Same_webhook_event_id_takes_effect_once()
    {
        var grain = NewConsultee();
        var first = Text("こんにちは", id: "01HXEVENT1");
        var redelivered = first with { IsRedelivery = true, ReplyToken = "other-token" };

        Assert.Equal(AcceptOutcome.Accepted, await grain.AcceptAsync(first));
        Assert.Equal(AcceptOutcome.Duplicate, await grain.AcceptAsync(redelivered));
        Assert.Equal(AcceptOutcome.Duplicate, await grain.AcceptAsync(first));

        var snapshot = await grain.GetSnapshotAsync();
        Assert.Equal(1, snapshot.EventsAccepted);
        Assert.Equal(2, snapshot.DuplicatesDropped);
        // The bot answered the one event once: welcome and privacy notice with the consent buttons.
        await DrainedAsync(grain);
        Assert.True(await AnsweredAsync(2));
        Assert.Equal(2, ClusterFixture.Outbound.To(_userId).Count);
    }

    [Fact]
    public async Task A_batch_keeps_order_and_drops_repeats_within_it()
    {
        var grain = NewConsultee();
        var first = Text("1", id: "B1");
        var outcomes = await grain.AcceptBatchAsync([first, Text("2", id: "B2"), first]);

        Assert.Equal([AcceptOutcome.Accepted, AcceptOutcome.Accepted, AcceptOutcome.Duplicate], outcomes);
        await DrainedAsync(grain);
        Assert.Equal(2, (await grain.GetSnapshotAsync()).EventsAccepted);
    }

    [Fact]
    public async Task The_bot_answers_with_the_reply_token_once_then_pushes()
    {
        var grain = NewConsultee();
        await grain.AcceptAsync(Text("a", replyToken: "token-1"));
        await DrainedAsync(grain);
        Assert.True(await AnsweredAsync(2));
        Assert.All(ClusterFixture.Outbound.To(_userId), m => Assert.Equal(OrleansConsult.Line.Sending.SendPath.Reply, m.Path));
        // Spent by the answer: nothing left to hand out.
        Assert.Null(await grain.TakeReplyTokenAsync(TimeSpan.FromSeconds(50)));

        // Delivered later (as a relay would be), with no fresh token: a push.
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(51));
        await grain.DeliverAsync([new Outgoing("later")], Guid.NewGuid());
        Assert.Equal(OrleansConsult.Line.Sending.SendPath.Push, ClusterFixture.Outbound.To(_userId)[^1].Path);
    }

    [Fact]
    public async Task Standby_event_is_recorded_but_leaves_no_reply_token()
    {
        var grain = NewConsultee();
        Assert.Equal(AcceptOutcome.Accepted, await grain.AcceptAsync(Text("standby", standby: true)));

        Assert.Null(await grain.TakeReplyTokenAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(1, (await grain.GetSnapshotAsync()).EventsAccepted);
        await DrainedAsync(grain);
        Assert.Empty(ClusterFixture.Outbound.To(_userId)); // the bot never answers standby events
    }

    [Fact]
    public async Task Dedup_window_forgets_only_the_oldest_ids()
    {
        var grain = NewConsultee();
        for (var i = 0; i < 600; i++)
        {
            await grain.AcceptAsync(Text("m", id: $"E{i}"));
        }
        Assert.Equal(EventIdHash.OfAll(Enumerable.Range(88, 512).Select(i => $"E{i}")), (await grain.GetSnapshotAsync()).RecentEventHashes);

        Assert.Equal(AcceptOutcome.Duplicate, await grain.AcceptAsync(Text("m", id: "E599")));
        Assert.Equal(AcceptOutcome.Duplicate, await grain.AcceptAsync(Text("m", id: "E100")));
        Assert.Equal(AcceptOutcome.Accepted, await grain.AcceptAsync(Text("m", id: "E0")));
        Assert.Equal(EventIdHash.OfAll(Enumerable.Range(89, 511).Select(i => $"E{i}").Append("E0")), (await grain.GetSnapshotAsync()).RecentEventHashes);
    }
}
