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
    [property: Id(8)] string? PostbackData = null);

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
/// A LINE user's counters, events not yet handled and dedup window. <see cref="RecentEventIds"/>
/// are the webhookEventIds accepted, oldest first (ids only, no personal data).
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.LineUserSnapshot")]
public sealed record LineUserSnapshot(
    [property: Id(0)] long EventsAccepted,
    [property: Id(1)] long DuplicatesDropped,
    [property: Id(2)] IReadOnlyList<InboundLineEvent> Pending,
    [property: Id(3)] DateTimeOffset? LastEventAt,
    [property: Id(4)] IReadOnlyList<string> RecentEventIds);
