using OrleansConsult.OperatorConsole.Records;

namespace OrleansConsult.Tests.Records;

/// <summary>The timeline's reasons in Japanese: every way a case closes, and the dispatcher's; anything else as stored.</summary>
public sealed class JournalReasonLabelsTests
{
    [Theory]
    [InlineData("ended", "相談員が終了（/終了）")]
    [InlineData("idle", "相談者の無応答による自動終了")]
    [InlineData("unfollow", "相談者が友だち登録を解除")]
    [InlineData("erasure", "相談者の相談記録の削除依頼")]
    [InlineData("timeout", "時間切れ")]
    [InlineData("nobody on shift", "出勤中の相談員なし")]
    public void Known_reasons_are_Japanese(string stored, string shown) => Assert.Equal(shown, JournalReasonLabels.Label(stored));

    [Fact]
    public void An_unknown_reason_shows_as_stored_and_none_stays_none()
    {
        Assert.Equal("from tym-c01", JournalReasonLabels.Label("from tym-c01"));
        Assert.Null(JournalReasonLabels.Label(null));
    }

    [Fact]
    public void Every_way_the_case_grain_closes_a_case_has_a_label()
    {
        // The reasons the case grain (and whatever it delegates to) passes to CloseAsync, read from its source so a new one cannot slip by unlabelled.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "OrleansConsult.sln"))) root = root.Parent!;
        var folder = Path.Combine(root.FullName, "src", "OrleansConsult.Grains");
        var reasons = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "CloseAsync\\(\"([^\"]+)\"").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.Contains("ended", reasons);
        Assert.All(reasons, r => Assert.NotEqual(r, JournalReasonLabels.Label(r)));
    }
}
