namespace OrleansConsult.Abstractions;

/// <summary>A reply token handed out once: the sender uses it or falls back to push.</summary>
[GenerateSerializer, Immutable, Alias("oc.ReplyTokenLease")]
public sealed record ReplyTokenLease(
    [property: Id(0)] string Token,
    [property: Id(1)] DateTimeOffset ReceivedAt);
