namespace OrleansConsult.Line.Webhook;

public sealed record MembershipDetail
{
    public string Type { get; init; } = "";
    public long MembershipId { get; init; }
}
