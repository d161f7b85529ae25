namespace OrleansConsult.Abstractions.Records;

/// <summary>The classification and referral lists a tenant uses; <see cref="Default"/> holds the program's defaults.</summary>
public sealed record CaseRecordLists(
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> AgeBands,
    IReadOnlyList<string> PregnancyWeeks,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Destinations,
    IReadOnlyList<string> ReferralStatuses)
{
    public static CaseRecordLists Default { get; } = new(
        ["妊娠の可能性・検査", "妊娠継続の迷い", "中絶", "体調・受診", "避妊", "パートナー・家族", "経済・住まい", "学校・仕事", "暴力・性被害", "その他"],
        ["〜15", "16–17", "18–19", "20–24", "25 以上", "不明"],
        ["未確認", "〜11 週", "12–21 週", "22 週〜", "該当なし"],
        ["情報提供", "傾聴・助言", "受診勧奨", "他機関紹介", "関係機関連携"],
        ["こども家庭センター（子育て世代包括支援センター）", "児童相談所", "女性相談支援センター", "医療機関（産科）", "福祉事務所", "警察", "居場所・シェルター", "その他"],
        ["提案した", "連絡した", "つながった", "不明"]);
}
