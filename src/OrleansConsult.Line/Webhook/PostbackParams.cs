namespace OrleansConsult.Line.Webhook;

public sealed record PostbackParams
{
    public string? Date { get; init; }
    public string? Time { get; init; }
    public string? Datetime { get; init; }
    public string? NewRichMenuAliasId { get; init; }
    public string? Status { get; init; }
}
