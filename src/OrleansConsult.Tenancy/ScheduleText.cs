using System.Globalization;

namespace OrleansConsult.Tenancy;

/// <summary>Japanese wording of hours for consultees: 火・木・土 9:00〜13:00（祝日・年末年始を除く）.</summary>
public static class ScheduleText
{
    private const string WeekdayKanji = "日月火水木金土";

    // Japanese schedules list the week from Monday.
    private static readonly DayOfWeek[] Week =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    public static string WeeklyHours(ScheduleSettings settings)
    {
        // Days with the same hours share one phrase, in order of their first day.
        var groups = Week
            .Select(day => (Day: day, Hours: Windows(settings.Weekly.Where(w => w.Day == day)
                .Select(w => new TimeWindow(w.Start, w.End)))))
            .Where(d => d.Hours.Length > 0)
            .GroupBy(d => d.Hours)
            .Select(g => $"{Days(g.Select(d => d.Day).ToList())} {g.Key}")
            .ToList();

        var holidayLabel = (settings.ClosedOnPublicHolidays, settings.ClosedYearEnd) switch
        {
            (false, false) => "祝日・年末年始",
            (false, true) => "祝日",
            _ => null,
        };
        if (holidayLabel is not null && settings.HolidayHours.Count > 0)
            groups.Add($"{holidayLabel} {Windows(settings.HolidayHours)}");

        var text = groups.Count > 0 ? string.Join("、", groups) : "定期の受付時間はありません";
        return text + (settings.ClosedOnPublicHolidays, settings.ClosedYearEnd) switch
        {
            (true, true) => "（祝日・年末年始を除く）",
            (true, false) => "（祝日を除く）",
            (false, true) => "（年末年始を除く）",
            _ => "",
        };
    }

    /// <summary>次の受付は 11月26日（水）14:00 からです</summary>
    public static string NextOpening(DateTimeOffset? opening) =>
        opening is { } at ? $"次の受付は {DateAndTime(at)} からです" : "しばらくの間、受付の予定はありません";

    /// <summary>ただいま受付中です（13:00 まで）</summary>
    public static string OpenUntil(DateTimeOffset end) => $"ただいま受付中です（{EndTime(end)} まで）";

    /// <summary>11月26日（水）14:00, in Tokyo time whatever the offset of the instant.</summary>
    public static string DateAndTime(DateTimeOffset instant)
    {
        var local = JapaneseCalendar.ToTokyo(instant);
        return $"{local.Month}月{local.Day}日（{WeekdayKanji[(int)local.DayOfWeek]}）{Time(local.TimeOfDay)}";
    }

    public static string Time(TimeSpan timeOfDay) =>
        $"{(int)timeOfDay.TotalHours}:{timeOfDay.Minutes.ToString("00", CultureInfo.InvariantCulture)}";

    // A window ending at midnight reads better as 24:00 than as 0:00 of the next day.
    private static string EndTime(DateTimeOffset end)
    {
        var local = JapaneseCalendar.ToTokyo(end);
        return Time(local.TimeOfDay == TimeSpan.Zero ? TimeSpan.FromHours(24) : local.TimeOfDay);
    }

    private static string Windows(IEnumerable<TimeWindow> windows) =>
        string.Join("・", windows.OrderBy(w => w.Start).Select(w => $"{Time(w.Start)}〜{Time(w.End)}"));

    /// <summary>毎日, 月〜金 for runs of three or more, else 火・木・土.</summary>
    private static string Days(IReadOnlyList<DayOfWeek> days)
    {
        if (days.Count == 7) return "毎日";
        var indexes = days.Select(d => Array.IndexOf(Week, d)).Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < indexes.Count;)
        {
            var j = i;
            while (j + 1 < indexes.Count && indexes[j + 1] == indexes[j] + 1) j++;
            if (j - i >= 2) parts.Add($"{Kanji(indexes[i])}〜{Kanji(indexes[j])}");
            else parts.AddRange(indexes[i..(j + 1)].Select(Kanji));
            i = j + 1;
        }
        return string.Join("・", parts);
    }

    private static string Kanji(int weekIndex) => WeekdayKanji[(int)Week[weekIndex]].ToString();
}
