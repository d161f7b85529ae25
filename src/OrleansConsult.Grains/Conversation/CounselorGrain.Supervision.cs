using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// What the operator console asks of a counselor: her presence for the staff page (case tags only), and a
/// supervisor's 退勤 for a shift she forgot to end, with a LINE notice to her.
/// </summary>
public sealed partial class CounselorGrain
{
    public Task<StaffPresence> GetPresenceAsync() => Task.FromResult(new StaffPresence(
        Id, S.StaffLineKey is not null, S.Presence,
        S.Active.Select(a => CaseIds.Tag(a.CaseId)).ToList(),
        S.Offers.Select(o => CaseIds.Tag(o.CaseId)).ToList(),
        S.IdleSince, S.OffShiftAt));

    public async Task<bool> EndShiftBySupervisorAsync(string requestId)
    {
        if (S.Presence == Presence.OffShift)
        {
            return false;
        }
        // The request names the notice's retry key: the same request sent twice reaches her once.
        Voice.Begin($"supervisor-offshift/{requestId}");
        await GoOffShiftAsync();
        await SayAsync(Say.OffShiftBySupervisor(S.Active.Select(a => CaseIds.Tag(a.CaseId)).ToList()));
        LogShiftEndedBySupervisor(logger, Id);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counselor {CounselorId}: shift ended by a supervisor")]
    private static partial void LogShiftEndedBySupervisor(ILogger logger, string counselorId);
}
