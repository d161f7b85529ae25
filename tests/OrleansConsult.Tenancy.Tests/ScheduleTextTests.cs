using OrleansConsult.Tenancy;
using static OrleansConsult.Tenancy.Tests.Sample;

namespace OrleansConsult.Tenancy.Tests;

public class ScheduleTextTests
{
    [Fact]
    public void Toyama_weekly_hours_in_japanese() =>
        Assert.Equal("火・木・土 9:00〜13:00、水・金 14:00〜18:00（祝日・年末年始を除く）", ToyamaSchedule.DescribeWeeklyHours());

    [Fact]
    public void Several_windows_a_day_and_weekday_runs()
    {
        var city = new ConsultationSchedule(Program.FindTenant("shizuoka-city")!.Schedule);
        Assert.Equal("月・水 10:00〜16:00・18:00〜21:00、火・木・金 10:00〜16:00（祝日・年末年始を除く）", city.DescribeWeeklyHours());

        var weekdays = Toyama.Schedule with
        {
            Weekly = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(d => new DailyWindow(d, TimeSpan.FromHours(10), TimeSpan.FromHours(16))).ToList(),
            ClosedYearEnd = false,
        };
        Assert.Equal("月〜金 10:00〜16:00（祝日を除く）", ScheduleText.WeeklyHours(weekdays));
    }

    [Fact]
    public void Nurse_pool_hours_mention_holidays() =>
        Assert.Equal("毎日 18:00〜22:00、祝日・年末年始 10:00〜22:00", NationalPoolSchedule.DescribeWeeklyHours());

    [Fact]
    public void Next_opening_in_japanese()
    {
        Assert.Equal("次の受付は 11月25日（水）14:00 からです", ToyamaSchedule.DescribeNextOpening(Jst(2026, 11, 24, 13)));
        // The same instant written in UTC reads the same.
        Assert.Equal("次の受付は 11月25日（水）14:00 からです",
            ToyamaSchedule.DescribeNextOpening(new DateTimeOffset(2026, 11, 24, 4, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Open_now_and_never_in_japanese()
    {
        Assert.Equal("ただいま受付中です（13:00 まで）", ToyamaSchedule.DescribeNextOpening(Jst(2026, 11, 24, 10)));
        Assert.Equal("しばらくの間、受付の予定はありません", ScheduleText.NextOpening(null));
    }
}
