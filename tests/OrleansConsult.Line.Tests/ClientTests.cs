using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Outbox;
using OrleansConsult.Line.Sending;
using OrleansConsult.LineSimulator;

namespace OrleansConsult.Line.Tests;

public sealed class ClientTests(ITestOutputHelper output)
{
    private static readonly TextMessage[] Hello = [new("こんにちは")];

    [Fact]
    public async Task Under_faults_every_push_is_delivered_exactly_once()
    {
        await using var host = await SimulatorHost.StartAsync();
        host.Simulator.Faults = new FaultSettings
        {
            ServerErrorShare = 0.20,
            TooManyRequestsShare = 0.10,
            ServerErrorAfterDeliveryShare = 0.05,
            LatencyMilliseconds = 2,
        };
        await using var services = host.LineServices(settings: new Dictionary<string, string?>
        {
            ["Line:Resilience:MaxRetryAttempts"] = "6",
            ["Line:Resilience:BreakerFailureRatio"] = "0.9",
            ["Line:Resilience:BreakerMinimumThroughput"] = "200",
            ["Line:Sending:OutboxBaseDelay"] = "00:00:00",
        });
        var sender = services.GetRequiredService<ResilientLineSender>();
        var outbox = (InMemoryOutboxStore)services.GetRequiredService<IOutboxStore>();
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();

        const int sends = 1000;
        var keys = Enumerable.Range(0, sends).Select(_ => Guid.NewGuid()).ToArray();
        var outcomes = new ConcurrentBag<SendPath>();
        await Parallel.ForEachAsync(Enumerable.Range(0, sends), new ParallelOptions { MaxDegreeOfParallelism = 40 }, async (i, ct) =>
            outcomes.Add((await sender.SendAsync("consultee", $"U{i % 97}", Hello, null, keys[i], cancellationToken: ct)).Path));

        // What the client still could not deliver is in the outbox: drain it (same retry keys).
        var queued = outcomes.Count(p => p == SendPath.Queued);
        for (var round = 0; round < 20 && outbox.Pending.Count > 0; round++)
        {
            await dispatcher.DrainOnceAsync();
        }

        var byKey = host.Simulator.DeliveriesByRetryKey();
        var stats = host.Simulator.Stats();
        var delivered = keys.Count(k => byKey.GetValueOrDefault(k) == 1);
        var duplicates = keys.Count(k => byKey.GetValueOrDefault(k) > 1);
        output.WriteLine($"sends {sends}, attempts {stats.ApiCalls}, injected faults {stats.InjectedFaults}, 409 accepted {stats.Conflicts}, " +
                         $"queued then drained {queued}, delivered exactly once {delivered}, duplicates {duplicates}, missing {sends - delivered - duplicates}");
        Assert.Equal(sends, delivered);
        Assert.Equal(0, duplicates);
        Assert.Empty(outbox.Pending);
        Assert.True(stats.Conflicts > 0, "500-after-delivery should have been answered 409 on retry");
    }

    [Fact]
    public async Task Monthly_limit_is_not_retried_and_has_its_own_exception()
    {
        await using var host = await SimulatorHost.StartAsync();
        host.Simulator.Faults = new FaultSettings { MonthlyLimit = true };
        await using var services = host.LineServices();
        var client = services.GetRequiredService<LineMessagingClient>();
        var key = Guid.NewGuid();

        var ex = await Assert.ThrowsAsync<LineMonthlyLimitException>(() => client.PushAsync("consultee", "U1", Hello, key));
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(1, host.Simulator.AttemptsFor(key));

        // Not queued for retries either: the resilient sender parks it, with its reason, for the month turn.
        var sender = services.GetRequiredService<ResilientLineSender>();
        var parked = await sender.SendAsync("consultee", "U1", Hello, null, Guid.NewGuid());
        Assert.Equal((SendPath.Parked, OutboxParkReason.MonthlyLimit), (parked.Path, parked.ParkReason));
        var outbox = (InMemoryOutboxStore)services.GetRequiredService<IOutboxStore>();
        Assert.Empty(outbox.Pending);
        Assert.Equal(OutboxParkReason.MonthlyLimit, Assert.Single(outbox.Parked).ParkReason);
    }

    [Fact]
    public async Task Transient_429_is_retried_with_the_same_retry_key()
    {
        await using var host = await SimulatorHost.StartAsync(o => o.RetryAfterSeconds = 0);
        host.Simulator.Faults = new FaultSettings { TooManyRequestsShare = 0.5 };
        await using var services = host.LineServices(settings: new Dictionary<string, string?> { ["Line:Resilience:MaxRetryAttempts"] = "15" });
        var client = services.GetRequiredService<LineMessagingClient>();
        var key = Guid.NewGuid();
        await client.PushAsync("consultee", "U1", Hello, key);
        Assert.Equal(1, host.Simulator.DeliveriesByRetryKey()[key]);
        Assert.True(host.Simulator.AttemptsFor(key) >= 1);
    }

    [Fact]
    public async Task Reply_token_within_its_window_replies_else_push()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var host = await SimulatorHost.StartAsync(o => o.Clock = clock);
        await using var services = host.LineServices(clock);
        var sender = services.GetRequiredService<LineSender>();

        var token = host.Simulator.IssueReplyToken("consultee", "U1");
        var slot = new ReplyTokenSlot(token, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(30));
        var fresh = await sender.SendAsync("consultee", "U1", Hello, slot, Guid.NewGuid());
        Assert.Equal(SendPath.Reply, fresh.Path);

        // Used already: LINE says "Invalid reply token", the message goes as a push.
        var used = await sender.SendAsync("consultee", "U1", Hello, slot, Guid.NewGuid());
        Assert.Equal(SendPath.Push, used.Path);
        Assert.True(used.TokenSpent);

        // Older than validity minus margin (50 s) on both clocks: push without trying the reply.
        var old = new ReplyTokenSlot(host.Simulator.IssueReplyToken("consultee", "U1"), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(51));
        var expired = await sender.SendAsync("consultee", "U1", Hello, old, Guid.NewGuid());
        Assert.Equal(SendPath.Push, expired.Path);

        Assert.Equal((1, 2), (sender.Replies, sender.Pushes));
        Assert.Equal(["reply", "push", "push"], host.Simulator.Deliveries("consultee", "U1").Select(d => d.Via));
    }

    [Fact]
    public async Task A_retried_reply_whose_token_is_spent_was_delivered_and_is_not_pushed_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var host = await SimulatorHost.StartAsync(o => o.Clock = clock);
        await using var services = host.LineServices(clock);
        var sender = services.GetRequiredService<LineSender>();
        var slot = new ReplyTokenSlot(host.Simulator.IssueReplyToken("consultee", "U1"), clock.GetUtcNow());
        Assert.Equal(SendPath.Reply, (await sender.SendAsync("consultee", "U1", Hello, slot, Guid.NewGuid())).Path);

        // The same send retried after a crash: LINE says the token is spent, so the first attempt arrived.
        var again = await sender.SendAsync("consultee", "U1", Hello, slot with { RetryOfSameSend = true }, Guid.NewGuid());
        Assert.Equal(SendPath.Reply, again.Path);
        Assert.True(again.AlreadyDelivered);

        // A retried send whose first attempt never reached LINE: the token is still good, the reply goes now.
        var unused = new ReplyTokenSlot(host.Simulator.IssueReplyToken("consultee", "U1"), clock.GetUtcNow()) { RetryOfSameSend = true };
        var late = await sender.SendAsync("consultee", "U1", Hello, unused, Guid.NewGuid());
        Assert.Equal(SendPath.Reply, late.Path);
        Assert.False(late.AlreadyDelivered);

        // Too old to know: a push with the send's retry key.
        var old = new ReplyTokenSlot(host.Simulator.IssueReplyToken("consultee", "U1"), clock.GetUtcNow()) { RetryOfSameSend = true };
        clock.Advance(TimeSpan.FromSeconds(51));
        Assert.Equal(SendPath.Push, (await sender.SendAsync("consultee", "U1", Hello, old, Guid.NewGuid())).Path);
        Assert.Equal(["reply", "reply", "push"], host.Simulator.Deliveries("consultee", "U1").Select(d => d.Via));
    }

    [Fact]
    public async Task During_an_outage_a_push_goes_to_the_outbox_and_is_delivered_once_after()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var host = await SimulatorHost.StartAsync(o => o.Clock = clock);
        await using var services = host.LineServices(clock);
        var sender = services.GetRequiredService<ResilientLineSender>();
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var outbox = (InMemoryOutboxStore)services.GetRequiredService<IOutboxStore>();

        host.Simulator.StartOutage(TimeSpan.FromMinutes(2));
        var key = Guid.NewGuid();
        var outcome = await sender.SendAsync("consultee", "U1", Hello, null, key);
        Assert.Equal(SendPath.Queued, outcome.Path);
        Assert.Equal(key, Assert.Single(outbox.Pending).Id);
        Assert.Equal(5, host.Simulator.AttemptsFor(key)); // 1 + 4 retries, all 503

        // Due in 5 s but LINE is still down: rescheduled with backoff.
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(new DrainResult(0, 1, 0), await dispatcher.DrainOnceAsync());
        Assert.Equal(2, Assert.Single(outbox.Pending).Attempts);

        clock.Advance(TimeSpan.FromMinutes(3)); // outage over
        Assert.Equal(new DrainResult(1, 0, 0), await dispatcher.DrainOnceAsync());
        Assert.Empty(outbox.Pending);
        Assert.Equal(1, host.Simulator.DeliveriesByRetryKey()[key]);
        Assert.Equal(new DrainResult(0, 0, 0), await dispatcher.DrainOnceAsync());
    }

    [Fact]
    public async Task A_redelivered_outbox_item_that_LINE_already_accepted_counts_as_delivered()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var host = await SimulatorHost.StartAsync(o => o.Clock = clock);
        await using var services = host.LineServices(clock);
        var client = services.GetRequiredService<LineMessagingClient>();
        var outbox = services.GetRequiredService<IOutboxStore>();
        var key = Guid.NewGuid();
        await client.PushAsync("consultee", "U1", Hello, key);
        await outbox.EnqueueAsync(new OutboxItem(key, "consultee", ["U1"], OutboxMessages.Serialize(Hello), 1, clock.GetUtcNow(), clock.GetUtcNow()));

        Assert.Equal(new DrainResult(1, 0, 0), await services.GetRequiredService<OutboxDispatcher>().DrainOnceAsync());
        Assert.Equal(1, host.Simulator.DeliveriesByRetryKey()[key]);
    }

    [Fact]
    public async Task Errors_carry_status_and_request_id()
    {
        await using var host = await SimulatorHost.StartAsync();
        await using var services = host.LineServices();
        var client = services.GetRequiredService<LineMessagingClient>();

        await Assert.ThrowsAsync<LineInvalidReplyTokenException>(() => client.ReplyAsync("consultee", "no-such-token", Hello));
        await Assert.ThrowsAsync<LineMessageValidationException>(() => client.PushAsync("consultee", "U1", [new TextMessage(new string('x', 5001))], Guid.NewGuid()));
    }
}
