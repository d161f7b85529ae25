namespace OrleansConsult.Line.Webhook;

public sealed record FollowDetail
{
    public bool IsUnblocked { get; init; }
}
