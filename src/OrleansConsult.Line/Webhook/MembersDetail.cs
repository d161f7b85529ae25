namespace OrleansConsult.Line.Webhook;

public sealed record MembersDetail
{
    public IReadOnlyList<EventSource> Members { get; init; } = [];
}
