namespace OrleansConsult.OperatorConsole.Records;

/// <summary>
/// What is wrong with a phone consultation's time and duration, each problem one Japanese sentence (none when it can be
/// recorded). A call cannot start in the future (beyond a few minutes of clock skew) or last more than 600 minutes.
/// </summary>
public static class PhoneRecordCheck
{
    public const int MaxMinutes = 600;

    public static IReadOnlyList<string> Problems(DateTime? tokyoAt, int? durationMinutes, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (tokyoAt is not { } at)
        {
            problems.Add("受付日時を入力してください。");
        }
        else if (new DateTimeOffset(at, TimeSpan.FromHours(9)) > now.AddMinutes(5))
        {
            problems.Add("受付日時が未来になっています。通話を受けた日時を入力してください。");
        }
        if (durationMinutes is not { } minutes)
        {
            problems.Add("通話時間（分）を入力してください。");
        }
        else if (minutes is < 1 or > MaxMinutes)
        {
            problems.Add($"通話時間は 1〜{MaxMinutes} 分で入力してください。");
        }
        return problems;
    }
}
