namespace OrleansConsult.Line.Webhook;

public sealed record MemberJoinedEvent : WebhookEvent
{
    public MembersDetail? Joined { get; init; }
}
