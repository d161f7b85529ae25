namespace OrleansConsult.Abstractions;

/// <summary>
/// One LINE webhook event as the grain layer keeps it: the fields routing and dedup need,
/// never the whole raw body. Text is personal data: it lives in grain state, never in logs.
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.InboundLineEvent")]
public sealed record InboundLineEvent(
    [property: Id(0)] string WebhookEventId,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset Timestamp,
    [property: Id(3)] string? ReplyToken,
    [property: Id(4)] bool IsRedelivery,
    [property: Id(5)] bool IsStandby,
    [property: Id(6)] string? MessageType = null,
    [property: Id(7)] string? Text = null,
    [property: Id(8)] string? PostbackData = null,
    [property: Id(9)] string? UserId = null,
    [property: Id(10)] InboundMedia? Media = null,
    [property: Id(11)] string? MarkAsReadToken = null);
// UserId: the LINE user id, set by the webhook ingress for her grain (whose key holds only a
// pseudonym) so it can send to her; it lives in encrypted state only.

[GenerateSerializer, Alias("oc.AcceptOutcome")]
public enum AcceptOutcome
{
    /// <summary>Stored durably for the first time.</summary>
    Accepted,

    /// <summary>Seen before (same webhookEventId): no effect.</summary>
    Duplicate,
}

/// <summary>A reply token handed out once: the sender uses it or falls back to push.</summary>
[GenerateSerializer, Immutable, Alias("oc.ReplyTokenLease")]
public sealed record ReplyTokenLease(
    [property: Id(0)] string Token,
    [property: Id(1)] DateTimeOffset ReceivedAt);

/// <summary>
/// A LINE user's counters, events not yet handled and dedup window. <see cref="RecentEventHashes"/>
/// are the <see cref="EventIdHash"/>es of the webhookEventIds accepted, oldest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.LineUserSnapshot")]
public sealed record LineUserSnapshot(
    [property: Id(0)] long EventsAccepted,
    [property: Id(1)] long DuplicatesDropped,
    [property: Id(2)] IReadOnlyList<InboundLineEvent> Pending,
    [property: Id(3)] DateTimeOffset? LastEventAt,
    [property: Id(4)] IReadOnlyList<long> RecentEventHashes);

/// <summary>
/// The dedup window keeps 64-bit hashes of webhookEventIds rather than the ids: 8 bytes instead of
/// ~27 per event, and the window is written with every accepted event (512 ids were 14 KiB of a
/// counselor's state). A false duplicate needs a 64-bit collision within one user's window.
/// </summary>
public static class EventIdHash
{
    public static long Of(string webhookEventId)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(webhookEventId), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    public static IReadOnlyList<long> OfAll(params IEnumerable<string> webhookEventIds) => webhookEventIds.Select(Of).ToList();
}
