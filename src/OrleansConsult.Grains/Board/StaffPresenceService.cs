using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Grains.Board;

/// <summary>
/// The console's staff page: each person of a tenant's or pool's roster with her presence and open cases
/// (tags only), asked of her counselor grain; and a supervisor's 退勤 for a forgotten shift. The caller checks
/// that the operator may act on <c>dispatcherKey</c>; this checks that the person is on that roster.
/// </summary>
public sealed class StaffPresenceService(IGrainFactory grains, ProgramDirectory directory)
{
    public async Task<IReadOnlyList<StaffPresenceRow>> ListAsync(string dispatcherKey)
    {
        var members = directory.Program.AllStaff
            .Where(m => string.Equals(m.DispatcherKey, dispatcherKey, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var presences = await Task.WhenAll(members.Select(m => grains.GetGrain<ICounselorGrain>(m.Id).GetPresenceAsync()));
        return members.Zip(presences, (m, p) => new StaffPresenceRow(m, p)).ToList();
    }

    /// <summary>Ends her shift with a LINE notice to her; <paramref name="requestId"/> makes a repeated request harmless.</summary>
    public async Task<ShiftEndResult> EndShiftAsync(string dispatcherKey, string staffId, string requestId)
    {
        if (directory.Staff(staffId) is not { } member
            || !string.Equals(member.DispatcherKey, dispatcherKey, StringComparison.OrdinalIgnoreCase))
        {
            return new ShiftEndResult(ShiftEndOutcome.NotFound, null);
        }
        var counselor = grains.GetGrain<ICounselorGrain>(member.Id);
        var before = (await counselor.GetPresenceAsync()).Presence;
        return await counselor.EndShiftBySupervisorAsync(requestId)
            ? new ShiftEndResult(ShiftEndOutcome.Ended, before)
            : new ShiftEndResult(ShiftEndOutcome.AlreadyOffShift, Presence.OffShift);
    }
}
