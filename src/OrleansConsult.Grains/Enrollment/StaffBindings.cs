using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Enrollment;

/// <summary>
/// An operator ends a staff member's LINE binding (a lost phone, a staff member leaving): her old
/// LINE user gets nothing further, her open cases go back to a queue, and she can be invited again.
/// Needs the running cluster.
/// </summary>
public sealed class StaffBindings(IGrainFactory grains, StaffInvitations invitations)
{
    public async Task<UnbindResult> UnbindAsync(string ownerId, string staffId)
    {
        var staff = invitations.RosterMember(ownerId, staffId);
        var counselor = grains.GetGrain<ICounselorGrain>(staff.Id);
        var lineKey = (await counselor.GetSnapshotAsync()).StaffLineKey;
        var result = await counselor.UnbindAsync();
        if (result.WasBound && lineKey is not null)
        {
            // Her staff menu goes at once, not at her next message.
            await grains.GetGrain<IStaffRichMenuLink>(lineKey).UnlinkRichMenuAsync();
        }
        return result;
    }
}
