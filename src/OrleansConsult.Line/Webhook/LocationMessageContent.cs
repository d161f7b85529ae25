namespace OrleansConsult.Line.Webhook;

public sealed record LocationMessageContent : MessageContent
{
    public string? Title { get; init; }
    public string? Address { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
}
