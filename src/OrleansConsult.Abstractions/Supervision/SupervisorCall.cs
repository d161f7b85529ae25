namespace OrleansConsult.Abstractions;

/// <summary>
/// A call for the supervisors of a case's tenant or pool. <see cref="CallId"/> comes from the call's cause (the
/// counselor's event, the acceptance, the referral), so a repeated call is the same call.
/// </summary>
/// <param name="Note">Her short note (/SV note), or the referral's destination; delivered to the supervisors, never to the consultee.</param>
[GenerateSerializer, Immutable, Alias("oc.SupervisorCall")]
public sealed record SupervisorCall(
    [property: Id(0)] string CallId,
    [property: Id(1)] string CaseId,
    [property: Id(2)] string TenantId,
    [property: Id(3)] string AreaName,
    [property: Id(4)] bool Urgent,
    [property: Id(5)] SupervisorCallReason Reason,
    [property: Id(6)] string? Note,
    [property: Id(7)] string? CounselorId,
    [property: Id(8)] DateTimeOffset At);
