namespace OrleansConsult.Line.Webhook;

public sealed record ContentProvider
{
    public string Type { get; init; } = "";
    public string? OriginalContentUrl { get; init; }
    public string? PreviewImageUrl { get; init; }
}
