using OrleansConsult.Tenancy;

namespace OrleansConsult.Tenancy.Tests;

public class JapaneseCalendarTests
{
    [Fact]
    public void Holidays_of_2026_match_the_cabinet_office_list()
    {
        // 内閣府「国民の祝日」2026, including 振替休日 (5/6) and 国民の休日 (9/22).
        DateOnly[] expected =
        [
            new(2026, 1, 1), new(2026, 1, 12), new(2026, 2, 11), new(2026, 2, 23), new(2026, 3, 20),
            new(2026, 4, 29), new(2026, 5, 3), new(2026, 5, 4), new(2026, 5, 5), new(2026, 5, 6),
            new(2026, 7, 20), new(2026, 8, 11), new(2026, 9, 21), new(2026, 9, 22), new(2026, 9, 23),
            new(2026, 10, 12), new(2026, 11, 3), new(2026, 11, 23),
        ];
        var calendar = JapaneseCalendar.Instance;
        var actual = Enumerable.Range(0, 365).Select(d => new DateOnly(2026, 1, 1).AddDays(d)).Where(calendar.IsPublicHoliday);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("2025-02-23", true)] // 天皇誕生日 on a Sunday
    [InlineData("2025-02-24", true)] // its 振替休日
    [InlineData("2025-11-03", true)]
    [InlineData("2025-11-24", true)] // 勤労感謝の日 (Sun 11/23) observed on Monday
    [InlineData("2027-03-21", true)] // 春分の日 on a Sunday
    [InlineData("2027-03-22", true)]
    [InlineData("2032-09-21", true)] // 国民の休日 between 敬老の日 and 秋分の日
    [InlineData("2026-11-24", false)]
    [InlineData("2026-12-29", false)] // year-end is a municipal break, not a 祝日
    public void Sunday_holidays_substitutes_and_sandwiched_days(string date, bool holiday) =>
        Assert.Equal(holiday, JapaneseCalendar.Instance.IsPublicHoliday(DateOnly.Parse(date)));
}
