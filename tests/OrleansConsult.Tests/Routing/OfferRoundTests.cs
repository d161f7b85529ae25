using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>
/// The order cases are offered in and a whole round of offers, without a silo: left messages, then urgent, then
/// arrival; each to the previous counselor or the longest idle; never to who declined; only with a free slot.
/// </summary>
public sealed class OfferRoundTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    private static QueuedCase Case(string id, long seq, bool urgent = false, bool leftMessage = false, string? preferred = null) => new()
    {
        Ticket = new CaseTicket(id, "t", "area", urgent, Now, preferred, null, leftMessage, []),
        Seq = seq,
        EnqueuedAt = Now,
    };

    private static List<QueuedCase> InRuleOrder(params QueuedCase[] cases) => new DispatcherQueue([.. cases]).InOrder.ToList();

    [Fact]
    public void Left_messages_come_first_then_urgent_then_arrival()
    {
        var order = InRuleOrder(Case("late", 5), Case("urgent-late", 6, urgent: true), Case("early", 1), Case("left", 9, leftMessage: true), Case("urgent-early", 3, urgent: true));
        Assert.Equal(["left", "urgent-early", "urgent-late", "early", "late"], order.Select(q => q.CaseId));
    }

    [Fact]
    public void A_round_offers_in_rule_order_one_case_per_counselor_and_stops_when_nobody_is_free()
    {
        var queue = InRuleOrder(Case("first", 1), Case("second", 2), Case("urgent", 3, urgent: true));
        var free = new[] { new OfferCandidate("a", Now.AddMinutes(-1)), new OfferCandidate("b", Now.AddMinutes(-9)) };

        var round = OfferPolicy.Round(queue, free, Now);

        // The urgent case goes first, to whoever has been idle longest.
        Assert.Equal([("urgent", "b"), ("first", "a")], round.Select(r => (r.Case.CaseId, r.To.CounselorId)));
    }

    [Fact]
    public void A_case_on_offer_is_skipped_and_a_declined_one_waits_for_someone_else()
    {
        var offered = Case("offered", 1);
        offered.OfferedTo = "x";
        var declined = Case("declined", 2);
        OfferPolicy.Decline(declined, "a");
        var queue = InRuleOrder(offered, declined, Case("third", 3));

        var round = OfferPolicy.Round(queue, [new OfferCandidate("a", Now)], Now);

        Assert.Equal([("third", "a")], round.Select(r => (r.Case.CaseId, r.To.CounselorId)));
    }

    [Fact]
    public void A_returning_consultee_waits_her_turn_and_then_goes_to_her_previous_counselor()
    {
        var queue = InRuleOrder(Case("first", 1), Case("returning", 2, preferred: "a"));
        var free = new[] { new OfferCandidate("b", Now.AddMinutes(-9)), new OfferCandidate("a", Now) };

        var round = OfferPolicy.Round(queue, free, Now);

        // "first" takes the longest idle (b); "returning" gets her previous counselor although a was idle for less.
        Assert.Equal([("first", "b"), ("returning", "a")], round.Select(r => (r.Case.CaseId, r.To.CounselorId)));
    }

    [Theory]
    [InlineData(Presence.Available, 2, 3, null, true)]
    [InlineData(Presence.Available, 3, 3, null, false)] // every slot taken
    [InlineData(Presence.Available, 0, 3, "case9", false)] // an offer of this queue is out to her
    [InlineData(Presence.Away, 0, 3, null, false)] // 休憩
    [InlineData(Presence.OffShift, 0, 3, null, false)]
    public void Only_a_counselor_on_shift_with_a_free_slot_and_no_offer_out_is_free(Presence presence, int active, int capacity, string? offerOut, bool free) =>
        Assert.Equal(free, OfferPolicy.HasFreeSlot(new CounselorStatus("a", presence, capacity, active, Now), offerOut));
}
