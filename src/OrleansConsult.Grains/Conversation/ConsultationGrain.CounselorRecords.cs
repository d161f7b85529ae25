using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.Grains.Records;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// What the counselor records about her case from LINE (/記録, /紹介), and her look back into it. Only the counselor
/// who answered the case may; the look back only while it is open or within 24 hours of its closing. Writes go to
/// the same case-record store the console uses; a failing store is thrown, so her tap is worked again, not lost.
/// </summary>
public sealed partial class ConsultationGrain
{
    private bool IsCounselorOf(string counselorId) =>
        S.Opened && S.CounselorId is { } mine && string.Equals(mine, counselorId, StringComparison.Ordinal);

    public async Task<bool> ClassifyAsync(string counselorId, string[] topics, string? ageBand, string? pregnancyWeeks, string[] actions)
    {
        if (!IsCounselorOf(counselorId) || CaseRecords is not { } store)
        {
            return false;
        }
        await store.ClassifyAsync(CaseId, new CaseClassification(topics, ageBand, pregnancyWeeks, actions));
        LogClassified(logger, CaseId, counselorId);
        return true;
    }

    /// <summary>
    /// A referral recorded from LINE. The one place a LINE referral is written: an urgent case referred to 警察 or
    /// 児童相談所 calls the on-shift supervisors from here (once per referral: the call is keyed by its id).
    /// </summary>
    public async Task<bool> RecordReferralAsync(string counselorId, string referralId, string destination, string status, string place)
    {
        if (!IsCounselorOf(counselorId) || CaseRecords is not { } store)
        {
            return false;
        }
        await store.SaveReferralAsync(new CaseReferral(referralId, CaseId, destination, place, status));
        LogReferral(logger, CaseId, counselorId, destination, status);
        await ReferralRecordedAsync(destination, referralId);
        return true;
    }

    public async Task<string[]?> RecapForCounselorAsync(string counselorId, int max)
    {
        if (!IsCounselorOf(counselorId) || !ScrollBackPolicy.MayScrollBack(S.ClosedAt, clock.GetUtcNow()))
        {
            return null;
        }
        var entries = await Relay.TranscriptAsync();
        return entries.TakeLast(Math.Clamp(max, 0, 20)).Select(CaseTexts.RecapLine).ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} classified on LINE by counselor {CounselorId}")]
    private static partial void LogClassified(ILogger logger, string caseId, string counselorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: referral recorded on LINE by counselor {CounselorId} ({Destination}, {Status})")]
    private static partial void LogReferral(ILogger logger, string caseId, string counselorId, string destination, string status);
}
