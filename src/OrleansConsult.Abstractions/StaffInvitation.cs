namespace OrleansConsult.Abstractions;

/// <summary>
/// A one-time invitation for one staff member of the roster. The code itself is never kept: the
/// store holds a keyed hash of it, so a database dump enrolls nobody.
/// </summary>
/// <param name="Id">Public handle for listing and revoking (not a secret, enrolls nobody).</param>
/// <param name="OwnerId">The tenant or nurse pool whose roster names her.</param>
[GenerateSerializer, Immutable, Alias("oc.StaffInvitation")]
public sealed record StaffInvitation(
    [property: Id(0)] string Id,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] string StaffId,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] DateTimeOffset? UsedAt = null,
    [property: Id(6)] DateTimeOffset? RevokedAt = null)
{
    public InvitationStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationStatus.Revoked
        : UsedAt is not null ? InvitationStatus.Used
        : now >= ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Open;
}
