namespace OrleansConsult.Line.Webhook;

public sealed record MembershipEvent : WebhookEvent
{
    public MembershipDetail? Membership { get; init; }
}
