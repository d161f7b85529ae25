using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>When a consultee's message writes her case, without a silo.</summary>
public sealed class CaseWritePolicyTests
{
    private static readonly DateTimeOffset Stored = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_plain_chat_message_writes_only_once_her_stored_last_message_time_is_five_minutes_old()
    {
        Assert.False(CaseWritePolicy.MustWrite(false, Stored.AddMinutes(4).AddSeconds(59), Stored));
        Assert.True(CaseWritePolicy.MustWrite(false, Stored.AddMinutes(5), Stored));
    }

    [Fact]
    public void Any_other_change_writes_at_once()
    {
        Assert.True(CaseWritePolicy.MustWrite(true, Stored.AddSeconds(1), Stored));
    }
}
