using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>Her LINE binding: enrolment by code, a new phone by invitation, leaving, an operator's unbind.</summary>
public sealed partial class CounselorGrain
{
    public async Task<EnrollResult> EnrollAsync(string staffLineKey, string code)
    {
        var staff = directory.Staff(Id);
        if (staff is null || !string.Equals(staff.EnrollmentCode, code.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return EnrollResult.Refused;
        }
        if (S.StaffLineKey is not null)
        {
            // One-time: once bound, the code binds nobody else.
            return S.StaffLineKey == staffLineKey ? EnrollResult.AlreadyYours : EnrollResult.Refused;
        }
        S.StaffLineKey = staffLineKey;
        await state.WriteStateAsync();
        LogEnrolled(logger, Id);
        return EnrollResult.Enrolled;
    }

    public async Task<EnrollResult> BindAsync(string staffLineKey)
    {
        if (S.StaffLineKey == staffLineKey)
        {
            return EnrollResult.AlreadyYours;
        }
        if (S.StaffLineKey is not null)
        {
            // A new invitation used on another phone: the old one is cut off first.
            await ReleaseAsync();
        }
        S.StaffLineKey = staffLineKey;
        await state.WriteStateAsync();
        LogEnrolled(logger, Id);
        return EnrollResult.Enrolled;
    }

    public async Task<LeaveResult> LeaveAsync(string staffLineKey)
    {
        if (S.StaffLineKey != staffLineKey)
        {
            return LeaveResult.NotBound;
        }
        if (S.Active.Count > 0)
        {
            return LeaveResult.HasOpenCases;
        }
        await ReleaseAsync();
        return LeaveResult.Left;
    }

    public async Task<UnbindResult> UnbindAsync()
    {
        if (S.StaffLineKey is null)
        {
            return new UnbindResult(false, 0, 0);
        }
        var (cases, offers) = await ReleaseAsync();
        LogUnbound(logger, Id, cases);
        return new UnbindResult(true, cases, offers);
    }

    /// <summary>
    /// Ends her LINE binding without stranding anyone: pending offers go back to their dispatchers,
    /// open cases are handed back (to the pool or the area's queue, as /転送 does), she goes off shift.
    /// Her cases and offers stay in state until they are handed back, so a retry after a crash finishes the job.
    /// </summary>
    private async Task<(int Cases, int Offers)> ReleaseAsync()
    {
        // Off shift first, so the dispatcher does not offer her what she is handing back.
        S.Presence = Presence.OffShift;
        await ReportAsync();
        var offers = S.Offers.ToList();
        foreach (var offer in offers)
        {
            await GrainFactory.GetGrain<IDispatcherGrain>(offer.DispatcherKey).DeclineOfferAsync(offer.CaseId, Id);
        }
        var cases = S.Active.ToList();
        foreach (var open in cases)
        {
            await GrainFactory.GetGrain<IConsultationGrain>(open.CaseId).TransferAsync(Id);
        }
        S.StaffLineKey = null;
        S.Offers.Clear();
        S.Active.Clear();
        S.CurrentCaseId = null;
        S.IdleSince = clock.GetUtcNow();
        await state.WriteStateAsync();
        await ReportAsync();
        return (cases.Count, offers.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counselor {CounselorId} enrolled")]
    private static partial void LogEnrolled(ILogger logger, string counselorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Counselor {CounselorId} unbound from her LINE user; {Cases} open case(s) handed back")]
    private static partial void LogUnbound(ILogger logger, string counselorId, int cases);
}
