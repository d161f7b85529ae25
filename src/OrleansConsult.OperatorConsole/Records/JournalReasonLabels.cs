namespace OrleansConsult.OperatorConsole.Records;

/// <summary>
/// Japanese for the reasons the routing journal stores with a step (why a case closed, why an offer came back, why a
/// case left the queue), as the case and the dispatcher write them; an unknown reason shows as stored.
/// </summary>
public static class JournalReasonLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        // Why a case closed (ConsultationGrain.CloseAsync).
        ["ended"] = "相談員が終了（/終了）",
        ["idle"] = "相談者の無応答による自動終了",
        ["unfollow"] = "相談者が友だち登録を解除",
        ["erasure"] = "相談者の相談記録の削除依頼",
        // Why an offer came back or a case left the queue (DispatcherGrain).
        ["declined"] = "見送り",
        ["timeout"] = "時間切れ",
        ["closed"] = "受付時間外",
        ["nobody on shift"] = "出勤中の相談員なし",
        ["all declined"] = "全員が見送り",
        ["max wait"] = "待ち時間の上限",
        ["offer lapsed"] = "提示の時間切れ",
        ["Lapsed"] = "時間切れ",
        ["Declined"] = "見送り",
        ["Unavailable"] = "休憩・退勤",
        ["Roster"] = "名簿の変更",
        ["Withdrawn"] = "取り下げ",
        ["Repaired"] = "整合性の修復",
    };

    public static string? Label(string? reason) => reason is null ? null : Labels.TryGetValue(reason, out var label) ? label : reason;
}
