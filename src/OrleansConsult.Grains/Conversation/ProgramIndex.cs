using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Conversation;

/// <summary>One version of the program, indexed for the lookups grains make on every action.</summary>
internal sealed class ProgramIndex
{
    private readonly Dictionary<string, DispatcherProfile> _dispatchers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, StaffMember> _staff;

    public ProgramIndex(ProgramConfiguration program)
    {
        Program = program;
        Areas = new AreaDirectory(program.Tenants);
        _staff = program.AllStaff.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var pool in program.NursePools)
        {
            _dispatchers[pool.DispatcherKey] = new DispatcherProfile(pool.DispatcherKey, pool.Name, true,
                new ConsultationSchedule(pool.Schedule), pool.OfferTimeout, null, null, pool.Phones)
            {
                OfferRetryPause = pool.OfferRetryPause,
            };
        }
        foreach (var tenant in program.Tenants)
        {
            _dispatchers[tenant.DispatcherKey] = new DispatcherProfile(tenant.DispatcherKey, tenant.DisplayName, false,
                new ConsultationSchedule(tenant.Schedule), tenant.Timeouts.OfferTimeout, tenant.Timeouts.MaxWaitBeforeOverflow,
                PoolFor(program, tenant.Id)?.DispatcherKey, tenant.Phones)
            {
                OfferRetryPause = tenant.Timeouts.OfferRetryPause,
            };
        }
    }

    public ProgramConfiguration Program { get; }

    public AreaDirectory Areas { get; }

    public DispatcherProfile? Dispatcher(string? key) =>
        key is not null && _dispatchers.TryGetValue(key, out var profile) ? profile : null;

    public StaffMember? Staff(string id) => _staff.GetValueOrDefault(id);

    public static NursePoolSettings? PoolFor(ProgramConfiguration program, string tenantId)
    {
        var tenant = program.FindTenant(tenantId);
        var pool = tenant?.OverflowTo is { } id ? program.FindPool(id) : null;
        return pool is not null && pool.Covers(tenantId) ? pool : null;
    }
}
