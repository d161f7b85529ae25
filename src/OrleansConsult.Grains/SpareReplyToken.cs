namespace OrleansConsult.Grains;

/// <summary>An unused reply token older than her latest one: still good for a reply while it is young.</summary>
[GenerateSerializer, Immutable, Alias("oc.SpareReplyToken")]
public sealed record SpareReplyToken([property: Id(0)] string Token, [property: Id(1)] DateTimeOffset ReceivedAt);
