using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Records;

/// <summary>
/// When a counselor hears of a case she closed and has not classified: once, the next day (Asia/Tokyo) at 9:00,
/// so a night's cases wait for the morning and she is not told while still finishing them.
/// </summary>
public static class RecordReminderPolicy
{
    public static readonly TimeSpan At = TimeSpan.FromHours(9);

    /// <summary>How long a closed case stays on her list for /記録 #tag and the reminder.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    /// <summary>At most this many closed cases are kept on her list (the oldest go first).</summary>
    public const int MaxKept = 40;

    public static DateTimeOffset DueAt(DateTimeOffset closedAt)
    {
        var date = DateOnly.FromDateTime(JapaneseCalendar.ToTokyo(closedAt).DateTime).AddDays(1);
        return JapaneseCalendar.AtTokyo(date, At);
    }
}
