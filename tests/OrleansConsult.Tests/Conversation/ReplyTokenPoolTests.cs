using OrleansConsult.Grains;

namespace OrleansConsult.Tests.Conversation;

/// <summary>Her unused reply tokens: the freshest is spent first, stale ones are never handed out, a few are kept.</summary>
public sealed class ReplyTokenPoolTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Usable = TimeSpan.FromSeconds(50);

    private static void Arrive(LineUserState s, string token, DateTimeOffset at)
    {
        ReplyTokenPool.Shelve(s, at, Usable);
        s.ReplyToken = token;
        s.ReplyTokenReceivedAt = at;
    }

    [Fact]
    public void Each_event_of_a_burst_keeps_its_token_and_they_are_spent_freshest_first()
    {
        var s = new LineUserState();
        Arrive(s, "a", T0);
        Arrive(s, "b", T0.AddSeconds(1));
        Arrive(s, "c", T0.AddSeconds(2));

        var now = T0.AddSeconds(3);
        Assert.Equal("c", ReplyTokenPool.Take(s, now, Usable)?.Token);
        Assert.Equal("b", ReplyTokenPool.Take(s, now, Usable)?.Token);
        Assert.Equal("a", ReplyTokenPool.Take(s, now, Usable)?.Token);
        Assert.Null(ReplyTokenPool.Take(s, now, Usable));
    }

    [Fact]
    public void A_token_past_the_usable_window_is_never_handed_out_and_is_dropped()
    {
        var s = new LineUserState();
        Arrive(s, "old", T0);
        Arrive(s, "new", T0.AddSeconds(30));

        // At 60 s the latest (30 s old) is good, the spare (60 s old) is not.
        Assert.Equal("new", ReplyTokenPool.Take(s, T0.AddSeconds(60), Usable)?.Token);
        Assert.Null(ReplyTokenPool.Take(s, T0.AddSeconds(60), Usable));
        Assert.Empty(s.SpareReplyTokens);

        // A stale latest is spent (never offered again) and nothing older can be fresher.
        Arrive(s, "late", T0.AddSeconds(100));
        Assert.Null(ReplyTokenPool.Take(s, T0.AddSeconds(151), Usable));
        Assert.Null(s.ReplyToken);
    }

    [Fact]
    public void Only_a_few_spares_are_kept_the_oldest_going_first()
    {
        var s = new LineUserState();
        for (var i = 0; i < 10; i++)
        {
            Arrive(s, $"t{i}", T0.AddSeconds(i));
        }
        Assert.Equal(ReplyTokenPool.SparesKept, s.SpareReplyTokens.Count);
        Assert.Equal(["t5", "t6", "t7", "t8"], s.SpareReplyTokens.Select(t => t.Token));
        Assert.Equal("t9", s.ReplyToken);
    }
}
