using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.Grains.Records;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The case record of a LINE case (for the monthly report), written once per lifecycle step: opened, left a
/// message, first answered, closed, survey. Every store call is idempotent, so a step repeated after a retry
/// counts nothing twice. A failure to record is logged and never stops the consultation itself.
/// </summary>
public sealed partial class ConsultationGrain
{
    private ICaseRecordStore? CaseRecords => ServiceProvider.GetService<ICaseRecordStore>();

    private Task RecordOpenedAsync(DateTimeOffset now) => RecordAsync("opened", store =>
    {
        // The tenant's schedule as the program index built it once per version (not rebuilt per case).
        var band = directory.FindDispatcher(LocalKey) is { } local
            ? new TimeBandPolicy().BandOf(now, local.Schedule)
            : TimeBands.Night;
        return store.OpenedAsync(new CaseRecord(CaseId, S.TenantId, S.ConsulteeKey, CaseChannels.Line, now, band, Urgent: S.Urgent));
    });

    private Task RecordLeftMessageAsync() => RecordAsync("left-message", store => store.LeftMessageAsync(CaseId));

    private async Task RecordAnsweredAsync(DateTimeOffset now, string dispatcherKey, bool byPool)
    {
        await RecordAsync("answered", store => store.FirstAnsweredAsync(CaseId, now, byPool ? dispatcherKey["pool:".Length..] : S.TenantId, byPool));
        await RecordHandledByAsync();
    }

    /// <summary>Who handles the case now (her staff id): the console shows her on the case and in the unclassified list.</summary>
    private Task RecordHandledByAsync() => S.CounselorId is { } counselorId
        ? RecordAsync("handled-by", store => store.HandledByAsync(CaseId, counselorId))
        : Task.CompletedTask;

    private Task RecordClosedAsync(DateTimeOffset now) => RecordAsync("closed", store => store.ClosedAsync(CaseId, now));

    private Task RecordSurveyAsync(int score) => RecordAsync("survey", store => store.SurveyAsync(CaseId, score));

    private async Task RecordAsync(string step, Func<ICaseRecordStore, Task> write)
    {
        if (CaseRecords is not { } store) return;
        try
        {
            await write(store);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRecordFailed(logger, e, CaseId, step);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId}: the case record step {Step} could not be written")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string caseId, string step);
}
