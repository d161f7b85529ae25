using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Storage;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Host;

/// <summary>
/// One run of the retention purge: for every tenant, the cases that closed before its retention cutoff
/// (each deleted through its grain: state row, transcript, index row) and any transcript row older than
/// the cutoff; then the outbox (delivered after a week, parked after 30 days, anything older than the
/// shortest retention). Parked rows the purge will take within a week are logged at Warning and
/// counted. Idempotent: running it twice deletes nothing more.
/// </summary>
public sealed partial class RetentionPurge(
    IGrainFactory grains,
    ProgramDirectory directory,
    SqlCaseIndex caseIndex,
    SqlTranscriptStore transcripts,
    SqlMediaStore media,
    SqlOutbox outbox,
    RetentionMetrics metrics,
    ILogger<RetentionPurge> logger)
{
    private const int Batch = 200;

    public OutboxRetentionPolicy Outbox { get; init; } = OutboxRetentionPolicy.Default;

    public async Task<RetentionReport> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // The program in use now (the console may have changed retention years since start).
        var program = directory.Program;
        var shortest = program.Tenants.Select(t => t.RetentionYears).Append(TenantSettings.DefaultRetentionYears).Min();
        var oldestCutoff = TenantSettings.RetentionCutoffFor(now, shortest);
        // Tenants of the program, and any tenant id still in the tables (a tenant that left the program keeps the default).
        var tenantIds = program.Tenants.Select(t => t.Id)
            .Concat(await caseIndex.TenantsWithCasesBeforeAsync(oldestCutoff, cancellationToken))
            .Concat(await transcripts.TenantsWithRowsBeforeAsync(oldestCutoff, cancellationToken))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        int cases = 0, transcriptRows = 0, stillOpen = 0;
        foreach (var tenantId in tenantIds)
        {
            var cutoff = program.FindTenant(tenantId)?.RetentionCutoff(now) ?? TenantSettings.RetentionCutoffFor(now, TenantSettings.DefaultRetentionYears);
            var (tenantCases, tenantRows, tenantOpen) = await PurgeCasesAsync(tenantId, cutoff, cancellationToken);
            tenantRows += await transcripts.PurgeAsync(tenantId, cutoff, cancellationToken);
            // Media of cases already gone, or stored past the cutoff: pictures never outlive their transcript.
            await media.PurgeAsync(tenantId, cutoff, cancellationToken);
            metrics.CasesPurged(tenantId, tenantCases, tenantRows);
            cases += tenantCases;
            transcriptRows += tenantRows;
            stillOpen += tenantOpen;
        }

        var cutoffs = Outbox.At(now, shortest);
        var purged = await outbox.PurgeAsync(cutoffs.DeliveredBefore, cutoffs.ParkedBefore, cutoffs.MonthlyLimitParkedBefore, cutoffs.CreatedBefore, cancellationToken);
        metrics.OutboxPurged("delivered", purged.Delivered);
        metrics.OutboxPurged("parked", purged.Parked);
        metrics.OutboxPurged("expired", purged.Expired);

        var expiring = await outbox.ParkedBeforeCountAsync(cutoffs.AlertParkedBefore, cancellationToken);
        metrics.ParkedExpiring(expiring);
        if (expiring > 0)
        {
            LogParkedExpiring(logger, expiring, (int)(Outbox.ParkedFor - Outbox.AlertParkedAfter).TotalDays);
        }
        if (stillOpen > 0)
        {
            LogStillOpen(logger, stillOpen);
        }
        LogPurged(logger, cases, transcriptRows, purged.Delivered, purged.Parked, purged.Expired);
        return new RetentionReport(cases, transcriptRows, purged, stillOpen, expiring);
    }

    /// <summary>The index names candidates; each case grain decides (it is the truth) and deletes itself.</summary>
    private async Task<(int Cases, int TranscriptRows, int StillOpen)> PurgeCasesAsync(string tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        int cases = 0, rows = 0, stillOpen = 0;
        var after = "";
        while (true)
        {
            var candidates = await caseIndex.ExpiredCandidatesAsync(tenantId, cutoff, after, Batch, cancellationToken);
            foreach (var caseId in candidates)
            {
                var result = await grains.GetGrain<ICaseRetentionGrain>(caseId).ExpireAsync(cutoff);
                cases += result.Deleted ? 1 : 0;
                rows += result.TranscriptRows;
                stillOpen += result.Kept ? 1 : 0;
            }
            if (candidates.Count < Batch)
            {
                return (cases, rows, stillOpen);
            }
            after = candidates[^1];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Rows} parked outbox row(s) will be deleted by the purge within {Days} days unless released (outbox release)")]
    private static partial void LogParkedExpiring(ILogger logger, long rows, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Cases} case(s) older than their retention are still open and were kept")]
    private static partial void LogStillOpen(ILogger logger, int cases);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge: {Cases} case(s), {TranscriptRows} transcript row(s), outbox {Delivered} delivered, {Parked} parked, {Expired} expired row(s) deleted")]
    private static partial void LogPurged(ILogger logger, int cases, int transcriptRows, int delivered, int parked, int expired);
}
