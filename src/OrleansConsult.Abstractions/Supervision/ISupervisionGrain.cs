using Orleans.Concurrency;

namespace OrleansConsult.Abstractions;

/// <summary>
/// A staff member's side of supervision (implemented by the counselor grain, same key): a supervisor is called;
/// a counselor's case was taken over. One-way, so the desk and the case never wait on her.
/// </summary>
[Alias("oc.ISupervisionGrain")]
public interface ISupervisionGrain : IGrainWithStringKey
{
    /// <summary>A call reaches her LINE with [見守る][ささやく][引き継ぐ] (when she is a supervisor on shift).</summary>
    [OneWay, Alias("Called")]
    Task SupervisorCalledAsync(SupervisorCall call);

    /// <summary>Her case was taken over by <paramref name="supervisorId"/>: it leaves her list (her slot is free) and she is told.</summary>
    [OneWay, Alias("TakenOver")]
    Task CaseTakenOverAsync(string caseId, string supervisorId);
}
