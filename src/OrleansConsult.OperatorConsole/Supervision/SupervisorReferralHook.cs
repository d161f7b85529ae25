using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.Grains.Supervision;

namespace OrleansConsult.OperatorConsole.Supervision;

/// <summary>
/// A referral to 警察 or 児童相談所 saved on an urgent LINE case calls the case's supervisors
/// (<see cref="ICaseSupervisionGrain.ReferralRecordedAsync"/>: journal, desk, phone-list fallback). A failure is
/// logged; the referral itself is saved either way.
/// </summary>
public sealed partial class SupervisorReferralHook(IGrainFactory grains, ILogger<SupervisorReferralHook> logger)
{
    public async Task ReferralSavedAsync(CaseRecord record, CaseReferral referral)
    {
        if (record.Channel != CaseChannels.Line || !SupervisorCallPolicy.CallsOnReferral(referral.Destination, record.Urgent))
        {
            return;
        }
        try
        {
            await grains.GetGrain<ICaseSupervisionGrain>(record.CaseId).ReferralRecordedAsync(referral.Destination, referral.ReferralId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, record.CaseId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId}: an urgent referral could not call the supervisors")]
    private static partial void LogFailed(ILogger logger, Exception exception, string caseId);
}
