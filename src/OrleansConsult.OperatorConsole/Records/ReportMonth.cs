using System.Globalization;

namespace OrleansConsult.OperatorConsole.Records;

/// <summary>A calendar month in Asia/Tokyo ("2026-11"): the period of a monthly report.</summary>
public sealed record ReportMonth(int Year, int Month)
{
    public DateTimeOffset From => new(Year, Month, 1, 0, 0, 0, TimeSpan.FromHours(9));

    public DateTimeOffset To => From.AddMonths(1);

    public string Text => $"{Year:D4}-{Month:D2}";

    public static ReportMonth? Parse(string? text) =>
        DateOnly.TryParseExact((text ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new ReportMonth(day.Year, day.Month)
            : null;

    /// <summary>The <paramref name="count"/> months that end with this one, oldest first (the chart by month).</summary>
    public IReadOnlyList<ReportMonth> Trailing(int count) =>
        Enumerable.Range(0, count).Select(i => From.AddMonths(i - count + 1)).Select(d => new ReportMonth(d.Year, d.Month)).ToList();

    /// <summary>The month before the one <paramref name="now"/> falls in (the month an officer reports).</summary>
    public static ReportMonth LastBefore(DateTimeOffset now)
    {
        var tokyo = OrleansConsult.Tenancy.JapaneseCalendar.ToTokyo(now).AddMonths(-1);
        return new ReportMonth(tokyo.Year, tokyo.Month);
    }
}
