using System.Collections.Concurrent;
using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.Tests.Conversation;

/// <summary>The case records in memory for the grain tests (the SQL store has its own tests on SQLite and PostgreSQL).</summary>
public sealed class MemoryCaseRecordStore : ICaseRecordStore
{
    private readonly ConcurrentDictionary<string, CaseRecord> _records = new();
    private readonly ConcurrentDictionary<string, CaseReferral> _referrals = new();

    public Task SaveAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        _records[record.CaseId] = record;
        return Task.CompletedTask;
    }

    public Task OpenedAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        _records.TryAdd(record.CaseId, record with { Classification = null });
        return Task.CompletedTask;
    }

    public Task LeftMessageAsync(string caseId, CancellationToken cancellationToken = default) =>
        Update(caseId, r => r.FirstAnsweredAt is null ? r with { LeftMessage = true } : r);

    public Task ConnectedAsync(string caseId, DateTimeOffset at, string answeredBy, bool byPool, string counselorId, CancellationToken cancellationToken = default) =>
        Update(caseId, r => (r.FirstAnsweredAt is null ? r with { FirstAnsweredAt = at, AnsweredBy = answeredBy, AnsweredByPool = byPool } : r)
            with { CounselorId = counselorId });

    public Task HandledByAsync(string caseId, string counselorId, CancellationToken cancellationToken = default) =>
        Update(caseId, r => r with { CounselorId = counselorId });

    public Task ClosedAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Update(caseId, r => r.ClosedAt is null ? r with { ClosedAt = at } : r);

    public Task SurveyAsync(string caseId, int score, CancellationToken cancellationToken = default) =>
        Update(caseId, r => r with { SurveyScore = score });

    public Task ClassifyAsync(string caseId, CaseClassification classification, CancellationToken cancellationToken = default) =>
        Update(caseId, r => r with { Classification = classification });

    public Task SaveReferralAsync(CaseReferral referral, CancellationToken cancellationToken = default)
    {
        _referrals[referral.ReferralId] = referral;
        return Task.CompletedTask;
    }

    public Task<CaseRecord?> FindAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.GetValueOrDefault(caseId));

    public Task<IReadOnlyList<CaseReferral>> ReferralsOfAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseReferral>>(_referrals.Values.Where(r => r.CaseId == caseId).OrderBy(r => r.ReferralId, StringComparer.Ordinal).ToList());

    public Task<IReadOnlyList<CaseRecord>> ListAsync(CaseRecordFilter filter, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseRecord>>(_records.Values
            .Where(r => (filter.Tenants is null || filter.Tenants.Contains(r.TenantId)) && r.OpenedAt >= filter.From && r.OpenedAt < filter.To
                && (!filter.UnclassifiedOnly || r.Classification is null))
            .OrderByDescending(r => r.OpenedAt).Take(filter.Max).ToList());

    public Task<IReadOnlyList<CaseRecord>> UnclassifiedAsync(string tenantId, DateTimeOffset closedBefore, int max = 500, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseRecord>>(_records.Values
            .Where(r => r.TenantId == tenantId && r.Classification is null && r.ClosedAt < closedBefore)
            .OrderBy(r => r.ClosedAt).Take(max).ToList());

    public Task ForgetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        _records.TryRemove(caseId, out _);
        foreach (var referral in _referrals.Values.Where(r => r.CaseId == caseId).ToList())
        {
            _referrals.TryRemove(referral.ReferralId, out _);
        }
        return Task.CompletedTask;
    }

    private Task Update(string caseId, Func<CaseRecord, CaseRecord> change)
    {
        while (_records.TryGetValue(caseId, out var record) && !_records.TryUpdate(caseId, change(record), record))
        {
        }
        return Task.CompletedTask;
    }
}
