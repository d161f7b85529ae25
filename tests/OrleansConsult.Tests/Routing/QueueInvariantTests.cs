using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>The dispatcher's queue invariant and its repair, on plain state.</summary>
public sealed class QueueInvariantTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    private static RosterEntry Entry(string id, string? offer = null, IReadOnlyList<string>? held = null, long lastOffer = 0) => new()
    {
        Status = new CounselorStatus(id, Presence.Available, 2, 0, Now, held, lastOffer),
        OfferCaseId = offer,
    };

    private static QueuedCase Offered(string caseId, string to, long number = 1, DateTimeOffset? deadline = null)
    {
        var q = OfferPolicyTests.Case(caseId);
        q.OfferedTo = to;
        q.OfferDeadline = deadline ?? Now.AddMinutes(1);
        q.OfferNumber = number;
        return q;
    }

    [Fact]
    public void A_waiting_case_is_offered_paused_or_has_nobody_free_who_may_take_it()
    {
        var paused = OfferPolicyTests.Case("paused");
        OfferPolicy.Lapse(paused, "b", Now, TimeSpan.FromMinutes(1));
        var state = new DispatcherState
        {
            Queue = [Offered("offered", "a", 3), paused, OfferPolicyTests.Case("waiting")],
            Roster = { ["a"] = Entry("a", "offered", held: ["offered"], lastOffer: 3), ["b"] = Entry("b") },
        };
        // b is free: paused for "paused" (fine), but nothing keeps "waiting" from her (stalled).
        Assert.Equal(new[] { new RoutingBreach(BreachKind.Stalled, "waiting", "b") }, QueueInvariant.Check(state, ["b"], Now));
        Assert.Empty(QueueInvariant.Check(state, [], Now));
    }

    [Fact]
    public void An_offer_she_reported_she_no_longer_holds_is_a_breach_and_is_requeued()
    {
        var q = Offered("c1", "a", number: 5);
        var state = new DispatcherState { Queue = [q], Roster = { ["a"] = Entry("a", "c1", held: [], lastOffer: 5) } };

        var breach = Assert.Single(QueueInvariant.Check(state, [], Now));
        Assert.Equal(new RoutingBreach(BreachKind.OfferNotHeld, "c1", "a"), breach);
        Assert.Equal(["a"], QueueInvariant.Repair(state, breach));
        Assert.Null(q.OfferedTo);
        Assert.Null(state.Roster["a"].OfferCaseId);
        Assert.Empty(QueueInvariant.Check(state, [], Now));
    }

    [Fact]
    public void A_report_from_before_the_offer_reached_her_is_no_breach()
    {
        var state = new DispatcherState { Queue = [Offered("c1", "a", number: 5)], Roster = { ["a"] = Entry("a", "c1", held: [], lastOffer: 4) } };
        Assert.Empty(QueueInvariant.Check(state, [], Now));
    }

    [Fact]
    public void An_offer_her_entry_does_not_hold_and_one_without_a_deadline_are_breaches()
    {
        var state = new DispatcherState
        {
            Queue = [Offered("c1", "a"), Offered("c2", "b", deadline: Now)],
            Roster = { ["a"] = Entry("a"), ["b"] = Entry("b", "c2") },
        };
        var breaches = QueueInvariant.Check(state, [], Now);
        Assert.Equal(new[] { new RoutingBreach(BreachKind.OfferNotHeld, "c1", "a"), new RoutingBreach(BreachKind.OfferWithoutDeadline, "c2", "b") }, breaches);
        foreach (var breach in breaches)
        {
            QueueInvariant.Repair(state, breach);
        }
        Assert.All(state.Queue, q => Assert.Null(q.OfferedTo));
        Assert.Null(state.Roster["b"].OfferCaseId);
    }

    [Fact]
    public void A_stray_offer_in_a_roster_entry_is_released()
    {
        var state = new DispatcherState { Queue = [Offered("c1", "b")], Roster = { ["a"] = Entry("a", "c1"), ["b"] = Entry("b", "c1") } };
        var breach = Assert.Single(QueueInvariant.Check(state, [], Now));
        Assert.Equal(new RoutingBreach(BreachKind.StrayOffer, "c1", "a"), breach);
        Assert.Equal(["a"], QueueInvariant.Repair(state, breach));
        Assert.Null(state.Roster["a"].OfferCaseId);
        Assert.Equal("b", state.Queue[0].OfferedTo); // the real offer stays
    }

    [Fact]
    public void A_case_queued_twice_keeps_one_place_and_no_offer()
    {
        var state = new DispatcherState
        {
            Queue = [OfferPolicyTests.Case("c1"), Offered("c1", "a")],
            Roster = { ["a"] = Entry("a", "c1") },
        };
        var breach = Assert.Single(QueueInvariant.Check(state, [], Now), b => b.Kind == BreachKind.DuplicateCase);
        Assert.Equal(["a"], QueueInvariant.Repair(state, breach));
        Assert.Single(state.Queue);
        Assert.Null(state.Roster["a"].OfferCaseId);
        Assert.Empty(QueueInvariant.Check(state, [], Now));
    }
}
