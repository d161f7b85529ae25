namespace OrleansConsult.Line.Webhook;

public sealed record PostbackContent
{
    public string Data { get; init; } = "";
    public PostbackParams? Params { get; init; }
}
