namespace OrleansConsult.Tenancy;

/// <summary>The whole program: areas (tenants), the shared nurse pools, crisis handling.</summary>
public sealed record ProgramConfiguration(
    IReadOnlyList<TenantSettings> Tenants,
    IReadOnlyList<NursePoolSettings> NursePools,
    CrisisSettings Crisis)
{
    /// <summary>The national 定型文 every tenant's counselors can use ("CannedReplies" at the top; defaults when absent).</summary>
    public IReadOnlyList<CannedReply> CannedReplies { get; init; } = CannedReply.NationalDefaults;

    /// <summary>
    /// The 定型文 a counselor of a case of <paramref name="tenant"/> chooses from: the tenant's own first, then the
    /// national ones whose title the tenant does not use.
    /// </summary>
    public IReadOnlyList<CannedReply> CannedRepliesFor(TenantSettings? tenant)
    {
        var own = tenant?.CannedReplies ?? [];
        return [.. own, .. CannedReplies.Where(n => own.All(o => o.Title != n.Title))];
    }

    /// <summary>The national case-record lists ("RecordLists" at the top; the defaults when absent).</summary>
    public CaseRecordListSettings RecordLists { get; init; } = CaseRecordListSettings.Default;

    /// <summary>The case-record lists of <paramref name="tenant"/>'s cases: its own where it sets them, else the national ones.</summary>
    public CaseRecordListSettings RecordListsFor(TenantSettings? tenant) => tenant?.RecordLists ?? RecordLists;

    public TenantSettings? FindTenant(string id) =>
        Tenants.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    public NursePoolSettings? FindPool(string id) =>
        NursePools.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Counselors of every tenant and nurses of every pool: one staff-channel enrollment namespace.</summary>
    public IEnumerable<StaffMember> AllStaff =>
        Tenants.SelectMany(t => t.Counselors).Concat(NursePools.SelectMany(p => p.Nurses));

    /// <summary>The staff member whose program-file code this is (development samples; production enrolls by invitation).</summary>
    public StaffMember? FindStaffByEnrollmentCode(string code) =>
        code.Trim() is { Length: > 0 } trimmed
            ? AllStaff.FirstOrDefault(s => string.Equals(s.EnrollmentCode, trimmed, StringComparison.OrdinalIgnoreCase))
            : null;

    /// <summary>How many staff members carry an enrollment code in the program file.</summary>
    public int EnrollmentCodeCount => AllStaff.Count(s => !string.IsNullOrEmpty(s.EnrollmentCode));

    /// <summary>A counselor of tenant <paramref name="ownerId"/> or a nurse of pool <paramref name="ownerId"/>, if the roster has her.</summary>
    public StaffMember? FindRosterMember(string ownerId, string staffId) =>
        (FindTenant(ownerId)?.Counselors ?? FindPool(ownerId)?.Nurses ?? [])
            .FirstOrDefault(s => string.Equals(s.Id, staffId, StringComparison.OrdinalIgnoreCase));
}
