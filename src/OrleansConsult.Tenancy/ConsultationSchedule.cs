namespace OrleansConsult.Tenancy;

/// <summary>
/// When a tenant or nurse pool takes consultations. All questions take an explicit instant
/// (callers pass TimeProvider.GetUtcNow()), and answers are computed in Asia/Tokyo.
/// </summary>
public sealed class ConsultationSchedule(ScheduleSettings settings, JapaneseCalendar? calendar = null)
{
    /// <summary>How far ahead NextOpening looks before giving up.</summary>
    public static readonly int HorizonDays = 60;

    private readonly JapaneseCalendar calendar = calendar ?? JapaneseCalendar.Instance;

    public ScheduleSettings Settings { get; } = settings;

    /// <summary>Local open windows on one Tokyo date, after holidays, year-end and extra days.</summary>
    public IReadOnlyList<TimeWindow> WindowsOn(DateOnly date)
    {
        var extra = Settings.OpenDays.Where(d => d.Date == date).Select(d => new TimeWindow(d.Start, d.End)).ToList();
        if (extra.Count > 0) return extra.OrderBy(w => w.Start).ToList(); // an extra open day beats every closure
        if (Settings.ClosedDays.Contains(date)) return [];

        var yearEnd = JapaneseCalendar.IsYearEnd(date);
        var holiday = calendar.IsPublicHoliday(date);
        if ((yearEnd && Settings.ClosedYearEnd) || (holiday && Settings.ClosedOnPublicHolidays)) return [];
        if ((yearEnd || holiday) && Settings.HolidayHours.Count > 0) return Settings.HolidayHours;

        return Settings.Weekly.Where(w => w.Day == date.DayOfWeek)
            .Select(w => new TimeWindow(w.Start, w.End)).OrderBy(w => w.Start).ToList();
    }

    public bool IsOpen(DateTimeOffset instant) => Containing(instant) is not null;

    /// <summary>The earliest instant at or after <paramref name="instant"/> when it is open (the instant itself
    /// when open now); null when nothing opens within <see cref="HorizonDays"/> days.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset instant)
    {
        if (IsOpen(instant)) return instant;
        var limit = instant.AddDays(HorizonDays);
        foreach (var (start, _) in WindowsFrom(instant))
        {
            if (start > limit) return null;
            if (start >= instant) return start;
        }
        return null;
    }

    /// <summary>When the open period around <paramref name="instant"/> ends (back-to-back windows, even across
    /// midnight, count as one); null when closed. Meant for a schedule-boundary timer.</summary>
    public DateTimeOffset? CurrentWindowEnd(DateTimeOffset instant)
    {
        if (Containing(instant) is not { } end) return null;
        foreach (var (start, windowEnd) in WindowsFrom(instant))
        {
            if (start > end) break;
            if (windowEnd > end) end = windowEnd;
        }
        return end;
    }

    public string DescribeWeeklyHours() => ScheduleText.WeeklyHours(Settings);

    public string DescribeNextOpening(DateTimeOffset instant) =>
        IsOpen(instant)
            ? ScheduleText.OpenUntil(CurrentWindowEnd(instant)!.Value)
            : ScheduleText.NextOpening(NextOpening(instant));

    private DateTimeOffset? Containing(DateTimeOffset instant)
    {
        var local = JapaneseCalendar.ToTokyo(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var window = WindowsOn(date).FirstOrDefault(w => w.Start <= local.TimeOfDay && local.TimeOfDay < w.End);
        return window is null ? null : JapaneseCalendar.AtTokyo(date, window.End);
    }

    /// <summary>Absolute windows in order, from the Tokyo date of <paramref name="instant"/> onwards.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> WindowsFrom(DateTimeOffset instant)
    {
        var first = DateOnly.FromDateTime(JapaneseCalendar.ToTokyo(instant).DateTime);
        for (var date = first; date <= first.AddDays(HorizonDays + 1); date = date.AddDays(1))
            foreach (var w in WindowsOn(date))
                yield return (JapaneseCalendar.AtTokyo(date, w.Start), JapaneseCalendar.AtTokyo(date, w.End));
    }
}
