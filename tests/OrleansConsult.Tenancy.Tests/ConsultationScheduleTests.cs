using OrleansConsult.Tenancy;
using static OrleansConsult.Tenancy.Tests.Sample;

namespace OrleansConsult.Tenancy.Tests;

public class ConsultationScheduleTests
{
    private readonly ConsultationSchedule toyama = ToyamaSchedule;

    [Theory]
    [InlineData(8, 59, false)]
    [InlineData(9, 0, true)]
    [InlineData(12, 59, true)]
    [InlineData(13, 0, false)]
    public void Toyama_tuesday_morning_boundaries(int hour, int minute, bool open) =>
        Assert.Equal(open, toyama.IsOpen(Jst(2026, 11, 24, hour, minute))); // 2026-11-24 is a Tuesday

    [Theory]
    [InlineData(13, 59, false)]
    [InlineData(14, 0, true)]
    [InlineData(17, 59, true)]
    [InlineData(18, 0, false)]
    public void Toyama_wednesday_afternoon_boundaries(int hour, int minute, bool open) =>
        Assert.Equal(open, toyama.IsOpen(Jst(2026, 11, 25, hour, minute)));

    [Theory]
    [InlineData(22)] // Sunday
    [InlineData(30)] // Monday (not a holiday)
    public void Toyama_is_closed_all_day_on_sunday_and_monday(int day)
    {
        for (var hour = 0; hour < 24; hour++)
            Assert.False(toyama.IsOpen(Jst(2026, 11, day, hour, 30)));
    }

    [Fact]
    public void A_public_holiday_on_a_tuesday_closes_toyama()
    {
        var cultureDay = new DateOnly(2026, 11, 3);
        Assert.Equal(DayOfWeek.Tuesday, cultureDay.DayOfWeek);
        Assert.True(JapaneseCalendar.Instance.IsPublicHoliday(cultureDay)); // 文化の日, per the PublicHoliday package
        Assert.False(toyama.IsOpen(Jst(2026, 11, 3, 10)));
        Assert.True(toyama.IsOpen(Jst(2026, 11, 10, 10))); // the next Tuesday is ordinary
    }

    [Theory]
    [InlineData(2026, 12, 29)] // Tuesday
    [InlineData(2026, 12, 30)] // Wednesday
    [InlineData(2027, 1, 2)] // Saturday
    public void Year_end_closes_toyama(int year, int month, int day)
    {
        Assert.True(JapaneseCalendar.IsYearEnd(new DateOnly(year, month, day)));
        Assert.False(toyama.IsOpen(Jst(year, month, day, 10)));
        Assert.False(toyama.IsOpen(Jst(year, month, day, 15)));
    }

    [Fact]
    public void Year_end_closure_can_be_turned_off()
    {
        var open = new ConsultationSchedule(Toyama.Schedule with { ClosedYearEnd = false });
        Assert.True(open.IsOpen(Jst(2026, 12, 29, 10)));
    }

    [Fact]
    public void Next_opening_skips_the_weekend_and_monday()
    {
        // Saturday 13:00 → Tuesday 9:00
        Assert.Equal(Jst(2026, 12, 1, 9), toyama.NextOpening(Jst(2026, 11, 28, 13)));
    }

    [Fact]
    public void Next_opening_skips_a_holiday()
    {
        // Monday evening; Tuesday 11/3 is 文化の日 → Wednesday 14:00
        Assert.Equal(Jst(2026, 11, 4, 14), toyama.NextOpening(Jst(2026, 11, 2, 20)));
    }

    [Fact]
    public void Next_opening_skips_the_year_end_break()
    {
        Assert.Equal(Jst(2027, 1, 5, 9), toyama.NextOpening(Jst(2026, 12, 26, 13)));
    }

    [Fact]
    public void Next_opening_later_the_same_day_and_now_when_open()
    {
        Assert.Equal(Jst(2026, 11, 25, 14), toyama.NextOpening(Jst(2026, 11, 25, 9)));
        Assert.Equal(Jst(2026, 11, 25, 15), toyama.NextOpening(Jst(2026, 11, 25, 15)));
    }

    [Fact]
    public void Next_opening_is_null_when_nothing_opens_within_60_days()
    {
        var never = new ConsultationSchedule(Toyama.Schedule with { Weekly = [] });
        Assert.Null(never.NextOpening(Jst(2026, 11, 24, 10)));

        var far = Toyama.Schedule with { Weekly = [], OpenDays = [new DateWindow(new DateOnly(2027, 3, 1), TimeSpan.FromHours(9), TimeSpan.FromHours(10))] };
        Assert.Null(new ConsultationSchedule(far).NextOpening(Jst(2026, 11, 24, 10)));
        Assert.Equal(Jst(2027, 3, 1, 9), new ConsultationSchedule(far).NextOpening(Jst(2027, 1, 15, 10)));
    }

    [Fact]
    public void Current_window_end_is_the_closing_time_or_null_when_closed()
    {
        Assert.Equal(Jst(2026, 11, 24, 13), toyama.CurrentWindowEnd(Jst(2026, 11, 24, 9)));
        Assert.Equal(Jst(2026, 11, 24, 13), toyama.CurrentWindowEnd(Jst(2026, 11, 24, 12, 59)));
        Assert.Null(toyama.CurrentWindowEnd(Jst(2026, 11, 24, 13)));
    }

    [Fact]
    public void Back_to_back_windows_across_midnight_make_one_window()
    {
        var night = Toyama.Schedule with
        {
            Weekly =
            [
                new DailyWindow(DayOfWeek.Monday, TimeSpan.FromHours(18), TimeSpan.FromHours(24)),
                new DailyWindow(DayOfWeek.Tuesday, TimeSpan.Zero, TimeSpan.FromHours(2)),
            ],
        };
        var schedule = new ConsultationSchedule(night);
        Assert.True(schedule.IsOpen(Jst(2026, 11, 30, 23, 59)));
        Assert.True(schedule.IsOpen(Jst(2026, 12, 1, 0)));
        Assert.Equal(Jst(2026, 12, 1, 2), schedule.CurrentWindowEnd(Jst(2026, 11, 30, 20)));
    }

    [Fact]
    public void Utc_instants_are_read_as_tokyo_time_with_a_fixed_nine_hours()
    {
        // 00:00Z is 9:00 in Tokyo on the same date; 23:59Z the day before is 8:59.
        Assert.True(toyama.IsOpen(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)));
        Assert.False(toyama.IsOpen(new DateTimeOffset(2026, 11, 23, 23, 59, 0, TimeSpan.Zero)));

        // Any offset works: 19:00 in New York (UTC-5) on Monday is 9:00 Tuesday in Tokyo.
        Assert.True(toyama.IsOpen(new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.FromHours(-5))));

        // Summer and winter give the same answer: Japan has no daylight saving time.
        var summer = toyama.NextOpening(new DateTimeOffset(2026, 7, 7, 4, 0, 0, TimeSpan.Zero))!.Value; // Tue 13:00 JST
        var winter = toyama.NextOpening(new DateTimeOffset(2027, 1, 12, 4, 0, 0, TimeSpan.Zero))!.Value;
        Assert.Equal(new DateTimeOffset(2026, 7, 8, 5, 0, 0, TimeSpan.Zero), summer); // Wed 14:00 JST
        Assert.Equal(new DateTimeOffset(2027, 1, 13, 5, 0, 0, TimeSpan.Zero), winter);
        Assert.Equal(TimeSpan.FromHours(9), summer.Offset);
    }

    [Fact]
    public void Extra_closed_and_open_days_override_the_week()
    {
        Assert.False(toyama.IsOpen(Jst(2026, 8, 13, 10))); // a Thursday listed in ClosedDays
        var withSunday = Toyama.Schedule with
        {
            OpenDays = [new DateWindow(new DateOnly(2026, 11, 22), TimeSpan.FromHours(10), TimeSpan.FromHours(12))],
        };
        var schedule = new ConsultationSchedule(withSunday);
        Assert.True(schedule.IsOpen(Jst(2026, 11, 22, 11)));
        Assert.False(schedule.IsOpen(Jst(2026, 11, 22, 12)));
    }

    [Fact]
    public void Nurse_pool_has_evening_and_holiday_hours()
    {
        var pool = NationalPoolSchedule;
        Assert.False(pool.IsOpen(Jst(2026, 11, 24, 11))); // ordinary Tuesday morning
        Assert.True(pool.IsOpen(Jst(2026, 11, 24, 19)));
        Assert.True(pool.IsOpen(Jst(2026, 11, 3, 11))); // 文化の日
        Assert.True(pool.IsOpen(Jst(2026, 12, 31, 11))); // year-end
        Assert.True(pool.IsOpen(Jst(2026, 11, 22, 21, 59))); // Sunday evening
        Assert.False(pool.IsOpen(Jst(2026, 11, 22, 22)));
        Assert.Equal(Jst(2026, 11, 24, 18), pool.NextOpening(Jst(2026, 11, 24, 11)));
    }
}
