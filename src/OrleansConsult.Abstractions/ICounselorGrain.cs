using Orleans.Concurrency;

namespace OrleansConsult.Abstractions;

/// <summary>A counselor or nurse: enrollment, presence, capacity, offers, her open cases.</summary>
[Alias("oc.ICounselorGrain")]
public interface ICounselorGrain : IGrainWithStringKey
{
    /// <summary>Development only: binds with the program file's code, first come.</summary>
    [Alias("Enroll")] Task<EnrollResult> EnrollAsync(string staffLineKey, string code);
    /// <summary>Binds her to this staff LINE user after a valid invitation; a binding to another LINE user ends (her open cases are handed back).</summary>
    [Alias("Bind")] Task<EnrollResult> BindAsync(string staffLineKey);
    /// <summary>退会 by herself: refused while she has open cases.</summary>
    [Alias("Leave")] Task<LeaveResult> LeaveAsync(string staffLineKey);
    /// <summary>An operator ends her LINE binding: open cases are handed back, pending offers declined, she goes off shift.</summary>
    [Alias("Unbind")] Task<UnbindResult> UnbindAsync();
    /// <summary>What she typed or tapped on the staff channel. False when <paramref name="staffLineKey"/> is not (or no longer) bound to her: nothing was done.</summary>
    [Alias("InputFrom")] Task<bool> HandleInputAsync(string staffLineKey, string eventId, string? text, string? postbackData);
    /// <summary>Her current case, asked by her bound staff LINE user (null when none, or when that LINE user is not hers).</summary>
    [Alias("CurrentCase")] Task<string?> CurrentCaseAsync(string staffLineKey);
    /// <summary>
    /// A picture, video, voice message or file she sent, already fetched and stored for <paramref name="caseId"/>
    /// (<paramref name="stored"/> null where no fetcher is wired). False as for <see cref="HandleInputAsync"/>.
    /// </summary>
    [Alias("MediaFrom")] Task<bool> HandleMediaAsync(string staffLineKey, string eventId, string? caseId, string kind, MediaRef? stored);
    [OneWay, Alias("Offer")] Task OfferAsync(Offer offer);
    [OneWay, Alias("OfferWithdrawn")] Task OfferWithdrawnAsync(string caseId, string reason);
    [OneWay, Alias("CaseClosed")] Task CaseClosedAsync(string caseId, string reason);
    [OneWay, Alias("AreaClosed")] Task AreaClosedAsync(string dispatcherKey);
    [Alias("GetSnapshot")] Task<CounselorSnapshot> GetSnapshotAsync();
    /// <summary>For the console's staff page: presence, open cases and offers by tag. Reads only.</summary>
    [ReadOnly, Alias("GetPresence")] Task<StaffPresence> GetPresenceAsync();
    /// <summary>
    /// A supervisor ends a shift she forgot (退勤): as her own 退勤, with a LINE notice that a supervisor did it;
    /// her open cases stay hers. False when she was already off shift. <paramref name="requestId"/> names the
    /// request, so a repeated send of its notice is dropped by LINE.
    /// </summary>
    [Alias("EndShiftBySupervisor")] Task<bool> EndShiftBySupervisorAsync(string requestId);
    /// <summary>Reminds her once, the day after, of the cases she closed and nobody classified; called by her reminder (and by tests after moving the clock).</summary>
    [Alias("TickRecords")] Task TickRecordsAsync();
}
