using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Conversation;

/// <summary>What a dispatcher needs to know about the tenant or pool it serves.</summary>
public sealed record DispatcherProfile(
    string Key,
    string Name,
    bool IsPool,
    ConsultationSchedule Schedule,
    TimeSpan OfferTimeout,
    TimeSpan? MaxWaitBeforeOverflow,
    string? OverflowTo,
    IReadOnlyList<PhoneNumber> Phones);

/// <summary>
/// The program configuration as the grains read it: tenants, pools, their schedules and who
/// overflows where. One per silo; schedules are built once.
/// </summary>
public sealed class ProgramDirectory
{
    private readonly Dictionary<string, DispatcherProfile> _dispatchers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, StaffMember> _staff;

    public ProgramDirectory(ProgramConfiguration program)
    {
        Program = program;
        Areas = new AreaDirectory(program.Tenants);
        // Looked up on every counselor action: indexed once rather than searched each time.
        _staff = program.AllStaff.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var pool in program.NursePools)
        {
            _dispatchers[pool.DispatcherKey] = new DispatcherProfile(pool.DispatcherKey, pool.Name, true,
                new ConsultationSchedule(pool.Schedule), pool.OfferTimeout, null, null, pool.Phones);
        }
        foreach (var tenant in program.Tenants)
        {
            _dispatchers[tenant.DispatcherKey] = new DispatcherProfile(tenant.DispatcherKey, tenant.DisplayName, false,
                new ConsultationSchedule(tenant.Schedule), tenant.Timeouts.OfferTimeout, tenant.Timeouts.MaxWaitBeforeOverflow,
                PoolFor(tenant.Id)?.DispatcherKey, tenant.Phones);
        }
    }

    public ProgramConfiguration Program { get; }

    public AreaDirectory Areas { get; }

    public TenantSettings? Tenant(string? id) => id is null ? null : Program.FindTenant(id);

    public DispatcherProfile Dispatcher(string key) =>
        _dispatchers.TryGetValue(key, out var profile) ? profile : throw new KeyNotFoundException($"No tenant or nurse pool '{key}'.");

    public DispatcherProfile? FindDispatcher(string? key) =>
        key is not null && _dispatchers.TryGetValue(key, out var profile) ? profile : null;

    /// <summary>The nurse pool a tenant overflows to, when it names one that covers it.</summary>
    public NursePoolSettings? PoolFor(string tenantId)
    {
        var tenant = Program.FindTenant(tenantId);
        var pool = tenant?.OverflowTo is { } id ? Program.FindPool(id) : null;
        return pool is not null && pool.Covers(tenantId) ? pool : null;
    }

    public StaffMember? Staff(string id) => _staff.GetValueOrDefault(id);

    public ConsultationTimeouts TimeoutsOf(string tenantId) =>
        Program.FindTenant(tenantId)?.Timeouts ?? ConsultationTimeouts.Default;

    /// <summary>
    /// For the 夜間・休日 subsidy line: outside 8:30–17:15 on a weekday, or on a weekend,
    /// a public holiday or the year-end break (Asia/Tokyo).
    /// </summary>
    public static bool IsNightOrHoliday(DateTimeOffset instant)
    {
        var local = JapaneseCalendar.ToTokyo(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            || JapaneseCalendar.Instance.IsPublicHoliday(date) || JapaneseCalendar.IsYearEnd(date))
        {
            return true;
        }
        var time = local.TimeOfDay;
        return time < new TimeSpan(8, 30, 0) || time >= new TimeSpan(17, 15, 0);
    }
}
