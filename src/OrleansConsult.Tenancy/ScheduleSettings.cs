namespace OrleansConsult.Tenancy;

/// <summary>Hours in Asia/Tokyo. Times are offsets from local midnight, so 24:00 can end a day.</summary>
public sealed record ScheduleSettings(
    IReadOnlyList<DailyWindow> Weekly,
    IReadOnlyList<TimeWindow> HolidayHours,
    bool ClosedOnPublicHolidays,
    bool ClosedYearEnd,
    IReadOnlyList<DateOnly> ClosedDays,
    IReadOnlyList<DateWindow> OpenDays);
