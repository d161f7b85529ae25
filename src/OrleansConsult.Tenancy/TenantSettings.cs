namespace OrleansConsult.Tenancy;

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
