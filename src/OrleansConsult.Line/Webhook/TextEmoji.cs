namespace OrleansConsult.Line.Webhook;

public sealed record TextEmoji
{
    public int Index { get; init; }
    public int Length { get; init; }
    public string ProductId { get; init; } = "";
    public string EmojiId { get; init; } = "";
}
