namespace OrleansConsult.Abstractions;

/// <summary>
/// Supervision of one case (implemented by the case grain, keyed by the case id). Every step is in the case's
/// routing journal (steps "sv-called", "sv-phones", "sv-watch", "sv-whisper", "sv-takeover", "sv-leave").
/// </summary>
[Alias("oc.ICaseSupervisionGrain")]
public interface ICaseSupervisionGrain : IGrainWithStringKey
{
    /// <summary>Her counselor's /SV: null when she is not the case's counselor in a chat. <paramref name="cause"/> names the event.</summary>
    [Alias("CallSupervisor")]
    Task<SupervisorCallOutcome?> CallSupervisorAsync(string counselorId, string cause, string note);

    /// <summary>
    /// A referral to 警察 or 児童相談所 was recorded on this case (console or LINE /紹介): when the case is urgent its
    /// supervisors are called (once per <paramref name="referralId"/>). Null when the rule does not call anyone.
    /// </summary>
    [Alias("ReferralRecorded")]
    Task<SupervisorCallOutcome?> ReferralRecordedAsync(string destination, string referralId);

    /// <summary>She watches: both sides reach her as copies from now on; the consultee is not told.</summary>
    [Alias("Watch")]
    Task<SupervisionAnswer> WatchAsync(string supervisorId, string staffLineKey);

    /// <summary>A private note to the counselor (/ささやき); never to the consultee, not in the transcript.</summary>
    [Alias("Whisper")]
    Task<SupervisionAnswer> WhisperAsync(string supervisorId, string eventId, string text);

    /// <summary>She becomes the case's counselor; the former one is told, the consultee hears another staff member joins.</summary>
    [Alias("TakeOver")]
    Task<SupervisionAnswer> TakeOverAsync(string supervisorId, string staffLineKey);

    /// <summary>退出: she stops watching.</summary>
    [Alias("LeaveWatch")]
    Task<SupervisionAnswer> LeaveWatchAsync(string supervisorId);
}
