using OrleansConsult.Abstractions;
using OrleansConsult.OperatorConsole.Board;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tests.Board;

/// <summary>The board's Japanese wording of waits and hours (Asia/Tokyo).</summary>
public sealed class BoardTextTests
{
    private static readonly DateTimeOffset Now = JapaneseCalendar.AtTokyo(new DateOnly(2026, 11, 26), new TimeSpan(10, 0, 0));

    [Theory]
    [InlineData(45, "45秒")]
    [InlineData(192, "3分12秒")]
    [InlineData(3900, "1時間05分")]
    [InlineData(-5, "0秒")]
    public void Waits_read_in_seconds_minutes_or_hours(int seconds, string expected) =>
        Assert.Equal(expected, BoardText.Elapsed(Now.AddSeconds(-seconds), Now));

    [Fact]
    public void Hours_say_until_when_it_is_open_or_when_it_opens_on_another_day()
    {
        Assert.Equal("受付中（13:00 まで）", BoardText.Hours(Board(true, Now.AddHours(3)), Now));
        Assert.Equal("受付時間外（11/27(金) 14:00 から）", BoardText.Hours(Board(false, Now.AddHours(28)), Now));
        Assert.Equal("受付時間外（予定なし）", BoardText.Hours(Board(false, null), Now));
    }

    private static DispatcherBoard Board(bool open, DateTimeOffset? until) =>
        new("tenant:a1", "テスト県1", false, open, until, 0, null, 0, 0, 0, 0, 0, [], [], 1);
}
