namespace OrleansConsult.Line.Webhook;

public sealed record AccountLinkDetail
{
    public string Result { get; init; } = "";
    public string? Nonce { get; init; }
}
