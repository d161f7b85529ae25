namespace OrleansConsult.Line.Webhook;

public sealed record Mentionee
{
    public int Index { get; init; }
    public int Length { get; init; }
    public string Type { get; init; } = "";
    public string? UserId { get; init; }
    public bool IsSelf { get; init; }
}
