using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Webhook;

public sealed record FollowDetail
{
    public bool IsUnblocked { get; init; }
}
