using Orleans.Concurrency;

namespace OrleansConsult.Abstractions;

/// <summary>One case: relay, transcript, timestamps, notes, survey, routing journal.</summary>
[Alias("oc.IConsultationGrain")]
public interface IConsultationGrain : IGrainWithStringKey
{
    // Every consultee-side method names its caller (her grain key) and is refused unless the case is
    // hers: a case belongs to its two people, whatever id a caller holds.

    /// <summary>
    /// Creates the case and routes it; a second call by the same consultee has no effect. False when
    /// the id already belongs to another consultee's case (she must use another id).
    /// </summary>
    [Alias("Open2")] Task<bool> OpenAsync(CaseRequest request);
    /// <summary>
    /// Asks for routing again (she pressed 相談する while nobody could take it). Returns the case status
    /// after it: Closed when the case ended (or is not hers), so her grain opens a new one instead.
    /// </summary>
    [Alias("Retry3")] Task<CaseStatus> RetryRoutingAsync(string consulteeKey);
    /// <summary>A message of the consultee: relayed once per event id. Returns the case status after it (Closed when not hers).</summary>
    /// <summary><paramref name="media"/>: a picture, video, voice message or file (then <paramref name="text"/> is its transcript line).</summary>
    [Alias("FromConsultee3")] Task<CaseStatus> FromConsulteeAsync(string consulteeKey, string eventId, DateTimeOffset at, string text, bool crisis, MediaRef? media = null);
    [Alias("LeaveMessage2")] Task LeaveMessageAsync(string consulteeKey);
    [Alias("Survey2")] Task<bool> AnswerSurveyAsync(string consulteeKey, int score);
    [Alias("ConsulteeLeft2")] Task ConsulteeLeftAsync(string consulteeKey);

    [Alias("Connect")] Task<bool> ConnectAsync(string counselorId, string staffLineKey, string dispatcherKey);
    [Alias("FromCounselor2")] Task<bool> FromCounselorAsync(string counselorId, string eventId, string text, MediaRef? media = null);
    /// <summary>Her counselor switched to this case: what the consultee wrote is in front of a person (既読).</summary>
    [OneWay, Alias("SeenByCounselor")] Task SeenByCounselorAsync(string counselorId);
    [Alias("End")] Task<bool> EndAsync(string counselorId);
    [Alias("Note")] Task<bool> AddNoteAsync(string counselorId, string note);
    /// <summary>Back to a queue: the nurse pool when it covers the area and is open, else the area's queue.</summary>
    [Alias("Transfer")] Task<string?> TransferAsync(string counselorId);

    [OneWay, Alias("RoutingNews")] Task RoutingNewsAsync(RoutingNews news);
    /// <summary>Idle checks; called by its timer and reminder (and by tests after moving the clock).</summary>
    [Alias("Tick")] Task TickAsync();

    /// <summary>
    /// The outbox parked a relay of this case after it had been queued (LINE refused it later): its writer is
    /// told it did not arrive. Called by the Host's outbox, with the direction and event of the relay.
    /// </summary>
    [Alias("RelayParked")] Task RelayParkedAsync(string direction, string eventId);
    [Alias("GetSummary")] Task<CaseSummary> GetSummaryAsync();

    // The case record from her counselor's LINE (/記録, /紹介): refused (false) unless the caller is the counselor
    // who answered the case; a store failure is thrown, so her tap is worked again rather than lost.

    /// <summary>Her classification from the LINE form (values from the tenant's record lists).</summary>
    [Alias("ClassifyFromLine")] Task<bool> ClassifyAsync(string counselorId, string[] topics, string? ageBand, string? pregnancyWeeks, string[] actions);
    /// <summary>A referral (つなぎ) she recorded on LINE; the same <paramref name="referralId"/> again replaces it (the named place added later).</summary>
    [Alias("RecordReferral")] Task<bool> RecordReferralAsync(string counselorId, string referralId, string destination, string status, string place);
    /// <summary>
    /// Her counselor's look back: the last <paramref name="max"/> messages, clipped, while the case is open or within
    /// 24 hours of its closing (<c>ScrollBackPolicy</c>); null after that, or for anyone but its counselor.
    /// </summary>
    [Alias("RecapForCounselor")] Task<string[]?> RecapForCounselorAsync(string counselorId, int max);
}
