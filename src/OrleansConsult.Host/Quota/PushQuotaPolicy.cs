namespace OrleansConsult.Host.Quota;

/// <summary>Which quota counts and how full it is. Pure.</summary>
public static class PushQuotaPolicy
{
    /// <summary>LINE's own limit on a limited plan, else the configured budget, else none.</summary>
    public static long? LimitOf(string? lineType, long? lineValue, long? configured) =>
        lineType == "limited" && lineValue is > 0 ? lineValue : configured is > 0 ? configured : null;

    public static double? ShareOf(long used, long? limit) => limit is > 0 ? (double)used / limit.Value : null;

    public static PushQuotaLevel LevelOf(double? share, double warnAt, double alarmAt) => share switch
    {
        null => PushQuotaLevel.Ok,
        var s when s >= alarmAt => PushQuotaLevel.Alarm,
        var s when s >= warnAt => PushQuotaLevel.Warn,
        _ => PushQuotaLevel.Ok,
    };

    /// <summary>The quota month in Japan time ("2026-11"): a level is logged once per channel and month.</summary>
    public static string MonthOf(DateTimeOffset instant) => Tenancy.JapaneseCalendar.ToTokyo(instant).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
