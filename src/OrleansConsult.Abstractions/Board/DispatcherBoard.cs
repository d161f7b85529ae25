namespace OrleansConsult.Abstractions;

/// <summary>
/// The live board of one tenant or nurse pool, as its dispatcher sees it now: whether it is open and
/// until when (or when it opens), the queue's figures, the cases by tag (never text or LINE ids), and
/// who is on shift. <see cref="Version"/> changes whenever anything on it changes, so a reader that
/// already holds this version is answered with nothing.
/// </summary>
/// <param name="Until">Open: the end of the current opening. Closed: the next opening (null when none within the schedule's horizon).</param>
/// <param name="Waiting">Cases waiting for an offer (left messages not counted).</param>
/// <param name="OldestWaitingSince">When the case that has waited here longest (offered or not; left messages not counted) came into this queue.</param>
/// <param name="UrgentWaiting">Urgent (【緊急】) cases waiting or offered.</param>
/// <param name="Offered">Cases with an offer out to a counselor.</param>
/// <param name="InChat">Open chats of this dispatcher's counselors, as they last reported their load.</param>
/// <param name="LeftMessages">Left messages waiting for the opening.</param>
/// <param name="OverflowedToday">Cases this queue handed to its nurse pool today (Asia/Tokyo).</param>
/// <param name="Cases">The queue in its order: left messages, urgent, arrival.</param>
/// <param name="Staff">Counselors on shift (出勤 or 休憩).</param>
/// <param name="SupervisorCalls">Its supervisor desk: 未対応のSV要請 and the latest (added by the board feed; null from the dispatcher).</param>
[GenerateSerializer, Immutable, Alias("oc.DispatcherBoard")]
public sealed record DispatcherBoard(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] bool IsPool,
    [property: Id(3)] bool Open,
    [property: Id(4)] DateTimeOffset? Until,
    [property: Id(5)] int Waiting,
    [property: Id(6)] DateTimeOffset? OldestWaitingSince,
    [property: Id(7)] int UrgentWaiting,
    [property: Id(8)] int Offered,
    [property: Id(9)] int InChat,
    [property: Id(10)] int LeftMessages,
    [property: Id(11)] int OverflowedToday,
    [property: Id(12)] IReadOnlyList<BoardCase> Cases,
    [property: Id(13)] IReadOnlyList<BoardStaff> Staff,
    [property: Id(14)] long Version,
    [property: Id(15)] SupervisorCallSummary? SupervisorCalls = null);
