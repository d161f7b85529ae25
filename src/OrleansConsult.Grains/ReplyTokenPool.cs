using OrleansConsult.Line.Sending;

namespace OrleansConsult.Grains;

/// <summary>
/// Her unused reply tokens: the latest (<see cref="LineUserState.ReplyToken"/>) and a few older ones
/// still within the usable window. Every event she sends brings a token; each is good for one reply,
/// so several events in one webhook request, or a burst of messages, can each be answered for free.
/// The freshest is spent first. Pure: the grain writes the state before a taken token is used.
/// </summary>
public static class ReplyTokenPool
{
    /// <summary>Spares kept besides the latest; LINE's tokens live about a minute, so a few suffice.</summary>
    public const int SparesKept = 4;

    /// <summary>Called as a new token arrives: the latest, if unused and still usable, becomes a spare.</summary>
    public static void Shelve(LineUserState s, DateTimeOffset now, TimeSpan usableFor)
    {
        var spares = s.SpareReplyTokens;
        if (s.ReplyToken is { } previous && now - s.ReplyTokenReceivedAt < usableFor)
        {
            spares.Add(new SpareReplyToken(previous, s.ReplyTokenReceivedAt));
        }
        spares.RemoveAll(t => now - t.ReceivedAt >= usableFor);
        if (spares.Count > SparesKept)
        {
            spares.RemoveRange(0, spares.Count - SparesKept);
        }
    }

    /// <summary>The freshest usable token, removed from the pool (spent); null when none is young enough.</summary>
    public static ReplyTokenSlot? Take(LineUserState s, DateTimeOffset now, TimeSpan usableFor)
    {
        if (s.ReplyToken is { } latest)
        {
            var slot = new ReplyTokenSlot(latest, s.ReplyTokenReceivedAt);
            s.ReplyToken = null;
            if (now - slot.ReceivedAt < usableFor)
            {
                return slot;
            }
        }
        var spares = s.SpareReplyTokens;
        spares.RemoveAll(t => now - t.ReceivedAt >= usableFor);
        if (spares.Count == 0)
        {
            return null;
        }
        var freshest = spares[^1];
        spares.RemoveAt(spares.Count - 1);
        return new ReplyTokenSlot(freshest.Token, freshest.ReceivedAt);
    }
}
