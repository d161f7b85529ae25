using Orleans.Concurrency;

namespace OrleansConsult.Abstractions;

/// <summary>The queue and offers of one tenant ("tenant:{id}") or nurse pool ("pool:{id}").</summary>
[Alias("oc.IDispatcherGrain")]
public interface IDispatcherGrain : IGrainWithStringKey
{
    [Alias("Enqueue")] Task<EnqueueResult> EnqueueAsync(CaseTicket ticket);
    [Alias("Withdraw")] Task WithdrawAsync(string caseId);
    [Alias("MarkUrgent")] Task MarkUrgentAsync(string caseId);
    [Alias("SetPreview")] Task SetPreviewAsync(string caseId, string preview);
    [Alias("UpdateCounselor")] Task UpdateCounselorAsync(CounselorStatus status);
    [Alias("AcceptOffer")] Task<OfferAnswer> AcceptOfferAsync(string caseId, string counselorId);
    [Alias("DeclineOffer")] Task DeclineOfferAsync(string caseId, string counselorId);
    /// <summary>Deadlines, schedule edges and offers; called by its timer and reminder (and by tests).</summary>
    [Alias("Tick")] Task TickAsync();
    [Alias("GetSnapshot")] Task<DispatcherSnapshot> GetSnapshotAsync();
    /// <summary>
    /// The live board (case tags only), or null when it is still <paramref name="knownVersion"/>. Read-only: it
    /// waits for a pump under way to finish, so it never sees a queue half changed.
    /// </summary>
    [ReadOnly, Alias("GetBoard")] Task<DispatcherBoard?> GetBoardAsync(long knownVersion);
}
