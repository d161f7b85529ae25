using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Enrollment;

/// <summary>
/// Issues, lists and revokes one-time staff invitations. Used by the Host's invite command now and
/// by the operator console later; needs storage, not a running cluster.
/// </summary>
public sealed class StaffInvitations(IStaffInvitationStore store, ProgramDirectory directory, EngineClock clock, InvitationOptions options)
{
    public InvitationOptions Options => options;

    /// <summary>
    /// A new invitation for a staff member of the roster of tenant or pool <paramref name="ownerId"/>.
    /// Her earlier open invitations are revoked: only the newest code handed out can enroll her.
    /// </summary>
    public async Task<IssuedInvitation> IssueAsync(string ownerId, string staffId, CancellationToken cancellationToken = default)
    {
        var staff = RosterMember(ownerId, staffId);
        var owner = OwnerIdOf(staff);
        var now = clock.GetUtcNow();
        await store.RevokeOpenForAsync(owner, staff.Id, now, cancellationToken);
        var code = InvitationCode.New();
        var invitation = new StaffInvitation(InvitationCode.NewId(), owner, staff.Id, now, now + options.Lifetime);
        await store.AddAsync(invitation, code, cancellationToken);
        return new IssuedInvitation(invitation, staff, code, options.LinkFor(code));
    }

    /// <summary>Revokes by invitation id (inv-…) or by code. Null when nothing matches.</summary>
    public Task<StaffInvitation?> RevokeAsync(string idOrCode, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (InvitationCode.IsId(idOrCode.Trim()))
        {
            return store.RevokeByIdAsync(idOrCode.Trim().ToLowerInvariant(), now, cancellationToken);
        }
        return InvitationCode.Normalize(idOrCode) is { } code
            ? store.RevokeByCodeAsync(code, now, cancellationToken)
            : Task.FromResult<StaffInvitation?>(null);
    }

    /// <summary>Newest first; of one tenant or pool, or of all when <paramref name="ownerId"/> is null.</summary>
    public Task<IReadOnlyList<StaffInvitation>> ListAsync(string? ownerId, int limit = 200, CancellationToken cancellationToken = default)
    {
        if (ownerId is not null && directory.Tenant(ownerId) is null && directory.Program.FindPool(ownerId) is null)
        {
            throw new EnrollmentException($"No tenant or nurse pool '{ownerId}' in the program in use (known: {KnownOwners()}).");
        }
        return store.ListAsync(ownerId?.ToLowerInvariant(), limit, cancellationToken);
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The roster entry, or a clear refusal naming what is wrong.</summary>
    public StaffMember RosterMember(string ownerId, string staffId)
    {
        if (directory.Tenant(ownerId) is null && directory.Program.FindPool(ownerId) is null)
        {
            throw new EnrollmentException($"No tenant or nurse pool '{ownerId}' in the program in use (known: {KnownOwners()}).");
        }
        return directory.Program.FindRosterMember(ownerId, staffId)
            ?? throw new EnrollmentException($"'{staffId}' is not in the roster of '{ownerId}' in the program in use.");
    }

    /// <summary>The tenant or pool id of her dispatcher ("tenant:toyama" → "toyama").</summary>
    public static string OwnerIdOf(StaffMember staff) => staff.DispatcherKey[(staff.DispatcherKey.IndexOf(':') + 1)..];

    private string KnownOwners() =>
        string.Join(", ", directory.Program.Tenants.Select(t => t.Id).Concat(directory.Program.NursePools.Select(p => p.Id)));
}
