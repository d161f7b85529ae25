namespace OrleansConsult.Tenancy;

/// <summary>Nurses who take chats for many areas at once (nights, holidays, overflow).</summary>
public sealed record NursePoolSettings(
    string Id,
    string Name,
    bool CoversAllTenants,
    IReadOnlyList<string> TenantIds,
    ScheduleSettings Schedule,
    IReadOnlyList<PhoneNumber> Phones,
    TimeSpan OfferTimeout,
    IReadOnlyList<StaffMember> Nurses)
{
    public string DispatcherKey => $"pool:{Id}";

    /// <summary>How long a nurse who let an offer lapse waits before the same case is offered to her again.</summary>
    public TimeSpan OfferRetryPause { get; init; } = ConsultationTimeouts.Default.OfferRetryPause;

    public bool Covers(string tenantId) =>
        CoversAllTenants || TenantIds.Contains(tenantId, StringComparer.OrdinalIgnoreCase);
}
