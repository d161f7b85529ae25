using OrleansConsult.Load;

namespace OrleansConsult.Tests.Load;

/// <summary>The load generator's in-order check reads message numbers, so long runs (100 messages or more) are judged right.</summary>
public sealed class MessageOrderTests
{
    [Fact]
    public void Messages_past_99_are_in_order_after_99() =>
        Assert.True(MessageOrder.InOrder(["L0007-m98", "L0007-m99", "L0007-m100", "L0007-m101"]));

    [Fact]
    public void A_later_message_before_an_earlier_one_is_out_of_order()
    {
        Assert.False(MessageOrder.InOrder(["L0007-m100", "L0007-m99"]));
        Assert.False(MessageOrder.InOrder(["L0007-m02", "L0007-m01"]));
    }
}
