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
