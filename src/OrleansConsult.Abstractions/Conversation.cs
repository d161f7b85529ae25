using Orleans.Concurrency;

namespace OrleansConsult.Abstractions;

/// <summary>
/// A message to one LINE user, in the grain layer's own serializable shape; the LINE user's grain
/// turns it into LINE messages. Choices become quick replies; a card becomes a bubble with buttons.
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.Outgoing")]
public sealed record Outgoing(
    [property: Id(0)] string Text,
    [property: Id(1)] IReadOnlyList<Choice>? QuickReplies = null,
    [property: Id(2)] Card? Card = null,
    [property: Id(3)] MediaRef? Media = null);
// Media: sent as the same kind of LINE message (its URLs signed at delivery), after Text when there is one.

/// <summary>A button: sends <see cref="Text"/> as if typed, or <see cref="PostbackData"/>, or opens <see cref="Uri"/> (tel:).</summary>
[GenerateSerializer, Immutable, Alias("oc.Choice")]
public sealed record Choice(
    [property: Id(0)] string Label,
    [property: Id(1)] string? Text = null,
    [property: Id(2)] string? PostbackData = null,
    [property: Id(3)] string? Uri = null);

[GenerateSerializer, Immutable, Alias("oc.Card")]
public sealed record Card(
    [property: Id(0)] string Title,
    [property: Id(1)] string Body,
    [property: Id(2)] IReadOnlyList<Choice> Buttons,
    [property: Id(3)] bool Urgent = false);

/// <summary>Delivery to a LINE user through her grain, which owns her reply token.</summary>
public interface IDeliverToLineUser
{
    /// <summary>
    /// Sends in order. <paramref name="retryKey"/> is derived from what caused the send, so a
    /// repeated delivery after a crash is dropped by LINE (X-Line-Retry-Key).
    /// Interleaves with the grain's own work: it only reads and spends the reply token.
    /// Returns <see cref="DeliveryOutcome.Parked"/> when LINE refused any part: the sender's side tells its user.
    /// </summary>
    [AlwaysInterleave, Alias("Deliver")]
    Task<DeliveryOutcome> DeliverAsync(IReadOnlyList<Outgoing> messages, Guid retryKey);
}

[GenerateSerializer, Alias("oc.Presence")]
public enum Presence
{
    OffShift = 0,
    Available = 1,
    Away = 2,
}

[GenerateSerializer, Alias("oc.CaseStatus")]
public enum CaseStatus
{
    Waiting = 0,
    Connected = 1,
    /// <summary>Nobody could take it: the consultee was offered to leave a message.</summary>
    Unanswered = 2,
    /// <summary>She left a message; it is offered first when the area (or pool) opens.</summary>
    LeftMessage = 3,
    Closed = 4,
}

/// <summary>One step of a case's routing, with its time and reason.</summary>
[GenerateSerializer, Immutable, Alias("oc.JournalEntry")]
public sealed record JournalEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Step,
    [property: Id(2)] string Dispatcher,
    [property: Id(3)] string? CounselorId = null,
    [property: Id(4)] string? Reason = null);

/// <summary>What a dispatcher needs to queue and offer a case.</summary>
[GenerateSerializer, Immutable, Alias("oc.CaseTicket")]
public sealed record CaseTicket(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string AreaName,
    [property: Id(3)] bool Urgent,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string? PreferredCounselorId,
    [property: Id(6)] string? Preview,
    [property: Id(7)] bool LeftMessage = false,
    [property: Id(8)] IReadOnlyList<string>? Excluded = null);

[GenerateSerializer, Alias("oc.EnqueueOutcome")]
public enum EnqueueOutcome
{
    Queued = 0,
    /// <summary>This dispatcher is closed and its overflow target took it.</summary>
    Overflowed = 1,
    /// <summary>Closed here and nowhere to overflow: the consultee gets the closed-area answer.</summary>
    Closed = 2,
}

[GenerateSerializer, Immutable, Alias("oc.EnqueueResult")]
public sealed record EnqueueResult(
    [property: Id(0)] EnqueueOutcome Outcome,
    [property: Id(1)] string DispatcherKey,
    [property: Id(2)] int Position);

/// <summary>
/// A counselor's state as her dispatcher sees it. <see cref="HeldOffers"/> and
/// <see cref="LastOfferNumber"/> let the dispatcher see an offer it believes outstanding that she no
/// longer holds; <see cref="OffShiftAt"/> is when her shift ends by itself (her area's closing).
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.CounselorStatus")]
public sealed record CounselorStatus(
    [property: Id(0)] string CounselorId,
    [property: Id(1)] Presence Presence,
    [property: Id(2)] int Capacity,
    [property: Id(3)] int ActiveCases,
    [property: Id(4)] DateTimeOffset IdleSince,
    [property: Id(5)] IReadOnlyList<string>? HeldOffers = null,
    [property: Id(6)] long LastOfferNumber = 0,
    [property: Id(7)] DateTimeOffset? OffShiftAt = null);

/// <summary>An offer shown on a counselor's phone.</summary>
[GenerateSerializer, Immutable, Alias("oc.Offer")]
public sealed record Offer(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string DispatcherKey,
    [property: Id(2)] string AreaName,
    [property: Id(3)] bool Urgent,
    [property: Id(4)] string? Preview,
    [property: Id(5)] DateTimeOffset WaitingSince,
    [property: Id(6)] DateTimeOffset Deadline,
    [property: Id(7)] long OfferNumber);

[GenerateSerializer, Alias("oc.OfferAnswer")]
public enum OfferAnswer
{
    Assigned = 0,
    /// <summary>The offer ran out or the case went elsewhere.</summary>
    Gone = 1,
}

/// <summary>What the dispatcher tells a case about its routing (one-way, informational or a hand-over).</summary>
[GenerateSerializer, Immutable, Alias("oc.RoutingNews")]
public sealed record RoutingNews(
    [property: Id(0)] JournalEntry? Entry,
    [property: Id(1)] int? QueuePosition = null,
    [property: Id(2)] string? NowAt = null,
    [property: Id(3)] bool NobodyAvailable = false);

[GenerateSerializer, Immutable, Alias("oc.CaseSummary")]
public sealed record CaseSummary(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string Tag,
    [property: Id(2)] string TenantId,
    [property: Id(3)] CaseStatus Status,
    [property: Id(4)] bool Urgent,
    [property: Id(5)] string? HandledBy,
    [property: Id(6)] string? CounselorId,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? FirstOfferedAt,
    [property: Id(9)] DateTimeOffset? AcceptedAt,
    [property: Id(10)] DateTimeOffset? ClosedAt,
    [property: Id(11)] string? ClosedReason,
    [property: Id(12)] bool NightOrHoliday,
    [property: Id(13)] int? Satisfaction,
    [property: Id(14)] IReadOnlyList<string> Notes,
    [property: Id(15)] IReadOnlyList<JournalEntry> Journal,
    [property: Id(16)] string AreaName);

/// <summary>A new case, made by the consultee's grain; its id comes from the event that asked for it.</summary>
[GenerateSerializer, Immutable, Alias("oc.CaseRequest")]
public sealed record CaseRequest(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string AreaName,
    [property: Id(7)] string ConsulteeKey,
    [property: Id(4)] bool Urgent,
    [property: Id(5)] string? PreferredCounselorId,
    [property: Id(6)] string? FirstText);
// Ids 2 and 3 held her channel and LINE user id; retired (the case names her by her grain key only).

[GenerateSerializer, Alias("oc.EnrollResult")]
public enum EnrollResult
{
    Enrolled = 0,
    AlreadyYours = 1,
    Refused = 2,
}

[GenerateSerializer, Alias("oc.LeaveResult")]
public enum LeaveResult
{
    Left = 0,
    /// <summary>She still has open cases: she finishes or transfers them first.</summary>
    HasOpenCases = 1,
    /// <summary>This LINE user is not bound to her (any more).</summary>
    NotBound = 2,
}

/// <summary>What an operator's unbind did: whether she was bound, and how many open cases went back to a queue.</summary>
[GenerateSerializer, Immutable, Alias("oc.UnbindResult")]
public sealed record UnbindResult(
    [property: Id(0)] bool WasBound,
    [property: Id(1)] int CasesHandedBack,
    [property: Id(2)] int OffersDeclined);

[GenerateSerializer, Immutable, Alias("oc.DispatcherSnapshot")]
public sealed record DispatcherSnapshot(
    [property: Id(0)] bool Open,
    [property: Id(1)] IReadOnlyList<string> Queue,
    [property: Id(2)] IReadOnlyDictionary<string, string> OffersByCase,
    [property: Id(3)] IReadOnlyList<CounselorStatus> Counselors,
    [property: Id(4)] DateTimeOffset? NextWake,
    [property: Id(5)] string Silo);

[GenerateSerializer, Immutable, Alias("oc.CounselorSnapshot")]
public sealed record CounselorSnapshot(
    [property: Id(0)] string? StaffLineKey,
    [property: Id(1)] Presence Presence,
    [property: Id(2)] IReadOnlyList<string> ActiveCases,
    [property: Id(3)] string? CurrentCase,
    [property: Id(4)] IReadOnlyList<string> PendingOffers);
