using System.Globalization;
using OrleansConsult.Abstractions;
using OrleansConsult.Tenancy;

namespace OrleansConsult.OperatorConsole.Board;

/// <summary>The board's and staff page's Japanese wording: statuses, waits, hours. Times are Asia/Tokyo.</summary>
public static class BoardText
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static string Presence(Presence presence) => presence switch
    {
        Abstractions.Presence.Available => "出勤",
        Abstractions.Presence.Away => "休憩",
        _ => "退勤",
    };

    public static string CaseState(BoardCaseState state) => state switch
    {
        BoardCaseState.Offered => "打診中",
        BoardCaseState.LeftMessage => "伝言（受付開始待ち）",
        _ => "待機中",
    };

    public static string Role(StaffRole role) => role switch
    {
        StaffRole.Midwife => "助産師",
        StaffRole.Nurse => "看護師",
        StaffRole.PublicHealthNurse => "保健師",
        StaffRole.Supervisor => "スーパーバイザー",
        _ => "相談員",
    };

    /// <summary>"受付中（13:00 まで）", "受付時間外（11/27(金) 14:00 から）", or "受付時間外（予定なし）".</summary>
    public static string Hours(DispatcherBoard board, DateTimeOffset now) => (board.Open, board.Until) switch
    {
        (true, { } end) => $"受付中（{Time(end, now)} まで）",
        (true, null) => "受付中",
        (false, { } opening) => $"受付時間外（{Time(opening, now)} から）",
        _ => "受付時間外（予定なし）",
    };

    /// <summary>A wait or an idle time: "45秒", "3分12秒", "1時間05分".</summary>
    public static string Elapsed(DateTimeOffset since, DateTimeOffset now)
    {
        var span = now - since;
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours}時間{span.Minutes:00}分"
            : span.TotalMinutes >= 1 ? $"{span.Minutes}分{span.Seconds:00}秒"
            : $"{span.Seconds}秒";
    }

    /// <summary>"13:00" today, "11/27(金) 14:00" on another day.</summary>
    public static string Time(DateTimeOffset instant, DateTimeOffset now)
    {
        var local = Tenancy.JapaneseCalendar.ToTokyo(instant);
        var today = Tenancy.JapaneseCalendar.ToTokyo(now).Date;
        return local.Date == today
            ? local.ToString("H:mm", Japanese)
            : local.ToString("M/d(ddd) H:mm", Japanese);
    }

    /// <summary>For the machine-readable datetime attribute of &lt;time&gt;.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
