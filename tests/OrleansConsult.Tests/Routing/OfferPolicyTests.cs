using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>Who a case is offered to and when a counselor who let it lapse is asked again, without a silo.</summary>
public sealed class OfferPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    internal static QueuedCase Case(string id = "case1", string? preferred = null, IReadOnlyList<string>? excluded = null) => new()
    {
        Ticket = new CaseTicket(id, "t", "area", false, Now, preferred, null, false, excluded ?? []),
        EnqueuedAt = Now,
    };

    [Fact]
    public void The_longest_idle_counselor_is_chosen_and_ties_go_by_id()
    {
        var free = new[] { new OfferCandidate("b", Now.AddMinutes(-5)), new OfferCandidate("a", Now.AddMinutes(-5)), new OfferCandidate("c", Now.AddMinutes(-1)) };
        Assert.Equal("a", OfferPolicy.Choose(Case(), free, Now)?.CounselorId);
    }

    [Fact]
    public void A_returning_consultee_goes_to_her_previous_counselor_first()
    {
        var free = new[] { new OfferCandidate("a", Now.AddHours(-1)), new OfferCandidate("b", Now) };
        Assert.Equal("b", OfferPolicy.Choose(Case(preferred: "b"), free, Now)?.CounselorId);
    }

    [Fact]
    public void Who_declined_or_handed_it_on_is_not_asked_again()
    {
        var q = Case(excluded: ["b"]);
        OfferPolicy.Decline(q, "a");
        var free = new[] { new OfferCandidate("a", Now.AddHours(-1)), new OfferCandidate("b", Now.AddHours(-1)) };
        Assert.Null(OfferPolicy.Choose(q, free, Now));
        Assert.False(OfferPolicy.MayOffer(q, "a", Now.AddDays(1)));
    }

    [Fact]
    public void A_lapsed_offer_pauses_her_for_this_case_only_and_only_for_the_pause()
    {
        var q = Case();
        q.OfferedTo = "a";
        q.OfferDeadline = Now;
        OfferPolicy.Lapse(q, "a", Now, TimeSpan.FromSeconds(60));

        Assert.Null(q.OfferedTo);
        Assert.Null(q.OfferDeadline);
        Assert.False(OfferPolicy.MayOffer(q, "a", Now.AddSeconds(59)));
        Assert.True(OfferPolicy.MayOffer(q, "a", Now.AddSeconds(60)));
        Assert.True(OfferPolicy.MayOffer(Case("other"), "a", Now));
        Assert.Equal(Now.AddSeconds(60), OfferPolicy.NextPauseEnd(q, Now));
        Assert.Null(OfferPolicy.NextPauseEnd(q, Now.AddSeconds(60)));
    }

    [Fact]
    public void While_she_is_paused_someone_else_gets_it_and_her_return_ends_the_pause()
    {
        var q = Case();
        OfferPolicy.Lapse(q, "a", Now, TimeSpan.FromSeconds(60));
        var free = new[] { new OfferCandidate("a", Now.AddHours(-1)), new OfferCandidate("b", Now) };
        Assert.Equal("b", OfferPolicy.Choose(q, free, Now)?.CounselorId);
        Assert.Null(OfferPolicy.Choose(q, free.Take(1), Now));

        OfferPolicy.Returned([q], "a"); // 出勤 again, or back from 休憩
        Assert.Equal("a", OfferPolicy.Choose(q, free.Take(1), Now)?.CounselorId);
    }

    [Theory]
    [InlineData("b", true, null, OfferOutcome.Next)]
    [InlineData("a", true, null, OfferOutcome.Again)]
    [InlineData(null, true, null, OfferOutcome.Queue)]
    [InlineData(null, false, "pool:p", OfferOutcome.Pool)]
    [InlineData(null, false, null, OfferOutcome.Unanswered)]
    public void Where_a_returned_case_went_is_what_she_is_told(string? offeredTo, bool stillQueued, string? escalatedTo, OfferOutcome expected)
    {
        var q = Case();
        q.OfferedTo = offeredTo;
        Assert.Equal(expected, OfferPolicy.OutcomeOf(q, "a", stillQueued, escalatedTo));
    }
}
