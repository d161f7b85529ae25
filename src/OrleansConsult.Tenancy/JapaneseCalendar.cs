using System.Collections.Concurrent;
using PublicHoliday;

namespace OrleansConsult.Tenancy;

/// <summary>Japanese public holidays (PublicHoliday package) and the municipal year-end break.</summary>
public sealed class JapaneseCalendar
{
    public static JapaneseCalendar Instance { get; } = new();

    public static TimeZoneInfo Tokyo { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private readonly JapanPublicHoliday holidays = new();
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> byYear = new();

    public bool IsPublicHoliday(DateOnly date) =>
        byYear.GetOrAdd(date.Year, year =>
            holidays.PublicHolidays(year).Select(DateOnly.FromDateTime).ToHashSet()).Contains(date);

    /// <summary>年末年始 (12/29–1/3), when municipal offices are closed.</summary>
    public static bool IsYearEnd(DateOnly date) =>
        (date.Month == 12 && date.Day >= 29) || (date.Month == 1 && date.Day <= 3);

    public static DateTimeOffset ToTokyo(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Tokyo);

    /// <summary>The instant of a Tokyo wall-clock time; timeOfDay may be 24:00 (the next midnight).</summary>
    public static DateTimeOffset AtTokyo(DateOnly date, TimeSpan timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue) + timeOfDay;
        return new DateTimeOffset(local, Tokyo.GetUtcOffset(local));
    }
}
