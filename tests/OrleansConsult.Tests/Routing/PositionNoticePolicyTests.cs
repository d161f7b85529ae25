using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;
using OrleansConsult.Tests.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>How often a waiting consultee hears her new place, without a silo.</summary>
public sealed class PositionNoticePolicyTests
{
    private static readonly DateTimeOffset Told = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static QueuedCase ToldPlace(int position)
    {
        var q = OfferPolicyTests.Case();
        q.LastPosition = position;
        q.LastPositionAt = Told;
        return q;
    }

    [Theory]
    [InlineData(12, 9, 1)]   // reached the front: every change, a minute apart
    [InlineData(40, 10, 1)]
    [InlineData(40, 11, 3)]  // in the queue: three minutes
    [InlineData(150, 100, 3)]
    [InlineData(5000, 101, 5)] // far back, as in a surge: five minutes
    [InlineData(5000, 4900, 5)]
    public void A_changed_place_is_told_after_the_interval_of_the_new_place(int heard, int now, int minutes)
    {
        var q = ToldPlace(heard);

        Assert.Equal(Told + TimeSpan.FromMinutes(minutes), PositionNoticePolicy.NextAt(q, now));
        Assert.False(PositionNoticePolicy.Due(q, now, Told + TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1)));
        Assert.True(PositionNoticePolicy.Due(q, now, Told + TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void A_place_she_already_heard_is_not_told_again()
    {
        var q = ToldPlace(7);

        Assert.Null(PositionNoticePolicy.NextAt(q, 7));
        Assert.False(PositionNoticePolicy.Due(q, 7, Told + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void The_dispatcher_wakes_for_a_notice_when_the_policy_says_it_is_due()
    {
        var program = new ProgramDirectory(TestProgram.Build());
        var area = program.Dispatcher("tenant:a1");
        var q = ToldPlace(300);
        q.EnqueuedAt = Told;
        q.NextOverflowAttempt = Told + TimeSpan.FromHours(1); // nothing else due before the notice

        var next = DispatcherWakePolicy.Next([(q, 250)], [], area, Told, open: true, busy: false);

        Assert.Equal(Told + TimeSpan.FromMinutes(5), next);
    }
}
