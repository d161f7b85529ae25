namespace OrleansConsult.Abstractions;

/// <summary>
/// What a webhook said about an image, video, audio or file message: enough to fetch its content
/// later, never the content. <see cref="Provider"/> is "line" (read from the data API by message id)
/// or "external" (read from <see cref="OriginalUrl"/>, preview from <see cref="PreviewUrl"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.InboundMedia")]
public sealed record InboundMedia(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Provider,
    [property: Id(3)] string? OriginalUrl = null,
    [property: Id(4)] string? PreviewUrl = null,
    [property: Id(5)] long? DurationMs = null,
    [property: Id(6)] string? FileName = null,
    [property: Id(7)] long? FileSize = null);
