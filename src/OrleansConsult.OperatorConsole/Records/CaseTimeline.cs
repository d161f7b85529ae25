using OrleansConsult.Abstractions;
using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.OperatorConsole.Records;

/// <summary>
/// Reads a LINE case's timeline from its <see cref="IConsultationGrain"/> (a grain call, never the state table, so it
/// is what the case itself holds now). A phone record has no grain; a case the grain no longer holds (erased, expired)
/// has no timeline.
/// </summary>
public sealed class CaseTimeline(IGrainFactory grains)
{
    public async Task<CaseTimelineView?> ReadAsync(CaseRecord record)
    {
        if (record.Channel != CaseChannels.Line)
        {
            return null;
        }
        var summary = await grains.GetGrain<IConsultationGrain>(record.CaseId).GetSummaryAsync();
        if (!string.Equals(summary.TenantId, record.TenantId, StringComparison.Ordinal))
        {
            return null;
        }
        var steps = summary.Journal
            .Select(j => new TimelineStep(j.At, JournalStepLabels.Label(j.Step), j.Dispatcher, j.CounselorId, JournalReasonLabels.Label(j.Reason)))
            .ToList();
        return new CaseTimelineView(steps, summary.Notes, summary.Satisfaction, summary.Status);
    }
}
