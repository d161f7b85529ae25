namespace OrleansConsult.Line.Webhook;

public sealed record VideoMessageContent : MessageContent
{
    public long Duration { get; init; }
    public ContentProvider? ContentProvider { get; init; }
}
