using OrleansConsult.Host;

namespace OrleansConsult.Tests;

public sealed class OutboxRetentionPolicyTests
{
    [Fact]
    public void Delivered_rows_go_after_a_week_parked_after_30_days_with_the_alert_a_week_before()
    {
        var now = new DateTimeOffset(2026, 12, 20, 12, 0, 0, TimeSpan.FromHours(9));
        var cutoffs = OutboxRetentionPolicy.Default.At(now, shortestRetentionYears: 5);

        Assert.Equal(now.AddDays(-7), cutoffs.DeliveredBefore);
        Assert.Equal(now.AddDays(-30), cutoffs.ParkedBefore);
        Assert.Equal(now.AddDays(-23), cutoffs.AlertParkedBefore);
        Assert.Equal(now.AddYears(-5), cutoffs.CreatedBefore);
        // 30 days back is in November: before this month began, so the month turn already had its chance.
        Assert.Equal(now.AddDays(-30), cutoffs.MonthlyLimitParkedBefore);
    }

    [Fact]
    public void A_monthly_limit_row_parked_this_month_waits_for_the_month_turn()
    {
        var now = new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.FromHours(9));
        var cutoffs = OutboxRetentionPolicy.Default.At(now, shortestRetentionYears: 5);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(9)), cutoffs.MonthlyLimitParkedBefore);
        Assert.True(cutoffs.MonthlyLimitParkedBefore < cutoffs.ParkedBefore);
    }
}
