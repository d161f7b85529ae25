namespace OrleansConsult.Line.Webhook;

public sealed record StickerMessageContent : MessageContent
{
    public string PackageId { get; init; } = "";
    public string StickerId { get; init; } = "";
    public string? StickerResourceType { get; init; }
    public IReadOnlyList<string>? Keywords { get; init; }
    public string? Text { get; init; }
}
