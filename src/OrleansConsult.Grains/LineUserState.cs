using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains;

[GenerateSerializer, Alias("oc.LineUserState")]
public class LineUserState
{
    // Id(0) held the window as strings before it held hashes (7); retired, not reused.

    /// <summary>Accepted events not yet consumed by the conversation engine.</summary>
    [Id(1)] public List<InboundLineEvent> Pending { get; set; } = [];

    [Id(2)] public string? ReplyToken { get; set; }
    [Id(3)] public DateTimeOffset ReplyTokenReceivedAt { get; set; }
    [Id(4)] public long EventsAccepted { get; set; }
    [Id(5)] public long DuplicatesDropped { get; set; }
    [Id(6)] public DateTimeOffset? LastEventAt { get; set; }

    /// <summary>
    /// <see cref="EventIdHash"/>es of recent webhookEventIds, oldest first, 8 bytes each (see <see cref="HashWindow"/>);
    /// LINE redelivers within hours, so a bounded window suffices.
    /// </summary>
    [Id(7)] public byte[] RecentEventHashes { get; set; } = [];

    // Id(8) held the replied keys as a list of Guids (17 bytes each in every write) before they were hashes (13); retired, not reused.

    /// <summary>Her LINE user id, from her events: the grain key holds only a pseudonym of it.</summary>
    [Id(9)] public string? UserId { get; set; }

    /// <summary>
    /// The markAsReadToken of her latest message that was worked (relayed or answered), not yet used:
    /// it marks that message and every earlier one 既読 when a person has them in front of her.
    /// </summary>
    [Id(10)] public string? MarkAsReadToken { get; set; }

    /// <summary>Her unused reply tokens older than <see cref="ReplyToken"/>, still young enough to reply with (see <see cref="ReplyTokenPool"/>).</summary>
    [Id(11)] public List<SpareReplyToken> SpareReplyTokens { get; set; } = [];

    /// <summary>Replies written with their token before they leave and not yet answered by LINE, oldest first (see <see cref="ReplyInFlight"/>).</summary>
    [Id(12)] public List<ReplyInFlight> RepliesInFlight { get; set; } = [];

    /// <summary>
    /// Retry keys of sends that went out as replies (recorded in the write that spends the token,
    /// before the reply leaves), as <see cref="RetryKeyHash"/>es, 8 bytes each, newest last (see <see cref="HashWindow"/>).
    /// A reply carries no retry key, so if the same send comes again after a crash LINE could not drop it:
    /// it is skipped instead. Bounded: a busy counselor's state is written at every event she sends.
    /// </summary>
    [Id(13)] public byte[] RepliedKeyHashes { get; set; } = [];
}
