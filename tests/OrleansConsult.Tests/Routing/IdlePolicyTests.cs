using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tests.Routing;

/// <summary>A connected case's idle deadlines (warn at 30 minutes of her silence, close at 60), without a silo.</summary>
public sealed class IdlePolicyTests
{
    private static readonly ConsultationTimeouts Timeouts = ConsultationTimeouts.Default;
    private static readonly DateTimeOffset Last = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Silence_warns_once_at_the_warning_and_closes_at_the_close()
    {
        Assert.Equal(IdleStep.Wait, IdlePolicy.StepAt(Last, warned: false, Timeouts, Last.AddMinutes(29)));
        Assert.Equal(IdleStep.Warn, IdlePolicy.StepAt(Last, warned: false, Timeouts, Last.AddMinutes(30)));
        Assert.Equal(IdleStep.Wait, IdlePolicy.StepAt(Last, warned: true, Timeouts, Last.AddMinutes(45)));
        Assert.Equal(IdleStep.Close, IdlePolicy.StepAt(Last, warned: true, Timeouts, Last.AddMinutes(60)));
        Assert.Equal(IdleStep.Close, IdlePolicy.StepAt(Last, warned: false, Timeouts, Last.AddMinutes(61)));
    }

    [Fact]
    public void The_next_check_is_the_next_deadline_between_a_second_and_an_hour()
    {
        Assert.Equal(TimeSpan.FromMinutes(20), IdlePolicy.NextCheck(Last, warned: false, Timeouts, Last.AddMinutes(10)));
        Assert.Equal(TimeSpan.FromMinutes(25), IdlePolicy.NextCheck(Last, warned: true, Timeouts, Last.AddMinutes(35)));
        Assert.Equal(TimeSpan.FromSeconds(1), IdlePolicy.NextCheck(Last, warned: false, Timeouts, Last.AddMinutes(40)));
        var lateWarning = Timeouts with { IdleWarnAfter = TimeSpan.FromHours(5) };
        Assert.Equal(TimeSpan.FromHours(1), IdlePolicy.NextCheck(Last, warned: false, lateWarning, Last));
    }
}
