namespace OrleansConsult.Line.Webhook;

public sealed record FileMessageContent : MessageContent
{
    public string FileName { get; init; } = "";
    public long FileSize { get; init; }
}
