namespace OrleansConsult.Abstractions;

/// <summary>
/// What using a code did. <see cref="InvitationStatus.Open"/> means it was consumed by this
/// consumer now, or earlier by the same consumer (a retried webhook event), and
/// <see cref="Invitation"/> names whom it enrolls.
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.InvitationUse")]
public sealed record InvitationUse(
    [property: Id(0)] InvitationStatus Outcome,
    [property: Id(1)] StaffInvitation? Invitation = null)
{
    public bool Accepted => Outcome == InvitationStatus.Open && Invitation is not null;
}
