using OrleansConsult.Abstractions.Records;
using OrleansConsult.Grains.Records;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tests.Records;

public sealed class TimeBandPolicyTests
{
    // Weekdays 09:00–17:00, closed on public holidays and at the year end.
    private static readonly ConsultationSchedule Weekdays = new(new ScheduleSettings(
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new DailyWindow(d, TimeSpan.FromHours(9), TimeSpan.FromHours(17)))],
        [], ClosedOnPublicHolidays: true, ClosedYearEnd: true, [], []));

    private static DateTimeOffset Jst(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(9));

    [Theory]
    [InlineData(11, 24, 10, TimeBands.WithinHours)] // Tuesday morning
    [InlineData(11, 24, 22, TimeBands.Night)]       // Tuesday night
    [InlineData(11, 24, 6, TimeBands.Night)]        // Tuesday before opening
    [InlineData(11, 28, 10, TimeBands.Holiday)]     // Saturday
    [InlineData(11, 3, 10, TimeBands.Holiday)]      // 文化の日 (a Tuesday)
    [InlineData(12, 30, 10, TimeBands.Holiday)]     // the year-end break (a Wednesday)
    public void A_case_is_banded_by_the_tenants_hours_and_the_engines_calendar(int month, int day, int hour, string band) =>
        Assert.Equal(band, new TimeBandPolicy().BandOf(Jst(month, day, hour), Weekdays));
}
