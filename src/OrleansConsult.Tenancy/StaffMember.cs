namespace OrleansConsult.Tenancy;

/// <summary>A counselor of a tenant or a nurse of a pool. <paramref name="DispatcherKey"/> is the
/// dispatcher she takes offers from: "tenant:{id}" or "pool:{id}". <paramref name="EnrollmentCode"/>
/// is optional and honoured in Development only (the samples); production staff enroll by invitation.</summary>
public sealed record StaffMember(
    string Id,
    string DisplayName,
    StaffRole Role,
    int MaxConcurrentCases,
    string? EnrollmentCode,
    string DispatcherKey)
{
    /// <summary>False while she is on the roster but must get no offers (leave, suspended): "Active": false.</summary>
    public bool Active { get; init; } = true;

    /// <summary>
    /// Whether dispatchers offer her cases: everyone but a supervisor does; a supervisor only with
    /// "TakesCases": true (she counsels too). The loader refuses "TakesCases": false for any other role.
    /// </summary>
    public bool TakesCases { get; init; } = true;

    /// <summary>Called by /SV and urgent cases of her tenant or pool while on shift.</summary>
    public bool Supervises => Role == StaffRole.Supervisor;
}
