namespace OrleansConsult.Line.Webhook;

public sealed record AudioMessageContent : MessageContent
{
    public long Duration { get; init; }
    public ContentProvider? ContentProvider { get; init; }
}
