using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>The dispatcher's queue in memory: order, places, and which rows a save must write.</summary>
public sealed class DispatcherQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    private static QueuedCase Case(string id, long seq, bool urgent = false) => new()
    {
        Ticket = new CaseTicket(id, "t", "area", urgent, Now, null, null),
        Seq = seq,
        EnqueuedAt = Now,
    };

    [Fact]
    public void Places_follow_the_rule_order_and_an_urgent_mark_moves_the_case_up()
    {
        var queue = new DispatcherQueue([]);
        var cases = Enumerable.Range(1, 50).Select(i => Case($"c{i}", i)).ToList();
        foreach (var q in cases.AsEnumerable().Reverse())
        {
            queue.Add(q);
        }
        Assert.Equal(Enumerable.Range(1, 50), cases.Select(queue.PositionOf));

        var late = cases[40];
        late.Ticket = late.Ticket with { Urgent = true };
        queue.Reorder(late);

        Assert.Equal(1, queue.PositionOf(late));
        Assert.Equal(2, queue.PositionOf(cases[0]));
        Assert.Equal(50, queue.PositionOf(cases[49]));
    }

    [Fact]
    public void A_save_writes_what_changed_and_deletes_what_left_and_then_nothing_more()
    {
        var kept = Case("kept", 1);
        var leaving = Case("leaving", 2);
        var queue = new DispatcherQueue([kept, leaving]); // as loaded: nothing to write
        Assert.False(queue.HasChanges);

        var arriving = Case("arriving", 3);
        queue.Add(arriving);
        queue.Touch(kept);
        queue.Remove(leaving);
        var (changed, removed) = queue.TakeChanges();

        Assert.Equal(["arriving", "kept"], changed.Select(q => q.CaseId).Order());
        Assert.Equal(["leaving"], removed);
        Assert.False(queue.HasChanges);
        Assert.Null(queue.Find("leaving"));
        Assert.Equal(2, queue.PositionOf(arriving));
    }

    [Fact]
    public void A_case_that_leaves_is_not_written_and_one_that_comes_back_is_not_deleted()
    {
        var queue = new DispatcherQueue([]);
        var q = Case("c1", 1);
        queue.Add(q);
        queue.Remove(q);
        queue.Touch(q); // a stale reference changes nothing
        var (changed, removed) = queue.TakeChanges();
        Assert.Empty(changed);
        Assert.Equal(["c1"], removed);

        queue.Remove(Case("c2", 2)); // never queued
        var again = Case("c1", 4);
        queue.Remove(q);
        queue.Add(again);
        var (c, r) = queue.TakeChanges();
        Assert.Equal(["c1"], c.Select(x => x.CaseId));
        Assert.Empty(r);
        Assert.Throws<InvalidOperationException>(() => queue.Add(Case("c1", 5)));
    }
}
