using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Host.Quota;
using OrleansConsult.OperatorConsole.Board;
using OrleansConsult.Tests.Journeys;

namespace OrleansConsult.Tests.Line;

/// <summary>The month's pushes against the quota: LINE's figures read over HTTP, the levels, what the board shows.</summary>
public sealed class PushQuotaTests
{
    [Theory]
    [InlineData("limited", 5000L, null, 5000L)]
    [InlineData("none", null, 1000L, 1000L)]
    [InlineData("limited", 5000L, 1000L, 5000L)]
    [InlineData("none", null, null, null)]
    public void Lines_limit_counts_first_then_the_configured_budget(string type, long? lineValue, long? configured, long? expected) =>
        Assert.Equal(expected, PushQuotaPolicy.LimitOf(type, lineValue, configured));

    [Theory]
    [InlineData(3999, PushQuotaLevel.Ok)]
    [InlineData(4000, PushQuotaLevel.Warn)]
    [InlineData(4749, PushQuotaLevel.Warn)]
    [InlineData(4750, PushQuotaLevel.Alarm)]
    [InlineData(5200, PushQuotaLevel.Alarm)]
    public void Warn_at_80_and_alarm_at_95_percent(long used, PushQuotaLevel level) =>
        Assert.Equal(level, PushQuotaPolicy.LevelOf(PushQuotaPolicy.ShareOf(used, 5000), 0.80, 0.95));

    [Fact]
    public void No_limit_is_never_a_warning() => Assert.Equal(PushQuotaLevel.Ok, PushQuotaPolicy.LevelOf(PushQuotaPolicy.ShareOf(100, null), 0.8, 0.95));

    [Fact]
    public async Task The_monitor_reads_lines_usage_over_http_and_the_board_view_shows_it()
    {
        await using var journey = await JourneyHost.StartAsync(new DateOnly(2026, 12, 1), TimeSpan.FromHours(10));
        journey.Simulator.Options.Channels["consultee"].MonthlyQuota = 5;
        var she = journey.Consultee("Uquota" + Guid.NewGuid().ToString("N")[..8]);
        await she.FollowAsync();
        await she.ExpectAsync("ご利用の前に");
        // Four pushes (the consultee grain sends outside her own event: no reply token).
        var consultee = journey.Grains.GetGrain<IConsulteeGrain>(Infrastructure.HostKeys.LineUser(journey.Host.Services, "consultee", she.UserId));
        for (var i = 0; i < 4; i++)
        {
            await consultee.DeliverAsync([new Outgoing($"お知らせ{i}")], Guid.NewGuid());
        }

        var monitor = journey.Host.Services.GetRequiredService<PushQuotaMonitor>();
        var row = await monitor.ReadAsync("consultee", CancellationToken.None);
        Assert.NotNull(row);
        Assert.Equal((4L, 5L, "warn"), (row.Used, row.Limit, row.Level));
        var staff = await monitor.ReadAsync("staff", CancellationToken.None);
        Assert.Equal((0L, (long?)null, "ok"), (staff!.Used, staff.Limit, staff.Level));
        var board = journey.Host.Services.GetRequiredService<IPushQuotaView>().Latest;
        Assert.Equal(["consultee", "staff"], board.Select(r => r.Channel));
    }
}
