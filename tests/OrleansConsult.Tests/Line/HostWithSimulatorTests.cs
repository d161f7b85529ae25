using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Sending;
using OrleansConsult.LineSimulator;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Line;

/// <summary>
/// The Host and the LINE simulator talking over real HTTP both ways, with the Development
/// channel secrets: simulated users' signed webhooks in, reply-token-first sends out, and a LINE
/// outage ridden out by the durable outbox.
/// </summary>
public sealed class HostWithSimulatorTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private WebApplication _simulatorApp = null!;
    private HostRunner _host = null!;
    private LineSimulator.LineSimulator _simulator = null!;
    private WebhookSender _users = null!;

    public async Task InitializeAsync()
    {
        _simulatorApp = LineSimulatorApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o => o.AddDevelopmentChannels());
        await _simulatorApp.StartAsync();
        _simulator = _simulatorApp.Services.GetRequiredService<LineSimulator.LineSimulator>();
        _users = _simulatorApp.Services.GetRequiredService<WebhookSender>();

        var settings = HostRunner.Embedded(_data.Path);
        foreach (var (name, value) in LineSimulatorApp.HostSettings(_simulatorApp))
        {
            settings[name] = value;
        }
        settings["Line:Resilience:BaseDelay"] = "00:00:00.005";
        settings["Line:Resilience:MaxDelay"] = "00:00:00.020";
        settings["Line:Resilience:MaxRetryAttempts"] = "2";
        settings["Line:Sending:OutboxBaseDelay"] = "00:00:00";
        settings["Line:Sending:OutboxPollInterval"] = "00:00:00.200";
        _host = await HostRunner.StartAsync(settings);
        _simulator.Options.WebhookBase = new Uri(_host.BaseAddress, "/line/webhook/{channel}").ToString();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulatorApp.DisposeAsync();
        _data.Dispose();
    }

    private IConsulteeGrain Consultee(string userId) => _host.Grains.GetGrain<IConsulteeGrain>(HostKeys.LineUser(_host.Services, "consultee", userId));

    [Fact]
    public async Task Simulated_users_webhooks_are_accepted_once_including_redelivery_and_batches()
    {
        var hana = _users.User("consultee", "Uhana");
        var follow = await hana.FollowAsync();
        Assert.Equal(200, follow.StatusCode);
        var text = await hana.SendTextAsync("妊娠したかもしれません");
        Assert.Equal(200, text.StatusCode);
        Assert.Equal(200, (await hana.RedeliverAsync(text.Event)).StatusCode);

        var others = Enumerable.Range(0, 5).Select(i => _users.User("consultee", $"Ubatch{i}").TextEvent($"こんにちは{i}")).ToList();
        Assert.Equal(200, (await _users.SendBatchAsync("consultee", others)).StatusCode);

        var snapshot = await Consultee("Uhana").GetSnapshotAsync();
        Assert.Equal(EventIdHash.OfAll(follow.Event.WebhookEventId, text.Event.WebhookEventId), snapshot.RecentEventHashes);
        Assert.Equal(2, snapshot.EventsAccepted);
        Assert.Equal(1, snapshot.DuplicatesDropped);
        for (var i = 0; i < 5; i++)
        {
            var batchUser = await Consultee($"Ubatch{i}").GetSnapshotAsync();
            Assert.Equal(EventIdHash.OfAll(others[i].WebhookEventId), batchUser.RecentEventHashes);
            Assert.Equal(1, batchUser.EventsAccepted);
        }

        // The engine worked every event once: one answer per event, the first of each a welcome.
        Assert.True(await HandledAsync("Uhana"), "Uhana's events were never handled");
        var toHana = Requests("Uhana");
        Assert.Equal(2, toHana.Count);
        Assert.Equal(BotText.Get("Welcome"), toHana[0][0].GetProperty("text").GetString());
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await HandledAsync($"Ubatch{i}"), $"Ubatch{i}'s event was never handled");
            var answer = Assert.Single(Requests($"Ubatch{i}"));
            Assert.Equal(2, answer.Count);
            Assert.Equal(BotText.Get("Welcome"), answer[0].GetProperty("text").GetString());
        }
    }

    private Task<bool> HandledAsync(string userId) =>
        Eventually.TrueAsync(async () => (await Consultee(userId).GetSnapshotAsync()) is { Pending.Count: 0, EventsAccepted: > 0 }, TimeSpan.FromSeconds(20));

    /// <summary>What reached the user, one entry per API request, in order.</summary>
    private IReadOnlyList<IReadOnlyList<JsonElement>> Requests(string userId) =>
        _simulator.Deliveries("consultee", userId)
            .GroupBy(d => d.RequestId)
            .OrderBy(g => g.Min(d => d.Sequence))
            .Select(g => (IReadOnlyList<JsonElement>)g.OrderBy(d => d.Sequence).Select(d => d.Message).ToList())
            .ToList();

    [Fact]
    public async Task A_fresh_reply_token_is_used_once_then_sends_fall_back_to_push()
    {
        var user = _users.User("consultee", "Ureply");
        Assert.Equal(200, (await user.SendTextAsync("相談したいです")).StatusCode);

        // The bot answers her message with its reply token: the welcome and the privacy notice, one reply.
        Assert.True(await HandledAsync("Ureply"), "her message was never handled");
        var answered = _simulator.Deliveries("consultee", "Ureply");
        Assert.Equal(2, answered.Count);
        Assert.All(answered, d => Assert.Equal("reply", d.Via));
        Assert.Single(answered.Select(d => d.RequestId).Distinct());
        Assert.Equal(BotText.Get("Welcome"), answered[0].Message.GetProperty("text").GetString());

        // The token is spent: nothing left to lease, and the next send without a fresh token is a push.
        Assert.Null(await Consultee("Ureply").TakeReplyTokenAsync(TimeSpan.FromSeconds(50)));
        var retryKey = Guid.NewGuid();
        await Consultee("Ureply").DeliverAsync([new Outgoing("相談員におつなぎします")], retryKey);

        var all = _simulator.Deliveries("consultee", "Ureply");
        Assert.Equal(["reply", "reply", "push"], all.Select(d => d.Via));
        Assert.Equal(retryKey, all[^1].RetryKey);
        Assert.Equal("相談員におつなぎします", all[^1].Message.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_push_during_a_line_outage_waits_in_the_durable_outbox_and_is_delivered_once_after()
    {
        var outbox = _host.Services.GetRequiredService<SqlOutbox>();
        var sender = _host.Services.GetRequiredService<ResilientLineSender>();
        var retryKey = Guid.NewGuid();

        _simulator.StartOutage(TimeSpan.FromMinutes(5));
        var outcome = await sender.SendAsync("staff", "Ucounselor", [new TextMessage("新しい相談があります #K3F2")], null, retryKey);
        Assert.Equal(SendPath.Queued, outcome.Path);
        Assert.Equal(1, await outbox.PendingCountAsync());
        Assert.Empty(_simulator.Deliveries("staff", "Ucounselor"));

        _simulator.EndOutage();
        Assert.True(await Eventually.TrueAsync(async () => await outbox.PendingCountAsync() == 0, TimeSpan.FromSeconds(30)));

        var delivered = _simulator.Deliveries("staff", "Ucounselor");
        Assert.Equal(retryKey, Assert.Single(delivered).RetryKey);
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_is_refused_by_the_host()
    {
        var webhook = WebhookEndpointTests.Body(WebhookEndpointTests.TextEvent("Ux", "x", "forged-1"));
        var response = await _host.Http.SendAsync(WebhookEndpointTests.Signed("consultee", webhook, "not-the-dev-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
