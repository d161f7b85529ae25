namespace OrleansConsult.Line.Messaging;

public sealed record ButtonsTemplate : LineTemplate
{
    public string? Title { get; init; }
    public string? ThumbnailImageUrl { get; init; }
}
