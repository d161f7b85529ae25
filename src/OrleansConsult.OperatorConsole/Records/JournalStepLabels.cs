namespace OrleansConsult.OperatorConsole.Records;

/// <summary>Japanese names of the routing journal's steps (as the dispatcher and the case write them); unknown steps show as stored.</summary>
public static class JournalStepLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["created"] = "受付",
        ["urgent"] = "緊急と判定",
        ["queued"] = "待ち行列へ",
        ["left message"] = "伝言を受付",
        ["offered"] = "相談員へ提示",
        ["accepted"] = "対応開始",
        ["declined"] = "見送り",
        ["timed out"] = "提示の時間切れ",
        ["withdrawn"] = "提示の取り下げ",
        ["requeued"] = "待ち行列へ戻す",
        ["unanswered"] = "対応できる人がいない",
        ["overflowed"] = "全国プールへ",
        ["transferred"] = "転送",
        ["closed"] = "終了",
    };

    public static string Label(string step) => Labels.TryGetValue(step, out var label) ? label : step;
}
