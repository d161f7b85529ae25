using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConsulteeGrainTests(ClusterFixture fixture)
{
    private IConsulteeGrain NewConsultee() =>
        fixture.Grains.GetGrain<IConsulteeGrain>(GrainKeys.LineUser("consultee", "U" + Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task Same_webhook_event_id_takes_effect_once()
    {
        var grain = NewConsultee();
        var first = Events.Text("こんにちは", id: "01HXEVENT1");
        var redelivered = first with { IsRedelivery = true, ReplyToken = "other-token" };

        Assert.Equal(AcceptOutcome.Accepted, await grain.AcceptAsync(first));
        Assert.Equal(AcceptOutcome.Duplicate, await grain.AcceptAsync(redelivered));
        Assert.Equal(AcceptOutcome.Duplicate, await grain.AcceptAsync(first));

        var snapshot = await grain.GetSnapshotAsync();
        Assert.Equal(1, snapshot.EventsAccepted);
        Assert.Equal(2, snapshot.DuplicatesDropped);
        Assert.Single(snapshot.Pending);
        Assert.Equal("こんにちは", snapshot.Pending[0].Text);
    }

    [Fact]
    public async Task A_batch_keeps_order_and_drops_repeats_within_it()
    {
        var grain = NewConsultee();
        var first = Events.Text("1", id: "B1");
        var outcomes = await grain.AcceptBatchAsync([first, Events.Text("2", id: "B2"), first]);

        Assert.Equal([AcceptOutcome.Accepted, AcceptOutcome.Accepted, AcceptOutcome.Duplicate], outcomes);
        Assert.Equal(["1", "2"], (await grain.GetSnapshotAsync()).Pending.Select(e => e.Text));
    }

    [Fact]
    public async Task Reply_token_is_handed_out_once_and_only_while_fresh()
    {
        var grain = NewConsultee();
        await grain.AcceptAsync(Events.Text("a", replyToken: "token-1"));

        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(20));
        var lease = await grain.TakeReplyTokenAsync(TimeSpan.FromSeconds(50));
        Assert.Equal("token-1", lease?.Token);
        Assert.Null(await grain.TakeReplyTokenAsync(TimeSpan.FromSeconds(50)));

        await grain.AcceptAsync(Events.Text("b", replyToken: "token-2"));
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(51));
        Assert.Null(await grain.TakeReplyTokenAsync(TimeSpan.FromSeconds(50)));
    }

    [Fact]
    public async Task Standby_event_is_recorded_but_leaves_no_reply_token()
    {
        var grain = NewConsultee();
        Assert.Equal(AcceptOutcome.Accepted, await grain.AcceptAsync(Events.Text("standby", standby: true)));

        Assert.Null(await grain.TakeReplyTokenAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(1, (await grain.GetSnapshotAsync()).EventsAccepted);
    }

    [Fact]
    public async Task Dedup_window_forgets_only_the_oldest_ids()
    {
        var grain = NewConsultee();
        for (var i = 0; i < 600; i++)
        {
            await grain.AcceptAsync(Events.Text("m", id: $"E{i}"));
        }

        Assert.Equal(AcceptOutcome.Duplicate, await grain.AcceptAsync(Events.Text("m", id: "E599")));
        Assert.Equal(AcceptOutcome.Duplicate, await grain.AcceptAsync(Events.Text("m", id: "E100")));
        Assert.Equal(AcceptOutcome.Accepted, await grain.AcceptAsync(Events.Text("m", id: "E0")));
    }
}
