namespace OrleansConsult.Line.Webhook;

public sealed record ImageSet
{
    public string Id { get; init; } = "";
    public int Index { get; init; }
    public int Total { get; init; }
}
