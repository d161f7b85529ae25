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

    /// <summary>
    /// 祝日, 振替休日 and 国民の休日. The package lists a Sunday holiday only on its substitute Monday
    /// and leaves out a day between two holidays (e.g. 2026-09-22), so both are added here:
    /// a pool with holiday hours must use them on those days too.
    /// </summary>
    public bool IsPublicHoliday(DateOnly date) => byYear.GetOrAdd(date.Year, Load).Contains(date);

    // Fixed-date 祝日 since 2020 (天皇誕生日 moved to 2/23).
    private static readonly (int Month, int Day)[] FixedDates =
        [(1, 1), (2, 11), (2, 23), (4, 29), (5, 3), (5, 4), (5, 5), (8, 11), (11, 3), (11, 23)];

    private HashSet<DateOnly> Load(int year)
    {
        HashSet<DateOnly> days;
        lock (holidays) // the package instance is not documented as thread-safe
        {
            days = holidays.PublicHolidays(year).Select(DateOnly.FromDateTime).ToHashSet();
        }
        if (year < 2020) return days; // the rules below are checked against the 2020s only

        var sundays = FixedDates.Select(d => new DateOnly(year, d.Month, d.Day))
            .Append(VernalEquinox(year)).Append(AutumnalEquinox(year))
            .Where(d => d.DayOfWeek == DayOfWeek.Sunday);
        days.UnionWith(sundays);

        var sandwiched = days.Select(d => d.AddDays(1))
            .Where(d => d.Year == year && d.DayOfWeek != DayOfWeek.Sunday && !days.Contains(d) && days.Contains(d.AddDays(1)))
            .ToList();
        days.UnionWith(sandwiched);
        return days;
    }

    // 春分・秋分 by the usual approximation, valid 1980–2099.
    private static DateOnly VernalEquinox(int year) =>
        new(year, 3, (int)(20.8431 + 0.242194 * (year - 1980)) - (year - 1980) / 4);

    private static DateOnly AutumnalEquinox(int year) =>
        new(year, 9, (int)(23.2488 + 0.242194 * (year - 1980)) - (year - 1980) / 4);

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
