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

/// <summary>The implementing bodies named in the program: 都道府県・指定都市・中核市.</summary>
public enum TenantKind { Prefecture, DesignatedCity, CoreCity }

/// <summary>
/// A staff member's role. A <see cref="Supervisor"/> (スーパーバイザー) comes on shift like the others and is
/// called by /SV and urgent cases; she takes offers only when her roster entry says "TakesCases": true.
/// </summary>
public enum StaffRole { Counselor, Midwife, Nurse, PublicHealthNurse, Supervisor }

/// <summary>One implementing body (都道府県・指定都市・中核市) and the NPO counselors it funds.</summary>
public sealed record TenantSettings(
    string Id,
    string DisplayName,
    TenantKind Kind,
    string EntryCode,
    IReadOnlyList<AreaName> Areas,
    ScheduleSettings Schedule,
    IReadOnlyList<PhoneNumber> Phones,
    string? OverflowTo,
    ConsultationTimeouts Timeouts,
    IReadOnlyList<FaqEntry> Faq,
    IReadOnlyList<StaffMember> Counselors)
{
    public const int DefaultRetentionYears = 5;

    /// <summary>
    /// How long the tenant's case records (case state, transcripts) are kept after a case closes, in
    /// whole years ("RetentionYears", 1 to 30, default 5); the daily purge deletes what is older.
    /// </summary>
    public int RetentionYears { get; init; } = DefaultRetentionYears;

    /// <summary>The tenant's own 定型文 ("CannedReplies": [{"Title", "Text"}]), offered before the national ones.</summary>
    public IReadOnlyList<CannedReply> CannedReplies { get; init; } = [];

    /// <summary>
    /// The tenant's case-record lists ("RecordLists"; each list it leaves out is the program's), or null when it
    /// sets none and uses the program's.
    /// </summary>
    public CaseRecordListSettings? RecordLists { get; init; }

    /// <summary>Records of cases closed before this instant are past the tenant's retention.</summary>
    public DateTimeOffset RetentionCutoff(DateTimeOffset now) => RetentionCutoffFor(now, RetentionYears);

    /// <summary>The same rule for a tenant id no longer in the program (its records use the default).</summary>
    public static DateTimeOffset RetentionCutoffFor(DateTimeOffset now, int years) => now.AddYears(-years);

    public string DispatcherKey => $"tenant:{Id}";

    /// <summary>Link for a PR card: opens the account with the entry code typed in, so the bot knows the area.</summary>
    public string EntryLink(string lineBasicId) =>
        $"https://line.me/R/oaMessage/{Uri.EscapeDataString(lineBasicId)}/?{Uri.EscapeDataString(EntryCode)}";
}

/// <summary>A prefecture or city name as written (富山県) plus what people type for it (とやま, toyama).</summary>
public sealed record AreaName(string Name, IReadOnlyList<string> Aliases);

public sealed record PhoneNumber(string Label, string Number, string HoursText);

public sealed record FaqEntry(string Question, string Answer, IReadOnlyList<string> Keywords);

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

public sealed record ConsultationTimeouts(
    TimeSpan MaxWaitBeforeOverflow,
    TimeSpan OfferTimeout,
    TimeSpan IdleWarnAfter,
    TimeSpan IdleCloseAfter,
    TimeSpan ReturningConsulteeWindow)
{
    public static ConsultationTimeouts Default { get; } = new(
        TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(60),
        TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60), TimeSpan.FromDays(30));

    /// <summary>How long a counselor who let an offer lapse waits before the same case is offered to her again.</summary>
    public TimeSpan OfferRetryPause { get; init; } = TimeSpan.FromSeconds(60);
}

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

/// <summary>Hours in Asia/Tokyo. Times are offsets from local midnight, so 24:00 can end a day.</summary>
public sealed record ScheduleSettings(
    IReadOnlyList<DailyWindow> Weekly,
    IReadOnlyList<TimeWindow> HolidayHours,
    bool ClosedOnPublicHolidays,
    bool ClosedYearEnd,
    IReadOnlyList<DateOnly> ClosedDays,
    IReadOnlyList<DateWindow> OpenDays);

public sealed record TimeWindow(TimeSpan Start, TimeSpan End);

public sealed record DailyWindow(DayOfWeek Day, TimeSpan Start, TimeSpan End);

public sealed record DateWindow(DateOnly Date, TimeSpan Start, TimeSpan End);

public sealed record EmergencyContact(string Label, string Number, string Note);

public sealed record CrisisSettings(IReadOnlyList<string> Words, IReadOnlyList<EmergencyContact> EmergencyContacts)
{
    public static IReadOnlyList<string> DefaultWords { get; } =
        ["死にたい", "消えたい", "殴られ", "出血", "破水", "自殺", "虐待"];

    public static IReadOnlyList<EmergencyContact> DefaultEmergencyContacts { get; } =
    [
        new("救急", "119", "命に関わるとき、強い痛みや大量の出血、破水のとき"),
        new("警察", "110", "暴力を受けている、身の危険を感じるとき"),
        new("児童相談所虐待対応ダイヤル", "189", "子どもへの虐待の心配があるとき（24時間）"),
        new("子ども医療電話相談", "#8000", "夜間・休日に子どもの急な病気で迷ったとき"),
    ];

    /// <summary>The first configured word found in the text (after width and kana folding), or null.</summary>
    public string? FindCrisisWord(string text)
    {
        var folded = TextFolding.Fold(text);
        return Words.FirstOrDefault(w => folded.Contains(TextFolding.Fold(w), StringComparison.Ordinal));
    }
}
