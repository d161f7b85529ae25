namespace OrleansConsult.Line.Webhook;

public sealed record ImageMessageContent : MessageContent
{
    public ContentProvider? ContentProvider { get; init; }
    public ImageSet? ImageSet { get; init; }
}
