using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The program configuration in use, as the grains read it: tenants, pools, their schedules, who
/// overflows where, and the roster (who works where, and whether she is active). One per silo.
/// Every read goes to the version in use at that moment, so a program swapped in with
/// <see cref="Use"/> (a roster change) counts from the next read on, in every grain of the silo.
/// </summary>
public sealed class ProgramDirectory(ProgramConfiguration program)
{
    private volatile ProgramIndex _current = new(program);

    /// <summary>Puts a new program version in use (its schedules and indexes are built once, here).</summary>
    public void Use(ProgramConfiguration next) => _current = new ProgramIndex(next);

    public ProgramConfiguration Program => _current.Program;

    public AreaDirectory Areas => _current.Areas;

    public TenantSettings? Tenant(string? id) => id is null ? null : Program.FindTenant(id);

    public DispatcherProfile Dispatcher(string key) =>
        FindDispatcher(key) ?? throw new KeyNotFoundException($"No tenant or nurse pool '{key}'.");

    public DispatcherProfile? FindDispatcher(string? key) => _current.Dispatcher(key);

    /// <summary>The nurse pool a tenant overflows to, when it names one that covers it.</summary>
    public NursePoolSettings? PoolFor(string tenantId) => ProgramIndex.PoolFor(Program, tenantId);

    public StaffMember? Staff(string id) => _current.Staff(id);

    /// <summary>
    /// Whether the roster in use lets <paramref name="staffId"/> take offers from <paramref name="dispatcherKey"/>:
    /// on the roster, active, and working there (not removed, deactivated or moved elsewhere).
    /// </summary>
    public bool MayTakeOffersFrom(string staffId, string dispatcherKey) =>
        Staff(staffId) is { Active: true, TakesCases: true } member && string.Equals(member.DispatcherKey, dispatcherKey, StringComparison.OrdinalIgnoreCase);

    /// <summary>The active supervisors (スーパーバイザー) of a tenant or pool, from the roster in use.</summary>
    public IReadOnlyList<StaffMember> SupervisorsOf(string dispatcherKey) =>
        Program.AllStaff.Where(s => s is { Supervises: true, Active: true }
            && string.Equals(s.DispatcherKey, dispatcherKey, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>
    /// The case-record lists (classification and referral choices) of <paramref name="tenantId"/>'s cases in the
    /// program in use: what LINE's /記録 and /紹介 offer, and what the console's forms should offer too.
    /// </summary>
    public Abstractions.Records.CaseRecordLists RecordLists(string? tenantId) => Records.RecordListsInUse.For(Program, tenantId);

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
