using System.Text.Json;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Enrollment;
using OrleansConsult.OperatorConsole.Audit;

namespace OrleansConsult.OperatorConsole.Staff;

/// <summary>
/// The staff invitation page's actions: the same <see cref="StaffInvitations"/> and
/// <see cref="StaffBindings"/> as the invite and staff commands, each action audited (ids only:
/// never the code, never a LINE id). The caller has already checked the owner is in scope.
/// </summary>
public sealed class StaffEnrollmentConsole(StaffInvitations invitations, StaffBindings bindings, IAuditLog audit)
{
    public DateTimeOffset Now => invitations.Now;

    public Task<IReadOnlyList<StaffInvitation>> ListAsync(string ownerId, CancellationToken cancellationToken = default) =>
        invitations.ListAsync(ownerId, cancellationToken: cancellationToken);

    public async Task<IssuedInvitation> IssueAsync(string actor, string ownerId, string staffId, CancellationToken cancellationToken = default)
    {
        var issued = await invitations.IssueAsync(ownerId, staffId, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.StaffInvitationIssued, ownerId, $"{issued.Staff.Id}/{issued.Invitation.Id}",
            AfterJson: JsonSerializer.Serialize(new { invitation = issued.Invitation.Id, staff = issued.Staff.Id, expiresAt = issued.Invitation.ExpiresAt })), cancellationToken);
        return issued;
    }

    /// <summary>Revokes an invitation of this owner by its id; null when the owner has no such invitation.</summary>
    public async Task<StaffInvitation?> RevokeAsync(string actor, string ownerId, string invitationId, CancellationToken cancellationToken = default)
    {
        var mine = (await invitations.ListAsync(ownerId, cancellationToken: cancellationToken)).FirstOrDefault(i => i.Id == invitationId);
        if (mine is null)
        {
            return null;
        }
        var revoked = await invitations.RevokeAsync(mine.Id, cancellationToken);
        if (revoked?.StatusAt(invitations.Now) == InvitationStatus.Revoked)
        {
            await audit.AppendAsync(new AuditEntry(actor, AuditActions.StaffInvitationRevoked, ownerId, $"{mine.StaffId}/{mine.Id}"), cancellationToken);
        }
        return revoked;
    }

    public async Task<UnbindResult> UnbindAsync(string actor, string ownerId, string staffId, CancellationToken cancellationToken = default)
    {
        var result = await bindings.UnbindAsync(ownerId, staffId);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.StaffBindingRevoked, ownerId, staffId,
            AfterJson: JsonSerializer.Serialize(new { wasBound = result.WasBound, casesHandedBack = result.CasesHandedBack, offersReturned = result.OffersDeclined })), cancellationToken);
        return result;
    }
}
