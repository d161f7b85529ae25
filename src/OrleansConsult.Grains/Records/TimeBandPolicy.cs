using OrleansConsult.Abstractions.Records;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Records;

/// <summary>
/// Which time band a case opened in, for the 夜間・休日対応 line: within the tenant's hours; otherwise 休日 on a
/// weekend, a public holiday or the year-end break (the engine's calendar), else 夜間.
/// </summary>
public sealed class TimeBandPolicy(JapaneseCalendar? calendar = null)
{
    private readonly JapaneseCalendar calendar = calendar ?? JapaneseCalendar.Instance;

    public string BandOf(DateTimeOffset openedAt, ConsultationSchedule tenantSchedule)
    {
        if (tenantSchedule.IsOpen(openedAt)) return TimeBands.WithinHours;
        var date = DateOnly.FromDateTime(JapaneseCalendar.ToTokyo(openedAt).DateTime);
        var restDay = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            || calendar.IsPublicHoliday(date) || JapaneseCalendar.IsYearEnd(date);
        return restDay ? TimeBands.Holiday : TimeBands.Night;
    }
}
