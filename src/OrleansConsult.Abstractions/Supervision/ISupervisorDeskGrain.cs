using Orleans.Concurrency;

namespace OrleansConsult.Abstractions;

/// <summary>
/// The supervisors of one tenant or pool, keyed like its dispatcher ("tenant:{id}", "pool:{id}"): who is on
/// shift, the calls made and whether someone answered. It tells supervisors with one-way calls only, so no
/// call cycle through it can deadlock.
/// </summary>
[Alias("oc.ISupervisorDeskGrain")]
public interface ISupervisorDeskGrain : IGrainWithStringKey
{
    /// <summary>
    /// Calls the on-shift supervisors (the caller excluded); with none, answers the phone list instead. The same
    /// <see cref="SupervisorCall.CallId"/> again is answered as the first time and tells nobody twice. The
    /// journal entry is the case's: callers go through <c>ICaseSupervisionGrain.CallSupervisorAsync</c> or
    /// <c>ReferralRecordedAsync</c>, not here.
    /// </summary>
    [Alias("Call")]
    Task<SupervisorCallOutcome> CallAsync(SupervisorCall call);

    /// <summary>A supervisor watched, whispered on or took over the case: its calls are answered.</summary>
    [Alias("Answered")]
    Task AnsweredAsync(string caseId, string supervisorId);

    /// <summary>The case closed: its calls have nothing left to answer.</summary>
    [OneWay, Alias("CaseClosed")]
    Task CaseClosedAsync(string caseId);

    /// <summary>A supervisor's 出勤/休憩/退勤. Coming on shift hands her the calls nobody answered yet.</summary>
    [Alias("Presence")]
    Task SupervisorPresenceAsync(string supervisorId, Presence presence);

    [ReadOnly, Alias("GetSummary")]
    Task<SupervisorCallSummary> GetSummaryAsync();
}
