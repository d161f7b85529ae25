namespace OrleansConsult.Line.Webhook;

public sealed record BeaconDetail
{
    public string Hwid { get; init; } = "";
    public string Type { get; init; } = "";
    public string? Dm { get; init; }
}
