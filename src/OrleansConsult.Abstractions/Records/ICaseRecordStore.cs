namespace OrleansConsult.Abstractions.Records;

/// <summary>
/// The case records (oc_case_record and its referrals). Every write is idempotent, so the case grain can
/// repeat a lifecycle step after a retry without counting anything twice.
/// </summary>
public interface ICaseRecordStore
{
    /// <summary>Writes the whole record (a phone consultation, or a correction); the classification too when given.</summary>
    Task SaveAsync(CaseRecord record, CancellationToken cancellationToken = default);

    /// <summary>A LINE case opened; recording it again changes nothing.</summary>
    Task OpenedAsync(CaseRecord record, CancellationToken cancellationToken = default);

    /// <summary>She left a message (no one was on duty); answering it later is the first answer.</summary>
    Task LeftMessageAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A counselor took the case, in one write: she is who handles it now (the last one stays), and the first
    /// connection is the first answer (its time, wait and who answered; later calls leave those alone).
    /// </summary>
    Task ConnectedAsync(string caseId, DateTimeOffset at, string answeredBy, bool byPool, string counselorId, CancellationToken cancellationToken = default);

    /// <summary>Who handles the case now (her staff id, never a LINE user id), when it changes without a connection (a supervisor took it over).</summary>
    Task HandledByAsync(string caseId, string counselorId, CancellationToken cancellationToken = default);

    Task ClosedAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task SurveyAsync(string caseId, int score, CancellationToken cancellationToken = default);

    Task ClassifyAsync(string caseId, CaseClassification classification, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces one referral (by its id).</summary>
    Task SaveReferralAsync(CaseReferral referral, CancellationToken cancellationToken = default);

    Task<CaseRecord?> FindAsync(string caseId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CaseReferral>> ReferralsOfAsync(string caseId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CaseRecord>> ListAsync(CaseRecordFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// A tenant's closed cases that nobody classified, closed before <paramref name="closedBefore"/>, oldest first:
    /// the supervisor's list (the counselor was reminded the day after).
    /// </summary>
    Task<IReadOnlyList<CaseRecord>> UnclassifiedAsync(string tenantId, DateTimeOffset closedBefore, int max = 500, CancellationToken cancellationToken = default);

    /// <summary>The case was erased or expired: its record, labels and referrals go.</summary>
    Task ForgetAsync(string caseId, CancellationToken cancellationToken = default);
}
