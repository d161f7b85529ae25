namespace OrleansConsult.Line.Webhook;

public sealed record MemberLeftEvent : WebhookEvent
{
    public MembersDetail? Left { get; init; }
}
