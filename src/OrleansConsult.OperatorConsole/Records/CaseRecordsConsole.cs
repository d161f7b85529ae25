using System.Security.Claims;
using System.Text.Json;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.Grains.Records;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Audit;
using OrleansConsult.Storage;
using OrleansConsult.Tenancy;

namespace OrleansConsult.OperatorConsole.Records;

/// <summary>
/// What the Records pages do: list and write case records within the signed-in account's scope, produce the
/// monthly report and its exports. Every write and every export goes to the audit log (ids and list values
/// only; no personal data is stored in a record).
/// </summary>
public sealed class CaseRecordsConsole(
    ICaseRecordStore store, SqlCaseReport reports, IConsoleAccess access, IAuditLog audit, TimeProvider clock,
    OrleansConsult.Grains.Conversation.ProgramDirectory programs, Supervision.SupervisorReferralHook? supervision = null)
{
    /// <summary>
    /// The lists of the program in use (the same LINE's /記録 and /紹介 offer): the tenant's own, else the
    /// program's, else the defaults. Null is the national office's view: the program-wide lists.
    /// </summary>
    public CaseRecordLists ListsFor(string? tenantId) => programs.RecordLists(tenantId);

    /// <summary>
    /// Who handles the case, as the console knows staff: her display name in the program and her staff id (never a LINE
    /// user id); the id alone when the program in use no longer lists her; empty when nobody answered (or a phone record).
    /// </summary>
    public string CounselorLabel(CaseRecord record) => record.CounselorId is not { } id ? ""
        : programs.Staff(id) is { } staff ? $"{staff.DisplayName}（{id}）" : id;

    /// <summary>The tenants this account may see; null for the national office (all of them).</summary>
    public IReadOnlyCollection<string>? TenantsOf(ClaimsPrincipal user) =>
        access.ScopeOf(user)?.Role == ConsoleRole.National ? null : access.VisibleTenants(user).Select(t => t.Id).ToList();

    public bool SeesTenant(ClaimsPrincipal user, string tenantId) => access.Allows(user, ScopeKey.Tenant(tenantId));

    public bool IsNational(ClaimsPrincipal user) => access.ScopeOf(user)?.Role == ConsoleRole.National;

    public Task<IReadOnlyList<CaseRecord>> ListAsync(ClaimsPrincipal user, CaseRecordFilter filter, CancellationToken cancellationToken)
    {
        var mine = TenantsOf(user);
        var tenants = filter.Tenants is { } asked ? asked.Where(t => mine is null || mine.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList() : mine;
        return store.ListAsync(filter with { Tenants = tenants }, cancellationToken);
    }

    /// <summary>A case of a tenant the account sees, or null (the page answers 404).</summary>
    public async Task<(CaseRecord Record, IReadOnlyList<CaseReferral> Referrals)?> FindAsync(ClaimsPrincipal user, string caseId, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(caseId, cancellationToken);
        if (record is null || !SeesTenant(user, record.TenantId)) return null;
        return (record, await store.ReferralsOfAsync(caseId, cancellationToken));
    }

    /// <summary>Records a phone consultation for a tenant the account sees; its time band from the tenant's hours.</summary>
    public async Task<string> RecordPhoneAsync(
        ClaimsPrincipal user, TenantSettings tenant, DateTimeOffset at, int durationMinutes, bool urgent,
        CaseClassification? classification, CancellationToken cancellationToken)
    {
        var caseId = "tel-" + Guid.NewGuid().ToString("N")[..16];
        var band = new TimeBandPolicy().BandOf(at, new ConsultationSchedule(tenant.Schedule));
        // A phone caller has no pseudonym: each call counts as its own person for 実人数.
        await store.SaveAsync(new CaseRecord(caseId, tenant.Id, "phone:" + caseId, CaseChannels.Phone, at, band,
            FirstAnsweredAt: at, ClosedAt: at.AddMinutes(durationMinutes), Urgent: urgent, AnsweredBy: tenant.Id,
            DurationMinutes: durationMinutes, Classification: classification), cancellationToken);
        await audit.AppendAsync(new AuditEntry(ConsoleClaims.Actor(user), RecordsAuditActions.PhoneRecorded, tenant.Id, caseId,
            AfterJson: JsonSerializer.Serialize(new { at, durationMinutes, urgent, band, classification })), cancellationToken);
        return caseId;
    }

    public async Task ClassifyAsync(ClaimsPrincipal user, CaseRecord record, CaseClassification classification, CancellationToken cancellationToken)
    {
        await store.ClassifyAsync(record.CaseId, classification, cancellationToken);
        await audit.AppendAsync(new AuditEntry(ConsoleClaims.Actor(user), RecordsAuditActions.Classified, record.TenantId, record.CaseId,
            BeforeJson: record.Classification is null ? null : JsonSerializer.Serialize(record.Classification),
            AfterJson: JsonSerializer.Serialize(classification)), cancellationToken);
    }

    public async Task SaveReferralAsync(ClaimsPrincipal user, CaseRecord record, CaseReferral referral, CancellationToken cancellationToken)
    {
        await store.SaveReferralAsync(referral, cancellationToken);
        await audit.AppendAsync(new AuditEntry(ConsoleClaims.Actor(user), RecordsAuditActions.ReferralSaved, record.TenantId, referral.ReferralId,
            AfterJson: JsonSerializer.Serialize(referral)), cancellationToken);
        if (supervision is not null)
        {
            await supervision.ReferralSavedAsync(record, referral);
        }
    }

    /// <summary>The report of a tenant (or national when <paramref name="tenantId"/> is null) for a month.</summary>
    public async Task<CaseReport> ReportAsync(ClaimsPrincipal user, string? tenantId, ReportMonth month, CancellationToken cancellationToken)
    {
        var report = await reports.ProduceAsync(tenantId, month.From, month.To, month.Text, ListsFor(tenantId), clock.GetUtcNow(), ConsoleClaims.Actor(user),
            cancellationToken, poolName: id => programs.Program.FindPool(id)?.Name ?? id);
        return report with { TenantName = programs.Tenant(tenantId)?.DisplayName };
    }

    /// <summary>延べ件数 by month and channel for the 12 months ending with <paramref name="month"/>, for the same tenant (or nation) as the report.</summary>
    public Task<ReportTable> MonthlyCountsAsync(string? tenantId, ReportMonth month, CancellationToken cancellationToken) =>
        reports.CountsByPeriodAsync(tenantId, month.Trailing(12).Select(m => (m.Text, m.From, m.To)).ToList(), cancellationToken);

    /// <summary>Audits an export before the file leaves.</summary>
    public Task AuditExportAsync(ClaimsPrincipal user, CaseReport report, string format, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEntry(ConsoleClaims.Actor(user), RecordsAuditActions.ReportExported, report.TenantId, "case-report:" + report.Period,
            AfterJson: JsonSerializer.Serialize(new { tenant = report.TenantLabel, period = report.Period, format })), cancellationToken);
}
