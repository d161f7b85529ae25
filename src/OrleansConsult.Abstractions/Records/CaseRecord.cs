namespace OrleansConsult.Abstractions.Records;

/// <summary>
/// One consultation as the monthly report counts it. No personal data: the consultee is her pseudonymous
/// key (the case grain's ConsulteeKey, or a per-call key for a phone record), so cases of one person link
/// for 実人数 without naming her. The counselor is her staff id in the program (null for a phone record or
/// a case nobody answered).
/// </summary>
public sealed record CaseRecord(
    string CaseId,
    string TenantId,
    string ConsulteeKey,
    string Channel,
    DateTimeOffset OpenedAt,
    string TimeBand,
    DateTimeOffset? FirstAnsweredAt = null,
    DateTimeOffset? ClosedAt = null,
    bool Urgent = false,
    string? AnsweredBy = null,
    bool AnsweredByPool = false,
    bool LeftMessage = false,
    DateTimeOffset? LeftMessageAnsweredAt = null,
    int? SurveyScore = null,
    int? DurationMinutes = null,
    CaseClassification? Classification = null,
    string? CounselorId = null);
