using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The end of a case record: erased because its consultee asked, or expired because it outlived its
/// tenant's retention. Cleared through the grain rather than deleted in SQL, so the delete goes
/// through the storage provider's ETag check (no stale activation writes the case back) and an open
/// case is closed properly first (dispatcher, counselor, reminder).
/// </summary>
public sealed partial class ConsultationGrain : ICaseRetentionGrain
{
    /// <summary>Resolved here, not in the constructor: the record's end is the only extra need of this file.</summary>
    private ICaseIndex CaseIndex => ServiceProvider.GetRequiredService<ICaseIndex>();

    public async Task<CaseErasure> EraseForConsulteeAsync(string consulteeKey)
    {
        if (S.Opened && S.ConsulteeKey != consulteeKey)
        {
            return CaseErasure.Refused;
        }
        if (S.Opened && S.Status != CaseStatus.Closed)
        {
            // Her counselor is told (CounselorGrain.CaseClosedAsync); she hears it from the bot's erasure answer.
            await CloseAsync("erasure", tellConsultee: false);
        }
        return await DeleteRecordAsync();
    }

    public async Task<CaseErasure> ExpireAsync(DateTimeOffset closedBefore)
    {
        if (S.Opened && !(S.Status == CaseStatus.Closed && S.ClosedAt < closedBefore))
        {
            return CaseErasure.Refused;
        }
        return await DeleteRecordAsync();
    }

    /// <summary>
    /// Transcript first, state row next, index row last: if this stops half way, the index still
    /// points here and the next erasure or purge finishes the job.
    /// </summary>
    private async Task<CaseErasure> DeleteRecordAsync()
    {
        var existed = S.Opened;
        var rows = await Transcripts.DeleteCaseAsync(CaseId);
        // Her pictures and files go with the transcript (none where no media store is wired: grain tests).
        if (ServiceProvider.GetService<IMediaStore>() is { } media)
        {
            await media.DeleteCaseAsync(CaseId);
        }
        await Timers.StopAsync();
        await Stored.ClearStateAsync();
        await CaseIndex.ForgetAsync(CaseId);
        DeactivateOnIdle();
        return new CaseErasure(existed, rows);
    }
}
