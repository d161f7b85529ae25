using Orleans.Concurrency;

namespace OrleansConsult.Abstractions;

/// <summary>
/// What every grain that stands for one LINE user of a channel does with webhook events:
/// keep them durably, once each, and hand out her freshest reply token.
/// </summary>
public interface ILineUserGrain : IGrainWithStringKey, IDeliverToLineUser
{
    /// <summary>Stores the event durably (state written) before returning; duplicates have no effect.
    /// Not interleaved: with [AlwaysInterleave] the rolling-restart drill lost responses to calls that
    /// reached a deactivating activation (4 of 800 timed out); the wait behind the grain's own work is
    /// bounded instead by the send budget of its LINE sends.</summary>
    [Alias("Accept")]
    Task<AcceptOutcome> AcceptAsync(InboundLineEvent lineEvent);

    /// <summary>Several events of one webhook request, in order, stored with one state write.</summary>
    [Alias("AcceptBatch")]
    Task<IReadOnlyList<AcceptOutcome>> AcceptBatchAsync(IReadOnlyList<InboundLineEvent> lineEvents);

    /// <summary>Hands out the freshest unused reply token if it is younger than <paramref name="maxAge"/>, once.</summary>
    [Alias("TakeReplyToken")]
    Task<ReplyTokenLease?> TakeReplyTokenAsync(TimeSpan maxAge);

    [Alias("GetSnapshot")]
    Task<LineUserSnapshot> GetSnapshotAsync();

    /// <summary>Marks what she wrote up to her latest worked message read (既読): a person has it in front of her now.
    /// Interleaves: the token is taken before the LINE call, so her webhooks never wait behind that call.</summary>
    [OneWay, AlwaysInterleave, Alias("MarkRead")]
    Task MarkReadAsync();

    /// <summary>Works through the stored events in order (a turn of its own, after the webhook was answered).</summary>
    [OneWay, Alias("ProcessPending")]
    Task ProcessPendingAsync();
}

/// <summary>A consultee on the consultee channel, keyed "{channel}:{lineUserId}".</summary>
[Alias("oc.IConsulteeGrain")]
public interface IConsulteeGrain : ILineUserGrain
{
    /// <summary>Her case ended (by the counselor, idle, or transfer failure): the bot takes over again.</summary>
    [OneWay, Alias("CaseClosed")]
    Task CaseClosedAsync(string caseId, string? counselorId, DateTimeOffset closedAt);

    [Alias("GetProfile")]
    Task<ConsulteeProfile> GetProfileAsync();
}

[GenerateSerializer, Immutable, Alias("oc.ConsulteeProfile")]
public sealed record ConsulteeProfile(
    [property: Id(0)] bool? Consent,
    [property: Id(1)] string? TenantId,
    [property: Id(2)] string? OpenCaseId,
    [property: Id(3)] string? LastCounselorId);

/// <summary>A counselor's or nurse's LINE user on the staff channel, keyed "{channel}:{lineUserId}".</summary>
[Alias("oc.IStaffLineUserGrain")]
public interface IStaffLineUserGrain : ILineUserGrain
{
    [Alias("GetCounselorId")]
    Task<string?> GetCounselorIdAsync();
}

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
    /// <summary>Asks for routing again (she pressed 相談する while nobody could take it).</summary>
    [Alias("Retry2")] Task RetryRoutingAsync(string consulteeKey);
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

public static class GrainKeys
{
    public static string LineUser(string channel, string lineUserId) => $"{channel}:{lineUserId}";

    /// <summary>Splits "{channel}:{lineUserId}" (LINE user ids never contain ':').</summary>
    public static (string Channel, string UserId) SplitLineUser(string key)
    {
        var at = key.LastIndexOf(':');
        return (key[..at], key[(at + 1)..]);
    }
}
