using System.Diagnostics.Metrics;

namespace OrleansConsult.Host;

/// <summary>
/// Meter "OrleansConsult.Retention": what the daily purge deleted, and parked outbox rows the purge
/// will take within a week (the alert). Labels are tenant ids and row kinds only.
/// </summary>
public sealed class RetentionMetrics
{
    public const string MeterName = "OrleansConsult.Retention";

    private readonly Counter<long> _cases;
    private readonly Counter<long> _transcriptRows;
    private readonly Counter<long> _outboxRows;
    private long _parkedExpiring;

    public RetentionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _cases = meter.CreateCounter<long>("oc_retention_cases_purged", description: "Case records (state, transcript, index row) deleted past their tenant's retention, by tenant");
        _transcriptRows = meter.CreateCounter<long>("oc_retention_transcript_rows_purged", description: "Transcript rows deleted past their tenant's retention, by tenant");
        _outboxRows = meter.CreateCounter<long>("oc_retention_outbox_rows_purged", description: "Outbox rows deleted by the purge, by kind (delivered, parked, expired)");
        meter.CreateObservableGauge("oc_outbox_parked_expiring", () => Interlocked.Read(ref _parkedExpiring),
            description: "Parked outbox rows the purge deletes within a week unless released (as of the last purge)");
    }

    public void CasesPurged(string tenantId, int cases, int transcriptRows)
    {
        _cases.Add(cases, new KeyValuePair<string, object?>("tenant", tenantId));
        _transcriptRows.Add(transcriptRows, new KeyValuePair<string, object?>("tenant", tenantId));
    }

    public void OutboxPurged(string kind, int rows) => _outboxRows.Add(rows, new KeyValuePair<string, object?>("kind", kind));

    public void ParkedExpiring(long rows) => Interlocked.Exchange(ref _parkedExpiring, rows);
}
