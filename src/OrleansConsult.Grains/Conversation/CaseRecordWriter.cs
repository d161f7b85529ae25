using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.Grains.Records;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The case record of a LINE case (for the monthly report), written once per lifecycle step: opened, left a
/// message, first answered, closed, survey. Every store call is idempotent, so a step repeated after a retry
/// counts nothing twice. A failure to record is logged and never stops the consultation itself. No store
/// (grain tests without one): nothing is written.
/// </summary>
public sealed partial class CaseRecordWriter(string caseId, ICaseRecordStore? store, ILogger logger)
{
    /// <param name="local">Her tenant's dispatcher: its schedule (as the program index built it once per version) gives the time band.</param>
    public Task OpenedAsync(ConsultationState s, DispatcherProfile? local, DateTimeOffset now) => RecordAsync("opened", store =>
    {
        var band = local is not null ? new TimeBandPolicy().BandOf(now, local.Schedule) : TimeBands.Night;
        return store.OpenedAsync(new CaseRecord(caseId, s.TenantId, s.ConsulteeKey, CaseChannels.Line, now, band, Urgent: s.Urgent));
    });

    public Task LeftMessageAsync() => RecordAsync("left-message", store => store.LeftMessageAsync(caseId));

    /// <summary>
    /// A counselor took the case: who handles it now (her staff id, never a LINE user id; the console shows her on the
    /// case and in the unclassified list) and, the first time, the first answer. One write.
    /// </summary>
    /// <param name="answeredBy">The tenant, or the national pool that answered.</param>
    public Task ConnectedAsync(DateTimeOffset now, string answeredBy, bool byPool, string counselorId) =>
        RecordAsync("connected", store => store.ConnectedAsync(caseId, now, answeredBy, byPool, counselorId));

    /// <summary>Who handles the case now, when it changes without a connection (a supervisor took it over).</summary>
    public Task HandledByAsync(string? counselorId) => counselorId is null
        ? Task.CompletedTask
        : RecordAsync("handled-by", store => store.HandledByAsync(caseId, counselorId));

    public Task ClosedAsync(DateTimeOffset now) => RecordAsync("closed", store => store.ClosedAsync(caseId, now));

    public Task SurveyAsync(int score) => RecordAsync("survey", store => store.SurveyAsync(caseId, score));

    private async Task RecordAsync(string step, Func<ICaseRecordStore, Task> write)
    {
        if (store is null) return;
        try
        {
            await write(store);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRecordFailed(logger, e, caseId, step);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId}: the case record step {Step} could not be written")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string caseId, string step);
}
