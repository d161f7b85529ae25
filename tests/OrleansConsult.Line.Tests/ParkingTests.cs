using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Outbox;
using OrleansConsult.Line.Sending;
using OrleansConsult.LineSimulator;

namespace OrleansConsult.Line.Tests;

/// <summary>Nothing LINE refuses is dropped: it is parked with its reason and re-sent when that becomes possible.</summary>
public sealed class ParkingTests
{
    private static readonly TextMessage[] Hello = [new("こんにちは")];

    // 2026-11-30 23:00 in Tokyo: one hour before LINE's quota month turns.
    private static readonly DateTimeOffset LastHourOfNovember = new(2026, 11, 30, 23, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task A_push_refused_for_the_monthly_limit_is_parked_and_sent_once_when_the_month_turns_in_tokyo()
    {
        var clock = new FakeTimeProvider(LastHourOfNovember);
        await using var host = await SimulatorHost.StartAsync(o => o.Clock = clock);
        await using var services = host.LineServices(clock);
        var sender = services.GetRequiredService<ResilientLineSender>();
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var outbox = (InMemoryOutboxStore)services.GetRequiredService<IOutboxStore>();

        host.Simulator.Faults = new FaultSettings { MonthlyLimit = true };
        var key = Guid.NewGuid();
        var outcome = await sender.SendAsync("consultee", "U1", Hello, null, key);
        Assert.Equal((SendPath.Parked, OutboxParkReason.MonthlyLimit), (outcome.Path, outcome.ParkReason));
        Assert.Equal(1, host.Simulator.AttemptsFor(key)); // the limit is not retried

        // Still November: the dispatcher leaves it parked, whatever the clock says about due times.
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(new DrainResult(0, 0, 0), await dispatcher.DrainOnceAsync());
        Assert.Single(outbox.Parked);

        // December in Tokyo (still November in UTC): released and delivered once, with its own retry key.
        host.Simulator.Faults = new FaultSettings();
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new DrainResult(1, 0, 0), await dispatcher.DrainOnceAsync());
        Assert.Empty(outbox.Parked);
        Assert.Equal(1, host.Simulator.DeliveriesByRetryKey()[key]);
        Assert.Equal(new DrainResult(0, 0, 0), await dispatcher.DrainOnceAsync());
    }

    [Fact]
    public async Task A_push_refused_with_another_4xx_is_parked_until_an_operator_releases_it()
    {
        var clock = new FakeTimeProvider(LastHourOfNovember);
        await using var host = await SimulatorHost.StartAsync(o => o.Clock = clock);
        await using var services = host.LineServices(clock);
        var sender = services.GetRequiredService<ResilientLineSender>();
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var outbox = (InMemoryOutboxStore)services.GetRequiredService<IOutboxStore>();

        host.Simulator.Faults = new FaultSettings { RefusePushWith = 403 };
        var key = Guid.NewGuid();
        Assert.Equal(OutboxParkReason.Rejected, (await sender.SendAsync("staff", "Ustaff", Hello, null, key)).ParkReason);
        Assert.Equal(1, host.Simulator.AttemptsFor(key));

        // The month turns: not a monthly-limit row, so it stays parked.
        host.Simulator.Faults = new FaultSettings();
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new DrainResult(0, 0, 0), await dispatcher.DrainOnceAsync());

        Assert.Equal(0, await outbox.ReleaseParkedAsync(OutboxParkReason.MonthlyLimit, clock.GetUtcNow()));
        Assert.Equal(1, await outbox.ReleaseParkedAsync(OutboxParkReason.Rejected, clock.GetUtcNow()));
        Assert.Equal(new DrainResult(1, 0, 0), await dispatcher.DrainOnceAsync());
        Assert.Equal(1, host.Simulator.DeliveriesByRetryKey()[key]);
    }

    [Fact]
    public async Task An_invalid_message_is_a_bug_parked_with_its_reason_never_dropped()
    {
        await using var host = await SimulatorHost.StartAsync();
        await using var services = host.LineServices();
        var sender = services.GetRequiredService<ResilientLineSender>();
        var outbox = (InMemoryOutboxStore)services.GetRequiredService<IOutboxStore>();

        var tooLong = await sender.SendAsync("consultee", "U1", [new TextMessage(new string('あ', 5001))], null, Guid.NewGuid());
        Assert.Equal((SendPath.Parked, OutboxParkReason.Invalid), (tooLong.Path, tooLong.ParkReason));

        // LINE's own 400 for a message it calls invalid: the same.
        host.Simulator.Faults = new FaultSettings { RefusePushWith = 400 };
        var refused = await sender.SendAsync("consultee", "U1", Hello, null, Guid.NewGuid());
        Assert.Equal(OutboxParkReason.Invalid, refused.ParkReason);

        Assert.Equal(2, outbox.Parked.Count);
        Assert.All(outbox.Parked, p => Assert.Equal(OutboxParkReason.Invalid, p.ParkReason));
        Assert.Contains(outbox.Parked, p => p.LastError!.StartsWith("invalid: ", StringComparison.Ordinal));
        Assert.Contains(outbox.Parked, p => p.LastError!.StartsWith("LINE 400", StringComparison.Ordinal));
        Assert.Empty(host.Simulator.Deliveries("consultee", "U1"));
    }

    [Fact]
    public async Task The_outbox_parks_a_row_that_runs_out_of_attempts_or_that_LINE_refuses_on_a_resend()
    {
        var clock = new FakeTimeProvider(LastHourOfNovember);
        await using var host = await SimulatorHost.StartAsync(o => o.Clock = clock);
        await using var services = host.LineServices(clock, new Dictionary<string, string?> { ["Line:Sending:OutboxMaxAttempts"] = "2" });
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var outbox = (InMemoryOutboxStore)services.GetRequiredService<IOutboxStore>();
        var now = clock.GetUtcNow();
        var outage = new OutboxItem(Guid.NewGuid(), "consultee", ["U1"], OutboxMessages.Serialize(Hello), 1, now, now);
        var limited = new OutboxItem(Guid.NewGuid(), "consultee", ["U2"], OutboxMessages.Serialize(Hello), 1, now, now);
        await outbox.EnqueueAsync(outage);

        host.Simulator.StartOutage(TimeSpan.FromHours(1));
        Assert.Equal(new DrainResult(0, 0, 1), await dispatcher.DrainOnceAsync()); // second attempt of two
        Assert.Equal(OutboxParkReason.GaveUp, Assert.Single(outbox.Parked).ParkReason);

        host.Simulator.EndOutage();
        host.Simulator.Faults = new FaultSettings { MonthlyLimit = true };
        await outbox.EnqueueAsync(limited);
        Assert.Equal(new DrainResult(0, 0, 1), await dispatcher.DrainOnceAsync());
        Assert.Equal(OutboxParkReason.MonthlyLimit, outbox.Parked.Single(p => p.Id == limited.Id).ParkReason);
    }

    [Theory]
    [InlineData("2026-11-30T14:59:59Z", "2026-11-01T00:00:00+09:00")]
    [InlineData("2026-11-30T15:00:00Z", "2026-12-01T00:00:00+09:00")]
    [InlineData("2027-01-01T00:00:00+09:00", "2027-01-01T00:00:00+09:00")]
    public void The_quota_month_starts_at_midnight_in_tokyo(string at, string start) =>
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            OutboxDispatcher.MonthStart(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(429, true, OutboxParkReason.MonthlyLimit)]
    [InlineData(403, false, OutboxParkReason.Rejected)]
    [InlineData(401, false, OutboxParkReason.Rejected)]
    [InlineData(400, false, OutboxParkReason.Invalid)]
    [InlineData(500, false, null)]
    [InlineData(429, false, null)]
    [InlineData(408, false, null)]
    public void Which_answers_are_refusals(int status, bool monthly, OutboxParkReason? expected)
    {
        Exception ex = monthly ? new LineMonthlyLimitException("r") : new LineApiException(status, "x", "r");
        Assert.Equal(expected, OutboxRefusals.ParkReasonOf(ex));
    }
}
