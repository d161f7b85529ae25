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

[GenerateSerializer, Alias("oc.InvitationStatus")]
public enum InvitationStatus
{
    Open = 0,
    Used = 1,
    Expired = 2,
    Revoked = 3,
    /// <summary>No invitation has this code.</summary>
    Unknown = 4,
}

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

/// <summary>
/// Invitations in PostgreSQL or the embedded file; grain tests use an in-memory one. Codes are
/// passed normalized (see the Grains' InvitationCode).
/// </summary>
public interface IStaffInvitationStore
{
    /// <summary>Stores a new invitation for <paramref name="code"/> (kept only as a keyed hash).</summary>
    Task AddAsync(StaffInvitation invitation, string code, CancellationToken cancellationToken = default);

    /// <summary>
    /// Consumes the invitation of <paramref name="code"/> atomically: only an open one, only once.
    /// <paramref name="consumer"/> (who used it; kept as a keyed hash) makes a repeat by the same
    /// consumer succeed again, so a retried event is not refused by its own first attempt.
    /// </summary>
    Task<InvitationUse> ConsumeAsync(string code, string consumer, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Revokes the invitation if it is still unused; returns it as it stands afterwards, or null when no invitation has this id.</summary>
    Task<StaffInvitation?> RevokeByIdAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="RevokeByIdAsync"/>, found by its code.</summary>
    Task<StaffInvitation?> RevokeByCodeAsync(string code, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Revokes every open invitation of one staff member (a new one replaces them); returns how many.</summary>
    Task<int> RevokeOpenForAsync(string ownerId, string staffId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Invitations, newest first, of one tenant or pool or of all.</summary>
    Task<IReadOnlyList<StaffInvitation>> ListAsync(string? ownerId, int limit, CancellationToken cancellationToken = default);
}
