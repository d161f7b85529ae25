namespace OrleansConsult.Abstractions;

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
