using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;
using OrleansConsult.Tests.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>Why a waiting case leaves its queue and when the pool is asked again, without a silo.</summary>
public sealed class EscalationPolicyTests
{
    private static readonly ProgramDirectory Directory = new(TestProgram.Build());
    private static readonly DispatcherProfile Area = Directory.Dispatcher("tenant:a1") with { MaxWaitBeforeOverflow = TimeSpan.FromMinutes(10) };
    private static readonly DispatcherProfile Pool = Directory.FindDispatcher(Area.OverflowTo)!;
    // Tuesday 10:00 Tokyo: area 1 is open (Tue 9:00–13:00), its pool (daily 18:00–22:00) is not.
    private static readonly DateTimeOffset Open = JapaneseCalendar.AtTokyo(new DateOnly(2026, 12, 1), TimeSpan.FromHours(10));

    private static QueuedCase Waiting(DateTimeOffset since)
    {
        var q = OfferPolicyTests.Case();
        q.EnqueuedAt = since;
        return q;
    }

    [Fact]
    public void Closed_comes_first_then_nobody_on_shift_then_all_declined()
    {
        var q = Waiting(Open);
        q.Declined.Add("c1");
        Assert.Equal(EscalationPolicy.Closed, EscalationPolicy.Reason(q, Area, Open, open: false, ["c1"]));
        Assert.Equal(EscalationPolicy.NobodyOnShift, EscalationPolicy.Reason(q, Area, Open, open: true, []));
        Assert.Equal(EscalationPolicy.AllDeclined, EscalationPolicy.Reason(q, Area, Open, open: true, ["c1"]));
    }

    [Fact]
    public void Who_handed_it_on_counts_as_having_declined_and_one_who_did_not_keeps_it_here()
    {
        var q = OfferPolicyTests.Case(excluded: ["c2"]);
        q.EnqueuedAt = Open;
        q.Declined.Add("c1");
        Assert.Equal(EscalationPolicy.AllDeclined, EscalationPolicy.Reason(q, Area, Open, open: true, ["c1", "c2"]));
        Assert.Null(EscalationPolicy.Reason(q, Area, Open, open: true, ["c1", "c2", "c3"]));
    }

    [Fact]
    public void At_the_maximum_wait_the_pool_is_asked_and_not_again_before_the_retry()
    {
        var q = Waiting(Open.AddMinutes(-10));
        Assert.Null(EscalationPolicy.Reason(Waiting(Open.AddMinutes(-9)), Area, Open, open: true, ["c1"]));
        Assert.Equal(EscalationPolicy.MaxWait, EscalationPolicy.Reason(q, Area, Open, open: true, ["c1"]));
        Assert.True(EscalationPolicy.KeepsPlaceIfRefused(EscalationPolicy.MaxWait));

        q.NextOverflowAttempt = Open.AddMinutes(1);
        Assert.Null(EscalationPolicy.Reason(q, Area, Open, open: true, ["c1"]));
        Assert.Equal(EscalationPolicy.MaxWait, EscalationPolicy.Reason(q, Area, Open.AddMinutes(1), open: true, ["c1"]));
    }

    [Fact]
    public void Without_a_pool_or_a_maximum_wait_she_waits_here()
    {
        var q = Waiting(Open.AddHours(-1));
        Assert.Null(EscalationPolicy.Reason(q, Area with { OverflowTo = null }, Open, open: true, ["c1"]));
        Assert.Null(EscalationPolicy.Reason(q, Area with { MaxWaitBeforeOverflow = null }, Open, open: true, ["c1"]));
    }

    [Fact]
    public void Only_the_maximum_wait_keeps_her_place_when_the_pool_refuses()
    {
        Assert.False(EscalationPolicy.KeepsPlaceIfRefused(EscalationPolicy.Closed));
        Assert.False(EscalationPolicy.KeepsPlaceIfRefused(EscalationPolicy.NobodyOnShift));
        Assert.False(EscalationPolicy.KeepsPlaceIfRefused(EscalationPolicy.AllDeclined));
    }

    [Fact]
    public void The_pool_is_asked_again_when_it_opens_or_while_open_or_gone_five_minutes_later()
    {
        Assert.Equal(JapaneseCalendar.AtTokyo(new DateOnly(2026, 12, 1), TimeSpan.FromHours(18)), EscalationPolicy.NextOverflowAttempt(Pool, Open));
        var poolOpen = JapaneseCalendar.AtTokyo(new DateOnly(2026, 12, 1), TimeSpan.FromHours(19));
        Assert.Equal(poolOpen.AddMinutes(5), EscalationPolicy.NextOverflowAttempt(Pool, poolOpen));
        Assert.Equal(Open.AddMinutes(5), EscalationPolicy.NextOverflowAttempt(null, Open));
    }
}
