using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Webhook;

namespace OrleansConsult.Line.Tests;

/// <summary>Simulated users → signed webhooks → a small app using <see cref="LineWebhookReader"/> → replies through the simulator.</summary>
public sealed class SimulatedUserTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> AppSecrets = new() { ["consultee"] = "dev-consultee-secret", ["staff"] = "wrong-secret" };
    private readonly ConcurrentQueue<(int Batch, WebhookEvent Event)> _received = new();
    private WebApplication _app = null!;
    private SimulatorHost _sim = null!;
    private int _batches;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/line/webhook/{channel}", async (string channel, HttpRequest request, CancellationToken ct) =>
        {
            var read = await LineWebhookReader.ReadAsync(request, AppSecrets[channel], ct);
            var batch = Interlocked.Increment(ref _batches);
            foreach (var e in read.Webhook?.Events ?? [])
            {
                _received.Enqueue((batch, e));
            }
            return Results.StatusCode(read.StatusCode);
        });
        await _app.StartAsync();
        var appUrl = _app.Urls.First();
        _sim = await SimulatorHost.StartAsync(o => o.WebhookBase = appUrl + "/line/webhook/{channel}");
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Follow_text_postback_unfollow_arrive_signed_and_typed()
    {
        var user = _sim.Webhooks.User("consultee", "Uconsultee1");
        Assert.Equal(200, (await user.FollowAsync()).StatusCode);
        Assert.Equal(200, (await user.SendTextAsync("妊娠8週です 🤰")).StatusCode);
        Assert.Equal(200, (await user.TapPostbackAsync("action=area&code=13")).StatusCode);
        Assert.Equal(200, (await user.UnfollowAsync()).StatusCode);

        var events = _received.Select(r => r.Event).ToList();
        Assert.IsType<FollowEvent>(events[0]);
        Assert.Equal("妊娠8週です 🤰", Assert.IsType<TextMessageContent>(Assert.IsType<MessageEvent>(events[1]).Message).Text);
        Assert.Equal("action=area&code=13", Assert.IsType<PostbackEvent>(events[2]).Postback.Data);
        Assert.Null(Assert.IsType<UnfollowEvent>(events[3]).ReplyToken);
        Assert.All(events, e => Assert.Equal(26, e.WebhookEventId.Length));
        Assert.Equal(4, events.Select(e => e.WebhookEventId).Distinct().Count());
        Assert.All(events, e => Assert.Equal("Uconsultee1", e.Source!.UserId));
    }

    [Fact]
    public async Task The_reply_token_of_a_webhook_is_accepted_by_the_simulated_api()
    {
        await _sim.Webhooks.User("consultee", "U2").SendTextAsync("hello");
        var token = Assert.Single(_received).Event.ReplyToken!;
        await using var services = _sim.LineServices();
        await services.GetRequiredService<LineMessagingClient>().ReplyAsync("consultee", token, [new TextMessage("ようこそ")]);
        Assert.Equal("reply", Assert.Single(_sim.Simulator.Deliveries("consultee", "U2")).Via);
    }

    [Fact]
    public async Task Redelivery_keeps_the_event_id_and_sets_the_flag()
    {
        var user = _sim.Webhooks.User("consultee", "U3");
        var first = await user.SendTextAsync("one");
        var again = await user.RedeliverAsync(first.Event);
        Assert.Equal(200, again.StatusCode);
        var events = _received.Select(r => r.Event).ToList();
        Assert.Equal(events[0].WebhookEventId, events[1].WebhookEventId);
        Assert.Equal((false, true), (events[0].IsRedelivery, events[1].IsRedelivery));
    }

    [Fact]
    public async Task A_batch_carries_events_of_many_users_in_one_request()
    {
        var events = Enumerable.Range(0, 5).Select(i => _sim.Webhooks.User("consultee", $"Ub{i}").TextEvent($"#{i}")).ToList();
        Assert.Equal(200, (await _sim.Webhooks.SendBatchAsync("consultee", events)).StatusCode);
        Assert.Equal(5, _received.Count);
        Assert.Single(_received.Select(r => r.Batch).Distinct());
    }

    [Fact]
    public async Task The_app_answer_is_returned_401_when_secrets_differ() =>
        Assert.Equal(401, (await _sim.Webhooks.User("staff", "Ustaff").SendTextAsync("x")).StatusCode);
}
