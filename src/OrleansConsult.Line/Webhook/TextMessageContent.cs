namespace OrleansConsult.Line.Webhook;

public sealed record TextMessageContent : MessageContent
{
    public string Text { get; init; } = "";
    public IReadOnlyList<TextEmoji>? Emojis { get; init; }
    public TextMention? Mention { get; init; }
    public string? QuotedMessageId { get; init; }
}
