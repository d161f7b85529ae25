namespace OrleansConsult.Line.Webhook;

public sealed record UnsendDetail
{
    public string MessageId { get; init; } = "";
}
