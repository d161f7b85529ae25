namespace OrleansConsult.Line.Webhook;

public sealed record VideoPlayCompleteDetail
{
    public string TrackingId { get; init; } = "";
}
